"""Letters dressed up as symbols, as "fancy text" generators make them (🅷🅴🅻🅻🅾, ʜᴇʟʟᴏ),
as the plain letters they stand for.

NFKC makes most styled letters plain (𝐛𝐨𝐥𝐝, ｆｕｌｌｗｉｄｔｈ, ⓒⓘⓡⓒⓛⓔⓓ), but not these: letters in
black squares and circles are symbols to Unicode, taken for emoji and read by their code
names ("negative squared latin capital letter h"), and small capitals are phonetic letters
that espeak-ng spells out by code point.
"""

from __future__ import annotations

import re

_SMALL_CAPITALS = dict(
    zip(
        "\u1d00\u0299\u1d04\u1d05\u1d07\ua730\u0262\u029c\u026a\u1d0a\u1d0b\u029f\u1d0d"
        "\u0274\u1d0f\u1d18\u0280\ua731\u1d1b\u1d1c\u1d20\u1d21\u028f\u1d22",
        "abcdefghijklmnoprstuvwyz",
        strict=True,
    )
)
_ENCLOSED_CAPITALS = (0x1F130, 0x1F150, 0x1F170)
"""Where the squared, negative circled and negative squared capitals A to Z begin."""
_ENCLOSED = "".join(f"{chr(first)}-{chr(first + 25)}" for first in _ENCLOSED_CAPITALS)
_ENCLOSED_WORD = re.compile(f"[{_ENCLOSED}](?:\ufe0f?[{_ENCLOSED}])+")
"""Two or more in a row: a word. One alone may be an emoji (🅰️ and 🅱️ are blood types)."""
_SMALL_CAPITALS_TABLE = str.maketrans(_SMALL_CAPITALS)
_SMALL_CAPITALS_WORD = re.compile(f"[{''.join(_SMALL_CAPITALS)}]{{2,}}")
_KEYCAP = "\u20e3"
"""The keycap around a digit ("1️⃣"): the digit is what is meant."""


def _letter(char: str) -> str:
    code = ord(char)
    first = max(f for f in _ENCLOSED_CAPITALS if f <= code)
    return chr(ord("A") + code - first)


def plain_letters(text: str) -> str:
    """``text`` with words of enclosed letters or of small capitals in plain letters, and
    keycaps left out."""
    if text.isascii():
        return text
    text = _ENCLOSED_WORD.sub(lambda m: "".join(_letter(c) for c in m[0] if c != "\ufe0f"), text)
    if _SMALL_CAPITALS_WORD.search(text):  # then a lone one is a word too ("ᴀ ʙɪᴛ")
        text = text.translate(_SMALL_CAPITALS_TABLE)
    return text.replace(_KEYCAP, "")
