"""Fixtures: a demo forum on a free loopback port, and httpx clients talking to it: a
visitor, and the member "demo" signed in as ``voicepeer demo`` signs in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.approval import MEMBER_PASSWORD
from voicepeer.demo_forum import DemoForum, DemoForumOptions
from voicepeer.forum.user_api_key import SCOPES

ForumFactory = Callable[..., DemoForum]


@pytest.fixture
def make_forum(tmp_path: Path) -> Iterator[ForumFactory]:
    """Start a demo forum with the given option overrides; stopped after the test."""
    started: list[DemoForum] = []

    def make(**overrides: Any) -> DemoForum:
        overrides.setdefault("member_password", MEMBER_PASSWORD)
        forum = DemoForum(tmp_path / f"forum-{len(started)}.sqlite3", DemoForumOptions(**overrides))
        forum.start()
        started.append(forum)
        return forum

    yield make
    for forum in started:
        forum.stop()


@pytest.fixture
def forum(make_forum: ForumFactory) -> DemoForum:
    return make_forum()


@pytest.fixture
def client(forum: DemoForum) -> Iterator[httpx.Client]:
    """A visitor: no key, so it may read public topics and write nothing."""
    with httpx.Client(base_url=forum.base_url, timeout=10) as http:
        yield http


def key_headers(forum: DemoForum, username: str = "demo") -> dict[str, str]:
    """Headers of a user API key ``username`` approved for voicepeer, as ``voicepeer demo``
    signs in to its practice forum (and ``voicepeer forum connect`` to any forum). A second
    call for the same member revokes the first key, as approving again does."""
    client_id = f"voicepeer-tests-{username}"
    key = forum.member_key(username, client_id, SCOPES)
    return {"User-Api-Key": key, "User-Api-Client-Id": client_id}


@pytest.fixture
def member(forum: DemoForum) -> Iterator[httpx.Client]:
    """The member "demo", signed in with a user API key of their own."""
    with httpx.Client(base_url=forum.base_url, headers=key_headers(forum), timeout=10) as http:
        yield http
