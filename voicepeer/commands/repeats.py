"""Words said twice or begun twice: "where where am I", "re reply", "w-wake up".

Slow, effortful speech repeats a word or cuts one off and starts it again. The utterance
is then no command as heard, though what was meant is plain. :func:`without_repeats` gives
it once; the interpreter (and the dictation command check) take that only when it is a
command as a whole, so that "that that" inside a sentence stays words.
"""

from __future__ import annotations

from voicepeer.commands.numbers import parse_number
from voicepeer.commands.text import normalize

NEVER_CUT_OFF = frozenset({"no", "not", "never", "don't", "nope"})
"""Words never taken for the cut-off start of the next: "no notifications" keeps its no."""


def without_repeats(text: str) -> str:
    """``text`` (normalized) with a word said twice in a row said once ("back back":
    "back"), and the cut-off start of a word dropped before it ("re reply": "reply";
    "w-wake": "wake"); words said twice over as a whole, once ("send it send it"). A
    hyphen is no word, so "w-wake" is "w wake" here already."""
    kept: list[str] = []
    for word in normalize(text).split():
        if kept and _begins(kept[-1], word):
            kept[-1] = word
        else:
            kept.append(word)
    half = len(kept) // 2
    if half > 1 and len(kept) == 2 * half and kept[:half] == kept[half:]:
        # "Scratch that scratch that": a whole command said again, unsure it was heard.
        return " ".join(kept[:half])
    return " ".join(kept)


def _begins(before: str, word: str) -> bool:
    """Whether ``before`` is ``word`` said twice, or its start cut off."""
    if before == word:
        return True
    if before in NEVER_CUT_OFF or parse_number(before) is not None:
        return False  # "six sixteen" is no sixteen begun twice
    return len(before) < len(word) and word.startswith(before)
