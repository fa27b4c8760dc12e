"""Words in a writing system the English voice cannot read, said as what they are.

espeak-ng's English voice spells Hebrew, Arabic, Cyrillic or Greek words letter by letter
("hebrew shin, hebrew lamed, …") and says "Chinese letter" for every ideograph: a
sentence in another script becomes a long, meaningless recital. "some Hebrew text" tells
the listener what is there. Single letters (the beta in "β-interferon") are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_READ_BY_THE_VOICE = frozenset({"LATIN"})
_SCRIPT_NAMES = {
    "CJK": "Chinese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
}
# Words without the punctuation around them, which stays (and keeps its pauses).
_WORD = re.compile(r"[^\s.,;:!?()\"“”]+")


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The writing system of a letter (``HEBREW``), "" for anything that is not a letter."""
    if not unicodedata.category(char).startswith("L"):
        return ""
    return unicodedata.name(char, "").split(" ", 1)[0]


def _foreign_script(word: str) -> str:
    """The script of a word written wholly in one script the voice cannot read, else ""."""
    scripts = {_script(c) for c in word if not c.isascii()} - {""}
    letters = sum(1 for c in word if c.isalpha())
    if len(scripts) != 1 or letters < 2 or any(c.isascii() and c.isalpha() for c in word):
        return ""
    script = scripts.pop()
    return "" if script in _READ_BY_THE_VOICE else script


def foreign_text_words(text: str) -> str:
    """Runs of words in one unreadable script become "some Hebrew text" and the like."""
    if text.isascii():
        return text
    out: list[str] = []
    position = 0
    current = ""  # the script of the run being replaced
    for match in _WORD.finditer(text):
        script = _foreign_script(match.group(0))
        if script and script == current:
            position = match.end()  # one more word of the same run
            continue
        out.append(text[position : match.start()])
        if script:
            out.append(f"some {_SCRIPT_NAMES.get(script, script.title())} text")
        else:
            out.append(match.group(0))
        current = script
        position = match.end()
    out.append(text[position:])
    return "".join(out)
