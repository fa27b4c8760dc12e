"""Per-word confidence and alternatives from a recognizer's n-best readings.

Engines that give whole-sentence n-best lists (PocketSphinx) say nothing about single
words; aligning each reading with the best one does. A word that every reading agrees on
is sure; where readings differ, what they put in that place are the word's alternatives,
and the share of readings that agree with the best is its confidence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from voicepeer.recognition.base import HeardWord

MAX_ALTERNATIVES = 5


def words_from_readings(best: str, readings: Sequence[str]) -> tuple[HeardWord, ...]:
    """``best`` split into words, each with the alternatives the other ``readings`` put in
    its place. Readings may include ``best`` itself; duplicates count as the engine gave
    them (a reading found twice is twice as likely)."""
    words = best.split()
    if not words:
        return ()
    agree = [0] * len(words)
    others: list[Counter[str]] = [Counter() for _ in words]
    usable = [r.split() for r in readings if r.split()]
    for reading in usable:
        matcher = SequenceMatcher(a=words, b=reading, autojunk=False)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "equal":
                for i in range(a0, a1):
                    agree[i] += 1
            elif tag == "replace" and a1 - a0 == b1 - b0:
                for offset in range(a1 - a0):
                    others[a0 + offset][reading[b0 + offset]] += 1
            elif tag == "replace":
                # Unequal runs ("thirteen" for "thirty eight"): the whole run is one
                # alternative for the first word of the best reading's run.
                others[a0][" ".join(reading[b0:b1])] += 1
    total = len(usable)
    heard = []
    for i, word in enumerate(words):
        confidence = agree[i] / total if total else 1.0
        alternatives = tuple(w for w, _ in others[i].most_common() if w != word)
        heard.append(HeardWord(word, confidence, alternatives[:MAX_ALTERNATIVES]))
    return tuple(heard)
