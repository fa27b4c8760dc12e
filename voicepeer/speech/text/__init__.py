"""Forum text made ready for speech: cooked HTML or raw markdown in, safe plain sentences out.

Every path ends in :func:`~voicepeer.speech.text.sanitize.speakable`, so post content can
never reach a synthesizer as markup or control sequences.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Mapping

from voicepeer.speech.text.censored import censored_words
from voicepeer.speech.text.emoji import emoticon_words, set_apart, unicode_emoji_words
from voicepeer.speech.text.html import (
    cooked_lines,
    cooked_lines_and_headings,
    spoken_mentions,
    spoken_name,
)
from voicepeer.speech.text.lexicon import Lexicon, load_lexicon
from voicepeer.speech.text.markdown import markdown_lines
from voicepeer.speech.text.numbers import speak_numbers, vulgar_fractions
from voicepeer.speech.text.polls import PollTally
from voicepeer.speech.text.sanitize import is_speakable, normalize, speakable
from voicepeer.speech.text.scripts import foreign_text_words
from voicepeer.speech.text.sentences import split_sentences
from voicepeer.speech.text.symbols import spoken_symbols
from voicepeer.speech.text.timefmt import spoken_age

_SENTENCE_END = (".", "!", "?", "…", ":", ";", ",")

__all__ = [
    "Lexicon",
    "cooked_paragraphs",
    "cooked_parts",
    "cooked_to_speech",
    "is_speakable",
    "load_lexicon",
    "markdown_paragraphs",
    "markdown_to_speech",
    "plain_to_speech",
    "split_sentences",
    "spoken_age",
    "spoken_name",
]


MAX_PARAGRAPH_WORDS = 250
"""Longest spoken paragraph: a longer block is cut between sentences, so a post can be paged
through in pieces of a sensible size even when it is one endless paragraph."""


def _pieces(text: str) -> list[str]:
    """``text`` in pieces of at most :data:`MAX_PARAGRAPH_WORDS` words, cut between sentences."""
    if text.count(" ") < MAX_PARAGRAPH_WORDS:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    words = 0
    for sentence in split_sentences(text, MAX_PARAGRAPH_WORDS):
        count = sentence.count(" ") + 1
        if current and words + count > MAX_PARAGRAPH_WORDS:
            pieces.append(" ".join(current))
            current, words = [], 0
        current.append(sentence)
        words += count
    if current:
        pieces.append(" ".join(current))
    return pieces


def _finish(
    lines: Iterable[str], lexicon: Lexicon | None, *, emoji_in_brackets: bool = False
) -> list[str]:
    return _finish_marked(lines, (), lexicon, emoji_in_brackets=emoji_in_brackets)[0]


def _finish_marked(
    lines: Iterable[str],
    marked: Collection[int],
    lexicon: Lexicon | None,
    *,
    emoji_in_brackets: bool = False,
) -> tuple[list[str], frozenset[int]]:
    """The lines made speakable, as paragraphs; and which paragraphs the ``marked`` lines
    became (the first of each, when one was cut in pieces)."""
    spoken: list[str] = []
    became: set[int] = set()
    for number, line in enumerate(lines):
        first = len(spoken)
        # Emoji first: normalizing drops the zero-width joiners that make 👩‍🦽 one emoji,
        # and the marks that set emoji apart (a look-alike ":)" is an emoticon after NFKC).
        line = unicode_emoji_words(vulgar_fractions(line))
        line = emoticon_words(unicodedata.normalize("NFKC", line))
        line = set_apart(line, in_brackets=emoji_in_brackets)
        for part in normalize(line).split("\n"):
            text = censored_words(foreign_text_words(spoken_mentions(part)))
            text = speak_numbers(spoken_symbols(text))
            if lexicon is not None:
                text = lexicon.apply(text)
            text = speakable(text)
            if text:
                # Each line is a spoken sentence: a capital and a full stop give it the
                # falling tone of a sentence end.
                text = text[:1].upper() + text[1:]
                spoken.extend(_pieces(text if text.endswith(_SENTENCE_END) else text + "."))
        if number in marked and len(spoken) > first:
            became.add(first)
    return spoken, frozenset(became)


def cooked_paragraphs(
    html: str,
    *,
    skip_quotes: bool = False,
    lexicon: Lexicon | None = None,
    polls: Mapping[str, PollTally] | None = None,
    emoji_in_brackets: bool = False,
) -> list[str]:
    """Discourse ``cooked`` HTML as speakable paragraphs (spoken blocks), in order: the unit
    a long post is paged by. One pass over the HTML, however long or deep. ``polls``: the
    live counts of the post's polls, by name. ``emoji_in_brackets``: for a piece said inside
    a sentence (see :func:`~voicepeer.speech.text.emoji.set_apart`)."""
    lines = cooked_lines(html, skip_quotes=skip_quotes, polls=polls)
    return _finish(lines, lexicon, emoji_in_brackets=emoji_in_brackets)


def cooked_parts(
    html: str, *, skip_quotes: bool = False, polls: Mapping[str, PollTally] | None = None
) -> tuple[list[str], frozenset[int]]:
    """:func:`cooked_paragraphs`, and which of them are the post's own headings (``<h1>``
    to ``<h6>``, not a quote's): the places a long post is best paused at."""
    lines, headings = cooked_lines_and_headings(html, skip_quotes=skip_quotes, polls=polls)
    return _finish_marked(lines, headings, None)


def markdown_paragraphs(
    raw: str, *, skip_quotes: bool = False, lexicon: Lexicon | None = None
) -> list[str]:
    """Raw Discourse markdown (drafts, posts without cooked HTML) as speakable paragraphs."""
    return _finish(markdown_lines(raw, skip_quotes=skip_quotes), lexicon)


def cooked_to_speech(
    html: str, *, skip_quotes: bool = False, lexicon: Lexicon | None = None
) -> str:
    """Discourse ``cooked`` HTML as speakable text, one spoken block per line."""
    return "\n".join(cooked_paragraphs(html, skip_quotes=skip_quotes, lexicon=lexicon))


def markdown_to_speech(
    raw: str, *, skip_quotes: bool = False, lexicon: Lexicon | None = None
) -> str:
    """Raw Discourse markdown (drafts, posts without cooked HTML) as speakable text."""
    return "\n".join(markdown_paragraphs(raw, skip_quotes=skip_quotes, lexicon=lexicon))


def plain_to_speech(text: str, *, lexicon: Lexicon | None = None) -> str:
    """Any other text voicepeer says (titles, usernames, its own prompts), made safe."""
    return "\n".join(_finish(text.splitlines() or [""], lexicon))
