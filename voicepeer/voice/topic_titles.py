"""Finding a topic of the list by words of its title ("open the one about heat").

People remember what a topic was about more readily than its number in a list read a
minute ago. The words said are compared with each title by rapidfuzz's partial ratio (the
best-matching stretch of the title), which forgives a plural or a word heard a letter off
("walking sticks" for "a walking stick") where comparing whole titles would not.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from voicepeer.commands.natural import says_nothing
from voicepeer.commands.text import normalize

MIN_TITLE_SCORE = 85.0
"""Lowest partial-ratio score (0-100) for a title to be about the words said."""
TIE_MARGIN = 5.0
"""Titles scoring within this of the best are as likely: the person is asked which."""
_LEADING_ARTICLES = ("the ", "a ", "an ")


def titles_about(words: str, titles: Sequence[str]) -> list[int]:
    """The indexes of the ``titles`` about ``words``, the likeliest first: one when one
    title is clearly meant, several when they are as likely, none when none is."""
    wanted = normalize(words)
    for article in _LEADING_ARTICLES:
        wanted = wanted.removeprefix(article)
    if says_nothing(wanted):
        return []
    scores = [fuzz.partial_ratio(wanted, normalize(title)) for title in titles]
    best = max(scores, default=0.0)
    if best < MIN_TITLE_SCORE:
        return []
    likely = [i for i, score in enumerate(scores) if score >= best - TIE_MARGIN]
    return sorted(likely, key=lambda i: -scores[i])
