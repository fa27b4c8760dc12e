"""Requests no client should send get Discourse's 400, never a 500, and a client that stalls
mid-request loses its connection instead of holding a server thread. Real loopback HTTP."""

from __future__ import annotations

import socket
from typing import Any

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from voicepeer.demo_forum import DemoForum

HUGE = "9" * 20
TEXT = "Resting after lunch helps me more than anything else does."


def assert_invalid_parameters(answer: httpx.Response) -> dict[str, Any]:
    assert answer.status_code == 400, answer.text[:300]
    body = answer.json()
    assert body["error_type"] == "invalid_parameters"
    assert isinstance(body["errors"], list) and body["errors"]
    assert all(isinstance(item, str) and item for item in body["errors"])
    return body


@pytest.mark.parametrize(
    ("method", "path", "params"),
    [
        ("GET", f"/t/{HUGE}.json", None),
        ("GET", f"/posts/{HUGE}.json", None),
        ("GET", f"/c/support/{HUGE}.json", None),
        ("GET", "/t/1/posts.json", {"post_ids[]": HUGE}),
    ],
)
def test_twenty_digit_ids_are_invalid_parameters(
    client: httpx.Client, method: str, path: str, params: dict[str, str] | None
) -> None:
    assert_invalid_parameters(client.request(method, path, params=params))


def test_a_twenty_digit_topic_id_in_a_post_is_invalid(member: httpx.Client) -> None:
    assert_invalid_parameters(member.post("/posts.json", json={"topic_id": 10**20, "raw": TEXT}))


def json_post(client: httpx.Client, body: bytes) -> httpx.Response:
    return client.post("/posts.json", content=body, headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("depth", [101, 5000, 100_000])
def test_very_deep_json_is_invalid(member: httpx.Client, depth: int) -> None:
    body = b'{"topic_id": 1, "raw": ' + b"[" * depth + b"]" * depth + b"}"
    assert_invalid_parameters(json_post(member, body))


def test_json_nested_within_the_limit_reaches_the_route(member: httpx.Client) -> None:
    body = b'{"topic_id": 1, "raw": "' + TEXT.encode() + b'", "x": ' + b"[" * 90 + b"]" * 90 + b"}"
    assert json_post(member, body).status_code == 200


@pytest.mark.parametrize("escape", [b"\\ud800", b"\\udfff", b"\\udc00\\ud800"])
def test_lone_surrogates_are_invalid(member: httpx.Client, escape: bytes) -> None:
    body = b'{"topic_id": 1, "raw": "' + TEXT.encode() + escape + b'"}'
    assert_invalid_parameters(json_post(member, body))
    key = b'{"topic_id": 1, "raw": "' + TEXT.encode() + b'", "' + escape + b'": 1}'
    assert_invalid_parameters(json_post(member, key))


def test_a_proper_surrogate_pair_is_text(member: httpx.Client) -> None:
    body = b'{"topic_id": 1, "raw": "' + TEXT.encode() + b' \\ud83d\\udc99"}'
    answer = json_post(member, body)
    assert answer.status_code == 200
    assert answer.json()["raw"].endswith("💙")


def test_a_1200_word_search_is_invalid(client: httpx.Client) -> None:
    words = " ".join(f"fatigue{i}" for i in range(1200))
    body = assert_invalid_parameters(client.get("/search.json", params={"q": words}))
    assert "at most" in body["errors"][0]
    assert client.get("/search.json", params={"q": "fatigue tired"}).status_code == 200


@pytest.mark.parametrize("params", [{"q": ""}, {"q": "   "}, {}])
def test_a_blank_search_is_a_missing_parameter(
    client: httpx.Client, params: dict[str, str]
) -> None:
    body = assert_invalid_parameters(client.get("/search.json", params=params))
    assert body["errors"] == ["param is missing or the value is empty: q"]


def stalled_upload(forum: DemoForum) -> socket.socket:
    """Headers with a Content-Length, and then no body at all."""
    conn = socket.create_connection(("127.0.0.1", forum.port))
    conn.sendall(
        b"POST /posts.json HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Content-Length: 500\r\n\r\n"
    )
    return conn


def test_a_stalled_upload_loses_its_connection(make_forum: ForumFactory) -> None:
    forum = make_forum(request_timeout_s=0.5)
    with stalled_upload(forum) as conn:
        conn.settimeout(30)  # far longer than the server's timeout; fails the test if reached
        assert conn.recv(1024) == b""  # the server closed it
    # The forum still answers others meanwhile and afterwards.
    assert httpx.get(forum.base_url + "/latest.json", timeout=10).status_code == 200


def test_many_stalled_uploads_do_not_stop_the_forum(make_forum: ForumFactory) -> None:
    forum = make_forum(request_timeout_s=0.5)
    stalled = [stalled_upload(forum) for _ in range(20)]
    try:
        assert httpx.get(forum.base_url + "/latest.json", timeout=10).status_code == 200
        for conn in stalled:
            conn.settimeout(30)
            assert conn.recv(1024) == b""
    finally:
        for conn in stalled:
            conn.close()
