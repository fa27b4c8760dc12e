"""Closing and archiving topics on the demo forum, as Discourse does: staff only, a
small-action post left behind, and replies then refused with PostCreator's own words;
``details.can_create_post`` is sent only to those who may still reply."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.members import backdate_likes, keyed_forum, member_headers
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.seed_reading import keep_topics_to_staff


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    with keyed_forum(tmp_path / "forum.sqlite3") as server:
        yield server


def set_status(forum: DemoForum, who: str, status: str, enabled: bool) -> httpx.Response:
    body = {"status": status, "enabled": "true" if enabled else "false"}
    return httpx.put(f"{forum.base_url}/t/1/status.json", headers=member_headers(who), json=body)


def reply(forum: DemoForum, who: str) -> httpx.Response:
    body = {"topic_id": 1, "raw": "Thank you, this helped me a great deal today."}
    return httpx.post(f"{forum.base_url}/posts.json", headers=member_headers(who), json=body)


def topic(forum: DemoForum, who: str) -> dict[str, object]:
    return dict(httpx.get(f"{forum.base_url}/t/1.json", headers=member_headers(who)).json())


def test_a_closed_topic_takes_replies_from_staff_only(forum: DemoForum) -> None:
    assert topic(forum, "demo")["details"]["can_create_post"] is True  # type: ignore[index]
    assert set_status(forum, "demo", "closed", True).status_code == 403
    assert set_status(forum, "ruth", "closed", True).status_code == 200
    seen = topic(forum, "demo")
    assert seen["closed"] is True and "can_create_post" not in seen["details"]  # type: ignore[operator]
    last = seen["post_stream"]["posts"][-1]  # type: ignore[index]
    assert (last["post_type"], last["action_code"]) == (3, "closed.enabled")
    refused = reply(forum, "demo")
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        "Something has gone wrong. Perhaps this topic was closed or deleted while you were "
        "looking at it?"
    ]
    assert reply(forum, "ruth").status_code == 200
    (row,) = [
        t
        for t in httpx.get(f"{forum.base_url}/latest.json", headers=member_headers("demo")).json()[
            "topic_list"
        ]["topics"]
        if t["id"] == 1
    ]
    assert row["closed"] is True and row["archived"] is False
    assert set_status(forum, "ruth", "closed", False).status_code == 200
    assert reply(forum, "demo").status_code == 200


def test_an_archived_topic_takes_replies_from_staff_only(forum: DemoForum) -> None:
    # Guardian#can_create_post_on_topic?: moderators and trust level 4 as in a closed one.
    assert set_status(forum, "ruth", "archived", True).status_code == 200
    seen = topic(forum, "demo")
    assert seen["archived"] is True and "can_create_post" not in seen["details"]  # type: ignore[operator]
    assert reply(forum, "demo").status_code == 422
    assert topic(forum, "ruth")["details"]["can_create_post"] is True  # type: ignore[index]
    assert reply(forum, "ruth").status_code == 200
    assert set_status(forum, "ruth", "pinned", True).status_code == 400


def test_a_category_can_keep_starting_topics_to_staff(forum: DemoForum) -> None:
    keep_topics_to_staff(forum.store, "living-with-ms")

    def permissions(who: str) -> dict[str, object]:
        answer = httpx.get(f"{forum.base_url}/categories.json", headers=member_headers(who))
        return {c["slug"]: c["permission"] for c in answer.json()["category_list"]["categories"]}

    assert permissions("demo")["living-with-ms"] is None
    assert permissions("ruth")["living-with-ms"] == 1
    assert set(permissions("demo").values()) == {None, 1}
    categories = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
    (living,) = [c for c in categories["categories"] if c["slug"] == "living-with-ms"]
    body = {"title": "A question about heat and sleep", "raw": "How do you all sleep?" * 3}

    def start(who: str) -> httpx.Response:
        url = f"{forum.base_url}/posts.json"
        return httpx.post(url, headers=member_headers(who), json={**body, "category": living["id"]})

    refused = start("demo")
    assert refused.status_code == 403 and refused.json()["error_type"] == "invalid_access"
    assert start("ruth").status_code == 200
    assert reply(forum, "demo").status_code == 200  # replies there are still anyone's


def like_summary(forum: DemoForum, who: str, post_number: int) -> dict[str, object] | None:
    posts = topic(forum, who)["post_stream"]["posts"]  # type: ignore[index]
    post = next(p for p in posts if p["post_number"] == post_number)
    return next((a for a in post["actions_summary"] if a["id"] == 2), None)


def like(forum: DemoForum, who: str, post_number: int) -> httpx.Response:
    posts = topic(forum, who)["post_stream"]["posts"]  # type: ignore[index]
    post_id = next(p["id"] for p in posts if p["post_number"] == post_number)
    body = {"id": post_id, "post_action_type_id": 2}
    return httpx.post(f"{forum.base_url}/post_actions.json", headers=member_headers(who), json=body)


def test_a_post_says_whether_it_can_be_liked_and_an_archived_topic_takes_no_likes(
    forum: DemoForum,
) -> None:
    # Guardian#post_can_act?: not one's own post, not twice, not in an archived topic;
    # PostSerializer lists the summary only with a count or can_act.
    author = topic(forum, "demo")["post_stream"]["posts"][0]["username"]  # type: ignore[index]
    assert like_summary(forum, "demo", 1) == {"id": 2, "can_act": True}
    assert like_summary(forum, str(author), 1) is None
    assert like(forum, str(author), 1).status_code == 403
    liked = like(forum, "demo", 1)
    assert liked.status_code == 200, liked.text
    after = next(a for a in liked.json()["actions_summary"] if a["id"] == 2)
    assert after == {"id": 2, "count": 1, "acted": True, "can_undo": True}
    assert like_summary(forum, "demo", 1) == after
    assert set_status(forum, "ruth", "archived", True).status_code == 200
    assert like_summary(forum, "mei", 1) == {"id": 2, "count": 1}
    refused = like(forum, "mei", 1)
    assert refused.status_code == 403 and refused.json()["error_type"] == "invalid_access"


def unlike(forum: DemoForum, who: str, post_number: int) -> httpx.Response:
    posts = topic(forum, who)["post_stream"]["posts"]  # type: ignore[index]
    post_id = next(p["id"] for p in posts if p["post_number"] == post_number)
    return httpx.request(
        "DELETE",
        f"{forum.base_url}/post_actions/{post_id}.json",
        headers=member_headers(who),
        json={"post_action_type_id": 2},
    )


def liked_notifications(forum: DemoForum, who: str) -> int:
    answer = httpx.get(f"{forum.base_url}/notifications.json", headers=member_headers(who))
    return sum(n["notification_type"] == 5 for n in answer.json()["notifications"])


def test_a_like_is_taken_back_within_ten_minutes_and_not_after(forum: DemoForum) -> None:
    # PostActionsController#destroy: 404 without a like; Guardian#can_delete_post_action?:
    # within post_undo_action_window_mins (10) and not in an archived topic, else 403.
    author = str(topic(forum, "demo")["post_stream"]["posts"][0]["username"])  # type: ignore[index]
    assert unlike(forum, "demo", 1).status_code == 404
    assert like(forum, "demo", 1).status_code == 200
    assert liked_notifications(forum, author) == 1
    taken = unlike(forum, "demo", 1)
    assert taken.status_code == 200, taken.text
    assert [a for a in taken.json()["actions_summary"] if a["id"] == 2] == [
        {"id": 2, "can_act": True}
    ]
    assert liked_notifications(forum, author) == 0  # PostActionNotifier takes it back too
    assert like(forum, "demo", 1).status_code == 200
    backdate_likes(forum, 11)
    assert like_summary(forum, "demo", 1) == {"id": 2, "count": 1, "acted": True}
    late = unlike(forum, "demo", 1)
    assert late.status_code == 403 and late.json()["error_type"] == "invalid_access"
    assert like(forum, "mei", 1).status_code == 200
    assert set_status(forum, "ruth", "archived", True).status_code == 200
    assert unlike(forum, "mei", 1).status_code == 403
