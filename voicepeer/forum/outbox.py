"""Confirmed replies go out through a durable outbox: never lost, never posted twice.

Storage is the forum's replies database (:mod:`voicepeer.forum.replies_db`): every state
change is one transaction that is on disk before the next step. Recording a reply takes
its draft away in the same transaction; a reply the forum refuses goes back to the drafts,
with the reason, in one transaction too.

Besides replies, an entry may be a new topic or a new private message (``kind``); its
category or recipients travel in ``payload``. Such an entry found in SENDING is checked
against the topics or messages the user started before it is sent again.

Each reply moves PENDING → SENDING → POSTED / ENQUEUED, or → REJECTED (handed back to the
drafts; never sent again by itself). A PENDING reply may be WITHDRAWN at the person's word
(its words handed back the same way): only PENDING is surely not on the forum. Before the
first send the topic's newest post id is noted; SENDING is written *before* the request
leaves. A reply found in SENDING — after a crash, a dropped connection or a timeout — may
already be on the forum, so the posts after that id, and the user's posts waiting for a
moderator, are checked for the same text before it is ever sent again (no clocks are
compared); failing that, for the person's post made around the time it was sent and not
another reply's (its words edited on the web meanwhile).

Words are kept only while they may still have to be sent or handed back: once an entry is
on the forum (or handed back to the drafts, or taken back) its words go from the file, and
only what "unsend it" and the checks for repeats need stays (ids, and a key of the words
that is not the words). The computer may be shared.

Only one sender works on a forum's outbox at a time, across threads and processes: a lock
file next to the database (``flock``) is held while a reply is checked and sent.

While the person is asked whether to take a waiting entry back, it is held: no sender of
this process (the background retry has an outbox of its own on the same file) sends it
until the question is answered. A hold lives only as long as the process, so a crash
never leaves an entry unsent for good.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Protocol

from voicepeer import paths
from voicepeer.atomic import disk_full_as_error
from voicepeer.errors import (
    AuthError,
    AuthProblem,
    DeclinedByModeratorError,
    DiskFullError,
    ForumError,
    ForumForbiddenError,
    ForumNotFoundError,
    ForumRejectedError,
    ForumRequestError,
    OtherAccountError,
)
from voicepeer.forum.base import (
    NewPrivateMessage,
    NewReply,
    NewTopic,
    Notification,
    Notifications,
    PostOutcome,
    PostStatus,
    WaitingPost,
)
from voicepeer.forum.checks import storable_text
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.own_posts import normalize_raw, title_key
from voicepeer.forum.refusals import record_of
from voicepeer.forum.replies_db import (
    NOT_ON_THE_FORUM_YET,
    hand_back_words,
    let_go_of_draft,
    let_go_of_posted_words,
    open_replies_db,
    same_words,
    transaction,
    words_key,
)

log = logging.getLogger(__name__)

Checkpoint = Callable[[str], None]
"""Called with a step name as sending progresses ("recorded", "noted", "sending",
"response_read", "done", "checking", "returned"); lets the crash tests stop the process at
each step."""

LOCK_WAIT_S = 120.0
"""Seconds to wait for another sender (another voicepeer process, or the background retry)
before leaving a reply waiting: longer than one send with its check can take."""
WITHDRAW_WAIT_S = 2.0
"""Seconds a withdrawal waits for a send under way before saying so: the person is
waiting for an answer, and the entry may be on the forum once that send ends."""


_HOLDS: dict[Path, set[int]] = {}
"""The entries held, by outbox file, across the Outbox objects of this process."""
_HOLDS_LOCK = threading.Lock()


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
    WITHDRAWN = "withdrawn"


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
    draft_key: str | None = None
    after_post_id: int | None = None
    """The topic's newest post id before the first send: a copy can only be after it."""
    kind: EntryKind = EntryKind.REPLY
    category_id: int | None = None
    """For a new topic: where it goes."""
    recipients: tuple[str, ...] = ()
    """For a new private message: the usernames it goes to."""
    private: bool = False
    """A reply in a private conversation: sent, not posted."""
    account: str | None = None
    """The username of the account it was confirmed with (None: not known); it is never
    sent with another."""

    def __repr__(self) -> str:  # the text is private; keep it out of logs
        return f"OutboxEntry(id={self.id}, topic_id={self.topic_id}, state={self.state.value})"

    @property
    def key(self) -> str:
        """The draft this reply came from, and goes back to if the forum refuses it."""
        if self.draft_key:
            return self.draft_key
        return f"topic-{self.topic_id}" if self.kind is EntryKind.REPLY else f"new-{self.id}"


