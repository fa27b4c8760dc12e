"""A member edits their own post as on a stock Discourse (PostsController#update,
Guardian#can_edit_post?, PostRevisor's grace period, EditRateLimiter)."""

from __future__ import annotations

import sqlite3
from typing import Any

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import ADMIN_KEY, member_headers, post_reply
from tests.support.spec import validate_error_body, validate_response
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.editing import EDIT_CONFLICT, TOO_LATE_TO_EDIT

FATIGUE_TOPIC = 1
WORDS = "Cooling towels around my neck help a lot on hot days."


@pytest.fixture
def forum(make_forum: ForumFactory) -> DemoForum:
    return make_forum(admin_api_key=ADMIN_KEY)


def _reply(forum: DemoForum, who: str, words: str = WORDS) -> int:
    return post_reply(forum, who, words, FATIGUE_TOPIC)


def _edit(forum: DemoForum, who: str, post_id: int, raw: str) -> httpx.Response:
    return httpx.put(
        f"{forum.base_url}/posts/{post_id}.json",
        json={"post": {"raw": raw}},
        headers=member_headers(who),
    )


def _edited(answer: httpx.Response) -> dict[str, Any]:
    assert answer.status_code == 200, answer.text
    validate_response("put", "/posts/{id}.json", 200, answer.json())
    post: dict[str, Any] = answer.json()["post"]
    return post


def _age(forum: DemoForum, post_id: int, stamp: str) -> None:
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute(
            "UPDATE posts SET created_at = ?, last_version_at = ? WHERE id = ?",
            (stamp, stamp, post_id),
        )


def test_an_own_post_is_edited_and_comes_back_with_its_new_words(forum: DemoForum) -> None:
    post_id = _reply(forum, "sam")
    longer = WORDS + "\n\nAnd a fan by the bed at night, which helps me sleep."
    post = _edited(_edit(forum, "sam", post_id, longer))
    assert post["raw"] == longer and "fan by the bed" in post["cooked"]
    assert post["version"] == 1  # a small change soon after posting: the grace period
    assert post["can_edit"] is True
    reread = httpx.get(f"{forum.base_url}/posts/{post_id}.json").json()
    assert reread["raw"] == longer
    # An edit once the grace period after the last version has passed is a new version.
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute(
            "UPDATE posts SET last_version_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 hour')"
            " WHERE id = ?",
            (post_id,),
        )
    assert _edited(_edit(forum, "sam", post_id, longer + " Truly."))["version"] == 2


def test_a_big_change_at_once_is_a_new_version(forum: DemoForum) -> None:
    post_id = _reply(forum, "sam")
    post = _edited(_edit(forum, "sam", post_id, WORDS + " More words. " * 12))
    assert post["version"] == 2


def test_what_a_member_may_not_edit_is_refused(forum: DemoForum) -> None:
    post_id = _reply(forum, "sam")
    refused = _edit(forum, "mei", post_id, WORDS + " Not mine to change.")
    assert refused.status_code == 403
    validate_error_body(refused.json())
    short = _edit(forum, "sam", post_id, "Too short.")
    assert short.status_code == 422
    assert short.json()["errors"] == ["Body is too short (minimum is 20 characters)"]
    missing = httpx.put(
        f"{forum.base_url}/posts/{post_id}.json", json={"raw": WORDS}, headers=member_headers("sam")
    )
    assert missing.status_code == 400  # params.require(:post)
    _age(forum, post_id, "2026-01-01T10:00:00.000Z")
    late = _edit(forum, "sam", post_id, WORDS + " Too late now.")
    assert late.status_code == 422
    assert late.json() == {"errors": [TOO_LATE_TO_EDIT]}
    assert httpx.get(f"{forum.base_url}/posts/{post_id}.json").json()["raw"] == WORDS


def test_an_unchanged_edit_is_accepted_and_changes_nothing(forum: DemoForum) -> None:
    post_id = _reply(forum, "sam")
    post = _edited(_edit(forum, "sam", post_id, WORDS + "  \n"))
    assert post["raw"] == WORDS and post["version"] == 1


def test_edits_are_limited_by_the_day(make_forum: ForumFactory, member_limits: None) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, max_edits_per_day=1)
    post_id = _reply(forum, "sam")
    assert _edited(_edit(forum, "sam", post_id, WORDS + " One more. " * 12))["version"] == 2
    refused = _edit(forum, "sam", post_id, WORDS + " Another. " * 30)
    assert refused.status_code == 429
    body = refused.json()
    assert body["error_type"] == "rate_limit"
    assert body["errors"][0].startswith("You’ve reached the maximum number of daily edits.")


def test_an_edit_of_text_changed_meanwhile_is_refused_as_a_conflict(forum: DemoForum) -> None:
    post_id = _reply(forum, "sam")
    assert _edited(_edit(forum, "sam", post_id, WORDS + " Changed on the web."))
    stale = httpx.put(
        f"{forum.base_url}/posts/{post_id}.json",
        json={"post": {"raw": WORDS + "\n\nAdded by voice.", "original_text": WORDS}},
        headers=member_headers("sam"),
    )
    assert stale.status_code == 409
    assert stale.json() == {"errors": [EDIT_CONFLICT]}
    current = WORDS + " Changed on the web."
    fresh = httpx.put(
        f"{forum.base_url}/posts/{post_id}.json",
        json={"post": {"raw": current + "\n\nAdded by voice.", "original_text": current}},
        headers=member_headers("sam"),
    )
    assert _edited(fresh)["raw"].endswith("Added by voice.")


def test_staff_editing_a_members_post_makes_a_version_and_tells_them_once(
    forum: DemoForum,
) -> None:
    # PostRevisor#edited_by_another_user?: a new version even within the grace period;
    # PostActionNotifier.after_post_revision tells the author, and should_notify_edit?
    # tells them of the same editor's edits of the post once a day.
    post_id = _reply(forum, "sam")
    assert _edited(_edit(forum, "ruth", post_id, WORDS + " Edited for clarity."))["version"] == 2
    _edited(_edit(forum, "ruth", post_id, WORDS + " Edited for clarity again."))
    _edited(_edit(forum, "sam", post_id, WORDS + " My own change."))

    def edited(who: str) -> list[dict[str, Any]]:
        body = httpx.get(f"{forum.base_url}/notifications.json", headers=member_headers(who))
        return [n for n in body.json()["notifications"] if n["notification_type"] == 4]

    (told,) = edited("sam")
    assert told["topic_id"] == FATIGUE_TOPIC and told["data"]["display_username"] == "ruth"
    assert told["data"]["original_post_id"] == post_id
    assert told["data"]["revision_number"] == 2
    assert edited("ruth") == []


def test_an_edit_by_another_editor_in_between_is_told_again(forum: DemoForum) -> None:
    # should_notify_edit? looks at the newest edit notification of the post: a different
    # editor, or a day gone by, tells the author again.
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute("UPDATE users SET moderator = 1 WHERE username = 'mei'")
    post_id = _reply(forum, "sam")
    for editor, words in (("ruth", " One."), ("mei", " Two."), ("ruth", " Three.")):
        _edited(_edit(forum, editor, post_id, WORDS + words))
    body = httpx.get(f"{forum.base_url}/notifications.json", headers=member_headers("sam"))
    edited = [n for n in body.json()["notifications"] if n["notification_type"] == 4]
    assert [n["data"]["display_username"] for n in edited] == ["ruth", "mei", "ruth"]
