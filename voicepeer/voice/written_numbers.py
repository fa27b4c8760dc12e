"""Dictated numbers as people write them in a post: "240 milligrams", "diagnosed in 1998",
"an EDSS of 3.5", but "three benches" and "one of them".

Recognizers give every number as words, and "two hundred and forty milligrams" or "nineteen
ninety eight" look odd in a post the person cannot see to fix. Only what is surely one
number changes, as a newspaper writes it: ten and more, decimals and years in digits, one to
nine in words. What could be read two ways stays as it was said: "fifty fifty", "seven
thirty", "twenty four seven", "ten to nine", "twenty first", "a hundred", "the nineties".

The words themselves stay in the draft (so "correct twenty" and "replace forty with fifty"
find them); only the text made from them has digits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from text_to_num import text2num

from voicepeer.number_words import ORDINAL_UNITS, TENS, UNITS

SMALLEST_IN_DIGITS = 10
"""Whole numbers below this stay words ("three kids"), as most writing styles have them."""

_DIGITS = {word: value for word, value in UNITS.items() if value < 10} | {"oh": 0}
_COUNTS = frozenset(UNITS) | frozenset(TENS)
_SCALES = frozenset({"hundred", "thousand"})
_JOINS = frozenset({"and", "point", "oh"})
"""Words inside a number ("two hundred and forty", "one point five", "twenty oh nine"),
never at either end of one."""
_CENTURIES = {"nineteen": 19, "twenty": 20}
"""How the years people write about begin when said ("nineteen ninety eight")."""
_HOURS = frozenset(word for word, value in UNITS.items() if 1 <= value <= 12)
_MINUTES_TO_OR_PAST = frozenset({"five", "ten", "twenty", "twenty five"})
_DECADES = frozenset(tens.removesuffix("y") + "ies" for tens in TENS)
_TIME_WORDS = frozenset({"past", "to"})
_KEEP_WORDS_BEFORE = frozenset(ORDINAL_UNITS) | _DECADES | {"o'clock", "past"}
"""Words after a number that make it part of something else: "twenty first", "nineteen
nineties", "eleven o'clock", "twenty past"."""


def with_digits(tokens: Sequence[str]) -> list[str]:
    """``tokens`` (words and marks of dictated text) with each number that is surely one
    written in digits, as one token."""
    return [written for _, _, run in _runs(tokens) for written in run]


def written_at_end(tokens: Sequence[str]) -> int:
    """How many of the last ``tokens`` are written as one: 3 when they end with "nineteen
    ninety eight" (1998), else 1. "Delete last word" takes what was written, not "eight"
    out of a year, which would leave "1990"."""
    runs = list(_runs(tokens))
    if not runs:
        return 0
    start, end, written = runs[-1]
    return end - start if len(written) == 1 else 1


def _runs(tokens: Sequence[str]) -> Iterator[tuple[int, int, list[str]]]:
    """Each token, or run of number words, of ``tokens`` as its start, end and how it is
    written."""
    said = [token.lower() for token in tokens]
    start = 0
    while start < len(tokens):
        end = _run_end(said, start)
        if end == start:
            yield start, start + 1, [tokens[start]]
            start += 1
            continue
        before, after, then = (
            said[i] if 0 <= i < len(said) else "" for i in (start - 1, end, end + 1)
        )
        if _kept_as_words(said[start:end], before, after, then):
            for index in range(start, end):
                yield index, index + 1, [tokens[index]]
        else:
            yield start, end, _written(said[start:end])
        start = end


def _run_end(said: Sequence[str], start: int) -> int:
    """Where the number words starting at ``start`` end; ``start`` when none start there.
    Joining words count only between number words."""
    if said[start] not in _COUNTS | _SCALES:
        return start
    end = start + 1
    while end < len(said) and said[end] in _COUNTS | _SCALES | _JOINS:
        end += 1
    while said[end - 1] in _JOINS:
        end -= 1
    return end


def _kept_as_words(run: list[str], before: str, after: str, then: str) -> bool:
    """Whether the number words ``run``, between the words ``before`` and ``after`` (and
    ``then``), are part of something else: "twenty first", "the nineteen nineties", "a
    hundred", a time ("ten to nine", "half past eleven")."""
    if run[0] in _SCALES or after in _KEEP_WORDS_BEFORE:
        return True
    if before in _TIME_WORDS and len(run) == 1 and run[0] in _HOURS:
        return True
    return " ".join(run) in _MINUTES_TO_OR_PAST and after == "to" and then in _HOURS


def _written(run: list[str]) -> list[str]:
    """The number words ``run`` as written: one token of digits, or several when they are
    more than one number ("ten and twelve"), or the words when no reading is sure."""
    if "point" in run:
        at = run.index("point")
        whole, fraction = run[:at], run[at + 1 :]
        value = _value(whole)
        if value is not None and fraction and all(w in _DIGITS for w in fraction):
            return [f"{value}.{''.join(str(_DIGITS[w]) for w in fraction)}"]
        return [*_written(whole), "point", *_written(fraction)] if whole and fraction else run
    value = _value(run)
    if value is None:
        value = _year(run)
    if value is not None:
        return [str(value)] if value >= SMALLEST_IN_DIGITS else run
    if "and" in run:  # "ten and twelve"
        at = run.index("and")
        return [*_written(run[:at]), "and", *_written(run[at + 1 :])]
    return run


def _value(words: list[str]) -> int | None:
    """The number ``words`` say, if they say exactly one whole number."""
    if not words or "oh" in words:
        return None
    try:
        return int(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def _year(words: list[str]) -> int | None:
    """The year said as two pairs of figures ("nineteen ninety eight", "twenty oh nine",
    "twenty twenty four"); None for other words."""
    if len(words) < 2 or words[0] not in _CENTURIES:
        return None
    century, rest = _CENTURIES[words[0]], words[1:]
    if rest[0] == "oh" and len(rest) == 2 and rest[1] in _DIGITS and rest[1] != "oh":
        return century * 100 + _DIGITS[rest[1]]
    within = _value(rest)
    if within is None or not 10 <= within <= 99:
        return None
    return century * 100 + within
