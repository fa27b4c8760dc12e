"""Dictated text saved as it changes, so a crash, power cut or flat battery loses nothing.

Drafts are kept in the forum's replies database (:mod:`voicepeer.forum.replies_db`), next
to the outbox: a confirmed reply leaves the drafts in the same transaction that puts it in
the outbox, and a reply the forum refused comes back the same way, with the forum's reason.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from voicepeer import paths
from voicepeer.atomic import disk_full_as_error
from voicepeer.errors import ForumError
from voicepeer.forum.checks import storable_text
from voicepeer.forum.refusals import refusal_from_record
from voicepeer.forum.replies_db import (
    DRAFT_WORDS,
    let_go_of_draft,
    open_replies_db,
    transaction,
    words_key,
)

log = logging.getLogger(__name__)

LEGACY_SUFFIX = ".draft.json"
"""Drafts of earlier versions: one JSON file each in a ``drafts`` folder."""


class DraftStore:
    """Durable drafts keyed by what they answer (e.g. ``topic-12``)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / "outbox.sqlite3"
        self._db = open_replies_db(self.path)

    def close(self) -> None:
        self._db.close()

    def save(self, key: str, text: str) -> None:
        """Replace the draft's own words for ``key``; returns once it is on disk. Words
        the forum refused that came back meanwhile are kept apart, never overwritten. A
        full disk raises DiskFullError and leaves the saved draft as it was."""
        with disk_full_as_error("the reply being dictated"):
            self._db.execute(
                "INSERT INTO drafts (key, text, saved_at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET text = excluded.text,"
                " refusal = CASE WHEN drafts.returned = '' THEN '' ELSE drafts.refusal END,"
                " saved_at = excluded.saved_at",
                (storable_text(key), storable_text(text), datetime.now(UTC).isoformat()),
            )

    def load(self, key: str) -> str | None:
        """All the words of the draft (refused ones that came back first), or None."""
        row = self._db.execute(
            f"SELECT {DRAFT_WORDS} FROM drafts WHERE key = ?", (storable_text(key),)
        ).fetchone()
        return str(row[0]) if row else None

    def resume(self, key: str) -> str | None:
        """The draft to carry on dictating: refused words that came back are taken into it
        from now on (the person is about to hear them)."""
        with transaction(self._db) as db:
            db.execute(
                f"UPDATE drafts SET text = {DRAFT_WORDS}, returned = '' WHERE key = ?",
                (storable_text(key),),
            )
        return self.load(key)

    def refusal(self, key: str) -> ForumError | None:
        """Why the forum refused this draft's words, until the person changes them."""
        row = self._db.execute(
            "SELECT refusal FROM drafts WHERE key = ?", (storable_text(key),)
        ).fetchone()
        return refusal_from_record(str(row[0])) if row and row[0] else None

    def discard(self, key: str) -> None:
        with disk_full_as_error("the reply being dictated"), transaction(self._db) as db:
            let_go_of_draft(db, storable_text(key))

    def delete(self, key: str) -> None:
        """The person chose to delete the draft: all its words go, refused ones too."""
        with disk_full_as_error("the reply being dictated"):
            self._db.execute("DELETE FROM drafts WHERE key = ?", (storable_text(key),))

    def all(self) -> dict[str, str]:
        """Every saved draft, key → all its words."""
        return {
            str(k): str(t)
            for k, t in self._db.execute(f"SELECT key, {DRAFT_WORDS} FROM drafts ORDER BY key")
        }

    def newest_first(self) -> list[tuple[str, str, datetime | None]]:
        """Every saved draft with words: key, all its words and when it was last saved
        (None when the record does not say), the latest first."""
        rows = self._db.execute(
            f"SELECT key, {DRAFT_WORDS}, saved_at FROM drafts"
            f" WHERE {DRAFT_WORDS} != '' ORDER BY saved_at DESC, key"
        )
        return [(str(key), str(words), _moment(saved_at)) for key, words, saved_at in rows]

    def take_in_legacy(self, directory: Path) -> int:
        """Move drafts saved as files by earlier versions into the database; returns how
        many came in. A draft whose words are already in the outbox for the same topic was
        handed over just before a crash and is not brought back as unsent. Unreadable files
        are left where they are."""
        moved = 0
        for path in sorted(directory.glob("*" + LEGACY_SUFFIX)) if directory.is_dir() else ():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                key, text = str(data["key"]), str(data["text"])
            except (OSError, ValueError, KeyError, TypeError) as error:
                log.warning(
                    "draft file %s is unreadable (%s); left for recovery",
                    path.name,
                    type(error).__name__,
                )
                continue
            with transaction(self._db) as db:
                # As sent, a draft got a full stop when it had no closing mark.
                sent = storable_text(text).rstrip()
                # Posted words are kept only as their key (see the outbox).
                handed_over = db.execute(
                    "SELECT COUNT(*) FROM outbox WHERE (raw IN (?, ?) OR words_key IN (?, ?))"
                    " AND ('topic-' || topic_id) = ?",
                    (sent, sent + ".", words_key(sent), words_key(sent + "."), storable_text(key)),
                ).fetchone()[0]
                if (
                    not handed_over
                    and not db.execute(
                        "SELECT COUNT(*) FROM drafts WHERE key = ?", (storable_text(key),)
                    ).fetchone()[0]
                ):
                    db.execute(
                        "INSERT INTO drafts (key, text, saved_at) VALUES (?, ?, ?)",
                        (
                            storable_text(key),
                            storable_text(text),
                            str(data.get("saved_at") or datetime.now(UTC).isoformat()),
                        ),
                    )
                    moved += 1
            path.unlink()  # only once the database has it
        return moved


def _moment(saved_at: object) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(saved_at))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
