"""Confirmed replies go out through a durable outbox: never lost, never posted twice.

Storage is SQLite (synchronous=FULL): every state change is one transaction that is on
disk before the next step, which a hand-rolled file protocol would have to reimplement.

Besides replies, an entry may be a new topic or a new private message (``kind``); its
category or recipients travel in ``payload``. Such an entry found in SENDING is checked
against the topics or messages the user started before it is sent again.

Each reply moves PENDING → SENDING → POSTED / ENQUEUED (or REJECTED, text kept). SENDING is
written *before* the request leaves. A reply found in SENDING — after a crash, a dropped
connection or a timeout — may already be on the forum, so the topic is checked for the
user's post with the same text before it is ever sent again.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Protocol

from voicepeer import paths
from voicepeer.atomic import disk_full_as_error
from voicepeer.errors import (
    ForumError,
    ForumForbiddenError,
    ForumNotFoundError,
    ForumRejectedError,
    ForumRequestError,
)
from voicepeer.forum.base import (
    NewPrivateMessage,
    NewReply,
    NewTopic,
    Post,
    PostOutcome,
    PostStatus,
)
from voicepeer.forum.checks import storable_text
from voicepeer.forum.http import DeliveryUncertainError

log = logging.getLogger(__name__)

Checkpoint = Callable[[str], None]
"""Called with a step name as sending progresses ("recorded", "sending", "response_read",
"done", "checking"); lets the crash tests stop the process at each step."""


class EntryKind(Enum):
    REPLY = "reply"
    TOPIC = "topic"
    MESSAGE = "message"


class OutboxState(Enum):
    PENDING = "pending"
    SENDING = "sending"
    POSTED = "posted"
    ENQUEUED = "enqueued"
    REJECTED = "rejected"


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    topic_id: int
    topic_title: str
    raw: str
    reply_to_post_number: int | None
    state: OutboxState
    attempts: int
    created_at: datetime
    sent_at: datetime | None
    post_number: int | None = None
    errors: tuple[str, ...] = ()
    kind: EntryKind = EntryKind.REPLY
    category_id: int | None = None
    """For a new topic: where it goes."""
    recipients: tuple[str, ...] = ()
    """For a new private message: the usernames it goes to."""

    def __repr__(self) -> str:  # the text is private; keep it out of logs
        return f"OutboxEntry(id={self.id}, topic_id={self.topic_id}, state={self.state.value})"


@dataclass(frozen=True)
class SendResult:
    """What happened to one reply, with the sentence the voice loop should say."""

    entry: OutboxEntry
    spoken: str
    error: ForumError | None = None

    @property
    def state(self) -> OutboxState:
        return self.entry.state

    @property
    def delivered(self) -> bool:
        return self.entry.state in (OutboxState.POSTED, OutboxState.ENQUEUED)


class PostingForum(Protocol):
    def create_post(self, reply: NewReply) -> PostOutcome: ...

    def find_own_post(self, topic_id: int, raw: str, since: datetime | None) -> Post | None: ...

    def create_topic(self, topic: NewTopic) -> PostOutcome: ...

    def send_private_message(self, message: NewPrivateMessage) -> PostOutcome: ...

    def find_own_topic(
        self, title: str, *, private: bool, since: datetime | None
    ) -> PostOutcome | None: ...


_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    topic_id INTEGER NOT NULL,
    topic_title TEXT NOT NULL,
    raw TEXT NOT NULL,
    reply_to_post_number INTEGER,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    post_number INTEGER,
    errors TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'reply',
    payload TEXT NOT NULL DEFAULT ''
)
"""
_ADDED_COLUMNS = (
    ("kind", "TEXT NOT NULL DEFAULT 'reply'"),
    ("payload", "TEXT NOT NULL DEFAULT ''"),
)
"""Columns newer than the first outboxes, added to an existing file when missing."""


def _now() -> datetime:
    return datetime.now(UTC)


