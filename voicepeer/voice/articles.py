""" "A" or "an" before a word, by how it is said: put right when a correction changes the
word after one ("an hour" made "half hour" is "a half hour").

inflect has the full rule, but importing it takes over a second here (longer on a
Raspberry Pi), at the first correction: the cases a dictated reply meets are these.
"""

from __future__ import annotations

import re

_SILENT_H = ("hour", "honest", "honour", "honor", "heir")
_VOWEL_SOUNDING_U = re.compile(r"^(uni|use|usu|uti|ura|ure|euro?|ewe|one\b|once)")
_VOWEL_LETTER_NAMES = frozenset("AEFHILMNORSX")
"""Capitals said with a vowel first ("an MRI", "an MS nurse", "an X-ray")."""
_EIGHT_OR_ELEVEN = re.compile(r"^(8|11|18|8\d)(\D|$)")


def indefinite_article(word: str) -> str:
    """ "an" before a word said with a vowel first, else "a"."""
    lower = word.lower()
    if not lower:
        return "a"
    if lower[0].isdigit():
        return "an" if _EIGHT_OR_ELEVEN.match(lower) else "a"
    if len(word) > 1 and word[:2].isupper():  # letters said one by one: "MRI", "NHS"
        return "an" if word[0] in _VOWEL_LETTER_NAMES else "a"
    if lower.startswith(_SILENT_H):
        return "an"
    if _VOWEL_SOUNDING_U.match(lower):
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def agreeing(article: str, old: str, new: str) -> str:
    """The article before ``new`` where ``article`` stood before ``old``: changed only when
    it agreed with ``old`` (an article that did not may be meant), keeping its capital."""
    if article.lower() not in ("a", "an") or article.lower() != indefinite_article(old):
        return article
    fitting = indefinite_article(new)
    return fitting.capitalize() if article[0].isupper() else fitting
