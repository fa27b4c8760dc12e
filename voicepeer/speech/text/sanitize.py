"""Make untrusted forum text safe to hand to a speech engine or print on a terminal.

Post content must never steer the synthesizer: espeak-ng reads ``[[...]]`` as phonemes,
``<...>`` as SSML when asked to, and control characters as embedded commands; bidi
overrides and zero-width characters hide text from people checking it; escape sequences
clear a terminal or set its title. Names and titles get the same treatment as posts
(:func:`clean_fields` where forum records are built, :func:`one_line` where text is printed).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any, TypeVar

from voicepeer.speech.text.numbers import vulgar_fractions

R = TypeVar("R")

# Unicode categories that never carry speakable content: controls, format characters
# (bidi overrides, zero-width joiners, soft hyphens), private use, surrogates, unassigned.
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
# Combining marks kept on one letter: enough for every real script (Vietnamese stacks two,
# Indic and Tibetan clusters a few), not for "zalgo" floods of hundreds.
MAX_COMBINING_MARKS = 4

# Characters that open markup in some engine: SSML tags, espeak phoneme brackets, braces.
MARKUP_CHARS = "<>[]{}\\`|^~"
_MARKUP_TABLE = str.maketrans({c: " " for c in MARKUP_CHARS})

_WHITESPACE = re.compile(r"\s+")
# Terminal escape sequences (CSI and OSC, 7-bit and 8-bit) are removed whole, not just
# their first character.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b.?"
)
# Anything shaped like a tag (SSML, HTML) goes whole; "I <3 you" has no tag shape.
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?](?:\s|$))")
# Characters that need a closer look; text without any is passed through untouched.
_SUSPECT = re.compile(r"[^\n -~\u00a0-\u00ac\u00ae-\u02ff]")  # U+00AD: soft hyphen


def _keep(char: str) -> bool:
    return unicodedata.category(char) not in _DROP_CATEGORIES


def _visible(text: str) -> str:
    """Drop invisible and control characters (keeping line breaks) and zalgo floods."""
    out: list[str] = []
    marks = 0
    for char in text:
        category = unicodedata.category(char)
        if category in _DROP_CATEGORIES:
            if char == "\n":
                out.append(char)
            elif char.isspace():
                out.append(" ")
            continue
        if category in ("Mn", "Me"):
            marks += 1
            if marks > MAX_COMBINING_MARKS:
                continue
        else:
            marks = 0
        out.append(char)
    return "".join(out)


def strip_invisible(text: str) -> str:
    """Escape sequences, controls, bidi and zero-width characters, surrogates, private-use
    characters and excess combining marks removed; line breaks kept, tabs made spaces."""
    if not _SUSPECT.search(text):
        return text
    text = _ESCAPE_SEQUENCE.sub(" ", text).replace("\r", "\n").replace("\t", " ")
    return _visible(text)


def normalize(text: str) -> str:
    """NFKC-normalize and drop invisible and control characters; keep line breaks.

    NFKC first so that look-alikes (fullwidth ``＜speak＞``) become the plain characters
    that the later markup strip removes; fractions are written out before it, which makes
    "1½" into "11⁄2".
    """
    return strip_invisible(unicodedata.normalize("NFKC", vulgar_fractions(text)))


def strip_markup(text: str) -> str:
    """Remove tags, and replace every character that could open engine markup with a space."""
    return _TAG.sub(" ", text).translate(_MARKUP_TABLE)


def collapse_whitespace(text: str) -> str:
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _WHITESPACE.sub(" ", text)).strip()


def one_line(text: str) -> str:
    """Text fit to print as one terminal line: nothing invisible, no control, one line.

    Unlike :func:`speakable` it keeps the characters as written (no NFKC, brackets stay).
    """
    return " ".join(strip_invisible(text).split())


def speakable(text: str) -> str:
    """The last step before any text reaches a synthesizer: safe, single-line, tidy."""
    return collapse_whitespace(strip_markup(normalize(text)))


def is_speakable(text: str) -> bool:
    """True when ``text`` contains nothing a speech engine could read as markup or control."""
    return not any(c in MARKUP_CHARS or (c != " " and not c.isprintable()) for c in text) and (
        all(_keep(c) for c in text)
    )


def is_clean(text: str) -> bool:
    """True when ``text`` holds nothing that steers a terminal or hides text: no control,
    format (bidi, zero-width), surrogate or private-use character, no zalgo flood."""
    return strip_invisible(text) == text and "\n" not in text


def clean_fields(record: R, keep: frozenset[str] = frozenset()) -> R:
    """``record`` (a frozen dataclass, or a tuple of them, nested) with every text field made
    :func:`one_line`, except the fields named in ``keep`` (markup cleaned later, as a whole).

    This is how names, titles and excerpts from a forum are cleaned where they enter: one
    call covers every field a record has or will have.
    """
    return _clean(record, keep)


def _clean(value: Any, keep: frozenset[str]) -> Any:
    if isinstance(value, str):
        cleaned = one_line(value)
        return value if cleaned == value else cleaned
    if isinstance(value, tuple):
        items = tuple(_clean(item, keep) for item in value)
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for field in dataclasses.fields(value):
            if field.name in keep:
                continue
            old = getattr(value, field.name)
            new = _clean(old, keep)
            if new is not old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value
