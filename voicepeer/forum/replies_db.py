"""The one SQLite database that holds a forum's drafts and its outbox.

Drafts and confirmed replies live side by side so that handing a draft to the outbox (and
handing a refused reply back as a draft) is one transaction: after a crash the words are
in exactly one of the two places, never both and never neither. SQLite with
synchronous=FULL makes each transaction durable before the next step; a pair of files
would need a recovery protocol of its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_MS = 30_000
"""How long a write waits for another connection's transaction (they last milliseconds)."""

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS outbox (
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
        errors TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE IF NOT EXISTS drafts (
        key TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        returned TEXT NOT NULL DEFAULT '',
        refusal TEXT NOT NULL DEFAULT '',
        saved_at TEXT NOT NULL
    )""",
)
_ADDED_COLUMNS = {
    "kind": "TEXT NOT NULL DEFAULT 'reply'",
    "payload": "TEXT NOT NULL DEFAULT ''",
    "draft_key": "TEXT",
    "after_post_id": "INTEGER",
    "words_key": "TEXT",
}
"""Outbox columns newer than the first release, added to older databases on open."""


def open_replies_db(path: Path) -> sqlite3.Connection:
    """Open (creating, private to the user) the database at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fresh = not path.exists()
    db = sqlite3.connect(
        path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
    )
    if fresh:
        os.chmod(path, 0o600)
    db.execute("PRAGMA synchronous=FULL")
    # Words let go of (posted, or handed back to the drafts) are overwritten in the file,
    # not just unlinked from it: the computer may be shared.
    db.execute("PRAGMA secure_delete=ON")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    with transaction(db):
        for statement in _SCHEMA:
            db.execute(statement)
        present = {row[1] for row in db.execute("PRAGMA table_info(outbox)")}
        for name, kind in _ADDED_COLUMNS.items():
            if name not in present:
                db.execute(f"ALTER TABLE outbox ADD COLUMN {name} {kind}")
    return db


DRAFT_WORDS = (
    "CASE WHEN returned = '' THEN text WHEN text = '' THEN returned"
    " ELSE returned || char(10) || char(10) || text END"
)
"""SQL for all the words of a draft: those the forum refused first (``returned``, kept
apart until the person takes them back, so a reply being dictated meanwhile cannot
overwrite them), then the rest."""


def let_go_of_draft(db: sqlite3.Connection, key: str) -> None:
    """The draft's own words are done with (sent, or emptied); refused words that came back
    meanwhile stay."""
    db.execute("DELETE FROM drafts WHERE key = ? AND returned = ''", (key,))
    db.execute("UPDATE drafts SET text = '' WHERE key = ?", (key,))


def hand_back_words(
    db: sqlite3.Connection, key: str, words: str, reason: str, saved_at: str
) -> None:
    """Words the forum refused (or the person took back: ``reason`` empty, keeping the
    reason the draft had) become part of the draft ``key`` again, with the reason."""
    db.execute(
        "INSERT INTO drafts (key, text, returned, refusal, saved_at) VALUES (?, '', ?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET returned = CASE WHEN drafts.returned = ''"
        " THEN excluded.returned ELSE drafts.returned || char(10) || char(10) ||"
        " excluded.returned END, refusal = CASE WHEN excluded.refusal = ''"
        " THEN drafts.refusal ELSE excluded.refusal END, saved_at = excluded.saved_at",
        (key, words, reason, saved_at),
    )


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All statements inside happen together or not at all; the write lock is taken at
    once (BEGIN IMMEDIATE), so what is read inside cannot change before it is written."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # a COMMIT that failed (a full disk) leaves it open
            db.execute("ROLLBACK")
        raise


NOT_ON_THE_FORUM_YET = "state IN ('pending', 'sending')"
"""The outbox rows the person agreed to and the forum does not have yet (an SQL condition)."""


def count_waiting(path: Path) -> int:
    """How many confirmed replies, topics or messages in the database at ``path`` are not on
    the forum yet; 0 when there is none (read only: the voice loop may be using it)."""
    if not path.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            row = db.execute(f"SELECT COUNT(*) FROM outbox WHERE {NOT_ON_THE_FORUM_YET}").fetchone()
    except sqlite3.Error:
        return 0
    return int(row[0])


def let_go_of_posted_words(db: sqlite3.Connection, key: str, words: str) -> bool:
    """The reply ``words`` is on the forum: the same words kept in the draft ``key`` (refused
    as a repeat, or dictated again while it was not known to be there) go, lest they be sent
    a second time. True when any went."""
    row = db.execute("SELECT text, returned FROM drafts WHERE key = ?", (key,)).fetchone()
    if row is None:
        return False
    text, returned = (_without_words(str(part), words) for part in row)
    if (text, returned) == (str(row[0]), str(row[1])):
        return False
    if not text and not returned:
        db.execute("DELETE FROM drafts WHERE key = ?", (key,))
    else:
        refusal = "refusal" if returned else "''"
        db.execute(
            f"UPDATE drafts SET text = ?, returned = ?, refusal = {refusal} WHERE key = ?",
            (text, returned, key),
        )
    return True


def _without_words(kept: str, words: str) -> str:
    """``kept`` without one piece (words apart from the rest by a blank line, as handed back
    words are) that is ``words``, compared with spaces and line endings made plain."""
    if not words.strip():
        return kept
    pieces = kept.split("\n\n")
    for start in range(len(pieces)):
        for end in range(start + 1, len(pieces) + 1):
            if same_words("\n\n".join(pieces[start:end]), words):
                return "\n\n".join(pieces[:start] + pieces[end:]).strip()
    return kept


def same_words(one: str, other: str) -> bool:
    """Whether two replies say the same, whatever their spacing, line endings or capitals."""
    return _plain(one) == _plain(other)


def words_key(words: str) -> str:
    """What stands for a reply's words once they are on the forum and no longer kept here:
    equal for the same words (as :func:`same_words` compares them), and not the words."""
    return hashlib.sha256(_plain(words).encode("utf-8")).hexdigest()


def _plain(words: str) -> str:
    return " ".join(words.split()).casefold()
