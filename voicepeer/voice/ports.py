"""What the voice loop needs for keeping replies and places, as small interfaces."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Protocol

from voicepeer.errors import ForumError
from voicepeer.forum.base import NewPrivateMessage, NewReply, NewTopic, WaitingPost
from voicepeer.forum.outbox import OutboxEntry, SendResult

Say = Callable[[str], None]
"""Says one utterance to the person (the voice loop's own ``say``, which also keeps it for
"repeat")."""


class DraftKeeper(Protocol):
    """Durable storage of replies being dictated, keyed by what they answer."""

    def save(self, key: str, text: str) -> None: ...

    def load(self, key: str) -> str | None: ...

    def discard(self, key: str) -> None: ...

    def delete(self, key: str) -> None:
        """All the draft's words go, refused ones too (``discard`` keeps those)."""
        ...

    def resume(self, key: str) -> str | None:
        """The draft to carry on with, taking in words the forum refused meanwhile."""
        ...

    def refusal(self, key: str) -> ForumError | None:
        """Why the forum refused this draft, when it came back from the outbox refused."""
        ...

    def all(self) -> dict[str, str]:
        """Every saved draft, key → all its words."""
        ...

    def newest_first(self) -> list[tuple[str, str, datetime | None]]:
        """Every saved draft with words: key, words and when it was last saved, latest first."""
        ...


class ReplyOutbox(Protocol):
    """Durable queue of confirmed replies: records each before sending, never posts twice."""

    def submit(
        self,
        reply: NewReply,
        topic_title: str,
        *,
        draft_key: str | None = None,
        private: bool = False,
    ) -> SendResult:
        """Record the reply durably, taking away the draft ``draft_key`` in the same step,
        then try to post it; the result says what to announce. ``private``: a reply in a
        private conversation."""
        ...

    def submit_new(
        self, started: NewTopic | NewPrivateMessage, *, draft_key: str | None = None
    ) -> SendResult:
        """Record a new topic or private message durably, taking away the draft
        ``draft_key`` in the same step, then try to send it."""
        ...

    def flush(self) -> list[SendResult]:
        """Try again to post every reply still waiting."""
        ...

    def pending(self) -> tuple[OutboxEntry, ...]:
        """Replies not on the forum yet: waiting, or being sent."""
        ...

    def settle_held(self) -> list[SendResult]:
        """Ask the forum about the replies it held for a moderator; the declined ones,
        their words handed back to the drafts."""
        ...

    def held_withdrawn(self, waiting: WaitingPost) -> tuple[int, ...]:
        """The member is withdrawing their reply held for a moderator: its entry is settled
        first; the ids settled."""
        ...

    def held_again(self, entry_ids: Iterable[int]) -> None:
        """The withdrawal did not happen: the entries wait for a moderator again."""
        ...

    def held_gone(self, entry_ids: Iterable[int]) -> None:
        """The withdrawal happened: the entries' words go from the outbox."""
        ...

    def hold(self, entry_id: int) -> OutboxEntry:
        """Keep the entry from being sent while the person is asked about it; the entry as
        it stands once held. Raises OutboxBusyError while a send is under way."""
        ...

    def release_holds(self) -> None:
        """The question is answered: what was held may be sent again."""
        ...

    def withdraw(self, entry_id: int) -> OutboxEntry:
        """Take back an entry still waiting (its words handed back to its draft); the
        entry as it now stands says whether it was. Raises OutboxBusyError while a send
        is under way."""
        ...


class PlaceKeeper(Protocol):
    """Where the user was in each topic (0-based post index), kept across restarts."""

    def get(self, topic_id: int) -> int | None: ...

    def set(self, topic_id: int, post_index: int) -> None: ...

    def last_topic(self) -> int | None:
        """The topic read last (its place is ``get(last_topic())``), even before a restart."""
        ...

    def writing(self) -> str | None:
        """The key of the draft being written when voicepeer last stopped, if it was."""
        ...

    def set_writing(self, draft_key: str | None) -> None:
        """Note the draft being written as voicepeer stops (``None``: nothing was)."""
        ...

    def paragraph(self, topic_id: int) -> tuple[int, int] | None:
        """(post number, paragraph) of a long post left part-way in the topic, if any."""
        ...

    def set_paragraph(self, topic_id: int, post_number: int, paragraph: int | None) -> None:
        """Where the post was left (``None``: nowhere worth going back to)."""
        ...


class Cues(Protocol):
    """Short sounds (earcons) that tell the user what voicepeer is doing without words."""

    def listening(self) -> object:
        """Ready for the user to speak."""
        ...

    def got_it(self) -> object:
        """A command was understood."""
        ...

    def error(self) -> object:
        """Nothing usable was understood."""
        ...


class SilentCues:
    """No earcons (text mode, or when the person has turned them off)."""

    def listening(self) -> None:
        """Nothing to play."""

    def got_it(self) -> None:
        """Nothing to play."""

    def error(self) -> None:
        """Nothing to play."""
