"""Words a forum censored, said as such.

Discourse hides a censored watched word by putting a black square (U+25A0) in place of each
of its letters (its markdown ``censored`` feature, in cooked posts; its web page does the same
to titles itself, which reach voicepeer as written), so a speech engine would read "my ■■■■■■
neurologist" as "my black black black black black black neurologist". A single square is
left alone: people use it as a bullet.
"""

from __future__ import annotations

import re

_CENSORED = re.compile("\u25a0{2,}")


def censored_words(text: str) -> str:
    """``text`` with every word the forum blacked out said as "censored"."""
    return _CENSORED.sub(" censored ", text)
