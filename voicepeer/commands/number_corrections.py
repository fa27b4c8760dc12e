"""A number corrected as it is said: "open topic three no four", "like post two, sorry,
three", "two I mean three".

The last number is the one meant. Only for commands, choices and the new words of a
correction ("replace forty", then "fifty no sixty"), which are said to put one thing right:
in dictated text, a title or search words, "two no three" is what the person said.
"""

from __future__ import annotations

from voicepeer.commands.numbers import parse_number
from voicepeer.commands.text import normalize

CORRECTING = (
    ("no", "i", "mean"),
    ("sorry", "i", "mean"),
    ("no", "sorry"),
    ("sorry",),
    ("i", "mean"),
    ("i", "meant"),
    ("no",),
    ("or", "rather"),
    ("rather",),
    ("actually",),
)
"""Words that take back the number just said, longest first where they overlap."""
MAX_NUMBER_WORDS = 5
"""The longest number said in words ("two hundred and forty five")."""


def last_number_meant(text: str) -> str | None:
    """``text`` (normalized) with a number taken back replaced by the one said after it
    ("open topic three no four": "open topic four"; "three no four no five": "five"), or
    None when no number is corrected."""
    meant = None
    while (corrected := _one_taken_back(meant or text)) is not None:
        meant = corrected
    return meant


def _one_taken_back(text: str) -> str | None:
    """``text`` with one number taken back left out, or None when none is."""
    words = normalize(text).split()
    for at in range(1, len(words)):
        for correcting in CORRECTING:
            after = at + len(correcting)
            if tuple(words[at:after]) != correcting or after >= len(words):
                continue
            meant = words[after:]
            if len(meant) > MAX_NUMBER_WORDS or parse_number(" ".join(meant)) is None:
                continue
            before = _without_number_at_end(words[:at])
            if before is not None:
                return " ".join([*before, *meant])
    return None


def _without_number_at_end(words: list[str]) -> list[str] | None:
    """``words`` without the number they end with (the longest), or None when they end
    with none."""
    for count in range(min(MAX_NUMBER_WORDS, len(words)), 0, -1):
        if parse_number(" ".join(words[-count:])) is not None:
            return words[:-count]
    return None


def with_number_meant(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` with a number taken back left out, as :func:`last_number_meant` has them;
    as they are when none is."""
    meant = last_number_meant(" ".join(words))
    return words if meant is None else tuple(meant.split())
