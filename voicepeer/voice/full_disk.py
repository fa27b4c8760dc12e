"""Going on when the disk is full: reading positions stay in memory, and the person hears why."""

from __future__ import annotations

from collections.abc import Callable

from voicepeer.errors import DiskFullError
from voicepeer.voice.ports import PlaceKeeper


class PlacesOnFullDisk:
    """A :class:`PlaceKeeper` that never stops a command because the disk is full: the place
    is kept in memory (and written with the next one that fits), ``on_full`` is told."""

    def __init__(self, places: PlaceKeeper, on_full: Callable[[DiskFullError], None]) -> None:
        self._places = places
        self._on_full = on_full

    def get(self, topic_id: int) -> int | None:
        return self._places.get(topic_id)

    def last_topic(self) -> int | None:
        return self._places.last_topic()

    def set(self, topic_id: int, post_index: int) -> None:
        try:
            self._places.set(topic_id, post_index)
        except DiskFullError as error:
            self._on_full(error)

    def writing(self) -> str | None:
        return self._places.writing()

    def set_writing(self, draft_key: str | None) -> None:
        try:
            self._places.set_writing(draft_key)
        except DiskFullError as error:
            self._on_full(error)

    def paragraph(self, topic_id: int) -> tuple[int, int] | None:
        return self._places.paragraph(topic_id)

    def set_paragraph(self, topic_id: int, post_number: int, paragraph: int | None) -> None:
        try:
            self._places.set_paragraph(topic_id, post_number, paragraph)
        except DiskFullError as error:
            self._on_full(error)
