"""The demo forum limits how fast and how much a member posts and likes, as a stock
Discourse does (RateLimiter with its default site settings), and refuses the same words
twice within minutes."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import (
    ADMIN_KEY,
    age_member_actions,
    make_new_member,
    member_headers,
)
from tests.support.spec import validate_error_body
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.member_limits import time_left

pytestmark = pytest.mark.usefixtures("member_limits")

HEAT_TOPIC = 1


def _post(forum: DemoForum, who: str, **body: Any) -> httpx.Response:
    return httpx.post(f"{forum.base_url}/posts.json", json=body, headers=member_headers(who))


def _reply(forum: DemoForum, who: str, words: str, topic_id: int = HEAT_TOPIC) -> httpx.Response:
    return _post(forum, who, topic_id=topic_id, raw=words)


def _topic(forum: DemoForum, who: str, n: int, **extra: Any) -> httpx.Response:
    body = {
        "title": f"Cooling vests and the summer heat, question {n}",
        "raw": f"Has anyone tried a cooling vest on a hot day? Question number {n}.",
        "category": 1,
        **extra,
    }
    return _post(forum, who, **body)


def _like(forum: DemoForum, who: str, post_id: int) -> httpx.Response:
    return httpx.post(
        f"{forum.base_url}/post_actions.json",
        json={"id": post_id, "post_action_type_id": 2},
        headers=member_headers(who),
    )


def _posts_of(forum: DemoForum, topic_id: int) -> list[dict[str, Any]]:
    topic = httpx.get(f"{forum.base_url}/t/{topic_id}.json?print=true").json()
    posts: list[dict[str, Any]] = topic["post_stream"]["posts"]
    return posts


def _refused(answer: httpx.Response, words: str) -> int:
    """The wait a 429 asks for, after checking it is Discourse's answer saying ``words``."""
    assert answer.status_code == 429, answer.text
    body = answer.json()
    validate_error_body(body)
    assert body["error_type"] == "rate_limit"
    assert words in body["errors"][0]
    wait = int(body["extras"]["wait_seconds"])
    assert body["extras"]["time_left"] == time_left(wait)
    assert time_left(wait) in body["errors"][0]
    assert answer.headers["Retry-After"] == str(wait)
    return wait


@pytest.fixture
def forum(make_forum: ForumFactory) -> DemoForum:
    return make_forum(admin_api_key=ADMIN_KEY)


def test_a_reply_right_after_another_is_refused_and_nothing_is_stored(forum: DemoForum) -> None:
    before = len(_posts_of(forum, HEAT_TOPIC))
    first = _reply(forum, "sam", "Cooling towels around the neck help me most afternoons.")
    assert first.status_code == 200, first.text
    second = _reply(forum, "sam", "And a fan by the bed at night makes a big difference too.")
    wait = _refused(second, "You’re replying a bit too quickly.")
    assert 1 <= wait <= 5
    assert len(_posts_of(forum, HEAT_TOPIC)) == before + 1
    # Another member is not held back, and the wait ends.
    assert _reply(forum, "mei", "I keep my feet in cool water when it gets bad.").status_code == 200
    age_member_actions(forum, 5)
    again = _reply(forum, "sam", "And a fan by the bed at night makes a big difference too.")
    assert again.status_code == 200, again.text


def test_waiting_the_seconds_a_refusal_asks_for_is_always_enough(
    make_forum: ForumFactory,
) -> None:
    # RateLimiter counts whole seconds (Time.now.to_i) and allows again once the oldest
    # action is the window old: a client that waits wait_seconds is never refused again.
    forum = make_forum(admin_api_key=ADMIN_KEY, rate_limit_create_post=2.0)
    assert _reply(forum, "sam", "Cooling towels around the neck help me a lot.").status_code == 200
    words = "And a fan by the bed at night makes a big difference too."
    wait = _refused(_reply(forum, "sam", words), "You’re replying a bit too quickly.")
    time.sleep(wait)
    again = _reply(forum, "sam", words)
    assert again.status_code == 200, again.text


def test_staff_are_never_limited(forum: DemoForum) -> None:
    for n in range(3):
        answer = _reply(forum, "ruth", f"A note from the moderators, number {n}, about the heat.")
        assert answer.status_code == 200, answer.text


