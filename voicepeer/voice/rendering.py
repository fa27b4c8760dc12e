"""Posts made ready to be read aloud, with the person's own reading preferences.

Pronunciations (the lexicon) are applied by the speech output itself, so printed speech
shows the words as written. A post is converted once into paragraphs, the unit it is read and
moved through by (voice.paragraphs); a long one is read a page of whole paragraphs at a time
(:meth:`PostRenderer.page`), each page cut from its stored word counts without converting again.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from itertools import accumulate

from voicepeer.forum.base import Post
from voicepeer.speech.text import cooked_paragraphs, markdown_paragraphs

MAX_SPOKEN_WORDS = 1_500
"""Most words read from one post in one go: about ten minutes at 160 words a minute. A
post of a megabyte would otherwise be read for a day."""
EMPTY_POST = "This post has no words I can read."
_Converted = tuple[tuple[str, ...], tuple[int, ...]]
"""A post's paragraphs and the words before each (a running total, one longer: the last is
the whole post's), so any page's word counts are a subtraction."""
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
    post_words: int
    """Words in the whole post."""

    @property
    def next_start(self) -> int | None:
        """Index of the paragraph the next page starts at; ``None`` at the end of the post."""
        end = self.start + len(self.paragraphs)
        return end if end < self.total else None

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def one_paragraph(text: str) -> PostPage:
    """``text`` as the whole of a post, in one paragraph."""
    return PostPage((text,), start=0, total=1, words_left=0, post_words=len(text.split()))


class PostRenderer:
    """Turns a post into speakable text: markup converted, muted words left out."""

    def __init__(
        self,
        *,
        skip_quotes: bool = False,
        muted_words: tuple[str, ...] = (),
        max_words: int = MAX_SPOKEN_WORDS,
    ) -> None:
        self._skip_quotes = skip_quotes
        self._max_words = max(1, max_words)
        words = [re.escape(w.strip()) for w in muted_words if w.strip()]
        self._muted = (
            re.compile(r"\b(?:" + "|".join(words) + r")\w*", re.IGNORECASE) if words else None
        )
        self._kept: OrderedDict[tuple[object, ...], _Converted] = OrderedDict()

    def paragraphs(self, post: Post) -> tuple[str, ...]:
        """The post's spoken paragraphs, in order (converted once while the post is recent)."""
        return self._converted(post)[0]

    def page(self, post: Post, start: int = 0) -> PostPage:
        """Whole paragraphs from ``start`` up to :data:`MAX_SPOKEN_WORDS` words (at least one)."""
        paragraphs, words_before = self._converted(post)
        start = min(max(start, 0), len(paragraphs))
        end = start
        while end < len(paragraphs) and (
            end == start or words_before[end + 1] - words_before[start] <= self._max_words
        ):
            end += 1
        return PostPage(
            paragraphs[start:end],
            start,
            len(paragraphs),
            words_left=words_before[-1] - words_before[end],
            post_words=words_before[-1],
        )

    def _converted(self, post: Post) -> _Converted:
        key = (post.id, post.cooked, post.raw, post.polls)  # an edited post is converted again
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            return kept
        if post.cooked:
            polls = {poll.name: poll for poll in post.polls}
            paragraphs = cooked_paragraphs(post.cooked, skip_quotes=self._skip_quotes, polls=polls)
        else:
            paragraphs = markdown_paragraphs(post.raw or "", skip_quotes=self._skip_quotes)
        if self._muted is not None:
            paragraphs = [self._muted.sub("a muted word", p) for p in paragraphs]
        kept = tuple(paragraphs), tuple(accumulate((len(p.split()) for p in paragraphs), initial=0))
        self._kept[key] = kept
        if len(self._kept) > _POSTS_KEPT:
            self._kept.popitem(last=False)
        return kept
