"""A member deletes their own reply as on a stock Discourse (PostsController#destroy,
Guardian#can_delete_post?, PostDestroyer#mark_for_deletion)."""

from __future__ import annotations

import sqlite3
from typing import Any

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import (
    ADMIN_KEY,
    age_member_actions,
    member_headers,
    post_reply,
    posted,
)
from tests.support.spec import validate_error_body
from voicepeer.demo_forum import DemoForum

HEAT_TOPIC = 1


@pytest.fixture
def forum(make_forum: ForumFactory) -> DemoForum:
    return make_forum(admin_api_key=ADMIN_KEY)


def _reply(forum: DemoForum, who: str, words: str, topic_id: int = HEAT_TOPIC) -> int:
    return post_reply(forum, who, words, topic_id)


def _delete(forum: DemoForum, who: str, post_id: int) -> httpx.Response:
    return httpx.delete(f"{forum.base_url}/posts/{post_id}.json", headers=member_headers(who))


def _post(forum: DemoForum, who: str, post_id: int) -> dict[str, Any]:
    answer = httpx.get(f"{forum.base_url}/posts/{post_id}.json", headers=member_headers(who))
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def test_an_own_reply_is_left_as_a_stub_saying_it_was_deleted(forum: DemoForum) -> None:
    post_id = _reply(forum, "sam", "Cooling towels around my neck help a lot.")
    assert _post(forum, "sam", post_id)["can_delete"] is True
    assert _post(forum, "mei", post_id)["can_delete"] is False
    deleted = _delete(forum, "sam", post_id)
    assert deleted.status_code == 200 and deleted.content == b""
    mine = _post(forum, "sam", post_id)
    assert mine["raw"] == "(post deleted by author)"
    assert "(post deleted by author)" in mine["cooked"]
    assert (mine["user_deleted"], mine["can_delete"], mine["can_recover"]) == (True, False, True)
    assert (mine["can_edit"], mine["version"]) == (False, 2)
    assert _post(forum, "mei", post_id)["can_recover"] is False
    # It stays in the topic, numbered as before.
    stream = httpx.get(f"{forum.base_url}/t/{HEAT_TOPIC}.json").json()["post_stream"]["stream"]
    assert post_id in stream
    assert _delete(forum, "sam", post_id).status_code == 403  # deleted already


def test_what_a_member_may_not_delete_is_refused(forum: DemoForum) -> None:
    posts = httpx.get(f"{forum.base_url}/t/{HEAT_TOPIC}.json").json()["post_stream"]["posts"]
    first, other = posts[0], posts[1]
    for who, post in ((first["username"], first), ("demo", other)):
        refused = _delete(forum, who, post["id"])
        assert refused.status_code == 403
        validate_error_body(refused.json())
        assert refused.json()["error_type"] == "invalid_access"
    mine = _reply(forum, "demo", "A reply in a topic about to be archived.")
    archived = httpx.put(
        f"{forum.base_url}/t/{HEAT_TOPIC}/status.json",
        headers=member_headers("ruth"),
        json={"status": "archived", "enabled": "true"},
    )
    assert archived.status_code == 200
    assert _delete(forum, "demo", mine).status_code == 403
    assert _delete(forum, "demo", 999_999).status_code == 404


def test_deleting_is_limited_to_two_a_minute(forum: DemoForum, member_limits: None) -> None:
    ids = []
    for n in (1, 2, 3):
        ids.append(_reply(forum, "sam", f"Reply number {n} about the summer heat.", n))
        age_member_actions(forum, 60)  # replies' own limit passed
    assert [_delete(forum, "sam", i).status_code for i in ids[:2]] == [200, 200]
    third = _delete(forum, "sam", ids[2])
    assert third.status_code == 429
    assert third.json()["error_type"] == "rate_limit"


def test_a_forum_that_allows_no_deletions_refuses_them(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, max_post_deletions_per_day=0)
    post_id = _reply(forum, "sam", "Cooling towels around my neck help a lot.")
    assert _delete(forum, "sam", post_id).status_code == 403


def _start_topic(forum: DemoForum, who: str) -> int:
    body = {
        "title": f"Does anyone else get the MS hug? Asking as {who}",
        "raw": "A tight band around my ribs since yesterday. Is this the MS hug?",
        "category": 1,
    }
    return int(posted(forum, who, body)["topic_id"])


def _topic(forum: DemoForum, who: str, topic_id: int) -> dict[str, Any]:
    answer = httpx.get(f"{forum.base_url}/t/{topic_id}.json", headers=member_headers(who))
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def _delete_topic(forum: DemoForum, who: str, topic_id: int) -> httpx.Response:
    return httpx.delete(f"{forum.base_url}/t/{topic_id}.json", headers=member_headers(who))


