"""Posts made ready to be read aloud, with the person's own reading preferences.

Pronunciations (the lexicon) are applied by the speech output itself, so printed speech
shows the words as written. A long post is read in pages of whole paragraphs
(:meth:`PostReader.page`); reading a post whole says its first page and how much is left.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

from voicepeer.forum.base import Post
from voicepeer.speech.text import cooked_paragraphs, markdown_paragraphs

MAX_SPOKEN_WORDS = 1_500
"""Most words read from one post in one go: about ten minutes at 160 words a minute. A
post of a megabyte would otherwise be read for a day."""
EMPTY_POST = "This post has no words I can read."
_Converted = tuple[tuple[str, ...], tuple[int, ...]]
"""A post's paragraphs and the words in each."""
_POSTS_KEPT = 4
"""Posts whose paragraphs are kept, so paging through a long one converts it only once."""


@dataclass(frozen=True)
class PostPage:
    """Some paragraphs of a post, in order, and where the rest begins."""

    paragraphs: tuple[str, ...]
    start: int
    """Index of the first paragraph shown (0 for the start of the post)."""
    total: int
    """Paragraphs in the whole post."""
    words_left: int
    """Words in the paragraphs after this page."""

    @property
    def next_start(self) -> int | None:
        """Index of the paragraph the next page starts at; ``None`` at the end of the post."""
        end = self.start + len(self.paragraphs)
        return end if end < self.total else None

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


class PostReader:
    """Turns a post into speakable text: markup converted, muted words left out."""

    def __init__(self, *, skip_quotes: bool = False, muted_words: tuple[str, ...] = (),
                 max_words: int = MAX_SPOKEN_WORDS) -> None:
        self._skip_quotes = skip_quotes
        self._max_words = max(1, max_words)
        words = [re.escape(w.strip()) for w in muted_words if w.strip()]
        self._muted = (re.compile(r"\b(?:" + "|".join(words) + r")\w*", re.IGNORECASE)
                       if words else None)
        self._kept: OrderedDict[tuple[int, str, str | None], _Converted] = OrderedDict()

    def __call__(self, post: Post) -> str:
        page = self.page(post)
        if not page.paragraphs:
            return EMPTY_POST
        if page.next_start is None:
            return page.text
        return (f"{page.text}\nThis long post goes on for about {_about(page.words_left)} "
                "more words; I stop here.")

    def paragraphs(self, post: Post) -> tuple[str, ...]:
        """The post's spoken paragraphs, in order (converted once while the post is recent)."""
        return self._converted(post)[0]

    def page(self, post: Post, start: int = 0) -> PostPage:
        """Whole paragraphs from ``start`` up to :data:`MAX_SPOKEN_WORDS` words (at least one)."""
        paragraphs, counts = self._converted(post)
        start = min(max(start, 0), len(paragraphs))
        end, words = start, 0
        while end < len(paragraphs) and (end == start or words + counts[end] <= self._max_words):
            words += counts[end]
            end += 1
        return PostPage(paragraphs[start:end], start, len(paragraphs),
                        words_left=sum(counts[end:]))

    def _converted(self, post: Post) -> _Converted:
        key = (post.id, post.cooked, post.raw)  # an edited post is converted again
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            return kept
        if post.cooked:
            paragraphs = cooked_paragraphs(post.cooked, skip_quotes=self._skip_quotes)
        else:
            paragraphs = markdown_paragraphs(post.raw or "", skip_quotes=self._skip_quotes)
        if self._muted is not None:
            paragraphs = [self._muted.sub("a muted word", p) for p in paragraphs]
        kept = tuple(paragraphs), tuple(len(p.split()) for p in paragraphs)
        self._kept[key] = kept
        if len(self._kept) > _POSTS_KEPT:
            self._kept.popitem(last=False)
        return kept


def _about(words: int) -> str:
    """A word count as said: exact when small, rounded when large ("about 148,000")."""
    if words < 1_000:
        return str(words)
    step = 100 if words < 10_000 else 1_000
    return f"{round(words / step) * step:,}"
