"""A member changes the title of their own topic as on a stock Discourse
(TopicsController#update, Guardian#can_edit_topic?, the Topic model's title validations)."""

from __future__ import annotations

import sqlite3
from typing import Any

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import ADMIN_KEY, member_headers, post_long_ago, posted
from tests.support.spec import validate_error_body, validate_request_body, validate_response
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.editing import EDIT_CONFLICT

TITLE = "Cooling vests for the summer heat"
WORDS = "Has anyone tried a cooling vest? I am thinking of buying one for July."
LIVING_WITH_MS = 1


@pytest.fixture
def forum(make_forum: ForumFactory) -> DemoForum:
    return make_forum(admin_api_key=ADMIN_KEY)


def _topic(forum: DemoForum, who: str = "sam") -> tuple[int, str]:
    body = {"title": TITLE, "raw": WORDS, "category": LIVING_WITH_MS}
    made = posted(forum, who, body)
    return int(made["topic_id"]), str(made["topic_slug"])


def _retitle(
    forum: DemoForum, who: str, topic_id: int, body: dict[str, Any], slug: str = "-"
) -> httpx.Response:
    return httpx.put(
        f"{forum.base_url}/t/{slug}/{topic_id}.json", json=body, headers=member_headers(who)
    )


def _shown(forum: DemoForum, topic_id: int, who: str) -> dict[str, Any]:
    answer = httpx.get(f"{forum.base_url}/t/{topic_id}.json", headers=member_headers(who))
    shown: dict[str, Any] = answer.json()
    return shown


def test_the_author_changes_the_title_and_the_topic_says_so(forum: DemoForum) -> None:
    topic_id, slug = _topic(forum)
    assert _shown(forum, topic_id, "sam")["details"]["can_edit"] is True
    assert _shown(forum, topic_id, "mei")["details"]["can_edit"] is False
    body = {"title": "cooling vests and neck wraps", "original_title": TITLE}
    validate_request_body("put", "/t/-/{id}.json", {"topic": {"title": body["title"]}})
    answer = _retitle(forum, "sam", topic_id, body, slug)
    assert answer.status_code == 200, answer.text
    validate_response("put", "/t/-/{id}.json", 200, answer.json())
    # TextCleaner gives the first word its capital; the slug follows the title.
    assert answer.json()["basic_topic"] == {
        "id": topic_id,
        "title": "Cooling vests and neck wraps",
        "fancy_title": "Cooling vests and neck wraps",
        "slug": "cooling-vests-and-neck-wraps",
        "posts_count": 1,
    }
    shown = _shown(forum, topic_id, "mei")
    assert shown["title"] == "Cooling vests and neck wraps"
    # By its number alone, as the routes allow too.
    again = httpx.put(
        f"{forum.base_url}/t/{topic_id}.json",
        json={"title": "Cooling vests and neck wraps in July"},
        headers=member_headers("sam"),
    )
    assert again.json()["basic_topic"]["title"] == "Cooling vests and neck wraps in July"


def test_titles_the_forum_would_refuse_for_a_new_topic_are_refused(forum: DemoForum) -> None:
    topic_id, _slug = _topic(forum)
    short = _retitle(forum, "sam", topic_id, {"title": "Vests"})
    assert short.status_code == 422
    validate_error_body(short.json())
    assert short.json()["errors"][0] == "Title is too short (minimum is 15 characters)"
    taken = _retitle(forum, "sam", topic_id, {"title": _shown(forum, 1, "sam")["title"]})
    assert taken.status_code == 422
    assert taken.json()["errors"] == ["Title has already been used"]
    # Its own title again, in other letters, is no duplicate of itself.
    same = _retitle(forum, "sam", topic_id, {"title": TITLE.upper()})
    assert same.status_code == 200, same.text
    assert _shown(forum, topic_id, "sam")["title"] == TITLE


def test_who_may_not_change_a_title_is_refused(forum: DemoForum) -> None:
    topic_id, _slug = _topic(forum)
    other = _retitle(forum, "mei", topic_id, {"title": "A title that is not hers"})
    assert other.status_code == 403
    validate_error_body(other.json())
    assert _retitle(forum, "sam", 9999, {"title": "No such topic at all"}).status_code == 403
    with sqlite3.connect(forum.db_path) as conn:
        first = conn.execute("SELECT id FROM posts WHERE topic_id = ?", (topic_id,)).fetchone()[0]
    post_long_ago(forum, first)
    late = _retitle(forum, "sam", topic_id, {"title": "Too late to change this one"})
    assert late.status_code == 403
    assert _shown(forum, topic_id, "sam")["details"]["can_edit"] is False
    # Staff may, at any time.
    staff = _retitle(forum, "ruth", topic_id, {"title": "Cooling vests, tidied by staff"})
    assert staff.status_code == 200, staff.text


def test_a_title_changed_meanwhile_is_a_conflict(forum: DemoForum) -> None:
    topic_id, _slug = _topic(forum)
    assert _retitle(forum, "sam", topic_id, {"title": "Cooling vests, changed on the web"})
    stale = _retitle(
        forum, "sam", topic_id, {"title": "Cooling vests, said by voice", "original_title": TITLE}
    )
    assert stale.status_code == 409
    assert stale.json() == {"errors": [EDIT_CONFLICT]}
    assert _shown(forum, topic_id, "sam")["title"] == "Cooling vests, changed on the web"


def test_a_message_title_follows_the_rules_for_messages(forum: DemoForum) -> None:
    made = posted(
        forum,
        "sam",
        {
            "title": "Lunch",
            "raw": WORDS,
            "archetype": "private_message",
            "target_recipients": "mei",
        },
    )
    answer = _retitle(forum, "sam", int(made["topic_id"]), {"title": "Lunch Friday"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["basic_topic"]["title"] == "Lunch Friday"
