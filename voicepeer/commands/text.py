"""Text as the interpreter's rules compare it."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w' ]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalize(text: str) -> str:
    """Lower case, compatibility forms folded (full-width letters, ligatures), curly
    apostrophes straightened, punctuation and control characters removed, single spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return " ".join(_NON_WORD.sub(" ", folded).replace("_", " ").split())