def test_an_own_topic_with_no_replies_is_left_as_a_closed_stub(forum: DemoForum) -> None:
    topic_id = _start_topic(forum, "sam")
    assert _topic(forum, "sam", topic_id)["details"]["can_delete"] is True
    assert _topic(forum, "mei", topic_id)["details"]["can_delete"] is False
    first = _topic(forum, "sam", topic_id)["post_stream"]["posts"][0]
    assert first["can_delete"] is False  # a first post goes only with its topic
    assert _delete(forum, "sam", first["id"]).status_code == 403
    deleted = _delete_topic(forum, "sam", topic_id)
    assert deleted.status_code == 200 and deleted.content == b""
    after = _topic(forum, "mei", topic_id)
    assert after["closed"] is True and after["details"]["can_delete"] is False
    stub = _post(forum, "sam", first["id"])
    assert stub["raw"] == "(topic deleted by author)"
    assert (stub["user_deleted"], stub["can_recover"]) == (True, True)


def test_a_topic_with_a_reply_or_a_day_old_or_anothers_is_refused(forum: DemoForum) -> None:
    answered = _start_topic(forum, "sam")
    _reply(forum, "mei", "Yes, it comes and goes for me. Warmth helps.", answered)
    assert _topic(forum, "sam", answered)["details"]["can_delete"] is False
    for who, topic_id in (("sam", answered), ("demo", _start_topic(forum, "jo")), ("sam", 99_999)):
        refused = _delete_topic(forum, who, topic_id)
        assert refused.status_code == 422
        validate_error_body(refused.json())
    old = _start_topic(forum, "priya")
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute(
            "UPDATE topics SET created_at = '2026-01-01T10:00:00.000Z' WHERE id = ?", (old,)
        )
    assert _delete_topic(forum, "priya", old).status_code == 422


def _recover(forum: DemoForum, who: str, post_id: int) -> httpx.Response:
    return httpx.put(f"{forum.base_url}/posts/{post_id}/recover", headers=member_headers(who))


def _recover_topic(forum: DemoForum, who: str, topic_id: int) -> httpx.Response:
    return httpx.put(f"{forum.base_url}/t/{topic_id}/recover", headers=member_headers(who))


def test_an_own_deleted_reply_comes_back_with_its_words(forum: DemoForum) -> None:
    words = "Cooling towels around my neck help a lot, and @mei suggested them."
    post_id = _reply(forum, "sam", words)
    assert _post(forum, "sam", post_id)["can_recover"] is False  # nothing to bring back
    assert _recover(forum, "sam", post_id).status_code == 403
    assert _delete(forum, "sam", post_id).status_code == 200
    assert _recover(forum, "mei", post_id).status_code == 403  # not hers
    back = _recover(forum, "sam", post_id)
    assert back.status_code == 200
    post = back.json()  # render_post_json: the post with its raw, as it is now
    assert post["raw"] == words and "@mei" in post["cooked"]
    assert (post["user_deleted"], post["can_recover"], post["can_delete"]) == (False, False, True)
    assert post["version"] == 3  # the deletion and the recovery are revisions
    assert _post(forum, "mei", post_id)["raw"] == words
    assert _recover(forum, "sam", post_id).status_code == 403  # back already


def test_a_deleted_reply_can_be_brought_back_only_for_a_day(forum: DemoForum) -> None:
    post_id = _reply(forum, "sam", "Cooling towels around my neck help a lot.")
    assert _delete(forum, "sam", post_id).status_code == 200
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute(
            "UPDATE posts SET user_deleted_at = '2026-01-01T10:00:00.000Z' WHERE id = ?",
            (post_id,),
        )
    assert _post(forum, "sam", post_id)["can_recover"] is False
    refused = _recover(forum, "sam", post_id)
    assert refused.status_code == 403
    validate_error_body(refused.json())


def test_bringing_back_counts_against_the_deletion_limits(
    forum: DemoForum, member_limits: None
) -> None:
    post_id = _reply(forum, "sam", "Cooling towels around my neck help a lot.")
    assert _delete(forum, "sam", post_id).status_code == 200
    assert _recover(forum, "sam", post_id).status_code == 200
    # PostsController#recover performs the same two RateLimiters as #destroy.
    assert _delete(forum, "sam", post_id).status_code == 429


def test_an_own_deleted_topic_comes_back_open_with_its_words(forum: DemoForum) -> None:
    topic_id = _start_topic(forum, "sam")
    first = _topic(forum, "sam", topic_id)["post_stream"]["posts"][0]
    assert _recover_topic(forum, "sam", topic_id).status_code == 403  # not deleted
    assert _delete_topic(forum, "sam", topic_id).status_code == 200
    assert _recover_topic(forum, "mei", topic_id).status_code == 403
    back = _recover_topic(forum, "sam", topic_id)
    assert back.status_code == 200 and back.content == b""
    topic = _topic(forum, "mei", topic_id)
    assert topic["closed"] is False
    assert _post(forum, "mei", first["id"])["raw"].startswith("A tight band around my ribs")