@dataclass(frozen=True)
class SendResult:
    """What happened to one reply: its entry as it now stands, and the error that stopped
    it, if any. The dialogue says it in words."""

    entry: OutboxEntry
    error: ForumError | None = None
    first_try: bool = False
    """This was the first attempt, made right after the person said yes."""
    words_on_forum: bool = False
    """The same words, kept in the drafts (or refused now as a repeat), are on the forum
    already: they were let go of, not kept to be sent a second time."""

    @property
    def state(self) -> OutboxState:
        return self.entry.state

    @property
    def delivered(self) -> bool:
        return self.entry.state in (OutboxState.POSTED, OutboxState.ENQUEUED)

    @property
    def waiting(self) -> bool:
        """Not on the forum yet, and to be sent again later."""
        return self.entry.state in (OutboxState.PENDING, OutboxState.SENDING)


class PostingForum(Protocol):
    @property
    def account_name(self) -> str | None:
        """The username of the account connected (None: none, or not known)."""
        ...

    def create_post(self, reply: NewReply) -> PostOutcome: ...

    def newest_post_id(self, topic_id: int) -> int | None:
        """The highest post id in the topic now (0 when it has none, None if unknown)."""
        ...

    def find_own_post(
        self,
        topic_id: int,
        raw: str,
        after_post_id: int | None,
        *,
        sent_at: datetime | None = None,
        claimed: Collection[int] = (),
    ) -> PostOutcome | None:
        """The user's post with this text after ``after_post_id``, or waiting for a moderator;
        else their post made around ``sent_at`` (its words changed since), not numbered in
        ``claimed`` (other replies' posts)."""
        ...

    def create_topic(self, topic: NewTopic) -> PostOutcome: ...

    def send_private_message(self, message: NewPrivateMessage) -> PostOutcome: ...

    def find_own_topic(
        self, title: str, *, private: bool, since: datetime | None
    ) -> PostOutcome | None: ...

    def all_waiting_posts(self) -> tuple[WaitingPost, ...] | None:
        """The member's posts waiting for a moderator; None when that cannot be read."""
        ...

    def notifications(self, *, unread_only: bool = False) -> Notifications: ...


class OutboxBusyError(ForumError):
    """Another sender (the background retry, or another voicepeer process) is sending
    replies to this forum and did not finish in time."""


class OutboxFullError(DiskFullError):
    """The disk is full, so a confirmed reply (or new topic or message) could not be
    recorded: it was not sent, and is held only in memory."""

    def __init__(self, message: str, *, kind: EntryKind) -> None:
        super().__init__(message)
        self.kind = kind


