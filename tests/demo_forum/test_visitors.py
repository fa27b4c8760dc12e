"""A visitor without a key reads public topics and does nothing else, as on a stock
Discourse: every write, and every page of a member's own, answers 403 ``not_logged_in``
(the controllers' ``requires_login``) before anything is looked at or changed."""

from __future__ import annotations

import httpx
import pytest

from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.app import ROUTES

NOT_LOGGED_IN = {"errors": ["You need to be logged in to do that."], "error_type": "not_logged_in"}

# One request for each route that needs a member: numbers are 1, names "demo".
MEMBERS_ONLY = [
    ("POST", "/posts.json"),
    ("PUT", "/posts/1.json"),
    ("DELETE", "/posts/1.json"),
    ("PUT", "/posts/1/recover.json"),
    ("PUT", "/t/1.json"),
    ("PUT", "/t/living-with-heat/1.json"),
    ("DELETE", "/t/1.json"),
    ("PUT", "/t/1/recover.json"),
    ("PUT", "/t/1/status.json"),
    ("PUT", "/t/1/slow_mode.json"),
    ("POST", "/post_actions.json"),
    ("DELETE", "/post_actions/1.json"),
    ("POST", "/bookmarks.json"),
    ("DELETE", "/bookmarks/1.json"),
    ("POST", "/topics/timings"),
    ("PUT", "/topics/bulk.json"),
    ("PUT", "/topics/reset-new.json"),
    ("POST", "/category/1/notifications.json"),
    ("DELETE", "/review/1.json"),
    ("PUT", "/polls/vote.json"),
    ("DELETE", "/polls/vote.json"),
    ("PUT", "/polls/toggle_status.json"),
    ("PUT", "/notifications/mark-read.json"),
    ("POST", "/user-api-key/revoke.json"),
    ("GET", "/notifications.json"),
    ("GET", "/new.json"),
    ("GET", "/unread.json"),
    ("GET", "/posted.json"),
    ("GET", "/topics/private-messages/demo.json"),
    ("GET", "/topics/private-messages-sent/demo.json"),
    ("GET", "/u/demo/bookmarks.json"),
    ("GET", "/posts/demo/pending.json"),
]
# A body any of them would act on, were a member sending it.
BODY = {
    "topic_id": 1,
    "raw": "Walking by the sea helps me on hot days.",
    "id": 1,
    "post_action_type_id": 2,
    "bookmarkable_id": 1,
    "bookmarkable_type": "Post",
    "timings": {"1": 1000},
    "post": {"raw": "Walking by the sea helps me on the hot days."},
    "status": "closed",
    "enabled": "true",
    "notification_level": 3,
    "post_id": 1,
    "poll_name": "poll",
    "options": ["a"],
}


def test_every_route_needing_a_member_is_tried_here() -> None:
    needing = {(r.method, r.pattern.pattern) for r in ROUTES if r.login}
    tried = {
        (r.method, r.pattern.pattern)
        for method, path in MEMBERS_ONLY
        for r in ROUTES
        if r.method == method and r.pattern.match(path) and r.login
    }
    assert tried == needing


@pytest.mark.parametrize(("method", "path"), MEMBERS_ONLY)
def test_a_visitor_is_refused(client: httpx.Client, method: str, path: str) -> None:
    answer = client.request(method, path, json=None if method == "GET" else BODY)
    assert answer.status_code == 403, answer.text
    assert answer.json() == NOT_LOGGED_IN


def test_a_visitor_changes_nothing_and_still_reads(forum: DemoForum, client: httpx.Client) -> None:
    before = client.get("/t/1.json").json()
    assert "can_create_post" not in before["details"]  # offered to members only
    for method, path in MEMBERS_ONLY:
        if method != "GET":
            client.request(method, path, json=BODY)
    after = client.get("/t/1.json").json()
    assert after["posts_count"] == before["posts_count"]
    assert after["post_stream"]["posts"][0]["cooked"] == before["post_stream"]["posts"][0]["cooked"]
    assert after["closed"] is False and after["slow_mode_seconds"] == 0
    assert client.get("/latest.json").json()["topic_list"]["can_create_topic"] is False


def test_a_broken_body_is_a_bad_request_before_it_is_a_visitors(client: httpx.Client) -> None:
    # Rails reads the body before any controller asks who is there.
    broken = client.post(
        "/posts.json", content=b'{"raw": "unfinished', headers={"Content-Type": "application/json"}
    )
    assert broken.status_code == 400 and broken.json()["error_type"] == "invalid_parameters"
