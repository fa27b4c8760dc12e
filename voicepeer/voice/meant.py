"""Answers to "Did you mean next or back?" and "Did you mean Priya Nair?": the place of a
meaning offered ("the first one", "the second"), and, when only one was offered, "that
one" or a yes.

Heard on their own, "the second one" opens a topic and "that one" is no command; right
after the question they answer it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from voicepeer.commands.choices import place_said
from voicepeer.commands.natural import unwrap
from voicepeer.commands.text import normalize

THAT_ONE = frozenset(
    {"that one", "this one", "that's the one", "that's it", "the one", "yes that one"}
)
"""Words that point at the one meaning offered."""

Meaning = TypeVar("Meaning")


def meaning_chosen(said: str, offered: Sequence[Meaning], *, yes: bool) -> Meaning | None:
    """The one of ``offered`` that ``said`` picks by its place, or, when only one was
    offered, by pointing at it or (``yes``: the interpreter heard a yes) agreeing;
    ``None`` when it picks none."""
    if not offered:
        return None
    place = place_said(said, len(offered))
    if place is not None:
        return offered[place - 1]
    if len(offered) == 1 and (yes or unwrap(normalize(said)) in THAT_ONE):
        return offered[0]
    return None
