"""Make untrusted forum text safe to hand to a speech engine.

Post content must never steer the synthesizer: espeak-ng reads ``[[...]]`` as phonemes,
``<...>`` as SSML when asked to, and control characters as embedded commands; bidi
overrides and zero-width characters hide text from people checking it.
"""

from __future__ import annotations

import re
import unicodedata

# Unicode categories that never carry speakable content: controls, format characters
# (bidi overrides, zero-width joiners, soft hyphens), private use, surrogates, unassigned.
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})

# Characters that open markup in some engine: SSML tags, espeak phoneme brackets, braces.
MARKUP_CHARS = "<>[]{}\\`|^~"
_MARKUP_TABLE = str.maketrans({c: " " for c in MARKUP_CHARS})

_WHITESPACE = re.compile(r"\s+")
# Terminal escape sequences (CSI and OSC) are removed whole, not just their ESC.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.?)")
# Anything shaped like a tag (SSML, HTML) goes whole; "I <3 you" has no tag shape.
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?](?:\s|$))")


def _keep(char: str) -> bool:
    return unicodedata.category(char) not in _DROP_CATEGORIES


def normalize(text: str) -> str:
    """NFKC-normalize and drop invisible and control characters; keep line breaks as spaces.

    NFKC first so that look-alikes (fullwidth ``＜speak＞``) become the plain characters
    that the later markup strip removes.
    """
    text = _ESCAPE_SEQUENCE.sub(" ", unicodedata.normalize("NFKC", text))
    text = text.replace("\r", "\n").replace("\t", " ")
    return "".join(c if c == "\n" or _keep(c) else " " if c.isspace() else "" for c in text)


def strip_markup(text: str) -> str:
    """Remove tags, and replace every character that could open engine markup with a space."""
    return _TAG.sub(" ", text).translate(_MARKUP_TABLE)


def collapse_whitespace(text: str) -> str:
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _WHITESPACE.sub(" ", text)).strip()


def speakable(text: str) -> str:
    """The last step before any text reaches a synthesizer: safe, single-line, tidy."""
    return collapse_whitespace(strip_markup(normalize(text)))


def is_speakable(text: str) -> bool:
    """True when ``text`` contains nothing a speech engine could read as markup or control."""
    return not any(c in MARKUP_CHARS or (c != " " and not c.isprintable()) for c in text) and (
        all(_keep(c) for c in text)
    )
