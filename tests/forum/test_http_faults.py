"""Faults a real server cannot easily produce on demand: connections dropped mid-answer,
truncated bodies, silence, unknown hosts. Everything else runs against the demo forum."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from voicepeer.errors import ForumResponseError, ForumUnreachableError, NetFault
from voicepeer.forum.base import NewReply
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.error_phrases import say_error

LATEST = b'{"users": [], "topic_list": {"topics": []}}'


class BrokenStream(httpx.SyncByteStream):
    """Sends part of a body, then the connection breaks."""

    def __init__(self, first: bytes) -> None:
        self.first = first

    def __iter__(self) -> Iterator[bytes]:
        yield self.first
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")


def client_with(
    handler: httpx.MockTransport, **settings: float
) -> tuple[DiscourseClient, list[float]]:
    slept: list[float] = []
    client = DiscourseClient(
        "https://forum.example.org",
        settings=ForumSettings(**settings),  # type: ignore[arg-type]
        transport=handler,
        sleep=slept.append,
    )
    return client, slept


def test_read_dropped_mid_answer_is_retried_with_backoff() -> None:
    calls: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if len(calls) < 3:
            return httpx.Response(200, stream=BrokenStream(LATEST[:10]))
        return httpx.Response(200, content=LATEST)

    client, slept = client_with(httpx.MockTransport(handle))
    assert client.latest().topics == ()
    assert calls == ["/latest.json"] * 3 + ["/site.json"]  # and its censored words, once
    assert slept == [1.0, 2.0]


def test_truncated_json_gives_a_clear_error_after_bounded_retries() -> None:
    calls = 0

    def handle(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(200, content=LATEST[:25])

    client, slept = client_with(httpx.MockTransport(handle), read_retries=2)
    with pytest.raises(ForumResponseError) as caught:
        client.latest()
    assert calls == 3
    assert slept == [1.0, 2.0]
    assert "not JSON" in str(caught.value)
    assert "could not understand" in say_error(caught.value)


def test_json_of_the_wrong_shape_is_a_clear_error() -> None:
    client, _ = client_with(
        httpx.MockTransport(lambda r: httpx.Response(200, json={"topic_list": {"topics": [{}]}}))
    )
    with pytest.raises(ForumResponseError) as caught:
        client.latest()
    assert "unexpected topic list" in str(caught.value)


def test_post_dropped_after_sending_is_uncertain_and_not_retried() -> None:
    calls = 0

    def handle(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise httpx.ReadError("connection reset by peer")

    client, slept = client_with(httpx.MockTransport(handle))
    with pytest.raises(DeliveryUncertainError) as caught:
        client.create_post(NewReply(topic_id=5, raw="I find mornings are the worst for me."))
    assert calls == 1
    assert slept == []
    assert "not sure" in say_error(caught.value)
    assert "mornings" not in str(caught.value)


def test_post_answer_cut_short_is_uncertain() -> None:
    client, _ = client_with(
        httpx.MockTransport(lambda r: httpx.Response(200, stream=BrokenStream(b'{"id": 9')))
    )
    with pytest.raises(DeliveryUncertainError):
        client.create_post(NewReply(topic_id=5, raw="I find mornings are the worst for me."))


def test_post_that_never_connected_is_plainly_unreachable() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    client, _ = client_with(httpx.MockTransport(handle))
    with pytest.raises(ForumUnreachableError) as caught:
        client.create_post(NewReply(topic_id=5, raw="I find mornings are the worst for me."))
    assert not isinstance(caught.value, DeliveryUncertainError)


def test_unknown_host_is_unreachable() -> None:
    slept: list[float] = []
    client = DiscourseClient(
        "http://no-such-forum.invalid", settings=ForumSettings(read_retries=1), sleep=slept.append
    )
    with pytest.raises(ForumUnreachableError) as caught:
        client.latest()
    assert slept == [ForumSettings().refused_retry_s]  # plainly no: one short retry
    assert "internet connection" in say_error(caught.value)
    assert caught.value.fault is NetFault.NAME_UNKNOWN  # what a helper is told


def test_a_closed_port_says_what_the_system_said() -> None:
    # "cannot connect: ConnectError" was all doctor could tell a carer.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        address = f"http://127.0.0.1:{closed.getsockname()[1]}"  # nothing listens there
    client = DiscourseClient(address, settings=ForumSettings(read_retries=0))
    with pytest.raises(ForumUnreachableError) as caught:
        client.latest()
    assert "cannot connect: Connection refused" in str(caught.value)


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A real socket that accepts connections and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield f"http://127.0.0.1:{server.getsockname()[1]}"


def test_silence_times_out_and_the_caller_hears_about_it_once(silent_server: str) -> None:
    slow_calls: list[str] = []
    client = DiscourseClient(
        silent_server,
        settings=ForumSettings(read_timeout_s=0.6, slow_after_s=0.2, read_retries=1),
        sleep=lambda s: None,
    )
    client.on_slow(lambda: slow_calls.append("slow"))
    with pytest.raises(ForumUnreachableError) as caught:
        client.latest()
    assert "no answer in time" in str(caught.value)
    assert slow_calls == ["slow"]
    assert client.requests_made == 2


def test_retries_stop_at_the_read_deadline(silent_server: str) -> None:
    client = DiscourseClient(
        silent_server,
        settings=ForumSettings(
            read_timeout_s=0.5, read_retries=10, retry_backoff_s=0.1, read_deadline_s=1.2
        ),
    )
    started = time.monotonic()
    with pytest.raises(ForumUnreachableError):
        client.latest()
    assert client.requests_made == 2  # a third try could not finish within 1.2 s
    assert time.monotonic() - started < 2.0
