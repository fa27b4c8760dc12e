"""Spoken numbers ("twelve", "twenty one", "12") to integers."""

from __future__ import annotations

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Words recognizers commonly return for numbers said on their own.
_HOMOPHONES = {"won": "one", "to": "two", "too": "two", "for": "four", "fore": "four",
               "ate": "eight", "tree": "three", "free": "three"}

NUMBER_WORDS: tuple[str, ...] = (*_UNITS, *_TENS, "hundred")


def parse_number(text: str) -> int | None:
    """The integer ``text`` names, or ``None`` when it is not a number (1 to 999)."""
    words = [w for w in text.lower().replace("-", " ").split() if w not in ("and", "a")]
    if not words:
        return None
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    total, current = 0, 0
    for raw in words:
        word = _HOMOPHONES.get(raw, raw)
        if word in _UNITS:
            # A unit follows nothing or a tens word ("twenty one"), never another unit.
            if current and not (current >= 20 and current % 10 == 0):
                return None
            current += _UNITS[word]
        elif word in _TENS:
            if current:
                return None
            current += _TENS[word]
        elif word == "hundred":
            if not 0 < current < 10:
                return None
            total += current * 100
            current = 0
        else:
            return None
    value = total + current
    return value if value > 0 else None
