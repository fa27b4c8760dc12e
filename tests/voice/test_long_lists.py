"""A forum's lists are longer than one page: Discourse sends 30 topics at a time with
``more_topics_url``. Going on past the end of a page, or opening a topic further down,
fetches the next page from the real demo forum over loopback."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import ADMIN_KEY, keyed_forum, member_headers, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.speech.text.emoji import title_words

NEW_TOPICS = 20


def add_topics(
    forum: DemoForum, count: int, about: str = "the heat and fatigue", first: int = 1
) -> None:
    """``count`` topics numbered from ``first`` (a forum refuses a title used before, and
    the same words from one member within minutes)."""
    member = {"Api-Key": ADMIN_KEY, "Api-Username": "sam"}
    for n in range(first, first + count):
        body = {
            "title": f"Small things that help, number {n}",
            "raw": f"Sharing what has helped me this week with {about}, tip {n}.",
            "category": 1,
        }
        made = httpx.post(f"{forum.base_url}/posts.json", headers=member, json=body)
        assert made.status_code == 200, made.text


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    # No request limit: the topics made here are not what is tested.
    with keyed_forum(tmp_path / "forum.sqlite3", admin_api_key_requests_per_minute=0) as server:
        add_topics(server, NEW_TOPICS)
        yield server


def latest(forum: DemoForum, page: int) -> dict[str, object]:
    answer = httpx.get(f"{forum.base_url}/latest.json", params={"page": page})
    return dict(answer.json()["topic_list"])


def test_next_goes_on_into_the_forums_next_page(forum: DemoForum, tmp_path: Path) -> None:
    first, second = latest(forum, 0), latest(forum, 1)
    assert len(first["topics"]) == 30 and first.get("more_topics_url")  # type: ignore[arg-type]
    thirty_first = second["topics"][0]["title"]  # type: ignore[index]
    talk = converse(
        forum.base_url,
        ["latest topics", "open topic thirty", "back", "next", "where am i"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert "Say next to hear more, or open topic and a number." in talk.said[0]
    assert talk.said[-2].startswith(f"31: {title_words(str(thirty_first))}")
    total = 30 + len(second["topics"])  # type: ignore[arg-type]
    assert talk.said[-1].startswith(f"You are in the topic list, on topic 31 of {total}:")


def test_next_after_the_list_names_the_next_ones_through_to_its_end(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Say next to hear more": the topics after the five heard, five at a time, on into
    # the forum's second page; "the last one" is the last of those heard.
    pages = (latest(forum, page)["topics"] for page in (0, 1))
    titles = [str(t["title"]) for topics in pages for t in topics]  # type: ignore[attr-defined]
    total = len(titles)
    assert 30 < total <= 35  # the second page ends within one more "next"
    talk = converse(
        forum.base_url,
        ["latest topics", *["next"] * 7, "open the last one", "back", "previous"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    said = talk.said
    assert said[1].startswith(f"Six: {title_words(titles[5])}")
    assert f"Ten: {title_words(titles[9])}" in said[1]
    assert said[1].endswith("Say next to hear more, or open topic and a number.")
    assert said[6].startswith(f"31: {title_words(titles[30])}")
    assert said[6].endswith("That is the end of the list. Say open topic and a number.")
    assert f"{total}: {title_words(titles[-1])}" in said[6]
    assert said[7] == "That is the end of the list. Say open topic and a number."
    opened = title_words(titles[-1])
    assert said[8].startswith(opened), said[8]
    assert any(line.startswith(f"Back to the topic list. {total}: {opened}") for line in said)
    assert said[-1].startswith(f"{total - 1}: {title_words(titles[-2])}")


def test_a_full_last_page_ends_the_list_after_one_empty_page(
    forum: DemoForum, tmp_path: Path
) -> None:
    # A stock forum offers more_topics_url whenever a page is full, even the last one.
    add_topics(forum, 30 - len(latest(forum, 1)["topics"]), first=NEW_TOPICS + 1)  # type: ignore[arg-type]
    assert latest(forum, 1).get("more_topics_url") and latest(forum, 2)["topics"] == []
    talk = converse(
        forum.base_url,
        ["latest topics", "open topic sixty", "back", "next", "where am i"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[-2] == "That is the end of the list."
    assert talk.said[-1].startswith("You are in the topic list, on topic 60 of 60:"), talk.said


def test_a_topic_further_down_opens_by_its_number(forum: DemoForum, tmp_path: Path) -> None:
    second = latest(forum, 1)["topics"]
    last = len(second) + 30  # type: ignore[arg-type]
    talk = converse(
        forum.base_url,
        ["latest topics", f"open topic {last}", "back", f"open topic {last + 1}"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    title = title_words(str(second[-1]["title"]))  # type: ignore[index]
    assert any(line.startswith(title) for line in talk.said), talk.said
    assert talk.said[-1] == (
        f"There is no topic {last + 1}. Say open topic and a number from 1 to {last}."
    )


def test_older_private_conversations_follow_on_the_next_page(
    forum: DemoForum, tmp_path: Path
) -> None:
    sam = {"Api-Key": ADMIN_KEY, "Api-Username": "sam"}
    for n in range(30):  # with the seeded one, 31: a page and one more
        body = {
            "title": f"Checking in about the meet-up, note {n + 1}",
            "raw": f"Just checking you are still all right for Thursday ({n + 1}).",
            "archetype": "private_message",
            "target_recipients": "demo",
        }
        made = httpx.post(f"{forum.base_url}/posts.json", headers=sam, json=body)
        assert made.status_code == 200, made.text
    talk = converse(
        forum.base_url,
        ["my messages", "open topic thirty one"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[0].startswith("30 private conversations or more")
    assert any(line.startswith("Checking in after your first week") for line in talk.said)


def test_a_next_page_the_forum_cannot_give_is_explained(forum: DemoForum, tmp_path: Path) -> None:
    talk = converse(
        forum.base_url,
        ["latest topics", "open topic thirty", "back", "next", "where am i"],
        tmp_path / "data",
        credentials=signed_in(forum),
        before_line={3: forum.stop},  # the forum goes away before "next"
    )
    # Unreachable, or failing while it shuts down: either way said, and what to do.
    assert talk.said[-2].startswith(("I cannot reach the forum", "The forum")), talk.said
    assert "end of the list" not in talk.said[-2]
    # The list read so far stays, at the same place.
    assert talk.said[-1].startswith("You are in the topic list, on topic 30 of 30 or more:")


def test_search_results_go_on_into_the_next_page(forum: DemoForum, tmp_path: Path) -> None:
    # Discourse's full-page search sends 50 matching posts a page and says when there
    # are more (more_full_page_results).
    add_topics(forum, 55, about="a cooling towel", first=NEW_TOPICS + 1)

    def search(page: int) -> dict[str, Any]:
        params: dict[str, str | int] = {"q": "cooling towel", "page": page}
        return dict(httpx.get(f"{forum.base_url}/search.json", params=params).json())

    first, second = search(1), search(2)
    assert len(first["posts"]) == 50 and first["grouped_search_result"]["more_full_page_results"]
    on_first = list(dict.fromkeys(p["topic_id"] for p in first["posts"]))
    every = list(dict.fromkeys(p["topic_id"] for p in first["posts"] + second["posts"]))
    assert len(every) > len(on_first)
    talk = converse(
        forum.base_url,
        ["search for cooling towel", f"open topic {len(every)}", "back", "where am i"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[0].startswith(f"{len(on_first)} topics or more about cooling towel.")
    last = next(t["title"] for t in second["topics"] if t["id"] == every[-1])
    assert any(line.startswith(title_words(last)) for line in talk.said), talk.said
    assert talk.said[-2].startswith("Back to the topics about cooling towel.")
    assert talk.said[-1].startswith(
        f"You are in the topics about cooling towel, on topic {len(every)} of {len(every)}:"
    )


def mention_demo(forum: DemoForum, texts: Iterable[str]) -> None:
    """Ruth replies once per text, mentioning demo: one notification each. (She is staff,
    so the forum takes any number of her replies in a row.)"""
    for text in texts:
        body = {"topic_id": 1, "raw": f"@demo {text} Take care."}
        made = httpx.post(f"{forum.base_url}/posts.json", headers=member_headers("ruth"), json=body)
        assert made.status_code == 200, made.text


def test_an_unread_notification_behind_sixty_newer_ones_is_heard(
    forum: DemoForum, tmp_path: Path
) -> None:
    # /notifications.json sends the newest 60 of every kind; filter=unread asks for
    # unread ones, so one left unread behind 60 newer (read on the web) is not lost.
    demo = member_headers("demo")
    mention_demo(
        forum,
        [
            "Have you tried the cooling towel?",
            *(f"Thinking of you, note {n}?" for n in range(1, 61)),
        ],
    )
    newest = httpx.get(f"{forum.base_url}/notifications.json", headers=demo).json()
    assert len(newest["notifications"]) == 60
    for note in newest["notifications"]:  # read on the web: all but the oldest mention
        body = {"id": note["id"]}
        marked = httpx.put(
            f"{forum.base_url}/notifications/mark-read.json", headers=demo, json=body
        )
        assert marked.status_code == 200
    unread = httpx.get(
        f"{forum.base_url}/notifications.json", headers=demo, params={"filter": "unread"}
    ).json()["notifications"]
    assert not any("Thinking of you" in str(n["data"]) for n in unread)
    talk = converse(
        forum.base_url, ["notifications"], tmp_path / "data", credentials=signed_in(forum)
    )
    assert talk.said[0] == f"You have {len(unread)} new notifications."
    # The newest unread is the mention behind the 60 read ones.
    assert talk.said[1].startswith("One: ruth mentioned you in "), talk.said


def test_more_than_sixty_unread_notifications_are_counted_in_full(
    forum: DemoForum, tmp_path: Path
) -> None:
    # The forum sends 60 at a time; its total_rows_notifications says how many there are.
    demo = member_headers("demo")
    mention_demo(forum, [f"Thinking of you today, note {n}." for n in range(66)])
    unread, offset = 0, 0
    while True:  # every unread one, page by page, as the web's "load more" does
        params: dict[str, str | int] = {"filter": "unread", "offset": offset}
        page = httpx.get(f"{forum.base_url}/notifications.json", headers=demo, params=params)
        found = page.json()["notifications"]
        if not found:
            break
        unread, offset = unread + len(found), offset + len(found)
    assert unread > 66
    talk = converse(
        forum.base_url,
        ["notifications", "notifications"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[0] == f"You have {unread} new notifications. Here are the newest 5."
    assert sum(": ruth mentioned you in " in line for line in talk.said) == 10
    # Each heard one was marked read: the second round counts five fewer.
    second = next(i for i, line in enumerate(talk.said) if i and line.startswith("You have"))
    assert talk.said[second] == f"You have {unread - 5} new notifications. Here are the newest 5."


def test_open_the_last_one_before_any_list_says_to_hear_one(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(forum.base_url, ["open the last one"], tmp_path / "data")
    assert talk.said == ["You have not heard a topic list yet. Say latest topics."]


def test_how_much_is_left_says_the_forum_has_more(forum: DemoForum, tmp_path: Path) -> None:
    talk = converse(forum.base_url, ["latest topics", "how much is left"], tmp_path / "data")
    assert talk.said[-1] == (
        "25 more topics after the 5 you have heard, and the forum has more after them. "
        "Say next to hear them."
    )
