"""Telling the person, once, that the forum no longer accepts their account: reading goes
on, and posting waits for the carer to connect the account again."""

from __future__ import annotations

from collections.abc import Callable

from voicepeer.errors import AuthError, AuthProblem, ForumError
from voicepeer.forum.base import Forum
from voicepeer.forum.outbox import OutboxEntry
from voicepeer.forum.peer import PeerForum
from voicepeer.voice.error_phrases import ACCOUNT_BACK, ACCOUNT_REFUSED, account_now
from voicepeer.voice.outbox_phrases import entry_done, entry_named
from voicepeer.voice.ports import Say


class AccountNotice:
    """Says :data:`ACCOUNT_REFUSED` once a session: in the greeting, at once when found
    (if ``may_speak`` allows it there and then), else before the next listening."""

    def __init__(self, forum: Forum, say: Say, peer: PeerForum | None = None) -> None:
        self._forum = forum
        self._say = say
        self._peer = peer
        self._first = forum.account_name
        """The account the session began with."""
        self._known = self._first
        """The account the person last heard they use (the one begun with, at first)."""
        self._names: dict[str, str] = {}
        """Members' names as the forum shows them, by username, once asked."""
        self._told = False
        self.may_speak: Callable[[], bool] = lambda: False
        """Whether the notice may be said as soon as the refusal is found: only from the
        voice loop's own thread, between words rather than in the middle of them."""
        self._back = False
        """An account connected again was taken up since the notice was said."""
        self._said_on_finding = False
        """The notice was said as the refusal was found, by a request of the words being
        acted on: their own failure has nothing to add."""
        forum.on_account_refused(self._found)
        forum.on_account_back(self._connected_again)

    def in_greeting(self) -> str:
        """The notice to add to the greeting, or "" (none due)."""
        if self._due():
            self._told = True
            return " " + ACCOUNT_REFUSED
        return ""

    def tell(self) -> None:
        """Say the notice if it is due."""
        if self._due():
            self._told = True
            self._say(ACCOUNT_REFUSED)

    def tell_back(self) -> bool:
        """In a quiet moment: say that the account works again, once, when the notice was
        said and a carer has connected it since; True when it was said."""
        if self._told and not self._back:
            _ = self._forum.account_refused  # looks for an account connected again
        now = self._forum.account_name
        other = _other(now, self._known)
        if not self._back and other is None:
            return False
        self._back = self._told = False  # refused again later, it is told again
        self._known = now
        self._say(ACCOUNT_BACK if other is None else account_now(self._name_of(other)))
        return True

    def changed_to(self) -> str | None:
        """The name of the account posts go out under, when a carer connected another
        member's account than the one the session began with; None when it is the same."""
        other = _other(self._forum.account_name, self._first)
        return None if other is None else self._name_of(other)

    def _name_of(self, username: str) -> str:
        if username in self._names:
            return self._names[username]
        if self._peer is None:
            return username
        try:
            name = self._peer.user_profile(username).name or username
        except ForumError:
            return username  # asked again next time
        self._names[username] = name
        return name

    def failure_line(self, error: ForumError, line: str) -> str:
        """``line``, telling of ``error``, as said: "" when the notice, said as the request
        found the key refused, has told all of it (a like found refused is not liked)."""
        refused = isinstance(error, AuthError) and error.problem is AuthProblem.KEY_REFUSED
        return "" if refused and self._said_on_finding else line

    def acted(self) -> None:
        """The words heard were acted on: a refusal found later is found by other words."""
        self._said_on_finding = False

    def waiting_at_goodbye(
        self, waiting: tuple[OutboxEntry, ...]
    ) -> tuple[str, tuple[OutboxEntry, ...]]:
        """What to say at goodbye of the words ``waiting`` that only a carer connecting an
        account lets go (the key refused, or confirmed under another account than the one
        connected now), and the rest, which a next start sends by itself."""
        connected = self._forum.account_name
        refused = self._forum.account_refused
        held = tuple(
            entry for entry in waiting if refused or _other(entry.account, connected) is not None
        )
        rest = tuple(entry for entry in waiting if entry not in held)
        if not held:
            return "", rest
        accounts = sorted({entry.account or "" for entry in held})
        if refused:
            account = "your account"
        elif len(accounts) == 1:
            account = f"the account {accounts[0]}"
        else:
            account = f"the accounts {' and '.join(accounts)}"
        if len(held) == 1:
            what = f"{entry_named(held[0])} is not {entry_done(held[0])} yet: it goes"
        else:
            what = f"{len(held)} of your posts are not on the forum yet: they go"
        return (
            f"{what} to the forum once your helper has connected {account} again with "
            "voicepeer forum connect.",
            rest,
        )

    def _connected_again(self) -> None:
        if self._told:
            self._back = True

    def _due(self) -> bool:
        return self._forum.account_refused and not self._told

    def _found(self) -> None:
        if self.may_speak() and self._due():
            self.tell()
            self._said_on_finding = True


def _other(now: str | None, before: str | None) -> str | None:
    """``now`` when it is another account than ``before`` (both known), else None."""
    if now is None or before is None or now.casefold() == before.casefold():
        return None
    return now
