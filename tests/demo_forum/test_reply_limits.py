"""The demo forum limits a member's replies in one topic as a stock Discourse's
PostValidator does: a new member's replies until someone answers them, and anyone's run of
replies at the end of someone else's topic. These are refusals of the post (422), not rate
limits, so they hold with the member limits lifted, as in Discourse's own tests."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import ADMIN_KEY, make_new_member, member_headers
from tests.support.spec import validate_error_body
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.store import iso

FATIGUE_TOPIC = 1
"""Started by priya; its last post is priya's, and "demo" has none there."""
IN_A_ROW = (
    "No more than 3 consecutive replies are allowed. Please edit your previous reply, or wait "
    "for someone to reply to you."
)
NEW_MEMBER = "We're sorry, but new users are temporarily limited to 3 replies in the same topic."


def _reply(
    forum: DemoForum, who: str, n: int, topic_id: int = FATIGUE_TOPIC, **extra: Any
) -> httpx.Response:
    words = f"Pacing helps me most on hot afternoons, as I said in note number {n}."
    return httpx.post(
        f"{forum.base_url}/posts.json",
        json={"topic_id": topic_id, "raw": words, **extra},
        headers=member_headers(who),
    )


def _refused_with(answer: httpx.Response) -> list[str]:
    assert answer.status_code == 422, answer.text
    body = answer.json()
    validate_error_body(body)
    errors: list[str] = body["errors"]
    return errors


def _posts_in(forum: DemoForum, topic_id: int = FATIGUE_TOPIC) -> int:
    with sqlite3.connect(forum.db_path) as conn:
        query = "SELECT COUNT(*) FROM posts WHERE topic_id = ?"
        return int(conn.execute(query, (topic_id,)).fetchone()[0])


@pytest.fixture
def forum(make_forum: ForumFactory) -> DemoForum:
    return make_forum(admin_api_key=ADMIN_KEY)


def test_a_fourth_reply_in_a_row_in_someone_elses_topic_is_refused(forum: DemoForum) -> None:
    for n in range(3):
        assert _reply(forum, "sam", n).status_code == 200
    before = _posts_in(forum)
    assert _refused_with(_reply(forum, "sam", 3)) == [IN_A_ROW]
    assert _posts_in(forum) == before  # nothing stored
    # Someone else posting there lifts it: the last three are no longer all sam's.
    assert _reply(forum, "mei", 10).status_code == 200
    assert _reply(forum, "sam", 3).status_code == 200


def test_replying_to_someone_does_not_lift_the_run_but_its_edit_window_does(
    forum: DemoForum,
) -> None:
    for n in range(3):
        assert _reply(forum, "sam", n).status_code == 200
    # Discourse does not look at reply_to_post_number for this rule.
    assert _refused_with(_reply(forum, "sam", 3, reply_to_post_number=2)) == [IN_A_ROW]
    # Once sam can no longer edit the last of them (a day for trust level 1), the forum
    # cannot ask him to, and takes the reply.
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute(
            "UPDATE posts SET created_at = ? WHERE topic_id = ? AND user_id ="
            " (SELECT id FROM users WHERE username = 'sam')",
            (iso(datetime.now(UTC) - timedelta(minutes=1441)), FATIGUE_TOPIC),
        )
    assert _reply(forum, "sam", 3).status_code == 200


@pytest.mark.parametrize("who", ["priya", "ruth"], ids=["topic's starter", "staff"])
def test_the_topics_starter_and_staff_may_post_any_number_in_a_row(
    forum: DemoForum, who: str
) -> None:
    for n in range(5):
        assert _reply(forum, who, n).status_code == 200, n


def test_no_limit_in_a_row_when_the_forum_sets_none(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, max_consecutive_replies=0)
    for n in range(5):
        assert _reply(forum, "sam", n).status_code == 200, n


def test_a_new_member_may_post_three_replies_in_a_topic_until_answered(
    forum: DemoForum,
) -> None:
    make_new_member(forum, "demo")
    for n in range(3):
        assert _reply(forum, "demo", n).status_code == 200
        # Another member posting in between breaks any run: only the new-member rule is left.
        assert _reply(forum, "mei", 20 + n).status_code == 200
    assert _refused_with(_reply(forum, "demo", 3)) == [NEW_MEMBER]
    # A post merely after theirs does not count as an answer; a reply to one of theirs does.
    with sqlite3.connect(forum.db_path) as conn:
        (demos_last,) = conn.execute(
            "SELECT MAX(post_number) FROM posts WHERE topic_id = ? AND user_id ="
            " (SELECT id FROM users WHERE username = 'demo')",
            (FATIGUE_TOPIC,),
        ).fetchone()
    assert _reply(forum, "dave", 30, reply_to_post_number=demos_last).status_code == 200
    assert _reply(forum, "demo", 3).status_code == 200


def test_a_mention_answers_a_new_member_too(forum: DemoForum) -> None:
    make_new_member(forum, "demo")
    for n in range(3):
        assert _reply(forum, "demo", n).status_code == 200
        assert _reply(forum, "mei", 20 + n).status_code == 200
    assert _refused_with(_reply(forum, "demo", 3)) == [NEW_MEMBER]
    answer = httpx.post(
        f"{forum.base_url}/posts.json",
        json={"topic_id": FATIGUE_TOPIC, "raw": "@demo that sounds like a good plan for the heat."},
        headers=member_headers("dave"),
    )
    assert answer.status_code == 200
    assert _reply(forum, "demo", 3).status_code == 200


def test_both_refusals_come_together_in_discourses_order(forum: DemoForum) -> None:
    make_new_member(forum, "demo")
    for n in range(3):
        assert _reply(forum, "demo", n).status_code == 200
    assert _refused_with(_reply(forum, "demo", 3)) == [NEW_MEMBER, IN_A_ROW]


def test_a_new_member_is_not_limited_in_their_own_topic_or_in_a_message(
    forum: DemoForum,
) -> None:
    make_new_member(forum, "jo")
    own_topic = 3  # started by jo
    for n in range(5):
        assert _reply(forum, "jo", n, topic_id=own_topic).status_code == 200, n
    message = httpx.post(
        f"{forum.base_url}/posts.json",
        json={
            "title": "About the support group on Thursday",
            "raw": "Are you going to the support group on Thursday evening?",
            "archetype": "private_message",
            "target_recipients": "mei",
        },
        headers=member_headers("jo"),
    )
    assert message.status_code == 200, message.text
    conversation = message.json()["topic_id"]
    for n in range(5):
        assert _reply(forum, "jo", n, topic_id=conversation).status_code == 200, n


def test_a_new_members_earlier_post_in_the_topic_counts(forum: DemoForum) -> None:
    make_new_member(forum, "jo")  # jo posted once in the topic before, unanswered
    for n in range(2):
        assert _reply(forum, "jo", n).status_code == 200
        assert _reply(forum, "mei", 20 + n).status_code == 200
    assert _refused_with(_reply(forum, "jo", 2)) == [NEW_MEMBER]
