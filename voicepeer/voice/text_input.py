"""Typed input: each line is one utterance. For ``--input text`` and for people who type."""

from __future__ import annotations

import queue
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TextIO

from voicepeer.recognition.base import Heard, ListenMode

QUIET_CHECK_S = 0.5
"""Seconds between two calls of ``on_quiet`` while no line comes."""


class TextListener:
    """Reads utterances from a text stream, one per line; typed text is certain (confidence 1).

    With ``on_quiet`` set, lines are read by a thread of their own, so that while the person
    types nothing ``on_quiet()`` is called every :data:`QUIET_CHECK_S` (it may say what
    happened meanwhile; True when it did); each line is then heard with when it was typed,
    which may be while voicepeer was still busy with the line before."""

    def __init__(self, stream: TextIO | None = None, prompt: str | None = None) -> None:
        self._stream = stream or sys.stdin
        self._prompt = prompt
        self.on_quiet: Callable[[], bool] | None = None
        self._lines: queue.Queue[tuple[str, float]] | None = None

    def listen(self, mode: ListenMode, context: str = "") -> Heard | None:
        while True:
            self._show_prompt()
            line, typed_at = self._next_line()
            if not line:
                return None
            text = line.strip()
            if text:
                return Heard(text, said_at=typed_at)

    def _show_prompt(self) -> None:
        if self._prompt and self._stream.isatty():
            print(self._prompt, end="", flush=True)

    def _next_line(self) -> tuple[str, float | None]:
        """The next line ("" at the end of the input) and when it was typed, if known."""
        if self.on_quiet is None:
            return self._stream.readline(), None
        if self._lines is None:
            self._lines = queue.Queue()
            threading.Thread(target=self._read_lines, name="typed-lines", daemon=True).start()
        while True:
            try:
                return self._lines.get(timeout=QUIET_CHECK_S)
            except queue.Empty:
                if self.on_quiet():
                    self._show_prompt()

    def _read_lines(self) -> None:
        assert self._lines is not None
        while True:
            try:
                line = self._stream.readline()
            except (OSError, ValueError):  # closed under us: the input has ended
                line = ""
            self._lines.put((line, time.monotonic()))
            if not line:
                return

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        """Typed words are exact: nothing to bias."""

    def close(self) -> None:
        """The stream belongs to the caller; nothing to release."""
