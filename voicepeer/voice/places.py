"""Where the user stopped in each topic, kept across restarts."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from voicepeer.atomic import atomic_write_text

log = logging.getLogger(__name__)


LAST_TOPIC_KEY = "last_topic"
"""Entry holding the topic read last: where "resume" goes after a restart."""


class PlacesFile:
    """Reading positions in a small JSON file (topic id → post index, and the topic read
    last), written atomically."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._places = self._read()

    def _read(self) -> dict[str, int]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            # A damaged file only costs the reading positions; never stop voicepeer for it.
            log.warning("reading positions unreadable, starting afresh: %s", error)
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): v for k, v in data.items() if isinstance(v, int) and v >= 0}

    def get(self, topic_id: int) -> int | None:
        return self._places.get(str(topic_id))

    def last_topic(self) -> int | None:
        """The topic whose place was set last, in this run or an earlier one."""
        return self._places.get(LAST_TOPIC_KEY)

    def set(self, topic_id: int, post_index: int) -> None:
        wanted = {str(topic_id): post_index, LAST_TOPIC_KEY: topic_id}
        if all(self._places.get(key) == value for key, value in wanted.items()):
            return
        self._places.update(wanted)
        self._path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self._path, json.dumps(self._places, sort_keys=True))