class Outbox:
    """Durable queue of confirmed replies for one forum."""

    def __init__(
        self,
        path: Path | None,
        forum: PostingForum,
        *,
        checkpoint: Checkpoint | None = None,
    ) -> None:
        self.path = path or paths.data_dir() / "outbox.sqlite3"
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.forum = forum
        self._checkpoint = checkpoint or (lambda step: None)
        fresh = not self.path.exists()
        # One reply is sent at a time, from whichever thread asks (the voice loop, or a
        # background flush when the network returns).
        self._lock = threading.RLock()
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        if fresh:
            os.chmod(self.path, 0o600)
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute(_SCHEMA)
        present = {row[1] for row in self._db.execute("PRAGMA table_info(outbox)")}
        for name, definition in _ADDED_COLUMNS:
            if name not in present:
                self._db.execute(f"ALTER TABLE outbox ADD COLUMN {name} {definition}")

    def close(self) -> None:
        self._db.close()

    # -- queries -------------------------------------------------------------------------

    def get(self, entry_id: int) -> OutboxEntry:
        row = self._db.execute("SELECT * FROM outbox WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return _entry(row)

    def pending(self) -> tuple[OutboxEntry, ...]:
        """Replies not yet on the forum (waiting, being sent, or refused and kept)."""
        rows = self._db.execute(
            "SELECT * FROM outbox WHERE state IN ('pending', 'sending', 'rejected') ORDER BY id"
        ).fetchall()
        return tuple(_entry(r) for r in rows)

    # -- changes -------------------------------------------------------------------------

    def record(self, reply: NewReply, topic_title: str) -> OutboxEntry:
        """Store a confirmed reply durably; nothing is sent yet."""
        with self._lock, disk_full_as_error("the reply to send", spoken=_NOT_SAVED):
            cursor = self._db.execute(
                "INSERT INTO outbox (topic_id, topic_title, raw, reply_to_post_number, state, "
                "created_at) VALUES (?, ?, ?, ?, 'pending', ?)",
                (
                    reply.topic_id,
                    storable_text(topic_title),
                    storable_text(reply.raw),
                    reply.reply_to_post_number,
                    _now().isoformat(),
                ),
            )
            entry_id = cursor.lastrowid
        assert entry_id is not None
        self._checkpoint("recorded")
        return self.get(entry_id)

    def submit(self, reply: NewReply, topic_title: str) -> SendResult:
        """Record the reply, then try to send it at once."""
        return self.send(self.record(reply, topic_title).id, first_try=True)

    def submit_new(self, started: NewTopic | NewPrivateMessage) -> SendResult:
        """Record a new topic or private message, then try to send it at once."""
        payload: dict[str, object]
        if isinstance(started, NewTopic):
            kind, payload = EntryKind.TOPIC, {"category_id": started.category_id}
        else:
            kind, payload = EntryKind.MESSAGE, {"recipients": list(started.recipients)}
        what = "message" if kind is EntryKind.MESSAGE else "new topic"
        not_saved = _NOT_SAVED.replace("your reply", f"your {what}").replace(
            "not posted it", "not sent it" if kind is EntryKind.MESSAGE else "not posted it")
        with self._lock, disk_full_as_error(f"the {what} to send", spoken=not_saved):
            cursor = self._db.execute(
                "INSERT INTO outbox (topic_id, topic_title, raw, state, created_at, kind,"
                " payload) VALUES (0, ?, ?, 'pending', ?, ?, ?)",
                (storable_text(started.title), storable_text(started.raw),
                 _now().isoformat(), kind.value, json.dumps(payload)),
            )
        assert cursor.lastrowid is not None
        self._checkpoint("recorded")
        return self.send(cursor.lastrowid, first_try=True)

    def discard(self, entry_id: int) -> None:
        """Drop a reply the user has chosen to abandon (e.g. refused and not worth fixing)."""
        self._db.execute("DELETE FROM outbox WHERE id = ?", (entry_id,))

    def flush(self) -> list[SendResult]:
        """Send every reply that is waiting; the results say what to announce."""
        with self._lock:
            return self._flush()

    def _flush(self) -> list[SendResult]:
        results = []
        for entry in self.pending():
            if entry.state is OutboxState.REJECTED:
                continue
            result = self._send(entry.id, first_try=False)
            results.append(result)
            if not result.delivered and result.entry.state is not OutboxState.REJECTED:
                break  # the forum is out of reach: the rest would fail the same way
        return results

    def send(self, entry_id: int, *, first_try: bool = False) -> SendResult:
        """Send one recorded reply (checking first if an earlier attempt may have arrived)."""
        with self._lock:
            return self._send(entry_id, first_try=first_try)

    def _send(self, entry_id: int, *, first_try: bool) -> SendResult:
        entry = self.get(entry_id)
        if entry.state in (OutboxState.POSTED, OutboxState.ENQUEUED):
            return SendResult(entry, _delivered_phrase(entry, first_try))
        if entry.state is OutboxState.SENDING:
            found = self._already_there(entry)
            if isinstance(found, SendResult):
                return found
            if found is not None:
                done = self._finish(entry, OutboxState.POSTED, found.post_number)
                return SendResult(done, _delivered_phrase(done, first_try))
        self._set(
            entry.id, "state = 'sending', sent_at = ?, attempts = attempts + 1", _now().isoformat()
        )
        self._checkpoint("sending")
        try:
            outcome = self._request(entry)
        except DeliveryUncertainError as error:
            return SendResult(self.get(entry.id), _uncertain_phrase(entry), error)
        except (ForumRejectedError, ForumNotFoundError, ForumForbiddenError,
                ForumRequestError) as error:
            # Refused for what it is, not for the moment: sending again would not help.
            errors = error.errors if isinstance(error, ForumRejectedError) else (str(error),)
            self._set(entry.id, "state = 'rejected', errors = ?", "\n".join(errors))
            return SendResult(self.get(entry.id), _rejected_phrase(entry, error), error)
        except ForumError as error:
            # Refused before it was handled (unreachable, rate limit, account): try later.
            self._set(entry.id, "state = 'pending'")
            return SendResult(self.get(entry.id), _waiting_phrase(entry, error), error)
        self._checkpoint("response_read")
        state = (
            OutboxState.ENQUEUED if outcome.status is PostStatus.ENQUEUED else (OutboxState.POSTED)
        )
        done = self._finish(entry, state, outcome.post_number)
        self._checkpoint("done")
        return SendResult(done, _delivered_phrase(done, first_try))

    def _request(self, entry: OutboxEntry) -> PostOutcome:
        if entry.kind is EntryKind.TOPIC:
            assert entry.category_id is not None
            return self.forum.create_topic(NewTopic(entry.category_id, entry.topic_title,
                                                    entry.raw))
        if entry.kind is EntryKind.MESSAGE:
            return self.forum.send_private_message(
                NewPrivateMessage(entry.recipients, entry.topic_title, entry.raw))
        return self.forum.create_post(
            NewReply(entry.topic_id, entry.raw, entry.reply_to_post_number))

    def _already_there(self, entry: OutboxEntry) -> Post | PostOutcome | SendResult | None:
        self._checkpoint("checking")
        try:
            if entry.kind is not EntryKind.REPLY:
                return self.forum.find_own_topic(
                    entry.topic_title, private=entry.kind is EntryKind.MESSAGE,
                    since=entry.sent_at)
            return self.forum.find_own_post(entry.topic_id, entry.raw, entry.sent_at)
        except ForumNotFoundError as error:
            self._set(entry.id, "state = 'rejected', errors = ?", str(error))
            return SendResult(self.get(entry.id), _rejected_phrase(entry, error), error)
        except ForumError as error:
            return SendResult(entry, _waiting_phrase(entry, error), error)

    def _finish(
        self, entry: OutboxEntry, state: OutboxState, post_number: int | None
    ) -> OutboxEntry:
        self._set(entry.id, "state = ?, post_number = ?, errors = ''", state.value, post_number)
        return self.get(entry.id)

    def _set(self, entry_id: int, assignments: str, *values: object) -> None:
        self._db.execute(f"UPDATE outbox SET {assignments} WHERE id = ?", (*values, entry_id))


def _entry(row: tuple[object, ...]) -> OutboxEntry:
    (entry_id, topic_id, title, raw, reply_to, state, attempts, created, sent, number, errors,
     kind, payload) = row
    extra = json.loads(str(payload)) if payload else {}
    return OutboxEntry(
        id=int(entry_id),  # type: ignore[call-overload]
        topic_id=int(topic_id),  # type: ignore[call-overload]
        topic_title=str(title),
        raw=str(raw),
        reply_to_post_number=reply_to if isinstance(reply_to, int) else None,
        state=OutboxState(state),
        attempts=int(attempts),  # type: ignore[call-overload]
        created_at=datetime.fromisoformat(str(created)),
        sent_at=datetime.fromisoformat(sent) if isinstance(sent, str) else None,
        post_number=number if isinstance(number, int) else None,
        errors=tuple(str(errors).splitlines()) if errors else (),
        kind=EntryKind(kind),
        category_id=extra.get("category_id"),
        recipients=tuple(extra.get("recipients") or ()),
    )


def _what(entry: OutboxEntry) -> str:
    if entry.kind is EntryKind.TOPIC:
        return f"Your new topic, {entry.topic_title},"
    if entry.kind is EntryKind.MESSAGE:
        return f"Your message, {entry.topic_title},"
    return f"Your reply to {entry.topic_title}"


def _done(entry: OutboxEntry) -> str:
    return "sent" if entry.kind is EntryKind.MESSAGE else "posted"


_NOT_SAVED = (
    "The memory card is full, so I could not save your reply, and I have not posted it. "
    "I am keeping it here for now: say yes to try again. Please ask your helper to make "
    "some room on the memory card."
)


def _delivered_phrase(entry: OutboxEntry, first_try: bool) -> str:
    if entry.state is OutboxState.ENQUEUED:
        return f"{_what(entry)} is waiting for a moderator to approve it."
    if first_try:
        return f"{_what(entry)} is {_done(entry)}."
    return f"{_what(entry)} has now been {_done(entry)}."


def _uncertain_phrase(entry: OutboxEntry) -> str:
    what = _what(entry).removeprefix("Your ").rstrip(",")
    where = "topic" if entry.kind is EntryKind.REPLY else "forum"
    return (
        f"I am not sure the forum received your {what}. I have kept it, "
        f"and I will check the {where} before sending it again, so it will not appear twice."
    )


def _waiting_phrase(entry: OutboxEntry, error: ForumError) -> str:
    return (
        f"{_what(entry)} is not sent yet. {error.spoken} "
        "Your words are safe; I will send them when I can."
    )


def _rejected_phrase(entry: OutboxEntry, error: ForumError) -> str:
    return (
        f"{_what(entry)} was not {_done(entry)}. {error.spoken} "
        "I have kept your words so you can change them and try again."
    )
