"""Number words as said aloud, shared by what voicepeer hears (commands) and what it says
(item labels in posts, a ranked poll's "your second choice")."""

from __future__ import annotations

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

ORDINAL_UNITS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
ORDINAL_TENS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}


def spoken_numbers(limit: int = 99) -> list[str]:
    """Topic numbers as said aloud, 1 to ``limit`` (at most 99): topic lists are read a page
    (30) at a time, and hundreds only add paths that short commands get mistaken for."""
    words = {value: word for word, value in UNITS.items() if value}
    for tens, tens_value in TENS.items():
        words[tens_value] = tens
        for unit in range(1, 10):
            words[tens_value + unit] = f"{tens} {words[unit]}"
    return [words[number] for number in range(1, min(limit, 99) + 1)]


def ordinal_word(number: int) -> str | None:
    """The word for place ``number`` ("second" for 2) from 1 to 19 and whole tens to 90;
    None for others."""
    for word, value in (*ORDINAL_UNITS.items(), *ORDINAL_TENS.items()):
        if value == number:
            return word
    return None
