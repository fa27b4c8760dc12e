"""What the voice loop needs for keeping replies and places, as small interfaces."""

from __future__ import annotations

from typing import Protocol

from voicepeer.forum.base import NewReply, PostOutcome


class DraftKeeper(Protocol):
    """Durable storage of replies being dictated, keyed by what they answer."""

    def save(self, key: str, text: str) -> None: ...

    def load(self, key: str) -> str | None: ...

    def discard(self, key: str) -> None: ...


class ReplySender(Protocol):
    """Posts a confirmed reply; keeps it safe when posting fails (raises ForumError then)."""

    def send(self, reply: NewReply) -> PostOutcome: ...


class PlaceKeeper(Protocol):
    """Where the user was in each topic (0-based post index), kept across restarts."""

    def get(self, topic_id: int) -> int | None: ...

    def set(self, topic_id: int, post_index: int) -> None: ...
