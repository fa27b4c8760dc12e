"""Dictated text saved as it changes, so a crash, power cut or flat battery loses nothing."""

from __future__ import annotations

import base64
import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from voicepeer import paths
from voicepeer.atomic import atomic_write_text, fsync_dir
from voicepeer.forum.checks import storable_text

log = logging.getLogger(__name__)

SUFFIX = ".draft.json"


def _file_name(key: str) -> str:
    # Any key (topic ids, "new topic in Fatigue", odd unicode) maps to a safe, unique name.
    return base64.urlsafe_b64encode(key.encode("utf-8")).decode("ascii").rstrip("=") + SUFFIX


class DraftStore:
    """One durable file per draft, written atomically on every change."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or paths.data_dir() / "drafts"
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)

    def _path(self, key: str) -> Path:
        return self.directory / _file_name(storable_text(key))

    def save(self, key: str, text: str) -> None:
        """Replace the draft for ``key``; returns once it is on disk."""
        record = {
            "key": storable_text(key),
            "text": storable_text(text),
            "saved_at": datetime.now(UTC).isoformat(),
        }
        atomic_write_text(self._path(key), json.dumps(record, ensure_ascii=False), mode=0o600)

    def load(self, key: str) -> str | None:
        record = self._read(self._path(key))
        return record[1] if record else None

    def discard(self, key: str) -> None:
        path = self._path(key)
        try:
            path.unlink()
        except FileNotFoundError:
            return
        fsync_dir(self.directory)

    def all(self) -> dict[str, str]:
        """Every saved draft, key → text (damaged files are skipped and left in place)."""
        drafts: dict[str, str] = {}
        for path in sorted(self.directory.glob("*" + SUFFIX)):
            record = self._read(path)
            if record:
                drafts[record[0]] = record[1]
        return drafts

    def _read(self, path: Path) -> tuple[str, str] | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (json.JSONDecodeError, UnicodeDecodeError, OSError) as error:
            log.warning("draft %s is unreadable (%s); left for recovery", path.name, error)
            return None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            log.warning("draft file %s has an unexpected shape; leaving it", path.name)
            return None
        return str(data.get("key", "")), data["text"]
