"""Posts made ready to be read aloud, with the person's own reading preferences.

Pronunciations (the lexicon) are applied by the speech output itself, so printed speech
shows the words as written.
"""

from __future__ import annotations

import re

from voicepeer.forum.base import Post
from voicepeer.speech.text import cooked_to_speech, markdown_to_speech


class PostReader:
    """Turns a post into speakable text: markup converted, muted words left out."""

    def __init__(self, *, skip_quotes: bool = False, muted_words: tuple[str, ...] = ()) -> None:
        self._skip_quotes = skip_quotes
        words = [re.escape(w.strip()) for w in muted_words if w.strip()]
        self._muted = (re.compile(r"\b(?:" + "|".join(words) + r")\w*", re.IGNORECASE)
                       if words else None)

    def __call__(self, post: Post) -> str:
        if post.cooked:
            text = cooked_to_speech(post.cooked, skip_quotes=self._skip_quotes)
        else:
            text = markdown_to_speech(post.raw or "", skip_quotes=self._skip_quotes)
        if self._muted is not None:
            text = self._muted.sub("a muted word", text)
        return text or "This post has no words I can read."
