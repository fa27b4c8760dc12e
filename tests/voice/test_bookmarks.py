"""Saved posts by voice against the real demo forum over loopback: "bookmark this" saves
through the forum's API, "my bookmarks" lists them, a bookmark opens where it was saved,
"remove bookmark" undoes."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import ADMIN_KEY, as_member, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.speech.text.emoji import title_words
from voicepeer.voice.not_understood import DELETE_WHAT
from voicepeer.voice.states import State


def saved(forum: DemoForum) -> list[dict[str, object]]:
    body = as_member(forum, "/u/demo/bookmarks.json")
    return list(body.get("user_bookmark_list", {}).get("bookmarks", []))


def topic_title(forum: DemoForum, number: int) -> str:
    topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    return str(topics[number - 1]["title"])


def bookmark_posts(forum: DemoForum, count: int) -> None:
    """``count`` posts saved by the demo member, the first ones the forum lets them save."""
    member = {"Api-Key": ADMIN_KEY, "Api-Username": "demo"}
    marked = 0
    for post_id in range(1, 200):
        body = {"bookmarkable_id": post_id, "bookmarkable_type": "Post"}
        answer = httpx.post(f"{forum.base_url}/bookmarks.json", headers=member, json=body)
        marked += answer.status_code == 200
        if marked == count:
            return
    raise AssertionError(f"only {marked} posts could be saved")


def test_bookmark_list_open_and_remove(forum: DemoForum, tmp_path: Path) -> None:
    data = tmp_path / "data"
    title = topic_title(forum, 2)
    talk = converse(
        forum.base_url,
        [
            "open topic two",
            "next",
            "bookmark this",
            "bookmark this",
        ],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-2].startswith("Bookmarked this post by ")
    assert "Only you can see your bookmarks." in talk.said[-2]
    assert talk.said[-1].startswith("This post is already in your bookmarks.")
    rows = saved(forum)
    assert len(rows) == 1 and rows[0]["linked_post_number"] == 2 and rows[0]["title"] == title

    # Another day: the list, then the saved post opens where it was saved.
    again = converse(
        forum.base_url,
        [
            "latest topics",
            "my bookmarks",
            "open topic one",
            "where am i",
        ],
        data,
        credentials=signed_in(forum),
    )
    listing = next(line for line in again.said if line.startswith("You have 1 bookmark."))
    spoken = title_words(title)  # its emoji as words
    assert f"One: {spoken}, post 2 by " in listing
    # The post's piece, its emoji said as in the post (Discourse keeps emoji pictures in
    # bookmark excerpts), ends as a sentence before what to say next.
    assert listing.endswith(
        "Celebrate properly. Confetti ball. Say open topic and a number to read one, "
        "next to go through them, or remove bookmark."
    )
    assert any(line.startswith("Post 2 of ") for line in again.said)
    assert again.said[-1].startswith(f"You are reading {spoken}, post 2 of")

    # "remove bookmark" while reading the saved post undoes it.
    removed = converse(
        forum.base_url,
        [
            "my bookmarks",
            "read",
            "remove bookmark",
            "remove bookmark",
            "how many bookmarks do I have",
        ],
        data,
        credentials=signed_in(forum),
    )
    assert removed.said[-3] == f"Removed the bookmark on {spoken}, post 2."
    assert removed.said[-2] == "This post is not in your bookmarks."
    # "How many bookmarks" found no command: it says them, as "my bookmarks" does.
    assert removed.said[-1].startswith("You have no bookmarks yet.")
    assert saved(forum) == []


def test_going_through_the_list_and_removing_one(forum: DemoForum, tmp_path: Path) -> None:
    data = tmp_path / "data"
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "bookmark this",
            "back",
            "open topic three",
            "next",
            "bookmark this",
            "my bookmarks",
            "next",
            "where am i",
            "remove it",  # the bookmark reached, as "remove bookmark" removes it
            "previous",
            "back",
        ],
        data,
        credentials=signed_in(forum),
    )
    assert any(line.startswith("You have 2 bookmarks.") for line in talk.said)
    # Newest first, as Discourse lists them: topic one's post is second.
    assert f"You are in your bookmarks, on 2 of 2: {topic_title(forum, 1)}." in talk.said
    assert talk.said[-3] == f"Removed the bookmark on {topic_title(forum, 1)}, post 1."
    assert talk.said[-2] == "This is the first one."
    assert talk.said[-1].startswith("Back to the topic list.")
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING
    assert [row["title"] for row in saved(forum)] == [topic_title(forum, 3)]


def test_open_the_last_one_opens_the_last_bookmark_heard(forum: DemoForum, tmp_path: Path) -> None:
    data = tmp_path / "data"
    lines = ["open topic one", "bookmark this", "back", "open topic three", "bookmark this"]
    converse(forum.base_url, lines, data, credentials=signed_in(forum))
    talk = converse(
        forum.base_url,
        ["my bookmarks", "open the last one", "where am i"],
        data,
        credentials=signed_in(forum),
    )
    # Newest first: topic one's post, bookmarked first, is the last said.
    assert talk.said[0].startswith("You have 2 bookmarks.")
    assert talk.said[-1].startswith(f"You are reading {topic_title(forum, 1)}, post 1 of")


def test_signed_out_hears_how_to_sign_in(forum: DemoForum, tmp_path: Path) -> None:
    talk = converse(
        forum.base_url, ["open topic one", "bookmark this", "my bookmarks"], tmp_path / "data"
    )
    assert talk.said[-2] == talk.said[-1]
    assert "voicepeer forum connect" in talk.said[-1]
    assert saved(forum) == []


def test_a_topic_saved_on_the_web_opens_where_reading_stopped(
    forum: DemoForum, tmp_path: Path
) -> None:
    # The bookmark at the top of a topic on the web saves the whole topic; the web opens
    # it at the first post not yet read, and so does voicepeer.
    topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    topic = next(t for t in topics if t["posts_count"] >= 3)
    member = {"Api-Key": ADMIN_KEY, "Api-Username": "demo"}
    read = httpx.post(
        f"{forum.base_url}/topics/timings",
        headers=member,
        json={"topic_id": topic["id"], "topic_time": 6000, "timings": {"1": 3000, "2": 3000}},
    )
    assert read.status_code == 200, read.text
    mark = httpx.post(
        f"{forum.base_url}/bookmarks.json",
        headers=member,
        json={"bookmarkable_id": topic["id"], "bookmarkable_type": "Topic"},
    )
    assert mark.status_code == 200, mark.text
    talk = converse(
        forum.base_url,
        ["my bookmarks", "open topic one", "bookmark this", "remove bookmark", "remove bookmark"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    spoken = title_words(topic["title"])
    listing = next(line for line in talk.said if line.startswith("You have 1 bookmark."))
    assert f"One: {spoken}, a saved topic started by " in listing
    assert any(line.startswith(f"Post 3 of {topic['posts_count']}") for line in talk.said)
    # The post itself can be saved beside the topic; removing goes post first, then topic.
    assert talk.said[-3].startswith("Bookmarked this post by ")
    assert talk.said[-2] == f"Removed the bookmark on {spoken}, post 3."
    assert talk.said[-1] == f"Removed the bookmark on {spoken}."
    assert saved(forum) == []


def test_bookmarks_beyond_the_forums_first_page_are_heard(
    forum: DemoForum, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Discourse sends 20 bookmarks a page with more_bookmarks_url; voicepeer reads on, up to
    # its own limit (lowered here from 100 to 40, so 45 saved posts pass it).
    bookmark_posts(forum, 45)
    every = converse(
        forum.base_url, ["my bookmarks"], tmp_path / "all", credentials=signed_in(forum)
    )
    assert every.said[-1].startswith("You have 45 bookmarks. One: ")
    monkeypatch.setattr("voicepeer.forum.peer.MAX_BOOKMARKS", 40)
    monkeypatch.setattr("voicepeer.voice.bookmarks.MAX_BOOKMARKS", 40)
    capped = converse(
        forum.base_url, ["my bookmarks"], tmp_path / "capped", credentials=signed_in(forum)
    )
    assert capped.said[-1].startswith("You have 40 bookmarks or more. These are the newest.")


def test_next_after_the_list_names_the_bookmarks_not_heard_yet(
    forum: DemoForum, tmp_path: Path
) -> None:
    bookmark_posts(forum, 7)
    talk = converse(
        forum.base_url,
        ["my bookmarks", "next", "next", "previous", "open the last one", "where am i"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    listed, more, ended, stepped = talk.said[:4]
    assert listed.startswith("You have 7 bookmarks. One: ") and " Five: " in listed
    assert listed.endswith(
        "Say open topic and a number to read one, next to hear more, or remove bookmark."
    )
    assert more.startswith("Six: ") and " Seven: " in more
    assert more.endswith("That is the last bookmark. Say open topic and a number to read one.")
    assert ended == "That is the last bookmark. Say open topic and a number to read one."
    assert stepped.startswith("Five: ") and stepped.endswith("Say read to open it.")
    # The seventh, the last heard, is the oldest saved (newest first).
    oldest = saved(forum)[-1]
    assert talk.said[-1].startswith(
        f"You are reading {oldest['title']}, post {oldest['linked_post_number']} of "
    )


def test_a_bookmarks_name_is_said_with_it(forum: DemoForum, tmp_path: Path) -> None:
    # On the web a bookmark can be given a name ("ask the nurse"), said with it.
    member = {"Api-Key": ADMIN_KEY, "Api-Username": "demo"}
    body = {"bookmarkable_id": 2, "bookmarkable_type": "Post", "name": "ask the nurse"}
    mark = httpx.post(f"{forum.base_url}/bookmarks.json", headers=member, json=body)
    assert mark.status_code == 200, mark.text
    talk = converse(
        forum.base_url, ["my bookmarks"], tmp_path / "data", credentials=signed_in(forum)
    )
    assert ", you named it ask the nurse: " in talk.said[-1], talk.said


def test_back_in_a_topic_opened_from_the_bookmarks_comes_back_to_them(
    forum: DemoForum, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    account = signed_in(forum)
    converse(forum.base_url, ["open topic two", "bookmark this"], data, credentials=account)
    talk = converse(
        forum.base_url,
        ["my bookmarks", "open topic one", "next", "back", "read", "back", "back"],
        data,
        credentials=signed_in(forum),
    )
    line = f"One: {title_words(topic_title(forum, 2))}, post 1 by"
    assert talk.said[4].startswith(f"Back to your bookmarks. {line}"), talk.said[3:5]
    assert talk.said[4].endswith("Say read to open it, or next.")
    assert talk.said[7].startswith(f"Back to your bookmarks. {line}")
    # From the bookmarks, "back" leaves them for the topic list, as before.
    assert talk.said[-1].startswith("Back to the topic list.")
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING
    # Once another list or topic came in between, "back" goes to that list.
    later = converse(
        forum.base_url,
        ["my bookmarks", "open topic one", "latest topics", "open topic one", "back"],
        data,
        credentials=signed_in(forum),
    )
    assert later.said[-1].startswith("Back to the topic list. One:")


def test_delete_it_while_reading_deletes_nothing_and_says_what_to_say(
    forum: DemoForum, tmp_path: Path
) -> None:
    # In the lists "delete it" removes the one reached; reading, it could mean the post, a
    # like or a bookmark, so nothing is removed and the person hears what to say.
    talk = converse(
        forum.base_url,
        ["open topic one", "bookmark this", "delete it", "remove it", "get rid of it"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[-3:] == [DELETE_WHAT, DELETE_WHAT, DELETE_WHAT]
    assert [row["title"] for row in saved(forum)] == [topic_title(forum, 1)]


def test_in_the_list_only_remove_it_itself_removes_the_bookmark(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Removing a bookmark asks nothing: "move it", near "remove it", is asked about.
    talk = converse(
        forum.base_url,
        ["open topic one", "bookmark this", "my bookmarks", "move it", "get rid of it"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[-2] == "Did you mean remove bookmark? If so, please say it again."
    # "Get rid of it" as "remove it" does: it found no command.
    assert talk.said[-1] == f"Removed the bookmark on {topic_title(forum, 1)}, post 1."
    assert saved(forum) == []


def test_bookmark_this_in_the_list_removes_nothing(forum: DemoForum, tmp_path: Path) -> None:
    # Word for word "bookmark this", it is no near "remove bookmark".
    bookmark_posts(forum, 2)
    talk = converse(
        forum.base_url,
        ["my bookmarks", "bookmark this"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[-1].startswith("Bookmark does nothing here. You are in your bookmarks")
    assert len(saved(forum)) == 2


@pytest.mark.parametrize(
    ("said", "heard", "state"),
    [
        ("my drafts", "You have no saved drafts.", State.BROWSING),
        ("notifications", "You have 3 new notifications.", State.BROWSING),
        ("new topic", "Which category is your topic for?", State.CATEGORY),
        ("message sam", "Did you mean Sam Okafor?", State.CHOOSING),
        ("search for heat", "2 topics about heat.", State.BROWSING),
    ],
)
def test_the_topic_lists_own_commands_leave_the_bookmarks_for_them(
    forum: DemoForum, tmp_path: Path, said: str, heard: str, state: State
) -> None:
    # They did nothing there ("My drafts does nothing here"): "back" had to come first.
    bookmark_posts(forum, 1)
    talk = converse(
        forum.base_url, ["my bookmarks", said], tmp_path / "data", credentials=signed_in(forum)
    )
    assert talk.said[1].startswith(heard), talk.said
    assert talk.assistant is not None and talk.assistant.state is state
