"""The demo forum's SQLite database: schema, connection and the small queries shared by
the request handlers. One connection guarded by a lock: the server is threaded, traffic is
tiny, and serialising writes keeps post numbers and counters consistent."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from voicepeer.errors import ConfigError

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL,
    admin INTEGER NOT NULL DEFAULT 0, moderator INTEGER NOT NULL DEFAULT 0,
    trust_level INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS categories (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE, color TEXT NOT NULL,
    text_color TEXT NOT NULL, description TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS topics (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, slug TEXT NOT NULL,
    category_id INTEGER REFERENCES categories(id), archetype TEXT NOT NULL DEFAULT 'regular',
    user_id INTEGER NOT NULL REFERENCES users(id), created_at TEXT NOT NULL,
    bumped_at TEXT NOT NULL, views INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS topic_allowed_users (
    topic_id INTEGER NOT NULL REFERENCES topics(id), user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (topic_id, user_id));
CREATE TABLE IF NOT EXISTS posts (
    id INTEGER PRIMARY KEY, topic_id INTEGER NOT NULL REFERENCES topics(id),
    post_number INTEGER NOT NULL, user_id INTEGER NOT NULL REFERENCES users(id),
    raw TEXT NOT NULL, cooked TEXT NOT NULL, created_at TEXT NOT NULL,
    reply_to_post_number INTEGER, words INTEGER NOT NULL DEFAULT 0,
    UNIQUE (topic_id, post_number));
CREATE TABLE IF NOT EXISTS post_likes (
    post_id INTEGER NOT NULL REFERENCES posts(id), user_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL, PRIMARY KEY (post_id, user_id));
CREATE TABLE IF NOT EXISTS bookmarks (
    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
    post_id INTEGER NOT NULL REFERENCES posts(id), name TEXT, created_at TEXT NOT NULL,
    bookmarkable_type TEXT NOT NULL DEFAULT 'Post',
    UNIQUE (user_id, post_id, bookmarkable_type));
CREATE TABLE IF NOT EXISTS topic_reads (
    user_id INTEGER NOT NULL REFERENCES users(id), topic_id INTEGER NOT NULL REFERENCES topics(id),
    last_read_post_number INTEGER NOT NULL, PRIMARY KEY (user_id, topic_id));
CREATE TABLE IF NOT EXISTS dismissed_topics (
    user_id INTEGER NOT NULL REFERENCES users(id), topic_id INTEGER NOT NULL REFERENCES topics(id),
    created_at TEXT NOT NULL, PRIMARY KEY (user_id, topic_id));
CREATE TABLE IF NOT EXISTS category_users (
    user_id INTEGER NOT NULL REFERENCES users(id),
    category_id INTEGER NOT NULL REFERENCES categories(id),
    notification_level INTEGER NOT NULL, PRIMARY KEY (user_id, category_id));
CREATE TABLE IF NOT EXISTS notifications (
    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
    notification_type INTEGER NOT NULL, topic_id INTEGER, post_number INTEGER,
    data TEXT NOT NULL, read INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pending_posts (
    id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), topic_id INTEGER,
    category_id INTEGER, title TEXT, raw TEXT NOT NULL, archetype TEXT NOT NULL,
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS user_api_keys (
    id INTEGER PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, user_id INTEGER NOT NULL,
    client_id TEXT NOT NULL, application_name TEXT NOT NULL, scopes TEXT NOT NULL,
    created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS browser_sessions (
    token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
    form_token TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sign_in_failures (client_ip TEXT NOT NULL, at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS device_grants (
    device_code TEXT PRIMARY KEY, user_code TEXT NOT NULL UNIQUE, request_token TEXT NOT NULL,
    request TEXT NOT NULL, status TEXT NOT NULL, payload TEXT, expires_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS admin_api_keys (
    key_hash TEXT PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS poll_votes (
    post_id INTEGER NOT NULL REFERENCES posts(id), poll_name TEXT NOT NULL,
    option_id TEXT NOT NULL, user_id INTEGER NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL, rank INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (post_id, poll_name, option_id, user_id));
CREATE TABLE IF NOT EXISTS closed_polls (
    post_id INTEGER NOT NULL REFERENCES posts(id), poll_name TEXT NOT NULL,
    PRIMARY KEY (post_id, poll_name));
CREATE TABLE IF NOT EXISTS member_actions (
    user_id INTEGER NOT NULL REFERENCES users(id), kind TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS member_actions_by_kind ON member_actions (user_id, kind, at);
CREATE INDEX IF NOT EXISTS posts_by_topic ON posts (topic_id, post_number);
CREATE INDEX IF NOT EXISTS replies_by_topic ON posts (topic_id, reply_to_post_number);
CREATE INDEX IF NOT EXISTS topics_by_bump ON topics (bumped_at);
"""

