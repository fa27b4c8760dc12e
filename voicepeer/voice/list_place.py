"""Where a person is in a list read out a few at a time (topics, bookmarks, drafts).

A list is read out five at a time ("One: … Five: … Say next to hear more"). Right after,
"next" names the five after them, as it said it would; once the person has moved one step
or opened one, and in a list short enough to be named whole, "next" and "previous" go one
at a time. "Open the last one" is the last one heard, however far down that was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from voicepeer.commands.numbers import place


@dataclass
class ListPlace:
    """The item the person is on (``index``, from 0), the ones last named together, and how
    far down the list they have heard."""

    size: int
    """Items named together."""
    index: int = 0
    named: range | None = None
    """The items named together last, while the person has not moved since."""
    heard: int = 0
    """How many items from the top have been said, one way or another."""

    def start(self, count: int) -> range:
        """A list of ``count`` items read out afresh: the first ones to name, the first of
        them current."""
        self.index, self.named = 0, range(min(self.size, count))
        self.heard = len(self.named)
        return self.named

    def more(self, count: int) -> range | None:
        """Right after items were named together, the next ones to name among ``count``
        (empty after the last), the first of them made current; None when "next" goes one
        step instead: the person has moved since, or the list was named whole."""
        if self.named is None or count <= self.size:
            return None
        batch = range(self.named.stop, min(self.named.stop + self.size, count))
        if batch:
            self.named, self.index = batch, batch.start
            self.heard = max(self.heard, batch.stop)
        return batch

    def may_pass_end(self, delta: int, count: int) -> bool:
        """Whether a move of ``delta`` may reach the end of the ``count`` items there are
        (a list fetched in pages fetches the next one first)."""
        if delta <= 0:
            return False
        furthest = self.index + 1 if self.named is None else self.named.stop + self.size
        return furthest >= count

    def step(self, delta: int, count: int) -> int | None:
        """One step (``delta``) through ``count`` items: the index moved to, or None past
        either end (nothing moved)."""
        moved = self.index + delta
        if not 0 <= moved < count:
            return None
        self.go_to(moved)
        return moved

    def go_to(self, index: int) -> None:
        """The person is on ``index`` now (opened it, or stepped to it)."""
        self.named, self.index = None, index
        self.heard = max(self.heard, index + 1)

    def chosen(self, number: int) -> int:
        """The place (from 1) ``number`` picks: "the last one" (LAST_HEARD) is the last
        one heard."""
        return place(number, self.heard)

    def removed(self, count: int) -> None:
        """The current item was taken out, ``count`` left: the next one is current."""
        self.named = None
        self.index = min(self.index, max(0, count - 1))
        self.heard = min(self.heard, count)


@dataclass(frozen=True)
class ListWords:
    """What a list says as the person goes through it with "next" and "previous"."""

    more: str
    """After items named together, when more follow."""
    end: str
    """After the last items named together."""
    last: str
    """At "next" on the last item."""
    first: str
    """At "previous" on the first item."""
    opens: str
    """After the item stepped to: how to open it."""


def step_said(
    place: ListPlace,
    delta: int,
    count: int,
    line: Callable[[int], str],
    words: ListWords,
    alone: Callable[[int], str] | None = None,
) -> str:
    """Go ``delta`` through a list of ``count`` items at ``place`` ("next" right after
    items were named together names the next ones); what to say. ``line`` says an item
    (by index) named with others, ``alone`` one stepped to on its own (``line`` if None)."""
    batch = place.more(count) if delta > 0 else None
    if batch is not None:
        ending = words.end if place.heard == count else words.more
        return " ".join([*(line(i) for i in batch), ending])
    moved = place.step(delta, count)
    if moved is None:
        return words.last if delta > 0 else words.first
    return f"{(alone or line)(moved)} {words.opens}"
