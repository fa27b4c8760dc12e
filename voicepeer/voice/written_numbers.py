"""Dictated numbers as people write them in a post: "240 milligrams", "diagnosed in 1998",
"an EDSS of 3.5", "4,000 units", "10 pm", "£25.50", but "three benches" and "one of them".

Recognizers give every number as words, and "two hundred and forty milligrams" or "nineteen
ninety eight" look odd in a post the person cannot see to fix. Only what is surely one
number changes, as a newspaper writes it (the Guardian's and GOV.UK's styles agree): ten and
more, decimals and years in digits, one to nine in words; a comma in thousands ("4,000",
"12,500") but not in a year ("in 2015"); times with "am" or "pm" and money in figures
whatever their size (see :mod:`voicepeer.voice.written_amounts`). What could be read two
ways stays as it was said: "fifty fifty", "seven thirty", "twenty four seven", "ten to
nine", "twenty first", "a hundred", "the nineties".

The words themselves stay in the draft (so "correct twenty" and "replace forty with fifty"
find them); only the text made from them has digits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from text_to_num import text2num

from voicepeer.number_words import ORDINAL_UNITS, TENS, UNITS
from voicepeer.speech.text.timefmt import MONTHS
from voicepeer.voice.written_amounts import clock_time, money

SMALLEST_IN_DIGITS = 10
"""Whole numbers below this stay words ("three kids"), as most writing styles have them."""

_DIGITS = {word: value for word, value in UNITS.items() if value < 10} | {"oh": 0}
_COUNTS = frozenset(UNITS) | frozenset(TENS)
_SCALES = frozenset({"hundred", "thousand"})
_JOINS = frozenset({"and", "point", "oh"})
"""Words inside a number ("two hundred and forty", "one point five", "twenty oh nine"),
never at either end of one; "and" only after "hundred" or "thousand" ("fifty and two
thousand" are two numbers: they were written 52000)."""
_CENTURIES = {"nineteen": 19, "twenty": 20}
"""How the years people write about begin when said ("nineteen ninety eight")."""
_HOURS = frozenset(word for word, value in UNITS.items() if 1 <= value <= 12)
_MINUTES_TO_OR_PAST = frozenset({"five", "ten", "twenty", "twenty five"})
_DECADES = frozenset(tens.removesuffix("y") + "ies" for tens in TENS)
_TIME_WORDS = frozenset({"past", "to"})
_KEEP_WORDS_BEFORE = frozenset(ORDINAL_UNITS) | _DECADES | {"o'clock", "past"}
"""Words after a number that make it part of something else: "twenty first", "nineteen
nineties", "eleven o'clock", "twenty past"."""
_YEARS = range(1900, 2100)
_BEFORE_A_YEAR = frozenset(
    {
        *("in", "since", "from", "until", "till", "by", "of", "year", "around", "before"),
        *("after", "during", "to", "early", "late", "mid", "summer", "spring", "autumn"),
        *("winter", "christmas", "easter", *(month.lower() for month in MONTHS)),
    }
)
_AFTER_A_YEAR = frozenset(
    {
        *("i", "we", "he", "she", "they", "it", "my", "and", "or", "but", "when", "so", "to"),
        *("until", "till", "the", "a", "was", "is", "after", "before", "because", "then"),
        *("that", "which", "while", "in", "on", "at", "for", "\n", "\n\n"),
        *".,!?;:…",
    }
)
"""Words around a number said in thousands that make it a year: "in two thousand and
fifteen", "since two thousand", but "up to two thousand steps" (2,000)."""


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
        run = said[start:end]
        before, after, then, two_before = (
            said[i] if 0 <= i < len(said) else "" for i in (start - 1, end, end + 1, start - 2)
        )
        time = clock_time(run, before, after, two_before)
        if time is not None:
            yield start, end, [time]
        elif _kept_as_words(run, before, after, then):
            for index in range(start, end):
                yield index, index + 1, [tokens[index]]
        else:
            written = _written(run, before in _BEFORE_A_YEAR and after in _AFTER_A_YEAR | {""})
            amount = money(written[0], said, start, end) if len(written) == 1 else None
            if amount is not None:
                end, written = amount[0], [amount[1]]
            yield start, end, written
        start = end


def _run_end(said: Sequence[str], start: int) -> int:
    """Where the number words starting at ``start`` end; ``start`` when none start there.
    Joining words count only between number words."""
    if said[start] not in _COUNTS | _SCALES:
        return start
    end = start + 1
    while end < len(said) and said[end] in _COUNTS | _SCALES | _JOINS:
        if said[end] == "and" and said[end - 1] not in _SCALES:
            break
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


def _written(run: list[str], a_year: bool = False) -> list[str]:
    """The number words ``run`` as written: one token of digits, or several when they are
    more than one number ("ten and twelve"), or the words when no reading is sure. Where
    ``a_year`` may be said ("in two thousand and fifteen"), one that could be is written
    as a year (no comma)."""
    if "point" in run:
        at = run.index("point")
        whole, fraction = run[:at], run[at + 1 :]
        value = _value(whole)
        if value is not None and fraction and all(w in _DIGITS for w in fraction):
            return [f"{value:,}.{''.join(str(_DIGITS[w]) for w in fraction)}"]
        return [*_written(whole), "point", *_written(fraction)] if whole and fraction else run
    value = _value(run)
    if value is not None:
        if value < SMALLEST_IN_DIGITS:
            return run
        return [str(value) if a_year and value in _YEARS else f"{value:,}"]
    year = _year(run)
    if year is not None:
        return [str(year)]
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
