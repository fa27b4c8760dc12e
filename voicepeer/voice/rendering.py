"""Posts made ready to be read aloud, with the person's own reading preferences.

Pronunciations (the lexicon) are applied by the speech output itself, so printed speech
shows the words as written. A post is converted once into paragraphs, the unit it is read and
moved through by (voice.paragraphs); a long one is read a part of whole paragraphs at a time
(:meth:`PostRenderer.page`), each part cut from its stored word counts without converting
again, and ended where the post's own next heading begins when one is near.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from itertools import accumulate

from voicepeer.forum.base import Post
from voicepeer.speech.text import cooked_parts, markdown_paragraphs

PART_WORDS = 320
"""Words read from a post in one go unless told otherwise: two minutes at 160 words a
minute (the voice loop works it out from ``reading_part_s`` and the speaking rate)."""
EMPTY_POST = "This post has no words I can read."
HEADING_REACH = 1.25
"""A part may run on to this many times its words to end where a heading begins (or
where the post ends): a pause just before it would cut off a section's last lines."""
_Converted = tuple[tuple[str, ...], tuple[int, ...], frozenset[int]]
"""A post's paragraphs, the words before each (a running total, one longer: the last is
the whole post's), so any page's word counts are a subtraction, and which paragraphs are
the post's headings."""
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
    next_heading: str = ""
    """The heading the next page begins with, without its full stop: the name of the part
    that follows ("" when it begins with no heading, or at the end of the post)."""

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
    ) -> None:
        self._skip_quotes = skip_quotes
        words = [re.escape(w.strip()) for w in muted_words if w.strip()]
        self._muted = (
            re.compile(r"\b(?:" + "|".join(words) + r")\w*", re.IGNORECASE) if words else None
        )
        self._kept: OrderedDict[tuple[object, ...], _Converted] = OrderedDict()

    def paragraphs(self, post: Post) -> tuple[str, ...]:
        """The post's spoken paragraphs, in order (converted once while the post is recent)."""
        return self._converted(post)[0]

    def page(self, post: Post, start: int = 0, words: int = PART_WORDS) -> PostPage:
        """Whole paragraphs from ``start``, about ``words`` of them (at least one paragraph),
        ended before a heading where one is near (see :func:`part_end`)."""
        paragraphs, words_before, headings = self._converted(post)
        start = min(max(start, 0), len(paragraphs))
        end = part_end(words_before, headings, start, max(1, words))
        return PostPage(
            paragraphs[start:end],
            start,
            len(paragraphs),
            words_left=words_before[-1] - words_before[end],
            post_words=words_before[-1],
            next_heading=paragraphs[end].rstrip(".") if end in headings else "",
        )

    def _converted(self, post: Post) -> _Converted:
        key = (post.id, post.cooked, post.raw, post.polls)  # an edited post is converted again
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            return kept
        headings: frozenset[int] = frozenset()
        if post.cooked:
            polls = {poll.name: poll for poll in post.polls}
            paragraphs, headings = cooked_parts(
                post.cooked, skip_quotes=self._skip_quotes, polls=polls
            )
        else:
            paragraphs = markdown_paragraphs(post.raw or "", skip_quotes=self._skip_quotes)
        if self._muted is not None:
            paragraphs = [self._muted.sub("a muted word", p) for p in paragraphs]
        counts = tuple(accumulate((len(p.split()) for p in paragraphs), initial=0))
        kept = tuple(paragraphs), counts, headings
        self._kept[key] = kept
        if len(self._kept) > _POSTS_KEPT:
            self._kept.popitem(last=False)
        return kept


def part_end(
    words_before: tuple[int, ...], headings: frozenset[int], start: int, words: int
) -> int:
    """Where the part of a post that begins at paragraph ``start`` ends (the index after its
    last paragraph). The rest of the post whole when it is little more than ``words``;
    otherwise before the heading nearest to ``words`` from half of them to
    :data:`HEADING_REACH` times them; otherwise after the last paragraph within ``words``
    (at least one, and never a heading alone, cut off from what it names)."""
    total = len(words_before) - 1
    if start >= total:
        return total

    def said(end: int) -> int:
        return words_before[end] - words_before[start]

    reach = words * HEADING_REACH
    if said(total) <= reach:
        return total
    near = [h for h in headings if start < h < total and words / 2 <= said(h) <= reach]
    if near:
        return min(near, key=lambda h: abs(said(h) - words))
    end = start + 1
    while end < total and said(end + 1) <= words:
        end += 1
    if end - 1 in headings and end < total:
        end += 1
    return end
