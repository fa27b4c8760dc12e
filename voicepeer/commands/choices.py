"""Answers to "which one?" when the choices were read out with their names: the name said
("good news", "the treatments one") or the number alone ("two", "the second").

A number alone is never a command (see :mod:`voicepeer.commands.numbers`), because a
misheard short command can sound like one; answering a question that lists numbered
choices, it is what people say, and a wrong choice costs only the next question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from voicepeer.commands.number_corrections import last_number_meant
from voicepeer.commands.numbers import parse_number, parse_ordinal
from voicepeer.commands.text import normalize

MIN_NAME_SCORE = 85.0
"""How alike (0-100) the words said must be to a choice's name (or a part of it)."""
NAME_MARGIN = 10.0
"""How much better than any other the best name must fit, or none is taken."""
_AROUND = frozenset(
    {"the", "a", "an", "one", "number", "category", "in", "for", "about", "please", "and"}
    | {"with", "of", "to", "it", "its", "it's", "is", "that", "this"}
)
"""Words said around a choice ("the one about good news"), and the small words of names
("Living with MS"): alone they name nothing."""
MIN_NAMING_LETTERS = 3
"""Fewer letters than this, once the words around are left out, name nothing."""


def place_said(said: str, count: int) -> int | None:
    """The choice numbered as said alone ("two", "the second one"), from 1; None when
    no number from 1 to ``count`` is said. A number taken back is not the one chosen ("two
    no three" is three)."""
    said_words = normalize(last_number_meant(said) or said).split()
    words = [w for w in said_words if w not in _AROUND]
    if not words and said_words[:1] == ["one"]:
        words = ["one"]  # a word around a choice ("the second one"), but first it is the first
    text = " ".join(words)
    number = parse_number(text) if text else None
    if number is None and text:
        number = parse_ordinal(text)
    return number if number is not None and 1 <= number <= count else None


def name_said(said: str, names: Sequence[str]) -> int | None:
    """The index of the one of ``names`` the words name, whole or in part ("news" for
    "Good news"), when exactly one fits clearly; None otherwise."""
    words = [w for w in normalize(said).split() if w not in _AROUND]
    if sum(len(w) for w in words) < MIN_NAMING_LETTERS:
        return None
    heard = " ".join(words)
    scores = sorted(
        (
            (max(fuzz.ratio(heard, name), fuzz.token_set_ratio(heard, name)), index)
            for index, name in enumerate(
                " ".join(w for w in normalize(n).split() if w not in _AROUND) for n in names
            )
        ),
        reverse=True,
    )
    if not scores or scores[0][0] < MIN_NAME_SCORE:
        return None
    if len(scores) > 1 and scores[0][0] - scores[1][0] < NAME_MARGIN:
        return None
    return scores[0][1]


_DESCRIBING_AFTER = ("for", "about", "with", "where", "on", "that", "that's", "which")
_DESCRIBING_STARTS = (
    *((*start.split(), after) for start in ("the one", "one") for after in _DESCRIBING_AFTER),
    ("the", "category"),
    ("a", "category"),
    ("the", "section"),
)
"""How a choice is described: "the one for new people", "the category about scans". Not
"the one" alone, which begins titles ("The one thing I wish I'd known")."""
_NOT_TELLING = frozenset(
    {"people", "person", "someone", "anyone", "you", "i", "me", "my", "we", "us", "who"}
    | {"where", "what", "which", "can", "are", "be", "just", "stuff", "things", "topics"}
    | {"posts", "talk", "talking", "chat", "on", "at", "or", "there", "here", "all"}
)
"""Words of a description that tell no choice from another ("the one for people who …")."""
MIN_STEM = 3
"""Letters a word said and a word of a choice share at their start to count as one word
("new" of "newly")."""


def describes_a_choice(said: str) -> bool:
    """Whether ``said`` describes a choice rather than names it ("the one for new people",
    "the newly diagnosed one", "the category about scans")."""
    words = tuple(normalize(said).split())
    starts = any(words[: len(start)] == start for start in _DESCRIBING_STARTS)
    # "The newly diagnosed one"; not "Diagnosed today, day one".
    return starts or (words[:1] == ("the",) and words[-1:] == ("one",))


def described(said: str, descriptions: Sequence[str]) -> list[int]:
    """The indices of the ``descriptions`` (a choice's name and what it is for) that the
    words said fit best, by the words they share ("new people": "Newly diagnosed"); all
    of those that fit equally well, none when no word fits."""
    telling = _telling_words(said)
    fits = [
        sum(any(_same_word(word, theirs) for theirs in _telling_words(text)) for word in telling)
        for text in descriptions
    ]
    best = max(fits, default=0)
    return [index for index, fit in enumerate(fits) if fit and fit == best]


def _telling_words(text: str) -> set[str]:
    words = re.sub(r"[^\w' ]+", " ", normalize(text)).split()
    return {w for w in words if w not in _AROUND and w not in _NOT_TELLING and len(w) > 1}


def _same_word(said: str, theirs: str) -> bool:
    """Whether two words are one word, the one said perhaps shortened or in another form
    ("new" and "newly", "scan" and "scans")."""
    shorter, longer = sorted((said, theirs), key=len)
    return len(shorter) >= MIN_STEM and longer.startswith(shorter)
