"""What editing changed in a draft, latest last, for "undo" said again and again.

A change comes back only into the draft it left, with nothing changed since: words said
after it end what can come back, except that words "undo" itself took out just after they
were said stay out when an earlier change can come back then ("start over", words,
"undo", "undo" brings back what start over cleared, however often words were said and
undone between).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from voicepeer.voice.dictation import Draft

UNDO_STEPS = 20
"""How many editing changes "undo" said again and again can take back, the latest first."""


@dataclass(frozen=True)
class Removal:
    """Words an editing command removed (or a correction changed), kept for "undo"."""

    words: Draft
    """The draft as it was before."""
    into: Draft
    """The draft as changed: the words come back only into it, with nothing changed since."""
    left: str
    """Its text once changed."""
    said_back: str
    """What is said when they come back ("Brought back the last word.")."""
    named: str
    """What comes back, as named in "Say undo again to bring back …"."""
    by_undo: bool = False
    """Words "undo" took out just after they were said."""
    correction: bool = False
    """A correction's change ("replace …", a choice, letters), not a removal."""


class UndoHistory:
    def __init__(self) -> None:
        self._removals: list[Removal] = []

    def keep(self, removal: Removal) -> bool:
        """Keep ``removal`` when it changed the text; False when nothing was removed."""
        if removal.words.text == removal.left:
            return False
        self._removals.append(removal)
        del self._removals[:-UNDO_STEPS]
        return True

    @property
    def latest(self) -> Removal | None:
        return self._removals[-1] if self._removals else None

    @staticmethod
    def can_come_back(removal: Removal, draft: Draft) -> bool:
        """Whether nothing changed in ``draft`` since ``removal``, so its words can come back."""
        return removal.into is draft and draft.text == removal.left

    def _coming_back(self, draft: Draft) -> int | None:
        """Where in the history the change whose words come back into ``draft`` now is.

        Words "undo" took out just after they were said stay out when a change before them
        can come back: each time, the words were said and taken out again, so "start over",
        words, "undo", more words, "undo", "undo" brings back what start over cleared."""
        removals = self._removals
        at = len(removals) - 1
        while at > 0 and removals[at].by_undo and self.can_come_back(removals[at - 1], draft):
            at -= 1
        return at if at >= 0 and self.can_come_back(removals[at], draft) else None

    def next_back(self, draft: Draft) -> Removal | None:
        """The change "undo" brings back into ``draft`` now, left in the history."""
        at = self._coming_back(draft)
        return None if at is None else self._removals[at]

    def bring_back(self, draft: Draft) -> Removal | None:
        """The change whose words come back into ``draft`` now (its ``words`` are the draft
        from now on), taken off the history with the words undone after it; None when none
        can."""
        at = self._coming_back(draft)
        if at is None:
            return None
        removals = self._removals
        removal = removals[at]
        del removals[at:]
        if removals:
            # The change before left the words as they are again now: "undo" once more
            # brings back what it removed.
            removals[-1] = replace(removals[-1], into=removal.words)
        return removal

    def clear(self) -> None:
        self._removals.clear()
