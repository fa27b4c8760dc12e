"""Posts made ready to be read aloud, with the person's own reading preferences."""

from __future__ import annotations

import re
from pathlib import Path

from voicepeer import paths
from voicepeer.forum.base import Post
from voicepeer.settings import Settings
from voicepeer.speech.text import Lexicon, cooked_to_speech, load_lexicon, markdown_to_speech


class PostReader:
    """Turns a post into speakable text: markup converted, pronunciations applied, muted
    words left out."""

    def __init__(self, settings: Settings) -> None:
        lexicon_path = (Path(settings.speech.lexicon_path) if settings.speech.lexicon_path
                        else paths.config_dir() / "lexicon.toml")
        self._lexicon: Lexicon = load_lexicon(lexicon_path)
        self._skip_quotes = settings.speech.skip_quotes
        words = [re.escape(w.strip()) for w in settings.voice.muted_words if w.strip()]
        self._muted = (re.compile(r"\b(?:" + "|".join(words) + r")\w*", re.IGNORECASE)
                       if words else None)

    def __call__(self, post: Post) -> str:
        if post.cooked:
            text = cooked_to_speech(post.cooked, skip_quotes=self._skip_quotes,
                                    lexicon=self._lexicon)
        else:
            text = markdown_to_speech(post.raw or "", skip_quotes=self._skip_quotes,
                                      lexicon=self._lexicon)
        if self._muted is not None:
            text = self._muted.sub("a muted word", text)
        return text or "This post has no words I can read."
