"""The names groups go by on the forum's pages, for saying who an author is.

A post and a user card name a member's group only by its short name (``ms_society_nurses``);
said as it is, that is a slug, not a name. The group's page gives its full name ("MS Society
nurses"), asked once a session for each group.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from voicepeer.errors import ForumError, ForumNotFoundError, ForumUnreachableError
from voicepeer.forum.peer import PeerForum


class GroupNames:
    """Full names of groups, asked of the forum once each (a group it hides stays unnamed)."""

    def __init__(self, peer: PeerForum | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._peer = peer
        self._clock = clock
        self._known: dict[str, str | None] = {}
        self._unreachable_at: float | None = None

    def full_name(self, name: str) -> str | None:
        """The group's full name; None when it has none, is hidden, or the forum is out of
        reach (asked again then, once :data:`ASK_AGAIN_AFTER_S` have passed)."""
        if name in self._known:
            return self._known[name]
        if self._peer is None or self._waiting():
            return None
        try:
            full = self._peer.group_full_name(name)
        except ForumNotFoundError:
            full = None
        except ForumUnreachableError:
            # Reading saved posts with the forum out of reach, each author's group cost
            # a wait for the network before their first post.
            self._unreachable_at = self._clock()
            return None
        except ForumError:
            return None
        self._known[name] = full
        return full

    def _waiting(self) -> bool:
        since = self._unreachable_at
        return since is not None and self._clock() - since < ASK_AGAIN_AFTER_S


ASK_AGAIN_AFTER_S = 60.0
"""Seconds after the forum was out of reach before a group's name is asked for again."""