@contextmanager
def _recording(kind: EntryKind) -> Iterator[None]:
    try:
        with disk_full_as_error(f"the {kind.value} to send"):
            yield
    except DiskFullError as error:
        raise OutboxFullError(str(error), kind=kind) from None


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
        lock_wait_s: float = LOCK_WAIT_S,
    ) -> None:
        self.path = path or paths.data_dir() / "outbox.sqlite3"
        self.forum = forum
        self._checkpoint = checkpoint or (lambda step: None)
        self._lock_wait_s = lock_wait_s
        self._db = open_replies_db(self.path)
        self._let_go_of_settled_words()
        # flock excludes other open files (other processes, other Outbox objects); the
        # thread lock excludes other threads sharing this object's file.
        self._thread_lock = threading.RLock()
        self._lock_fd = os.open(
            self.path.with_name(self.path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600
        )
        self._held = 0
        self._listeners: list[Callable[[SendResult], None]] = []
        self._holding: set[int] = set()
        """The entries this object holds (see :meth:`hold`)."""

    def close(self) -> None:
        self._db.close()
        os.close(self._lock_fd)

    def on_result(self, listener: Callable[[SendResult], None]) -> None:
        """Call ``listener`` with the result of every send (e.g. to schedule a retry)."""
        self._listeners.append(listener)

    # -- queries -------------------------------------------------------------------------

    def get(self, entry_id: int) -> OutboxEntry:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (entry_id,)
        ).fetchone()
        if row is None:
            raise KeyError(entry_id)
        return _entry(row)

    def pending(self) -> tuple[OutboxEntry, ...]:
        """Replies not on the forum yet: waiting, or being sent."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE {NOT_ON_THE_FORUM_YET} ORDER BY id"
        ).fetchall()
        return tuple(_entry(r) for r in rows)

    # -- changes -------------------------------------------------------------------------

    def record(
        self,
        reply: NewReply,
        topic_title: str,
        *,
        draft_key: str | None = None,
        private: bool = False,
    ) -> OutboxEntry:
        """Store a confirmed reply durably and, in the same transaction, take away the
        draft it came from; nothing is sent yet. ``private``: in a private conversation."""
        with _recording(EntryKind.REPLY), transaction(self._db) as db:
            cursor = db.execute(
                "INSERT INTO outbox (topic_id, topic_title, raw, reply_to_post_number, state, "
                "created_at, draft_key, payload) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)",
                (
                    reply.topic_id,
                    storable_text(topic_title),
                    storable_text(reply.raw),
                    reply.reply_to_post_number,
                    _now().isoformat(),
                    draft_key,
                    json.dumps(self._payload({"private": True} if private else {})),
                ),
            )
            if draft_key is not None:
                let_go_of_draft(db, storable_text(draft_key))
            entry_id = cursor.lastrowid
        assert entry_id is not None
        self._checkpoint("recorded")
        return self.get(entry_id)

    def submit(
        self,
        reply: NewReply,
        topic_title: str,
        *,
        draft_key: str | None = None,
        private: bool = False,
    ) -> SendResult:
        """Record the reply (its draft handed over), then try to send it at once."""
        entry = self.record(reply, topic_title, draft_key=draft_key, private=private)
        return self.send(entry.id, first_try=True)

    def submit_new(
        self, started: NewTopic | NewPrivateMessage, *, draft_key: str | None = None
    ) -> SendResult:
        """Record a new topic or private message (its draft handed over in the same
        transaction), then try to send it at once."""
        payload: dict[str, object]
        if isinstance(started, NewTopic):
            kind, payload = EntryKind.TOPIC, {"category_id": started.category_id}
        else:
            kind, payload = EntryKind.MESSAGE, {"recipients": list(started.recipients)}
        with _recording(kind), transaction(self._db) as db:
            cursor = db.execute(
                "INSERT INTO outbox (topic_id, topic_title, raw, state, created_at, kind,"
                " payload, draft_key) VALUES (0, ?, ?, 'pending', ?, ?, ?, ?)",
                (
                    storable_text(started.title),
                    storable_text(started.raw),
                    _now().isoformat(),
                    kind.value,
                    json.dumps(self._payload(payload)),
                    draft_key,
                ),
            )
            if draft_key is not None:
                let_go_of_draft(db, storable_text(draft_key))
        assert cursor.lastrowid is not None
        self._checkpoint("recorded")
        return self.send(cursor.lastrowid, first_try=True)

    def _payload(self, payload: dict[str, object]) -> dict[str, object]:
        """``payload`` with the account the entry is confirmed with."""
        account = self.forum.account_name
        return {**payload, "account": account} if account else payload

    def withdraw(self, entry_id: int) -> OutboxEntry:
        """Take back an entry not sent yet, at the person's word: it is never sent, and its
        words go back to its draft (before any words there, as refused words do) in the
        same transaction. Only a PENDING entry is taken back; one in SENDING may be on the
        forum already. The entry as it now stands says what happened. Raises
        OutboxBusyError while it (or another) is being sent."""
        with self._sending(wait_s=WITHDRAW_WAIT_S):
            entry = self.get(entry_id)
            if entry.state is not OutboxState.PENDING:
                return entry
            with disk_full_as_error("the words taken back"), transaction(self._db) as db:
                hand_back_words(db, entry.key, entry.raw, "", _now().isoformat())
                db.execute(
                    "UPDATE outbox SET state = 'withdrawn', raw = '' WHERE id = ?", (entry.id,)
                )
            return self.get(entry_id)

    def hold(self, entry_id: int) -> OutboxEntry:
        """Keep every sender of this process from sending the entry, while the person is
        asked whether to take it back; the entry as it stands once held (one that is not
        PENDING any more was sent, or tried, meanwhile). Raises OutboxBusyError while a
        send is under way."""
        with self._sending(wait_s=WITHDRAW_WAIT_S):
            with _HOLDS_LOCK:
                _HOLDS.setdefault(self._holds_key, set()).add(entry_id)
            self._holding.add(entry_id)
            return self.get(entry_id)

    def release_holds(self) -> None:
        """The question is answered: the entries held here may be sent again."""
        with _HOLDS_LOCK:
            _HOLDS.get(self._holds_key, set()).difference_update(self._holding)
        self._holding.clear()

    def _is_held(self, entry_id: int) -> bool:
        with _HOLDS_LOCK:
            return entry_id in _HOLDS.get(self._holds_key, ())

    @property
    def _holds_key(self) -> Path:
        return self.path.resolve()

    def held(self) -> tuple[OutboxEntry, ...]:
        """Entries the forum holds for a moderator, oldest first."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE state = 'enqueued' ORDER BY id"
        ).fetchall()
        return tuple(_entry(r) for r in rows)

    def settle_held(self) -> list[SendResult]:
        """Ask the forum again about the entries it held for a moderator. One it still
        holds stays; one on the forum now (approved) is POSTED; one neither waiting nor on
        the forum (most likely declined: Discourse tells its author nothing, and keeps no
        copy they can read) is REJECTED, its words handed back to its draft. Results for
        the declined only. Raises ForumError when the forum cannot be asked, and
        OutboxBusyError while a send is under way."""
        if not self.held():
            return []
        results: list[SendResult] = []
        with self._sending(wait_s=WITHDRAW_WAIT_S):
            waiting = self.forum.all_waiting_posts()
            if waiting is None:  # the forum does not say: nothing can be told apart
                return []
            approvals: tuple[Notification, ...] | None = None
            for entry in self.held():
                if any(_is_entry(w, entry) for w in waiting):
                    continue
                try:
                    # By its words only: a moderator may change them, and the person
                    # hears that it may be there, changed.
                    found = self._already_there(entry, by_time=False)
                except ForumNotFoundError:  # its topic is gone: it is not there
                    found = None
                if found is not None and found.status is PostStatus.POSTED:
                    self._finish(entry, found)
                elif found is None:
                    if approvals is None:
                        approvals = self._approvals()
                    declined = DeclinedByModeratorError(
                        f"{entry!r} is no longer waiting",
                        approved_there=any(_approves(n, entry) for n in approvals),
                    )
                    # Kept either way: words a moderator changed are not lost words. Not a
                    # send: the listeners (a retry's schedule) are not told.
                    settled = self._hand_back(entry, (str(declined),), declined)
                    results.append(SendResult(settled, declined))
        return results

    def _approvals(self) -> tuple[Notification, ...]:
        """The member's newest "post approved" notifications (none when unreadable)."""
        try:
            newest = self.forum.notifications().newest
        except ForumError as error:
            log.info("approvals not readable: %s", type(error).__name__)
            return ()
        return tuple(n for n in newest if n.kind == "post_approved")

    def held_withdrawn(self, waiting: WaitingPost) -> tuple[int, ...]:
        """The member is withdrawing their post held for a moderator (its words kept by the
        caller): the entry it came from is settled, never to be handed back by
        :meth:`settle_held`; the ids settled. Done before the forum is asked, as
        settle_held asks the forum before it reads the entries: whatever the order, it
        never takes the post for a declined one."""
        settled = tuple(e.id for e in self.held() if _is_entry(waiting, e))
        for entry_id in settled:
            self._set(entry_id, "state = 'withdrawn'")
        return settled

    def held_again(self, entry_ids: Iterable[int]) -> None:
        """The withdrawal did not happen after all: the entries wait for a moderator again,
        for settle_held to look at."""
        for entry_id in entry_ids:
            self._db.execute(
                "UPDATE outbox SET state = 'enqueued' WHERE id = ? AND state = 'withdrawn'",
                (entry_id,),
            )

    def held_gone(self, entry_ids: Iterable[int]) -> None:
        """The withdrawal happened: the entries' words (kept by the caller) go from here."""
        with transaction(self._db) as db:
            for entry_id in entry_ids:
                entry = self.get(entry_id)
                if entry.state is OutboxState.WITHDRAWN and entry.raw:
                    _let_go_of_words(db, entry)

    def flush(self, ready: Callable[[], bool] | None = None) -> list[SendResult]:
        """Send every reply that is waiting; the results say what to announce. ``ready``,
        asked once the lock is held, can call it off (a retry no longer due)."""
        try:
            with self._sending():
                results: list[SendResult] = []
                if ready is not None and not ready():
                    return results
                for entry in self.pending():
                    if self._is_held(entry.id):
                        continue  # the person is being asked whether to take it back
                    result = self._send(entry.id, first_try=False)
                    results.append(result)
                    if result.waiting and not _waits_for_its_account(result.error):
                        break  # the forum is out of reach: the rest would fail the same way
                return results
        except OutboxBusyError as error:
            return [self._told(SendResult(e, error)) for e in self.pending()[:1]]

    def send(self, entry_id: int, *, first_try: bool = False) -> SendResult:
        """Send one recorded reply (checking first if an earlier attempt may have arrived)."""
        try:
            with self._sending():
                return self._send(entry_id, first_try=first_try)
        except OutboxBusyError as error:
            return self._told(SendResult(self.get(entry_id), error, first_try))

    @contextmanager
    def _sending(self, wait_s: float | None = None) -> Iterator[None]:
        """Be the only sender for as long as the block runs. Another process is waited for
        ``wait_s`` seconds (by default the outbox's own wait), then OutboxBusyError."""
        # Another thread of this process sending is waited for to the end, unless told.
        if not self._thread_lock.acquire(timeout=-1 if wait_s is None else wait_s):
            raise OutboxBusyError("another thread is sending")
        try:
            if self._held == 0:
                self._take_file_lock(self._lock_wait_s if wait_s is None else wait_s)
            self._held += 1
            try:
                yield
            finally:
                self._held -= 1
                if self._held == 0:
                    fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
        finally:
            self._thread_lock.release()

    def _take_file_lock(self, wait_s: float) -> None:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise OutboxBusyError("another sender holds the outbox lock") from None
                time.sleep(0.05)

    def _send(self, entry_id: int, *, first_try: bool) -> SendResult:
        return self._told(self._attempt(self.get(entry_id), first_try))

    def _told(self, result: SendResult) -> SendResult:
        entry = result.entry
        # What became of each send, for a carer reading the log: never its words or title.
        log.info(
            "outbox %s %d (topic %s): %s%s",
            entry.kind.value,
            entry.id,
            entry.topic_id or "new",
            entry.state.value,
            f", {type(result.error).__name__}" if result.error is not None else "",
        )
        for listener in list(self._listeners):
            try:
                listener(result)
            except Exception:
                log.exception("outbox listener failed")
        return result

    def _attempt(self, entry: OutboxEntry, first_try: bool) -> SendResult:
        if entry.state not in (OutboxState.PENDING, OutboxState.SENDING):
            return SendResult(entry, first_try=first_try)  # settled: sent, refused or taken back
        connected = self.forum.account_name
        if entry.account and connected and entry.account.casefold() != connected.casefold():
            # Confirmed by one member, it must not appear under another's name (a helper
            # connected their own account meanwhile): it waits for its own account.
            error = OtherAccountError(written_as=entry.account, connected_as=connected)
            return SendResult(entry, error, first_try)
        if entry.account and connected is None:
            # The account was disconnected meanwhile: sent without it, it would be refused
            # (or on a forum that lets visitors post, made under no one's name).
            return SendResult(entry, _account_gone(), first_try)
        posting = False
        try:
            if entry.state is OutboxState.SENDING:
                self._checkpoint("checking")
                found = self._already_there(entry)
                if found is not None:
                    return self._finish(entry, found, first_try)
            if entry.kind is EntryKind.REPLY and entry.after_post_id is None:
                newest = self.forum.newest_post_id(entry.topic_id)
                self._set(entry.id, "after_post_id = ?", newest)
                self._checkpoint("noted")
            self._set(
                entry.id,
                "state = 'sending', sent_at = ?, attempts = attempts + 1",
                _now().isoformat(),
            )
            self._checkpoint("sending")
            posting = True
            outcome = self._request(entry)
        except DeliveryUncertainError as error:
            return SendResult(self.get(entry.id), error, first_try)
        except (
            ForumRejectedError,
            ForumNotFoundError,
            ForumForbiddenError,
            ForumRequestError,
        ) as error:
            # Refused for what it is, not for the moment: sending again would not help.
            errors = error.errors if isinstance(error, ForumRejectedError) else (str(error),)
            if self._on_the_forum_already(entry):
                # Most likely refused as a repeat: kept, they would be sent a second time.
                self._set(entry.id, "state = 'rejected', raw = '', errors = ?", "\n".join(errors))
                return SendResult(self.get(entry.id), error, first_try, words_on_forum=True)
            return SendResult(self._hand_back(entry, errors, error), error, first_try)
        except ForumError as error:
            # The post was refused before it was handled (unreachable, rate limit, account):
            # surely not on the forum. A failed check leaves the reply to be checked again.
            if posting:
                self._set(entry.id, "state = 'pending'")
            return SendResult(self.get(entry.id), error, first_try)
        self._checkpoint("response_read")
        done = self._finish(entry, outcome, first_try)
        self._checkpoint("done")
        return done

    def _already_there(self, entry: OutboxEntry, *, by_time: bool = True) -> PostOutcome | None:
        """The entry on the forum: by its words, or (``by_time``, a reply) as the person's
        post made when it was sent, its words changed since."""
        if entry.kind is not EntryKind.REPLY:
            return self.forum.find_own_topic(
                entry.topic_title, private=entry.kind is EntryKind.MESSAGE, since=entry.sent_at
            )
        claimed = self._db.execute(
            "SELECT post_number FROM outbox WHERE topic_id = ? AND kind = 'reply' AND id != ?"
            " AND post_number IS NOT NULL",
            (entry.topic_id, entry.id),
        )
        return self.forum.find_own_post(
            entry.topic_id,
            entry.raw,
            entry.after_post_id,
            sent_at=entry.sent_at if by_time else None,
            claimed={int(number) for (number,) in claimed},
        )

    def _request(self, entry: OutboxEntry) -> PostOutcome:
        if entry.kind is EntryKind.TOPIC:
            assert entry.category_id is not None
            return self.forum.create_topic(
                NewTopic(entry.category_id, entry.topic_title, entry.raw)
            )
        if entry.kind is EntryKind.MESSAGE:
            return self.forum.send_private_message(
                NewPrivateMessage(entry.recipients, entry.topic_title, entry.raw)
            )
        return self.forum.create_post(
            NewReply(entry.topic_id, entry.raw, entry.reply_to_post_number)
        )

    def _hand_back(
        self, entry: OutboxEntry, errors: tuple[str, ...], refusal: ForumError
    ) -> OutboxEntry:
        """The forum refused the reply: settle the entry and make its words the draft for
        its topic again, with the reason, in one transaction."""
        with transaction(self._db) as db:
            hand_back_words(
                db, entry.key, entry.raw, storable_text(record_of(refusal)), _now().isoformat()
            )
            db.execute(
                "UPDATE outbox SET state = 'rejected', raw = '', errors = ? WHERE id = ?",
                ("\n".join(errors), entry.id),
            )
        self._checkpoint("returned")
        return self.get(entry.id)

    def _finish(
        self, entry: OutboxEntry, outcome: PostOutcome, first_try: bool = False
    ) -> SendResult:
        """The entry is on the forum (or waits for a moderator there). A reply's same words
        in its topic's draft go in the same transaction: most likely dictated again, or
        refused as a repeat, while it was not known to have arrived."""
        state = (
            OutboxState.ENQUEUED if outcome.status is PostStatus.ENQUEUED else OutboxState.POSTED
        )
        let_go = False
        with transaction(self._db) as db:
            db.execute(
                "UPDATE outbox SET state = ?, post_number = ?, errors = '' WHERE id = ?",
                (state.value, outcome.post_number, entry.id),
            )
            if entry.kind is not EntryKind.REPLY and outcome.topic_id:
                # The new topic (or message) has its id now: it is what "unsend it" deletes.
                db.execute(
                    "UPDATE outbox SET topic_id = ? WHERE id = ?", (outcome.topic_id, entry.id)
                )
            if entry.kind is EntryKind.REPLY:
                let_go = let_go_of_posted_words(db, entry.key, entry.raw)
            if state is OutboxState.POSTED:
                _let_go_of_words(db, replace(entry, state=state))
        # The title is still said once ("Your new topic, ..., is posted").
        settled = replace(self.get(entry.id), topic_title=entry.topic_title)
        return SendResult(settled, first_try=first_try, words_on_forum=let_go)

    def _on_the_forum_already(self, entry: OutboxEntry) -> bool:
        """Whether another reply of the same words in the same topic is on the forum."""
        if entry.kind is not EntryKind.REPLY:
            return False
        rows = self._db.execute(
            "SELECT raw, words_key FROM outbox WHERE topic_id = ? AND kind = 'reply'"
            " AND id != ? AND state IN ('posted', 'enqueued')",
            (entry.topic_id, entry.id),
        )
        key = words_key(entry.raw)
        return any(same_words(str(raw), entry.raw) or kept == key for raw, kept in rows)

    def _let_go_of_settled_words(self) -> None:
        """Words still kept of entries settled before: by an earlier version, or taken back
        from a moderator's queue (kept until then in case that failed)."""
        settled = (
            f"SELECT {_COLUMNS} FROM outbox WHERE raw != '' AND state IN"
            " ('posted', 'rejected', 'withdrawn')"
        )
        if self._db.execute(settled).fetchone() is None:
            return  # most often: no write, so no wait for another process's
        with transaction(self._db) as db:
            for row in db.execute(settled).fetchall():
                _let_go_of_words(db, _entry(row))

    def _set(self, entry_id: int, assignments: str, *values: object) -> None:
        self._db.execute(f"UPDATE outbox SET {assignments} WHERE id = ?", (*values, entry_id))


