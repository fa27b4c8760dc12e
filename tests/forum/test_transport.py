"""The forum's address alone gets the key and the dictated text; every request ends within its
deadline and reads a bounded answer. Real servers on loopback: the demo forum, and a tiny
server that redirects, trickles or floods."""

from __future__ import annotations

import gzip
import json
import socket
import sqlite3
import time
from collections.abc import Callable, Iterator

import pytest

from tests.forum.conftest import ADMIN_KEY, RunningForum
from tests.forum.loopback import LoopbackServer, Received, response
from voicepeer.errors import ForumError, ForumUnreachableError
from voicepeer.forum.base import NewReply
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.settings import ForumSettings
from voicepeer.forum.transport import CrossOriginRedirectError, ResponseTooLargeError
from voicepeer.voice.error_phrases import say_error

TEXT = "Mornings are the hardest part of my week, so I rest before lunch."
LATEST = json.dumps({"users": [], "topic_list": {"topics": []}}).encode()
KEY_HEADERS = ("user-api-key", "user-api-client-id", "api-key", "api-username")

Serve = Callable[..., LoopbackServer]


@pytest.fixture
def serve() -> Iterator[Serve]:
    started: list[LoopbackServer] = []

    def start(answer: Callable[[socket.socket, Received], None]) -> LoopbackServer:
        server = LoopbackServer(answer)
        started.append(server)
        return server

    yield start
    for server in started:
        server.close()


def client_for(url: str, kind: str = "user_api_key", /, **settings: float) -> DiscourseClient:
    creds = Credentials(url, kind, "secret-key-123", username="demo", client_id="vp-client")  # type: ignore[arg-type]
    options = {"retry_backoff_s": 0.01, **settings}
    return DiscourseClient(url, credentials=creds, settings=ForumSettings(**options))  # type: ignore[arg-type]


def redirect_to(target: str, status: int = 307) -> Callable[[socket.socket, Received], None]:
    def answer(conn: socket.socket, request: Received) -> None:
        conn.sendall(response(status, headers={"Location": target + request.path}))

    return answer


def recorder(conn: socket.socket, request: Received) -> None:
    conn.sendall(response(200, json.dumps({"id": 1, "post_number": 2, "topic_id": 5}).encode()))


# -- redirects ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["user_api_key", "admin_api_key"])
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_to_another_port_gets_neither_key_nor_text(
    serve: Serve, kind: str, status: int
) -> None:
    elsewhere = serve(recorder)
    forum = serve(redirect_to(elsewhere.url, status))
    client = client_for(forum.url, kind)
    with pytest.raises(CrossOriginRedirectError) as caught:
        client.create_post(NewReply(topic_id=5, raw=TEXT))
    with pytest.raises(CrossOriginRedirectError):
        client.latest()
    assert "different web address" in say_error(caught.value)
    assert elsewhere.connections == 0 and elsewhere.requests == []
    # The forum itself did get the key (it is the forum) and the text, once.
    assert [r.method for r in forum.requests] == ["POST", "GET"]
    assert forum.requests[0].headers.get("user-api-key" if kind == "user_api_key" else "api-key")
    assert TEXT.encode() in forum.requests[0].body
    assert "secret-key-123" not in str(caught.value)


def test_a_307_from_the_forum_to_the_demo_forum_posts_nothing_there(
    serve: Serve, forum: RunningForum
) -> None:
    """The demo forum on another port would take the admin key and post the text: the
    redirect is refused before anything reaches it."""
    front = serve(redirect_to(forum.base_url))
    creds = Credentials(front.url, "admin_api_key", ADMIN_KEY, username="demo")
    client = DiscourseClient(front.url, credentials=creds)
    with pytest.raises(CrossOriginRedirectError):
        client.create_post(NewReply(topic_id=1, raw=TEXT))
    with sqlite3.connect(forum.db_path) as db:
        found = db.execute("SELECT count(*) FROM posts WHERE raw = ?", (TEXT,)).fetchone()
    assert found == (0,)
    # The same reply straight to the demo forum is posted, so the check above could fail.
    forum.client().create_post(NewReply(topic_id=1, raw=TEXT))
    with sqlite3.connect(forum.db_path) as db:
        found = db.execute("SELECT count(*) FROM posts WHERE raw = ?", (TEXT,)).fetchone()
    assert found == (1,)


def test_http_to_https_on_the_same_host_is_another_origin(serve: Serve) -> None:
    forum = serve(redirect_to("https://127.0.0.1:1"))
    with pytest.raises(CrossOriginRedirectError) as caught:
        client_for(forum.url).latest()
    assert "https://127.0.0.1:1" in str(caught.value)


def test_same_origin_redirects_are_followed_with_key_and_body(serve: Serve) -> None:
    def answer(conn: socket.socket, request: Received) -> None:
        if request.path.startswith("/old"):
            conn.sendall(response(308, headers={"Location": request.path.removeprefix("/old")}))
        elif request.method == "POST":
            posted = {"id": 7, "post_number": 3, "topic_id": 5}
            conn.sendall(response(200, json.dumps(posted).encode()))
        else:
            conn.sendall(response(200, LATEST))

    forum = serve(answer)
    client = client_for(forum.url + "/old")
    assert client.latest().topics == ()
    outcome = client.create_post(NewReply(topic_id=5, raw=TEXT))
    assert outcome.post_number == 3
    moved = [r for r in forum.requests if not r.path.startswith("/old")]
    # The list, then the site's censored words (asked once), then the post.
    assert [r.method for r in moved] == ["GET", "GET", "POST"]
    assert all(r.headers.get("user-api-key") == "secret-key-123" for r in moved)
    assert TEXT.encode() in moved[-1].body


