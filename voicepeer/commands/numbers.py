"""Spoken numbers as people say them ("twelve", "twenty one", "12", "number twelve",
"the second", "twenty first", "2nd") to integers, and the rule that a number said alone is
never a command (applied by the interpreter, and told to recognizers as what rules an
utterance out)."""

from __future__ import annotations

from voicepeer.commands.text import normalize
from voicepeer.number_words import ORDINAL_TENS as _ORDINAL_TENS
from voicepeer.number_words import ORDINAL_UNITS as _ORDINAL_UNITS
from voicepeer.number_words import TENS as _TENS
from voicepeer.number_words import UNITS as _UNITS

# Words recognizers commonly return for numbers said on their own.
_HOMOPHONES = {
    "won": "one",
    "to": "two",
    "too": "two",
    "for": "four",
    "fore": "four",
    "ate": "eight",
    "tree": "three",
    "free": "three",
}

NUMBER_WORDS: tuple[str, ...] = (*_UNITS, *_TENS, "hundred")


ORDINAL_WORDS: tuple[str, ...] = (*_ORDINAL_UNITS, *_ORDINAL_TENS)
_NUMBER_LEAD = frozenset({"number", "no", "topic", "post"})
_LAST_WORDS = frozenset({"last", "final"})
_AROUND_LAST = frozenset({"the", "one", "topic", "post", "number"})

LAST_HEARD = -1
"""The number of "open the last one": the furthest one down a list the person has heard,
which only the list knows (see :func:`place`)."""
"""Words said before a number that name what it counts ("open number twelve")."""


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
            if current == 0 and total == 0:
                current = 1  # "a hundred", "a hundred and five"
            if not 0 < current < 10:
                return None
            total += current * 100
            current = 0
        else:
            return None
    value = total + current
    return value if value > 0 else None


def plain_number(text: str) -> int | None:
    """The number ``text`` is when it is one as written ("two", "12", "second"), not a word
    that only sounds like one ("to", "for"): said alone at a numbered list, most likely a
    choice made without "open"."""
    words = normalize(text)
    if any(word in _HOMOPHONES for word in words.split()):
        return None
    return parse_number(words) or parse_ordinal(words)


def parse_ordinal(text: str) -> int | None:
    """The integer an ordinal names ("second" 2, "twenty first" 21, "2nd" 2), or ``None``."""
    words = text.lower().replace("-", " ").split()
    if len(words) == 1 and words[0][:-2].isdigit() and words[0][-2:] in ("st", "nd", "rd", "th"):
        return int(words[0][:-2]) or None
    if len(words) == 1:
        return _ORDINAL_UNITS.get(words[0], _ORDINAL_TENS.get(words[0]))
    if len(words) == 2 and words[0] in _TENS and words[1] in _ORDINAL_UNITS:
        unit = _ORDINAL_UNITS[words[1]]
        return _TENS[words[0]] + unit if unit < 10 else None
    return None


def names_last(text: str) -> bool:
    """Whether ``text`` picks the last one ("the last one", "last topic", "the final one")."""
    words = [w for w in text.lower().split() if w not in _AROUND_LAST]
    return len(words) == 1 and words[0] in _LAST_WORDS


def place(number: int, heard: int) -> int:
    """The place in a list ``number`` picks, from 1, where the first ``heard`` have been
    said: "the last one" (:data:`LAST_HEARD`) is the last of those."""
    return heard if number == LAST_HEARD else number


def spoken_number(text: str) -> int | None:
    """A number as said after a command word: "twelve", "number twelve", "topic 12"."""
    words = text.lower().split()
    while len(words) > 1 and words[0] in _NUMBER_LEAD:
        words = words[1:]
    return parse_number(" ".join(words))


def is_number_alone(text: str) -> bool:
    """A number said on its own ("thirty nine"): never a command. Misheard short commands
    ("reply") come out as numbers, so a topic is opened only with its prefix ("open topic
    thirty nine", "number thirty nine")."""
    words = normalize(text)
    return parse_number(words) is not None or parse_ordinal(words) is not None
