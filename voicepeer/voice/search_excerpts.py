"""The piece of a post a search found, as it is said in the list of results: the sentence
with the words looked for, short.

A stock forum's blurb (Search::GroupedSearchResults.blurb_for: 300 characters on the full
search page) is the post as plain text, its headings, list items and paragraphs run together
with no stop between them ("Choosing a treatment This was the hardest part"), cut at any
character. Read whole, it was half a minute of listening for each topic found.
"""

from __future__ import annotations

import re

from voicepeer.speech.text.sentences import split_sentences

EXCERPT_WORDS = 20
"""Most words said of the post a search found, when more than the sentence with the words
looked for: the whole sentences after it that fit are said too."""
SENTENCE_WORDS = 30
"""Longest sentence said whole; a longer one is cut to :data:`EXCERPT_WORDS` around the words
looked for."""
CUT = "…"

_BLOCK_STARTS = (
    "The|This|That|These|Those|There|Here|It|It's|My|Our|Your|Their|We|You|They|He|She|"
    "But|So|And|Then|Also|What|How|When|Why|Who|If|After|Before|Nobody|Everyone|Some|Most"
)
_RUN_ON = re.compile(rf"(?<=[a-z0-9)])\s+(?=(?:{_BLOCK_STARTS})\b)")
"""A word that begins sentences, with a capital right after a word ending without a stop:
where the forum's plain text ran a heading or list item into the next block."""
_WORD = re.compile(r"\w+")


def found_words(excerpt: str, query: str) -> str:
    """The sentence of ``excerpt`` (a search blurb, as ``parse.excerpt_words`` gives it) with
    a word of ``query`` in it, and the whole sentences after it that fit in
    :data:`EXCERPT_WORDS`; "…" where the forum cut the sentence or a long one was cut here.
    With no word of ``query`` in it (the title matched), its first whole sentence."""
    text = excerpt.strip()
    cut_before, cut_after = text.startswith(CUT), text.endswith(CUT)
    text = text.removeprefix(CUT).removesuffix(CUT).strip()
    sentences = split_sentences(_RUN_ON.sub(". ", text), max_words=10_000)
    if not sentences:
        return excerpt
    looked_for = {w.lower() for w in _WORD.findall(query) if len(w) > 1}
    first = next(
        (i for i, s in enumerate(sentences) if _has_a_word(s, looked_for)),
        1 if cut_before and len(sentences) > 1 else 0,  # a fragment: the next whole one
    )
    words = sentences[first].split()
    if len(words) > SENTENCE_WORDS:
        return _cut_around(words, looked_for, cut_before and first == 0)
    whole = len(sentences) - 1 if cut_after else len(sentences)  # the last one was cut
    end = first + 1
    while end < whole and len(words) + len(sentences[end].split()) <= EXCERPT_WORDS:
        words += sentences[end].split()
        end += 1
    before = CUT + " " if cut_before and first == 0 else ""
    after = " " + CUT if first >= whole else ""
    return before + " ".join(words) + after


def _has_a_word(sentence: str, looked_for: set[str]) -> bool:
    """Whether a word of ``sentence`` begins with a word looked for (the forum finds
    "heated" and "heat's" for "heat")."""
    return any(w.lower().startswith(tuple(looked_for)) for w in _WORD.findall(sentence))


def _cut_around(words: list[str], looked_for: set[str], cut_before: bool) -> str:
    """:data:`EXCERPT_WORDS` of a long sentence's ``words``, from a little before the first
    word looked for."""
    at = next((i for i, w in enumerate(words) if _has_a_word(w, looked_for)), 0)
    start = max(0, min(at - EXCERPT_WORDS // 4, len(words) - EXCERPT_WORDS))
    piece = " ".join(words[start : start + EXCERPT_WORDS])
    before = CUT + " " if start > 0 or cut_before else ""
    after = " " + CUT if start + EXCERPT_WORDS < len(words) else ""
    return before + piece.rstrip(",;:") + after
