"""The names groups go by on the forum's pages, for saying who an author is.

A post and a user card name a member's group only by its short name (``ms_society_nurses``);
said as it is, that is a slug, not a name. The group's page gives its full name ("MS Society
nurses"), asked once a session for each group.
"""

from __future__ import annotations

from voicepeer.errors import ForumError, ForumNotFoundError
from voicepeer.forum.peer import PeerForum


class GroupNames:
    """Full names of groups, asked of the forum once each (a group it hides stays unnamed)."""

    def __init__(self, peer: PeerForum | None) -> None:
        self._peer = peer
        self._known: dict[str, str | None] = {}

    def full_name(self, name: str) -> str | None:
        """The group's full name; None when it has none, is hidden, or the forum is out of
        reach (asked again next time then)."""
        if name in self._known:
            return self._known[name]
        if self._peer is None:
            return None
        try:
            full = self._peer.group_full_name(name)
        except ForumNotFoundError:
            full = None
        except ForumError:
            return None
        self._known[name] = full
        return full