# Columns added since the first demo forums were made; added to older databases on opening.
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("posts", "post_type", "INTEGER NOT NULL DEFAULT 1"),
    ("posts", "action_code", "TEXT"),
    ("topics", "pinned_at", "TEXT"),
    ("topics", "pinned_globally", "INTEGER NOT NULL DEFAULT 0"),
    ("categories", "parent_category_id", "INTEGER"),
    # A topic's bookmark is kept on its first post (older databases cannot then also
    # bookmark that post on its own: their unique key is the post alone).
    ("bookmarks", "bookmarkable_type", "TEXT NOT NULL DEFAULT 'Post'"),
    ("topics", "closed", "INTEGER NOT NULL DEFAULT 0"),
    ("topics", "archived", "INTEGER NOT NULL DEFAULT 0"),
    # 1: everyone may reply, only staff start topics (category group permission
    # "create_post" for everyone, as in an announcements category).
    ("categories", "staff_start_topics", "INTEGER NOT NULL DEFAULT 0"),
    # A ranked-choice vote's place for its choice (0: left unranked), as PollVote#rank.
    ("poll_votes", "rank", "INTEGER NOT NULL DEFAULT 0"),
    # Deleted by its author (PostDestroyer#mark_for_deletion): the text it had, kept as
    # Discourse keeps it in the post's revisions.
    ("posts", "user_deleted", "INTEGER NOT NULL DEFAULT 0"),
    ("posts", "raw_before_deletion", "TEXT"),
    # When: the stub stays recoverable for delete_removed_posts_after (a stub of an older
    # database, without the time, counts as deleted just now).
    ("posts", "user_deleted_at", "TEXT"),
    # When its latest version was made (None: at creation); edits within the grace period
    # after it make no new version.
    ("posts", "last_version_at", "TEXT"),
    # Slow mode: each member posts in the topic at most once in this many seconds (0: off).
    ("topics", "slow_mode_seconds", "INTEGER NOT NULL DEFAULT 0"),
    # When slow mode ends by itself (its clear_slow_mode topic timer); None: no end set.
    ("topics", "slow_mode_until", "TEXT"),
    # How much the member follows the topic (voicepeer.demo_forum.tracking): TopicUser's
    # notification level, why it was set (None: by nobody), and the reading time counted.
    ("topic_reads", "notification_level", "INTEGER NOT NULL DEFAULT 1"),
    ("topic_reads", "notifications_reason", "TEXT"),
    ("topic_reads", "total_msecs_viewed", "INTEGER NOT NULL DEFAULT 0"),
)


def is_staff(user: sqlite3.Row) -> bool:
    """An admin or a moderator (Discourse's ``staff?``)."""
    return bool(user["admin"] or user["moderator"])


def now_iso() -> str:
    """The current time the way Discourse writes it: ``2026-11-26T11:35:15.123Z``."""
    return iso(datetime.now(UTC))


def iso(moment: datetime) -> str:
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_iso(stamp: str) -> datetime:
    """A time the way Discourse writes it (see :func:`iso`), read back."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def slugify(title: str) -> str:
    """Discourse-like slug: ASCII words joined by hyphens; ``topic`` when nothing is left."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:80].strip("-") or "topic"


def hash_key(key: str) -> str:
    """Keys are stored hashed so a copied database does not leak working credentials."""
    return hashlib.sha256(key.encode()).hexdigest()


class Store:
    """The database; every method takes the lock, so handlers may call from any thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            # With WAL, NORMAL survives a crash of the program; only a power cut can lose
            # the last moments, which is fine for a practice forum and keeps answers fast.
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.executescript(SCHEMA)
            for table, column, declaration in ADDED_COLUMNS:
                present = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
                if column not in present:
                    self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(
                f"The demo forum database {path} cannot be used ({exc}). Move it aside to "
                "start a fresh practice forum, or pass another file with --db.",
                spoken="The practice forum's file cannot be opened. Please ask your helper "
                "to move it aside so a fresh one is made.",
            ) from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; rolled back if the block raises."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._lock:
            row: sqlite3.Row | None = self._db.execute(sql, params).fetchone()
            return row

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    def is_empty(self) -> bool:
        return not self.scalar("SELECT COUNT(*) FROM users")

    # -- lookups used everywhere ------------------------------------------------------

    def user_by_name(self, username: str) -> sqlite3.Row | None:
        return self.one("SELECT * FROM users WHERE username = ?", (username,))

    def user_by_id(self, user_id: int) -> sqlite3.Row | None:
        return self.one("SELECT * FROM users WHERE id = ?", (user_id,))

    def usernames(self) -> frozenset[str]:
        return frozenset(r[0].lower() for r in self.all("SELECT username FROM users"))

    def topic(self, topic_id: int) -> sqlite3.Row | None:
        return self.one("SELECT * FROM topics WHERE id = ?", (topic_id,))

    def allowed_user_ids(self, topic_id: int) -> set[int]:
        rows = self.all("SELECT user_id FROM topic_allowed_users WHERE topic_id = ?", (topic_id,))
        return {r[0] for r in rows}

    def is_staff(self, user_id: int | None) -> bool:
        user = self.user_by_id(user_id) if user_id is not None else None
        return user is not None and is_staff(user)

    def visible_posts_sql(self, user_id: int | None) -> tuple[str, tuple[Any, ...]]:
        """SQL condition (on ``posts``) for the posts this viewer may see: whispers
        (post_type 4) only for staff and their authors, as Topic.visible_post_types has it."""
        if self.is_staff(user_id):
            return "1", ()
        return "(post_type != 4 OR user_id = ?)", (user_id if user_id is not None else -1,)

    def can_see_topic(self, topic: sqlite3.Row, user_id: int | None) -> bool:
        if topic["archetype"] != "private_message":
            return True
        return user_id is not None and user_id in self.allowed_user_ids(topic["id"])

    def reading(self, user_id: int | None, topic_id: int) -> sqlite3.Row | None:
        """The member's reading of the topic: the last post read and how much they follow
        it (voicepeer.demo_forum.tracking); None when they never opened it."""
        if user_id is None:
            return None
        return self.one(
            "SELECT last_read_post_number, notification_level FROM topic_reads"
            " WHERE user_id = ? AND topic_id = ?",
            (user_id, topic_id),
        )

    def following(self, user_id: int | None, topic_id: int) -> int | None:
        """The member's notification level for the topic; None when they never opened it."""
        read = self.reading(user_id, topic_id)
        return None if read is None else int(read["notification_level"])

    def last_read(self, user_id: int | None, topic_id: int) -> int | None:
        read = self.reading(user_id, topic_id)
        return None if read is None else int(read["last_read_post_number"])
