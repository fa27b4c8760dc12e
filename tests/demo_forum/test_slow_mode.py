"""Slow mode as on a stock Discourse: a moderator sets it, a member's reply sooner than the
interval after their last one is refused (422, no time given), the topic's page shows the
interval and the member's last post time, staff are not slowed, and edits are held."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import ADMIN_KEY, member_headers
from tests.support.spec import validate_response
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.slow_mode import CANNOT_EDIT_ON_SLOW_MODE, SLOW_MODE_ENABLED

TOPIC = 1


@pytest.fixture
def forum(make_forum: ForumFactory) -> DemoForum:
    return make_forum(admin_api_key=ADMIN_KEY)


def _slow(forum: DemoForum, who: str, seconds: int) -> httpx.Response:
    return httpx.put(
        f"{forum.base_url}/t/{TOPIC}/slow_mode",
        json={"seconds": seconds},
        headers=member_headers(who),
    )


def _reply(forum: DemoForum, who: str, n: int) -> httpx.Response:
    return httpx.post(
        f"{forum.base_url}/posts.json",
        json={"topic_id": TOPIC, "raw": f"Pacing is what helped me most, as in note {n}."},
        headers=member_headers(who),
    )


def _age_posts(forum: DemoForum, who: str, seconds: int) -> None:
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute(
            "UPDATE posts SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, ?)"
            " WHERE user_id = (SELECT id FROM users WHERE username = ?)",
            (f"-{seconds} seconds", who),
        )


def test_a_second_reply_within_the_interval_is_refused_until_it_passes(forum: DemoForum) -> None:
    assert _slow(forum, "sam", 600).status_code == 403  # a member may not set it
    set_it = _slow(forum, "ruth", 600)
    assert set_it.status_code == 200 and set_it.content == b""
    _age_posts(forum, "sam", 3600)  # sam's seeded post there is an hour old
    assert _reply(forum, "sam", 1).status_code == 200
    refused = _reply(forum, "sam", 2)
    assert refused.status_code == 422
    assert refused.json() == {"action": "create_post", "errors": [SLOW_MODE_ENABLED]}
    page = httpx.get(f"{forum.base_url}/t/{TOPIC}.json", headers=member_headers("sam")).json()
    validate_response("get", "/t/{id}.json", 200, page)
    newest = page["post_stream"]["posts"][-1]
    assert page["slow_mode_seconds"] == 600
    assert page["user_last_posted_at"] == newest["created_at"]
    assert _reply(forum, "ruth", 3).status_code == 200  # staff are not slowed
    assert _reply(forum, "ruth", 4).status_code == 200
    _age_posts(forum, "sam", 601)
    assert _reply(forum, "sam", 2).status_code == 200


def test_without_slow_mode_the_page_says_zero_and_no_last_post_time(forum: DemoForum) -> None:
    assert _slow(forum, "ruth", 600).status_code == 200
    assert _slow(forum, "ruth", 0).status_code == 200  # turned off again
    page = httpx.get(f"{forum.base_url}/t/{TOPIC}.json", headers=member_headers("sam")).json()
    assert page["slow_mode_seconds"] == 0 and "user_last_posted_at" not in page
    assert _reply(forum, "sam", 1).status_code == 200
    assert _reply(forum, "sam", 2).status_code == 200


def test_an_edit_outside_the_grace_period_is_held_in_slow_mode(forum: DemoForum) -> None:
    assert _slow(forum, "ruth", 600).status_code == 200
    _age_posts(forum, "sam", 3600)
    post_id = int(_reply(forum, "sam", 1).json()["id"])
    small = "Pacing is what helped me most, as in note 1. Truly."
    edit = {"post": {"raw": small}}
    url = f"{forum.base_url}/posts/{post_id}.json"
    assert httpx.put(url, json=edit, headers=member_headers("sam")).status_code == 200
    _age_posts(forum, "sam", 600)
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute("UPDATE posts SET last_version_at = created_at WHERE id = ?", (post_id,))
    held = httpx.put(url, json={"post": {"raw": small + " Again."}}, headers=member_headers("sam"))
    assert held.status_code == 422
    assert held.json() == {"errors": [CANNOT_EDIT_ON_SLOW_MODE]}


def test_slow_mode_with_an_end_lifts_by_itself(forum: DemoForum) -> None:
    """TopicsController#set_slow_mode with ``enabled_until``: a clear_slow_mode timer ends
    it, and the topic's page shows when (``slow_mode_enabled_until``)."""
    url = f"{forum.base_url}/t/{TOPIC}/slow_mode"
    ends = "2099-06-01T12:00:00.000Z"
    body = {"seconds": 600, "enabled_until": ends}
    assert httpx.put(url, json=body, headers=member_headers("ruth")).status_code == 200
    page = httpx.get(f"{forum.base_url}/t/{TOPIC}.json", headers=member_headers("sam")).json()
    validate_response("get", "/t/{id}.json", 200, page)
    assert page["slow_mode_seconds"] == 600 and page["slow_mode_enabled_until"] == ends
    _age_posts(forum, "sam", 3600)
    assert _reply(forum, "sam", 1).status_code == 200
    assert _reply(forum, "sam", 2).status_code == 422
    with sqlite3.connect(forum.db_path) as conn:  # the end has come
        conn.execute("UPDATE topics SET slow_mode_until = '2020-01-01T00:00:00.000Z'")
    page = httpx.get(f"{forum.base_url}/t/{TOPIC}.json", headers=member_headers("sam")).json()
    assert page["slow_mode_seconds"] == 0 and page["slow_mode_enabled_until"] is None
    assert _reply(forum, "sam", 2).status_code == 200
    bad = httpx.put(
        url, json={"seconds": 600, "enabled_until": "soon"}, headers=member_headers("ruth")
    )
    assert bad.status_code == 400
