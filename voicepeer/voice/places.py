"""Where the user stopped in each topic, kept across restarts."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from voicepeer.atomic import atomic_write_text

log = logging.getLogger(__name__)


LAST_TOPIC_KEY = "last_topic"
"""Entry holding the topic read last: where "resume" goes after a restart."""
WRITING_KEY = "writing"
"""Entry holding the saved draft being written when voicepeer last stopped: where "resume"
goes after a restart, rather than to the post read before it."""
PARAGRAPH_KEY = "{topic_id}:paragraph"
"""Entry holding, for a topic, a long post left part-way: [its post number, the paragraph
to go on from]."""


class PlacesFile:
    """Reading positions in a small JSON file (topic id → post index, the topic read last,
    and where a long post was left), written atomically."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._places = self._read()

    def _read(self) -> dict[str, int | list[int] | str]:
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
        return {
            str(k): v
            for k, v in data.items()
            if _is_place(v) or (k == WRITING_KEY and isinstance(v, str))
        }

    def get(self, topic_id: int) -> int | None:
        found = self._places.get(str(topic_id))
        return found if isinstance(found, int) else None

    def last_topic(self) -> int | None:
        """The topic whose place was set last, in this run or an earlier one."""
        found = self._places.get(LAST_TOPIC_KEY)
        return found if isinstance(found, int) else None

    def set(self, topic_id: int, post_index: int) -> None:
        self._update({str(topic_id): post_index, LAST_TOPIC_KEY: topic_id})

    def writing(self) -> str | None:
        """The key of the draft being written when voicepeer stopped, if it was."""
        found = self._places.get(WRITING_KEY)
        return found if isinstance(found, str) else None

    def set_writing(self, draft_key: str | None) -> None:
        """Note the draft being written as voicepeer stops (``None``: nothing was)."""
        if draft_key is not None:
            self._update({WRITING_KEY: draft_key})
        elif WRITING_KEY in self._places:
            del self._places[WRITING_KEY]
            self._write()

    def paragraph(self, topic_id: int) -> tuple[int, int] | None:
        """(post number, paragraph index) of the long post left part-way in the topic."""
        found = self._places.get(PARAGRAPH_KEY.format(topic_id=topic_id))
        return (found[0], found[1]) if isinstance(found, list) else None

    def set_paragraph(self, topic_id: int, post_number: int, paragraph: int | None) -> None:
        """The paragraph to go on from in the topic's post ``post_number`` (``None``: the
        post was read to its end, or left before its second paragraph)."""
        key = PARAGRAPH_KEY.format(topic_id=topic_id)
        if paragraph is None:
            if key in self._places:
                del self._places[key]
                self._write()
            return
        self._update({key: [post_number, paragraph]})

    def _update(self, wanted: dict[str, int | list[int] | str]) -> None:
        if all(self._places.get(key) == value for key, value in wanted.items()):
            return
        self._places.update(wanted)
        self._write()

    def _write(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self._path, json.dumps(self._places, sort_keys=True))


def _is_place(value: object) -> bool:
    """A post index, topic id, or [post number, paragraph]: what this file holds."""
    if isinstance(value, list):
        return len(value) == 2 and all(_is_place(v) for v in value)
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
