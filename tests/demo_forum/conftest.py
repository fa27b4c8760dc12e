"""Fixtures: a demo forum on a free loopback port, and httpx clients talking to it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.approval import MEMBER_PASSWORD
from voicepeer.demo_forum import DemoForum, DemoForumOptions

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
    with httpx.Client(base_url=forum.base_url, timeout=10) as http:
        yield http