def test_a_redirect_loop_ends_with_a_clear_error(serve: Serve) -> None:
    forum = serve(lambda conn, request: conn.sendall(response(302, headers={"Location": "/x"})))
    with pytest.raises(ForumError) as caught:
        client_for(forum.url).latest()
    assert "redirected more than" in str(caught.value)
    assert "somewhere else" in say_error(caught.value)


# -- deadlines -------------------------------------------------------------------------------


@pytest.fixture
def trickling(serve: Serve) -> Callable[[bytes], LoopbackServer]:
    def start(head: bytes) -> LoopbackServer:
        """Sends ``head``, then a byte every 0.1 s."""

        def answer(conn: socket.socket, request: Received) -> None:
            conn.sendall(head)
            for _ in range(10_000):
                time.sleep(0.1)
                conn.sendall(b" ")
                server.sent += 1

        server = serve(answer)
        return server

    return start


SLOW: dict[str, float] = {"read_timeout_s": 1.0, "request_deadline_s": 1.5, "slow_after_s": 0.2}


@pytest.mark.parametrize(
    "head",
    [
        b"HTTP/1.1 200 OK\r\nContent-Length: 20000\r\n\r\n{",  # a body one byte at a time
        b"HTTP/1.1 200 OK\r\nX-Slow: a",  # headers that never end
    ],
    ids=["body", "headers"],
)
def test_a_trickling_forum_is_cut_off_at_the_deadline(
    trickling: Callable[[bytes], LoopbackServer], head: bytes
) -> None:
    server = trickling(head)
    client = client_for(server.url, read_retries=0, **SLOW)

    with pytest.raises(DeliveryUncertainError) as posting:
        client.create_post(NewReply(topic_id=5, raw=TEXT))
    assert "not sure" in say_error(posting.value)
    assert "deadline" in str(posting.value)
    with pytest.raises(ForumUnreachableError) as reading:
        client.latest()
    assert "deadline" in str(reading.value)
    # Each byte came well within the one-second read timeout: only the deadline stopped it.
    assert server.sent < 100


def test_reads_with_retries_end_within_the_read_deadline(
    trickling: Callable[[bytes], LoopbackServer],
) -> None:
    server = trickling(b"HTTP/1.1 200 OK\r\nContent-Length: 20000\r\n\r\n{")
    client = client_for(
        server.url, read_retries=5, read_timeout_s=1.0, request_deadline_s=30, read_deadline_s=1.5
    )
    with pytest.raises(ForumUnreachableError):
        client.latest()
    # The first try used the whole read deadline: no time was left for another.
    assert len(server.requests) == 1


# -- size caps -------------------------------------------------------------------------------


def test_an_oversized_answer_is_refused_while_it_streams(serve: Serve) -> None:
    def flood(conn: socket.socket, request: Received) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n")
        for _ in range(2000):  # 20 MB unless the client stops reading
            conn.sendall(b"[" * 10_000)
            server.sent += 10_000
        conn.close()

    server = serve(flood)
    client = client_for(server.url, max_response_bytes=50_000)
    with pytest.raises(ResponseTooLargeError) as caught:
        client.latest()
    assert "more than 50000 bytes" in str(caught.value)
    assert "far more than I expected" in say_error(caught.value)
    assert len(server.requests) == 1  # not retried: it would be as large again
    with pytest.raises(DeliveryUncertainError):
        client.create_post(NewReply(topic_id=5, raw=TEXT))


def test_an_announced_oversized_answer_is_not_read_at_all(serve: Serve) -> None:
    server = serve(
        lambda conn, request: conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 900000000\r\n\r\n")
    )
    with pytest.raises(ResponseTooLargeError) as caught:
        client_for(server.url, max_response_bytes=50_000).latest()
    assert "announced 900000000 bytes" in str(caught.value)


def gzip_answer(body: bytes) -> Callable[[socket.socket, Received], None]:
    packed = gzip.compress(body, compresslevel=9)

    def answer(conn: socket.socket, request: Received) -> None:
        headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        conn.sendall(response(200, packed, headers))

    return answer


def test_a_gzip_bomb_is_stopped_once_unpacked_past_the_cap(serve: Serve) -> None:
    bomb = b"[" + b" " * 50_000_000 + b"]"  # 50 MB of JSON that packs to about 50 kB
    server = serve(gzip_answer(bomb))
    client = client_for(server.url, max_decoded_bytes=1_000_000)
    with pytest.raises(ResponseTooLargeError) as caught:
        client.latest()
    assert "more than 1000000 bytes once unpacked" in str(caught.value)
    assert server.requests[0].headers["accept-encoding"] == "gzip"


def test_a_compressed_answer_within_the_caps_is_read(serve: Serve) -> None:
    server = serve(gzip_answer(LATEST))
    assert client_for(server.url).latest().topics == ()


def test_a_damaged_compressed_answer_is_an_unreadable_answer(serve: Serve) -> None:
    def answer(conn: socket.socket, request: Received) -> None:
        conn.sendall(response(200, b"not gzip at all", {"Content-Encoding": "gzip"}))

    server = serve(answer)
    with pytest.raises(ForumError) as caught:
        client_for(server.url, read_retries=0).latest()
    assert "DecodingError" in str(caught.value)
