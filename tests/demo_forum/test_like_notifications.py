"""Like notifications as a stock forum gives them with its default like notification
frequency ("first time and daily"): a post's further likes within a day tell nothing
new, one liker's many likes are gathered into one, and a like taken back leaves one
naming who still likes the post."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import (
    ADMIN_KEY,
    as_member,
    backdate_notifications,
    like,
    member_headers,
    posted,
)
from tests.support.spec import validate_response
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.store import iso


@pytest.fixture
def keyed(make_forum: ForumFactory) -> DemoForum:
    return make_forum(admin_api_key=ADMIN_KEY)


def unlike(forum: DemoForum, who: str, post_id: int) -> None:
    url = f"{forum.base_url}/post_actions/{post_id}.json"
    answer = httpx.delete(url, params={"post_action_type_id": 2}, headers=member_headers(who))
    assert answer.status_code == 200, answer.text


def likes_told(forum: DemoForum) -> list[dict[str, Any]]:
    """demo's like notifications (single and gathered), newest first."""
    body = as_member(forum, "/notifications.json")
    validate_response("GET", "/notifications.json", 200, body)
    return [n for n in body["notifications"] if n["notification_type"] in (5, 19)]


def demos_posts(forum: DemoForum, count: int) -> list[int]:
    texts = (
        "Pacing helps me most of all.",
        "Cool showers help me too.",
        "Naps after lunch, every day.",
        "Short walks in the morning.",
    )
    # One a topic: a stock forum takes no more than three replies in a row from one member.
    return [
        posted(forum, "demo", {"topic_id": topic_id, "raw": text})["id"]
        for topic_id, text in enumerate(texts[:count], start=1)
    ]


def test_a_posts_further_likes_within_a_day_tell_nothing_new(keyed: DemoForum) -> None:
    (post_id,) = demos_posts(keyed, 1)
    like(keyed, "sam", post_id)
    like(keyed, "priya", post_id)
    (told,) = likes_told(keyed)
    assert told["data"]["display_username"] == "sam" and told["post_number"] > 1
    backdate_notifications(keyed, 24 * 60 + 1)
    like(keyed, "dave", post_id)
    newest, older = likes_told(keyed)
    assert newest["data"]["display_username"] == "dave" and not newest["read"]
    assert older["id"] == told["id"]


def test_one_likers_fourth_like_within_two_hours_gathers_them(keyed: DemoForum) -> None:
    posts = demos_posts(keyed, 4)
    for post_id in posts[:3]:
        like(keyed, "sam", post_id)
    like(keyed, "priya", posts[0])  # told nothing: sam's like on that post was just told
    assert [n["data"]["display_username"] for n in likes_told(keyed)] == ["sam"] * 3
    like(keyed, "sam", posts[3])
    # The gathered notification has no topic, so a like on that post is told again.
    like(keyed, "priya", posts[3])
    by_priya, gathered = likes_told(keyed)
    assert gathered["notification_type"] == 19 and gathered["topic_id"] is None
    assert "fancy_title" not in gathered and not gathered["read"]
    assert gathered["data"]["count"] == 4 and gathered["data"]["username"] == "sam"
    # It takes the time of the newest notification it gathers.
    assert by_priya["data"]["display_username"] == "priya"
    assert by_priya["post_number"] and gathered["created_at"] < by_priya["created_at"]
    # Read, it is counted up and unread again by sam's next like in the window.
    httpx.put(f"{keyed.base_url}/notifications/mark-read.json", headers=member_headers("demo"))
    like(
        keyed,
        "sam",
        posted(keyed, "demo", {"topic_id": 2, "raw": "Fans at night help me sleep."})["id"],
    )
    _, gathered = likes_told(keyed)
    assert gathered["data"]["count"] == 5 and not gathered["read"]
    # Past the window, a like starts again on its own.
    backdate_notifications(keyed, 121)
    like(
        keyed, "sam", posted(keyed, "demo", {"topic_id": 3, "raw": "Ice packs on the neck."})["id"]
    )
    single = likes_told(keyed)[0]
    assert single["notification_type"] == 5 and single["data"]["display_username"] == "sam"


def test_a_like_taken_back_leaves_one_naming_who_still_likes_it(keyed: DemoForum) -> None:
    (post_id,) = demos_posts(keyed, 1)
    for who in ("sam", "priya", "dave"):
        like(keyed, who, post_id)
    httpx.put(f"{keyed.base_url}/notifications/mark-read.json", headers=member_headers("demo"))
    unlike(keyed, "sam", post_id)
    (told,) = likes_told(keyed)
    # The newest like first; read, as every notification it replaces was.
    assert told["data"]["display_username"] == "dave" and told["data"]["username2"] == "priya"
    assert told["data"]["count"] == 2 and told["read"]
    # Likes older than a day are not named.
    day_ago = iso(datetime.now(UTC) - timedelta(days=1, minutes=1))
    with sqlite3.connect(keyed.db_path) as conn:
        conn.execute(
            "UPDATE post_likes SET created_at = ? WHERE user_id IN"
            " (SELECT id FROM users WHERE username != 'dave')",
            (day_ago,),
        )
    unlike(keyed, "dave", post_id)
    assert likes_told(keyed) == []
