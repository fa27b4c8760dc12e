"""Server errors, slowness and broken answers produced by the real demo forum."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from voicepeer.errors import ForumResponseError, ForumUnreachableError
from voicepeer.forum.base import NewReply
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.outbox import Outbox, OutboxState
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.error_phrases import say_error

from .conftest import RunningForum


def test_reads_ride_out_a_short_outage(forum: RunningForum) -> None:
    slept: list[float] = []
    client = forum.client(settings=ForumSettings(retry_backoff_s=0.5), sleep=slept.append)
    forum.server.faults.fail_next(2, 503, path="/latest.json")
    assert client.latest().topics
    assert client.requests_made == 3 + 1  # and the site's censored words, once
    assert slept == [0.5, 1.0]


def test_reads_give_up_after_bounded_retries(forum: RunningForum) -> None:
    client = forum.client(settings=ForumSettings(read_retries=2), sleep=lambda s: None)
    forum.server.faults.fail_next(10, 502, path="/latest.json")
    with pytest.raises(ForumResponseError) as caught:
        client.latest()
    assert client.requests_made == 3
    assert "HTTP 502" in str(caught.value)
    assert "forum is having trouble" in say_error(caught.value)


def test_server_error_on_a_post_is_not_retried_but_checked(
    forum: RunningForum, tmp_path: Path
) -> None:
    client = forum.client("demo", sleep=lambda s: None)
    topic_id = client.latest().topics[0].id
    forum.server.faults.fail_next(1, 500, path="/posts.json")
    before = client.requests_made
    with pytest.raises(DeliveryUncertainError):
        client.create_post(NewReply(topic_id, "Posted while the server stumbled."))
    assert client.requests_made == before + 1

    outbox = Outbox(tmp_path / "o.sqlite3", client)
    forum.server.faults.fail_next(1, 500, path="/posts.json")
    first = outbox.submit(NewReply(topic_id, "Posted while the server stumbled."), "Topic")
    assert first.state is OutboxState.SENDING
    [second] = outbox.flush()  # checks the topic, finds nothing, sends once more
    assert second.state is OutboxState.POSTED
    assert second.entry.attempts == 2


def test_slow_forum_is_announced_once(forum: RunningForum) -> None:
    client = forum.client(settings=ForumSettings(slow_after_s=0.2))
    heard: list[str] = []
    client.on_slow(lambda: heard.append("Still waiting for the forum…"))
    forum.server.faults.slow(0.6, path="/categories.json")
    assert client.categories()
    assert heard == ["Still waiting for the forum…"]
    client.latest()  # quick: nothing more is said
    assert len(heard) == 1


def test_a_frozen_forum_is_announced_again_and_again_until_it_answers(
    forum: RunningForum,
) -> None:
    settings = ForumSettings(slow_after_s=0.2, still_waiting_every_s=0.5)
    client = forum.client(settings=settings)
    heard: list[float] = []
    started = time.monotonic()
    client.on_slow(lambda: heard.append(time.monotonic() - started))
    forum.server.faults.slow(1.9, path="/categories.json")
    assert client.categories()
    assert len(heard) == 4, heard  # at 0.2, 0.7, 1.2 and 1.7 seconds
    assert all(0.4 <= later - earlier <= 0.7 for earlier, later in itertools.pairwise(heard))
    time.sleep(0.7)
    assert len(heard) == 4  # not after the answer


@pytest.mark.parametrize(
    ("mode", "message"),
    [("html", "not JSON"), ("truncated_json", "not JSON"), ("wrong_shape", "unexpected")],
)
def test_broken_answers_give_a_clear_error(forum: RunningForum, mode: str, message: str) -> None:
    client = forum.client(settings=ForumSettings(read_retries=1), sleep=lambda s: None)
    forum.server.faults.malform("/latest.json", mode)
    with pytest.raises(ForumResponseError) as caught:
        client.latest()
    assert message in str(caught.value)
    assert "could not understand" in say_error(caught.value)


def test_connection_dropped_mid_answer(forum: RunningForum) -> None:
    client = forum.client(settings=ForumSettings(read_retries=1), sleep=lambda s: None)
    forum.server.faults.malform("/categories.json", "drop_connection")
    with pytest.raises(ForumUnreachableError) as caught:
        client.categories()
    assert "connection broke" in str(caught.value)
    assert client.requests_made == 2