_COLUMNS = (
    "id, topic_id, topic_title, raw, reply_to_post_number, state, attempts, "
    "created_at, sent_at, post_number, errors, draft_key, after_post_id, kind, payload"
)


def _account_gone() -> AuthError:
    return AuthError(
        "waiting words were confirmed with an account no longer connected",
        problem=AuthProblem.SIGN_IN_NEEDED,
    )


def _waits_for_its_account(error: ForumError | None) -> bool:
    """Whether the entry waits for its own account: the next entries may not."""
    if isinstance(error, OtherAccountError):
        return True
    return isinstance(error, AuthError) and error.problem is AuthProblem.SIGN_IN_NEEDED


def _let_go_of_words(db: sqlite3.Connection, entry: OutboxEntry) -> None:
    """The entry is settled: its words (and a new conversation's title, once on the forum)
    go; a key of the words stays, to know them again if they are refused as a repeat."""
    title = "topic_title = ''," if entry.kind is not EntryKind.REPLY else ""
    if entry.state is not OutboxState.POSTED and entry.kind is not EntryKind.REPLY:
        title = ""  # not on the forum: its draft may want the title back
    db.execute(
        f"UPDATE outbox SET {title} raw = '', words_key = ? WHERE id = ?",
        (words_key(entry.raw) if entry.raw else None, entry.id),
    )


