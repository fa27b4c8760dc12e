r"""Watched words, as a Discourse site's moderators set them (WordWatcher): a word may send
a post to the moderation queue, refuse it, or be censored where it is shown.

Matching is case-insensitive, on whole words: a word counts where neither side joins it to
another word (WordWatcher's ``(?:[^[:word:]]|^)(word)(?=[^[:word:]]|$)``); a ``*`` in a
word stands for any letters (``\S*``). Staff are never refused (WordWatcher.exempt_user?).
Censoring happens as a post is cooked: each letter of the word becomes a black square (the
markdown "censored" feature, censorFn), in the text only, never in a tag; ``raw`` keeps the
word, and /site.json lists the words as ``censored_regexp`` for the web page to censor
titles itself, in JavaScript's syntax, where a whole word is one with no letter beside it
(``\P{L}``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

BLACK_SQUARE = "\u25a0"
"""censored.js: String.fromCharCode(9632)."""
_TAG = re.compile(r"(<[^>]*>)")


_SPECIAL = re.compile(r"([.*+?^${}()|\[\]\\])")
"""The characters WordWatcher.word_to_regexp escapes."""


def _word_regexp(word: str) -> str:
    return _SPECIAL.sub(r"\\\1", word.strip()).replace("\\*", r"\S*")


def _pattern(word: str) -> str:
    return rf"(?:[^\w]|^)({_word_regexp(word)})(?=[^\w]|$)"


def matches(words: Iterable[str], text: str) -> list[str]:
    """The watched words found in ``text``, each as the list gives it."""
    return [w for w in words if w.strip() and re.search(_pattern(w), text, re.IGNORECASE)]


def blocked_errors(words: Iterable[str], text: str) -> list[str]:
    """NewPostManager's refusal of a post whose title or words hold a blocked word
    (server.en.yml contains_blocked_word / contains_blocked_words)."""
    found = matches(words, text)
    if not found:
        return []
    if len(found) == 1:
        return [f"Sorry, you can't post the word '{found[0]}'; it's not allowed."]
    return [f"Sorry, you can't post that. Not allowed: {', '.join(found)}."]


def censor(cooked: str, words: Iterable[str]) -> str:
    """Cooked HTML with every censored word blacked out, letter for letter."""
    patterns = [re.compile(_pattern(w), re.IGNORECASE) for w in words if w.strip()]
    if not patterns:
        return cooked

    def black(match: re.Match[str]) -> str:
        start, end = match.span(1)
        whole = match.group(0)
        offset = match.start(0)
        return whole[: start - offset] + BLACK_SQUARE * (end - start) + whole[end - offset :]

    parts = _TAG.split(cooked)
    for index in range(0, len(parts), 2):  # the text between tags
        for pattern in patterns:
            parts[index] = pattern.sub(black, parts[index])
    return "".join(parts)


def censored_regexp(words: Iterable[str]) -> list[dict[str, dict[str, bool]]]:
    """SiteSerializer#censored_regexp: the words as one case-insensitive expression for the
    browser (WordWatcher.serialized_regexps_for_action with the :js engine)."""
    alternatives = "|".join(_word_regexp(w) for w in words if w.strip())
    if not alternatives:
        return []
    return [{rf"(?:\P{{L}}|^)({alternatives})(?=\P{{L}}|$)": {"case_sensitive": False}}]