def test_a_new_member_waits_longer_and_has_a_first_day_limit(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, max_replies_in_first_day=2)
    make_new_member(forum, "demo", trust_level=0)
    assert _reply(forum, "demo", "Hello everyone, I was diagnosed last month.").status_code == 200
    wait = _refused(_reply(forum, "demo", "Sorry, I meant to say two months."), "too quickly")
    assert 25 <= wait <= 30  # rate_limit_new_user_create_post
    age_member_actions(forum, 30)
    assert _reply(forum, "demo", "Sorry, I meant to say two months.").status_code == 200
    age_member_actions(forum, 30)
    third = _reply(forum, "demo", "Thank you all for the kind welcome.")
    wait = _refused(third, "maximum number of replies a new user can create on their first day")
    assert 86_300 <= wait <= 86_400


def test_topics_wait_between_them_and_are_limited_per_day(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, max_topics_per_day=2)
    assert _topic(forum, "sam", 1).status_code == 200
    wait = _refused(_topic(forum, "sam", 2), "You’re creating topics a bit too quickly.")
    assert 10 <= wait <= 15
    age_member_actions(forum, 15)
    assert _topic(forum, "sam", 2).status_code == 200
    age_member_actions(forum, 3600)
    wait = _refused(_topic(forum, "sam", 3), "maximum new topics allowed per day")
    assert 86_400 - 3_700 <= wait <= 86_400 - 3_600
    assert wait // 3600 == 22 and time_left(wait) == "22 hours"
    # Messages have a day's limit of their own.
    message = _topic(forum, "sam", 4, archetype="private_message", target_recipients="mei")
    assert message.status_code == 200, message.text


def test_the_same_words_twice_within_minutes_are_refused(forum: DemoForum) -> None:
    words = "Thank you, that really helps me a lot."
    assert _reply(forum, "sam", words).status_code == 200
    age_member_actions(forum, 60)
    again = _reply(forum, "sam", f"  {words}\n", topic_id=2)
    assert again.status_code == 422
    assert again.json()["errors"] == ["Body is too similar to what you recently posted"]
    # Not the same words for a message, nor for a moderator.
    message = _topic(
        forum, "sam", 1, raw=words, archetype="private_message", target_recipients="mei"
    )
    assert message.status_code == 200, message.text
    for topic_id in (1, 2):
        assert _reply(forum, "ruth", words, topic_id=topic_id).status_code == 200


def test_likes_are_counted_against_a_day_and_say_how_many_are_left(
    make_forum: ForumFactory,
) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, max_likes_per_day=2)
    others = [p["id"] for p in _posts_of(forum, HEAT_TOPIC) if p["username"] != "demo"]
    first = _like(forum, "demo", others[0])
    assert first.status_code == 200, first.text
    assert first.headers["Discourse-Actions-Remaining"] == "1"
    assert first.headers["Discourse-Actions-Max"] == "2"
    assert _like(forum, "demo", others[1]).headers["Discourse-Actions-Remaining"] == "0"
    # Taking a like back does not give it back to the day.
    undo = httpx.delete(
        f"{forum.base_url}/post_actions/{others[1]}.json",
        params={"post_action_type_id": 2},
        headers=member_headers("demo"),
    )
    assert undo.status_code == 200, undo.text
    wait = _refused(_like(forum, "demo", others[2]), "You’ll be able to like posts again in")
    assert 86_300 <= wait <= 86_400


def test_a_higher_trust_level_gives_more_likes(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY)
    make_new_member(forum, "demo", trust_level=2)
    others = [p["id"] for p in _posts_of(forum, HEAT_TOPIC) if p["username"] != "demo"]
    liked = _like(forum, "demo", others[0])
    assert liked.headers["Discourse-Actions-Max"] == "75"  # 50 times 1.5
    assert liked.headers["Discourse-Actions-Remaining"] == "74"


def test_one_post_is_liked_and_unliked_at_most_four_times_a_minute(forum: DemoForum) -> None:
    post_id = next(p["id"] for p in _posts_of(forum, HEAT_TOPIC) if p["username"] != "demo")
    url = f"{forum.base_url}/post_actions"
    for _ in range(2):
        assert _like(forum, "demo", post_id).status_code == 200
        undo = httpx.delete(
            f"{url}/{post_id}.json",
            params={"post_action_type_id": 2},
            headers=member_headers("demo"),
        )
        assert undo.status_code == 200
    _refused(_like(forum, "demo", post_id), "You’ve performed this action too many times.")


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (3, "a few seconds"),
        (4, "4 seconds"),
        (59, "59 seconds"),
        (60, "1 minute"),
        (3599, "59 minutes"),
        (7199, "1 hour"),
        (86_399, "23 hours"),
    ],
)
def test_waits_are_worded_as_discourse_words_them(seconds: int, said: str) -> None:
    assert time_left(seconds) == said
