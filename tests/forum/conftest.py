"""The real demo forum over loopback HTTP, and clients signed in to it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.support.approval import MEMBER_PASSWORD
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.settings import ForumSettings

ADMIN_KEY = "test-admin-key-0123456789abcdef"


@dataclass
class RunningForum:
    base_url: str
    db_path: Path
    server: Any
    """The running ``voicepeer.demo_forum.DemoForum``."""
    clients: list[DiscourseClient] = field(default_factory=list)

    def client(
        self,
        username: str = "demo",
        *,
        settings: ForumSettings | None = None,
        user_api_key: bool = False,
        **kwargs: Any,
    ) -> DiscourseClient:
        """A client acting as ``username`` through the admin API key, or signed in with a
        user API key of their own (as ``voicepeer forum connect`` is)."""
        creds = Credentials(self.base_url, "admin_api_key", ADMIN_KEY, username=username)
        if user_api_key:
            # Each install has a client id of its own: one per member here.
            client_id = f"voicepeer-tests-{username}"
            key = self.server.member_key(username, client_id, ("read", "write"))
            creds = Credentials(self.base_url, "user_api_key", key, username, client_id)
        client = DiscourseClient(
            self.base_url,
            credentials=creds,
            settings=settings or ForumSettings(retry_backoff_s=0.01),
            **kwargs,
        )
        self.clients.append(client)
        return client


StartForum = Callable[..., RunningForum]


@pytest.fixture
def start_forum(tmp_path: Path) -> Iterator[StartForum]:
    """Start a demo forum with the given options (admin key always set)."""
    from voicepeer.demo_forum import DemoForum

    started: list[RunningForum] = []

    def start(**options: Any) -> RunningForum:
        options.setdefault("admin_api_key", ADMIN_KEY)
        options.setdefault("admin_api_key_requests_per_minute", 0)
        options.setdefault("member_password", MEMBER_PASSWORD)
        db_path = tmp_path / f"forum{len(started)}.sqlite3"
        server = DemoForum(db_path, DemoForumOptions(**options))
        base_url = server.start()
        running = RunningForum(base_url=base_url, db_path=db_path, server=server)
        started.append(running)
        return running

    yield start
    for running in started:
        for client in running.clients:
            client.close()
        running.server.stop()


@pytest.fixture
def forum(start_forum: StartForum) -> RunningForum:
    return start_forum()


def approve_user_api_key(
    running: RunningForum, client_id: str = "voicepeer-test", username: str = "demo"
) -> Credentials:
    """The real approval flow: key pair and nonce, the member signs in with a browser and
    presses Authorize, the payload the forum shows is pasted back and decrypted."""
    from tests.support.approval import approve_user_api_key as approve

    return approve(running.base_url, client_id, username)
