"""Each error answer Discourse gives, in its real shape, becomes the error that says what it
means (over real HTTP where the demo forum can give it, directly otherwise)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voicepeer.errors import (
    AuthError,
    AuthProblem,
    DeclinedByModeratorError,
    Forbidden,
    ForumError,
    ForumForbiddenError,
    ForumGoneError,
    ForumNotFoundError,
    ForumRejectedError,
    ForumRequestError,
    RateLimitedError,
)
from voicepeer.forum.base import NewReply
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.refusals import error_for_answer, record_of, refusal_from_record
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.error_phrases import say_error

from .conftest import RunningForum

STOCK = "You are not permitted to view the requested resource."


@pytest.mark.parametrize(
    ("method", "path", "status", "body", "kind", "words"),
    [
        (
            "POST",
            "/post_actions.json",
            403,
            {"errors": ["You have already performed this action."], "error_type": "invalid_access"},
            ForumForbiddenError,
            "already liked",
        ),
        (
            "POST",
            "/post_actions.json",
            403,
            {"errors": [STOCK], "error_type": "invalid_access"},
            ForumForbiddenError,
            "your own posts",
        ),
        (
            "DELETE",
            "/post_actions/9.json",
            403,
            {"errors": [STOCK], "error_type": "invalid_access"},
            ForumForbiddenError,
            "first few minutes after giving it",
        ),
        (
            "GET",
            "/t/12.json",
            403,
            {"errors": [STOCK], "error_type": "invalid_access"},
            ForumForbiddenError,
            "restricted category",
        ),
        (
            "POST",
            "/posts.json",
            403,
            {
                "errors": [
                    "You are not permitted to view the requested resource.",
                    "This topic is closed.",
                ],
                "error_type": "invalid_access",
            },
            ForumForbiddenError,
            "It says: This topic is closed.",
        ),
        (
            "GET",
            "/notifications.json",
            403,
            {"errors": ["You need to be logged in to do that."], "error_type": "not_logged_in"},
            AuthError,
            "reconnect",
        ),
        (
            "GET",
            "/latest.json",
            403,
            {
                "errors": [f"{STOCK} The API username or key is invalid."],
                "error_type": "invalid_access",
            },
            AuthError,
            "reconnect",
        ),
        (
            "GET",
            "/t/12.json",
            404,
            {
                "errors": ["The requested URL or resource could not be found."],
                "error_type": "not_found",
            },
            ForumNotFoundError,
            "could not find",
        ),
        (
            "GET",
            "/t/12.json",
            410,
            {
                "errors": ["The requested URL or resource could not be found."],
                "error_type": "not_found",
            },
            ForumGoneError,
            "deleted",
        ),
        (
            "POST",
            "/posts.json",
            422,
            {"action": "create_post", "errors": ["Body is too short (minimum is 20 characters)"]},
            ForumRejectedError,
            "at least 20 characters",
        ),
        (
            "POST",
            "/posts.json",
            400,
            {
                "errors": ["param is missing or the value is empty: raw"],
                "error_type": "invalid_parameters",
            },
            ForumRequestError,
            "missing or not allowed",
        ),
        (
            "GET",
            "/search.json",
            400,
            {
                "errors": ["You supplied invalid parameters to the request: q"],
                "error_type": "invalid_parameters",
            },
            ForumRequestError,
            "would not search",
        ),
    ],
)
def test_each_answer_means_what_it_says(
    method: str,
    path: str,
    status: int,
    body: dict[str, object],
    kind: type[ForumError],
    words: str,
) -> None:
    error = error_for_answer(method, path, status, body, {}, signed_in=True)
    assert type(error) is kind
    assert words in say_error(error)
    assert "could not understand" not in say_error(error)
    if kind is not AuthError:
        assert "connect" not in say_error(error)


def test_signing_in_is_asked_for_only_when_there_is_no_account() -> None:
    body = {"errors": ["You need to be logged in to do that."], "error_type": "not_logged_in"}
    error = error_for_answer("POST", "/posts.json", 403, body, {}, signed_in=False)
    assert isinstance(error, AuthError)
    assert "connect your account" in say_error(error) and "reconnect" not in say_error(error)


@pytest.mark.parametrize(
    ("body", "headers", "wait"),
    [
        (
            {
                "errors": [
                    "You’ve performed this action too many times. Please wait 37 seconds before "
                    "trying again."
                ],
                "error_type": "rate_limit",
                "extras": {"wait_seconds": 37, "time_left": "37 seconds"},
            },
            {"Retry-After": "37"},
            37.0,
        ),
        (None, {"Retry-After": "120"}, 120.0),  # Discourse's per-IP layer: plain text
    ],
)
def test_both_rate_limit_forms_say_how_long(
    body: dict[str, object] | None, headers: dict[str, str], wait: float
) -> None:
    error = error_for_answer("GET", "/latest.json", 429, body, headers, signed_in=True)
    assert isinstance(error, RateLimitedError) and error.wait_seconds == wait
    assert say_error(error).startswith("The forum asked me to wait ")


def test_an_action_refused_to_a_working_key_is_not_an_account_problem(
    forum: RunningForum,
) -> None:
    client = forum.client("demo")
    topic_id = client.latest().topics[0].id
    post_id = client.topic(topic_id).loaded_posts[0].id
    client.like(post_id)
    with pytest.raises(ForumForbiddenError) as caught:
        client.like(post_id)
    assert "already liked" in say_error(caught.value)
    # The stock sentence alone (a like on one's own post) is checked against the account.
    own = client.create_post(NewReply(topic_id, "Something I wrote myself about pacing."))
    assert own.post_id is not None
    with pytest.raises(ForumForbiddenError) as caught:
        client.like(own.post_id)
    assert "your own posts" in say_error(caught.value)


VISITOR_CALLS: dict[str, Callable[[DiscourseClient, int], object]] = {
    "reply": lambda c, t: c.create_post(NewReply(t, "Walking by the sea helps me on hot days.")),
    "like": lambda c, t: c.like(c.topic(t).loaded_posts[0].id),
    "edit": lambda c, t: c.edit_post(c.topic(t).loaded_posts[0].id, "Kinder words than before."),
    "notifications": lambda c, t: c.notifications(),
    "all read": lambda c, t: c.mark_all_notifications_read(),
}


@pytest.mark.parametrize("call", VISITOR_CALLS.values(), ids=VISITOR_CALLS.keys())
def test_without_an_account_the_forums_refusal_asks_for_one(
    forum: RunningForum, call: Callable[[DiscourseClient, int], object]
) -> None:
    # The forum answers 403 not_logged_in, as a stock Discourse does to any visitor's write.
    visitor = DiscourseClient(forum.base_url, settings=ForumSettings(retry_backoff_s=0.01))
    forum.clients.append(visitor)
    topic_id = visitor.latest().topics[0].id
    before = visitor.topic(topic_id, fresh=True).posts_count
    with pytest.raises(AuthError) as caught:
        call(visitor, topic_id)
    assert caught.value.problem is AuthProblem.SIGN_IN_NEEDED
    assert "not_logged_in" in str(caught.value)  # the forum's answer, not a guess beforehand
    assert say_error(caught.value) == (
        "The forum needs you to be signed in for that. Please ask your helper to connect "
        "your account with voicepeer forum connect."
    )
    assert visitor.topic(topic_id, fresh=True).posts_count == before


@pytest.mark.parametrize(
    "refusal",
    [
        ForumRejectedError(
            "POST /posts.json: HTTP 422", errors=("Body is too short (minimum is 30 characters)",)
        ),
        ForumForbiddenError(
            "POST /posts.json: HTTP 403",
            kind=Forbidden.FORUM_SAYS,
            reason="This topic is closed.",
            generic=False,
        ),
        ForumRequestError("POST /posts.json: HTTP 400"),
        ForumNotFoundError("POST /posts.json: HTTP 404"),
        ForumGoneError("POST /posts.json: HTTP 410"),
        DeclinedByModeratorError("no longer waiting"),
        DeclinedByModeratorError("no longer waiting", approved_there=True),
    ],
)
def test_a_kept_refusal_is_said_as_when_it_happened(refusal: ForumError) -> None:
    kept = refusal_from_record(record_of(refusal))
    assert type(kept) is type(refusal)
    assert say_error(kept) == say_error(refusal)
    assert str(kept) == str(refusal)


def test_a_refusal_kept_in_words_by_an_earlier_version_is_still_said() -> None:
    earlier = "The forum did not accept that. The reply is too short."
    assert earlier in say_error(refusal_from_record(earlier))
    assert say_error(refusal_from_record('{"error": "ForumForbiddenError"}'))
