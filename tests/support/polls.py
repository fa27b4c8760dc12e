"""Polls on a demo forum over loopback, as members make and answer them through the API."""

from __future__ import annotations

from typing import Any

import httpx

from tests.support.members import member_headers


def post_poll(base_url: str, raw: str, title: str, author: str = "sam") -> int:
    """Start a topic whose first post (``raw``) holds polls; the post's id."""
    body = {"title": title, "raw": raw, "category": 1}
    made = httpx.post(f"{base_url}/posts.json", headers=member_headers(author), json=body)
    assert made.status_code == 200, made.text
    return int(made.json()["id"])


def polls_seen(base_url: str, post_id: int, username: str = "demo") -> list[dict[str, Any]]:
    """The post's polls as ``username`` is sent them."""
    seen = httpx.get(f"{base_url}/posts/{post_id}.json", headers=member_headers(username))
    assert seen.status_code == 200, seen.text
    return list(seen.json()["polls"])


def own_votes(base_url: str, post_id: int, username: str, poll: str = "poll") -> list[Any]:
    """What ``username`` voted for in ``poll`` (``polls_votes``)."""
    seen = httpx.get(f"{base_url}/posts/{post_id}.json", headers=member_headers(username))
    return list(seen.json().get("polls_votes", {}).get(poll, []))


def vote_as(base_url: str, username: str, post_id: int, options: Any, poll: str = "poll") -> None:
    """Vote as ``username``: ``options`` is the whole vote (ids, or ranks)."""
    body = {"post_id": post_id, "poll_name": poll, "options": options}
    voted = httpx.put(f"{base_url}/polls/vote.json", headers=member_headers(username), json=body)
    assert voted.status_code == 200, voted.text
