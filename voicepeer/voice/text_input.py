"""Typed input: each line is one utterance. For ``--input text`` and for people who type."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from voicepeer.recognition.base import Heard, ListenMode


class TextListener:
    """Reads utterances from a text stream, one per line; typed text is certain (confidence 1)."""

    def __init__(self, stream: TextIO | None = None, prompt: str | None = None) -> None:
        self._stream = stream or sys.stdin
        self._prompt = prompt

    def listen(self, mode: ListenMode, context: str = "") -> Heard | None:
        while True:
            if self._prompt and self._stream.isatty():
                print(self._prompt, end="", flush=True)
            line = self._stream.readline()
            if not line:
                return None
            text = line.strip()
            if text:
                return Heard(text)

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        """Typed words are exact: nothing to bias."""

    def close(self) -> None:
        """The stream belongs to the caller; nothing to release."""
