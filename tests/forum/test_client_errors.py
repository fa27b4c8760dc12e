"""Every failure the real demo forum can produce ends in a clear, speakable outcome."""

from __future__ import annotations

import logging
import time

import pytest

from voicepeer.errors import (
    AuthError,
    ForumNotFoundError,
    ForumRejectedError,
    ForumResponseError,
    HttpAnswer,
    RateLimitedError,
    ResponseProblem,
)
from voicepeer.forum.base import NewReply
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.error_phrases import say_error
from voicepeer.voice.phrasing import waiting_announcement

from .conftest import RunningForum, StartForum


def _topic_id(client: DiscourseClient) -> int:
    return client.latest().topics[0].id


def test_too_short_reply_is_refused_with_the_number_of_characters(
    start_forum: StartForum,
) -> None:
    client = start_forum(min_post_length=25).client()
    with pytest.raises(ForumRejectedError) as caught:
        client.create_post(NewReply(_topic_id(client), "Me too."))
    assert any("too short" in e for e in caught.value.errors)
    assert "at least 25 characters" in say_error(caught.value)


def test_unknown_topic_is_not_found(forum: RunningForum) -> None:
    with pytest.raises(ForumNotFoundError) as caught:
        forum.client().topic(987654)
    assert "removed" in say_error(caught.value)


def test_errors_carry_the_status_the_forum_answered_with(start_forum: StartForum) -> None:
    # The carer's words named the status by finding "HTTP 503" in the error's text.
    running = start_forum(ip_requests_per_minute=1)
    client = running.client(settings=ForumSettings(read_retries=0, max_rate_limit_wait_s=0))
    with pytest.raises(ForumNotFoundError) as missing:
        client.topic(987654)
    assert missing.value.answer == HttpAnswer(404, "Not Found")
    with pytest.raises(RateLimitedError) as limited:
        client.categories()
    assert limited.value.answer == HttpAnswer(429, "Too Many Requests")
    running.server.faults.fail_next(1, 502)
    with pytest.raises(ForumResponseError) as failing:
        running.client(settings=ForumSettings(read_retries=0)).latest()
    assert failing.value.problem is ResponseProblem.SERVER_TROUBLE
    assert failing.value.answer == HttpAnswer(502, "Bad Gateway")
    assert str(failing.value.answer) == "HTTP 502 Bad Gateway"


def test_wrong_key_asks_for_a_reconnect_and_never_shows_the_key(
    forum: RunningForum, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "wrong-key-5f3a9c0e7d1b2468aceg"
    creds = Credentials(forum.base_url, "admin_api_key", secret, username="demo")
    with (
        DiscourseClient(forum.base_url, credentials=creds) as client,
        pytest.raises(AuthError) as caught,
    ):
        client.create_post(NewReply(1, "Trying with a key that is wrong."))
    assert "reconnect" in say_error(caught.value)
    assert secret not in str(caught.value)
    assert secret not in say_error(caught.value)
    assert secret not in caplog.text
    assert secret not in repr(creds)


def test_json_rate_limit_is_announced_and_waited_for(start_forum: StartForum) -> None:
    running = start_forum(admin_api_key_requests_per_minute=2)
    waits: list[float] = []
    slept: list[float] = []
    client = running.client(settings=ForumSettings(max_rate_limit_wait_s=120), sleep=slept.append)
    client.on_wait(waits.append)
    client.latest()  # two requests: the list and, once, the site's censored words
    with pytest.raises(RateLimitedError) as caught:
        client.categories()
    assert waits and waits == slept
    assert all(0 < w <= 60 for w in waits)
    assert "asked me to wait" in say_error(caught.value)
    assert 0 < caught.value.wait_seconds <= 60


def test_long_rate_limit_is_reported_not_waited(start_forum: StartForum) -> None:
    running = start_forum(admin_api_key_requests_per_minute=1)
    slept: list[float] = []
    client = running.client(settings=ForumSettings(max_rate_limit_wait_s=0.5), sleep=slept.append)
    client.latest()
    with pytest.raises(RateLimitedError) as caught:
        client.categories()
    assert slept == []
    assert "seconds" in say_error(caught.value) or "minute" in say_error(caught.value)


def test_plain_text_rate_limit_uses_retry_after(start_forum: StartForum) -> None:
    running = start_forum(ip_requests_per_minute=1)
    waits: list[float] = []
    client = running.client(settings=ForumSettings(max_rate_limit_wait_s=0.5))
    client.on_wait(waits.append)
    client.latest()
    with pytest.raises(RateLimitedError) as caught:
        client.categories()
    assert caught.value.wait_seconds > 0
    assert waits == []


def test_a_pause_the_forum_asked_for_is_not_also_called_slow(start_forum: StartForum) -> None:
    running = start_forum(admin_api_key_requests_per_minute=1)
    heard: list[str] = []
    client = running.client(
        # Each pause outlasts the slow timer, so a timer left running would fire; the timer
        # is long enough that a loopback request on a busy machine never fires it.
        settings=ForumSettings(max_rate_limit_wait_s=120, slow_after_s=1.5),
        sleep=lambda seconds: time.sleep(1.7),
    )
    client.on_slow(lambda: heard.append("slow"))
    client.on_wait(lambda seconds: heard.append("wait"))
    client.latest()
    with pytest.raises(RateLimitedError):
        client.categories()
    assert heard == ["wait", "wait", "wait"]


def test_after_the_asked_for_pause_the_request_goes_through(start_forum: StartForum) -> None:
    running = start_forum(admin_api_key_requests_per_minute=1)
    heard: list[str] = []

    def pause(seconds: float) -> None:
        running.server.reset_rate_limits()  # the minute has passed, as far as the forum knows

    client = running.client(settings=ForumSettings(max_rate_limit_wait_s=120), sleep=pause)
    client.on_wait(lambda seconds: heard.append(waiting_announcement(seconds)))
    client.latest()
    assert client.categories()  # limited, waited, retried, answered
    assert len(heard) == 1
    assert heard[0].startswith("The forum asked me to wait ")
    assert heard[0].endswith(" seconds.")
