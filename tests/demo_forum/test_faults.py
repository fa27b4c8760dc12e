"""Fault switches: what a client sees over real loopback HTTP when the forum misbehaves."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from voicepeer.demo_forum import DemoForum


def test_faults_are_off_by_default(client: httpx.Client) -> None:
    assert all(client.get("/latest.json").status_code == 200 for _ in range(3))


def test_slow_answers(forum: DemoForum, client: httpx.Client) -> None:
    forum.faults.slow(0.6, path="/latest.json")
    started = time.monotonic()
    assert client.get("/latest.json").status_code == 200
    assert time.monotonic() - started >= 0.6
    started = time.monotonic()
    client.get("/categories.json")
    assert time.monotonic() - started < 0.6  # only the named path is slow
    with pytest.raises(httpx.ReadTimeout):
        client.get("/latest.json", timeout=httpx.Timeout(5.0, read=0.2))


@pytest.mark.parametrize("status", [500, 502, 503])
def test_next_requests_fail_then_recover(
    forum: DemoForum, client: httpx.Client, status: int
) -> None:
    forum.faults.fail_next(2, status, retry_after_s=3)
    first = client.get("/latest.json")
    assert first.status_code == status
    assert first.headers["Retry-After"] == "3"
    assert first.headers["content-type"].startswith("text/html")
    assert client.post("/posts.json", json={"topic_id": 1, "raw": "x" * 40}).status_code == status
    assert client.get("/latest.json").status_code == 200


def test_failures_can_target_one_path(forum: DemoForum, client: httpx.Client) -> None:
    forum.faults.fail_next(1, 503, path="/t/1.json")
    assert client.get("/latest.json").status_code == 200
    assert client.get("/t/1.json").status_code == 503
    assert client.get("/t/1.json").status_code == 200


def test_truncated_json(forum: DemoForum, client: httpx.Client) -> None:
    forum.faults.malform("/t/1.json", "truncated_json")
    response = client.get("/t/1.json")
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert client.get("/t/2.json").json()["id"] == 2


def test_html_instead_of_json_and_wrong_shape(forum: DemoForum, client: httpx.Client) -> None:
    forum.faults.malform("/latest.json", "html")
    page = client.get("/latest.json")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    forum.faults.malform("/categories.json", "wrong_shape")
    assert isinstance(client.get("/categories.json").json(), list)
    forum.faults.clear()
    assert "topic_list" in client.get("/latest.json").json()


def test_connection_dropped_mid_answer(forum: DemoForum, client: httpx.Client) -> None:
    forum.faults.malform("/t/1.json", "drop_connection")
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/t/1.json")
    assert client.get("/t/2.json").status_code == 200  # the server carries on


def test_unknown_fault_settings_are_refused(forum: DemoForum) -> None:
    with pytest.raises(ValueError, match="status"):
        forum.faults.fail_next(1, 418)
    with pytest.raises(ValueError, match="mode"):
        forum.faults.malform("/latest.json", "sideways")