def _approves(approval: Notification, entry: OutboxEntry) -> bool:
    """Whether the "post approved" notification may be the entry's, its words changed: in
    its topic (a reply), or a topic of its title (a new topic or message). No clocks are
    compared (the forum's may differ from this computer's): an older approval there only
    makes the words be kept "in case", as they are anyway."""
    if entry.kind is EntryKind.REPLY:
        return approval.topic_id == entry.topic_id
    return title_key(approval.written_title or "") == title_key(entry.topic_title)


def _is_entry(waiting: WaitingPost, entry: OutboxEntry) -> bool:
    """Whether the post waiting for a moderator is the entry: in the same topic (or, for a
    new topic or message, in none), with the same words as the forum keeps them."""
    topic_id = entry.topic_id if entry.kind is EntryKind.REPLY else None
    return waiting.topic_id == topic_id and normalize_raw(waiting.raw) == normalize_raw(entry.raw)


def _entry(row: tuple[object, ...]) -> OutboxEntry:
    (
        entry_id,
        topic_id,
        title,
        raw,
        reply_to,
        state,
        attempts,
        created,
        sent,
        number,
        errors,
        draft_key,
        after,
        kind,
        payload,
    ) = row
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
        draft_key=draft_key if isinstance(draft_key, str) else None,
        after_post_id=after if isinstance(after, int) else None,
        kind=EntryKind(kind),
        category_id=extra.get("category_id"),
        recipients=tuple(extra.get("recipients") or ()),
        private=bool(extra.get("private")),
        account=str(extra["account"]) if extra.get("account") else None,
    )
