"""Offline reading: recently read topics and lists, kept in SQLite under the cache dir.

When the forum cannot be reached, the client answers from here and the records carry
``saved_at``; :func:`voicepeer.voice.phrasing.saved_phrase` says it.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from voicepeer import paths
from voicepeer.atomic import disk_full_as_error, is_disk_full
from voicepeer.forum.base import Category, Participant, Post, Topic, TopicList, TopicSummary
from voicepeer.forum.cues import cues_from_saved
from voicepeer.speech.text.polls import PollTally, RankedOutcome

log = logging.getLogger(__name__)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _dt(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def _post_from(d: dict[str, Any]) -> Post:
    return Post(
        **{
            **d,
            "created_at": _dt(d.get("created_at")),
            "cues": cues_from_saved(d.get("cues")),
            "polls": tuple(_poll_from(p) for p in d.get("polls") or ()),
        }
    )


def _poll_from(d: dict[str, Any]) -> PollTally:
    votes = d.get("votes")
    return PollTally(
        **{
            **d,
            "votes": None if votes is None else tuple((str(c), int(n)) for c, n in votes),
            "mine": frozenset(d.get("mine") or ()),
            "choices": tuple((str(c), str(h)) for c, h in d.get("choices") or ()),
            "ranks": tuple((str(c), int(n)) for c, n in d.get("ranks") or ()),
            "outcome": _outcome_from(d.get("outcome")),
        }
    )


def _outcome_from(d: dict[str, Any] | None) -> RankedOutcome | None:
    if d is None:
        return None
    return RankedOutcome(**{**d, "tied": tuple(d.get("tied") or ())})


def _summary_from(d: dict[str, Any]) -> TopicSummary:
    return TopicSummary(**{**d, "bumped_at": _dt(d.get("bumped_at"))})


def encode(record: TopicList | Topic | tuple[Category, ...]) -> str:
    def default(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.isoformat()
        if isinstance(value, frozenset):
            return sorted(value)
        raise TypeError(type(value).__name__)

    if isinstance(record, tuple):
        return json.dumps({"kind": "categories", "items": [asdict(c) for c in record]})
    kind = "topic_list" if isinstance(record, TopicList) else "topic"
    return json.dumps({"kind": kind, "record": asdict(record)}, default=default)


def decode(text: str, saved_at: datetime) -> TopicList | Topic | tuple[Category, ...]:
    data = json.loads(text)
    if data["kind"] == "categories":
        return tuple(Category(**c) for c in data["items"])
    record = data["record"]
    if data["kind"] == "topic_list":
        return TopicList(
            topics=tuple(_summary_from(t) for t in record["topics"]),
            page=record["page"],
            has_more=record["has_more"],
            saved_at=saved_at,
        )
    return Topic(
        **{
            **record,
            "post_ids": tuple(record["post_ids"]),
            "loaded_posts": tuple(_post_from(p) for p in record["loaded_posts"]),
            "participants": tuple(Participant(**p) for p in record.get("participants") or ()),
            "saved_at": saved_at,
        }
    )


class ReadingCache:
    """Key → last copy of a list or topic. Safe to delete: it is rebuilt by reading."""

    def __init__(self, path: Path | None = None, *, max_entries: int = 200) -> None:
        self.path = path or paths.cache_dir() / "forum-cache.sqlite3"
        # Every topic read is here: owner-only, like drafts (SQLite's journals copy the mode).
        with disk_full_as_error("the offline reading cache"):
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=paths.PRIVATE_DIR_MODE)
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, paths.PRIVATE_FILE_MODE))
        paths.make_private(self.path)
        self.max_entries = max_entries
        self._lock = threading.Lock()
        with disk_full_as_error("the offline reading cache"):
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS entries ("
                " key TEXT PRIMARY KEY, saved_at TEXT NOT NULL, body TEXT NOT NULL)"
            )
            self._db.commit()

    def put(self, key: str, record: TopicList | Topic | tuple[Category, ...]) -> None:
        if isinstance(record, Topic | TopicList) and record.saved_at is not None:
            return  # already a cached copy
        now = datetime.now(UTC).isoformat()
        try:
            with self._lock, self._db:
                self._db.execute(
                    "INSERT OR REPLACE INTO entries (key, saved_at, body) VALUES (?, ?, ?)",
                    (key, now, encode(record)),
                )
                self._db.execute(
                    "DELETE FROM entries WHERE key NOT IN "
                    "(SELECT key FROM entries ORDER BY saved_at DESC LIMIT ?)",
                    (self.max_entries,),
                )
        except sqlite3.Error as error:
            if not is_disk_full(error):
                raise
            # Only the offline copy is missed: what was fetched is still read to the person,
            # and saving their place or words says the disk is full where it matters.
            log.warning("disk full: %s not kept for offline reading", key)

    def get(self, key: str) -> TopicList | Topic | tuple[Category, ...] | None:
        with self._lock:
            row = self._db.execute(
                "SELECT saved_at, body FROM entries WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        try:
            return decode(row[1], datetime.fromisoformat(row[0]))
        except (ValueError, KeyError, TypeError) as error:
            log.warning("dropping unreadable cached entry %s: %s", key, error)
            return None

    def merge_posts(self, key: str, posts: tuple[Post, ...]) -> None:
        """Add posts fetched later to a cached topic, so they can be read offline too."""
        cached = self.get(key)
        if not isinstance(cached, Topic):
            return
        known = {p.id: p for p in cached.loaded_posts}
        known.update((p.id, p) for p in posts)
        order = {pid: i for i, pid in enumerate(cached.post_ids)}
        merged = tuple(sorted(known.values(), key=lambda p: order.get(p.id, len(order))))
        self.put(key, replace(cached, loaded_posts=merged, saved_at=None))

    def close(self) -> None:
        self._db.close()
