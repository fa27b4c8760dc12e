"""Speech output as printed lines, for text mode and for machines without a speaker."""

from __future__ import annotations

import sys
from typing import TextIO

from voicepeer.speech.text.sanitize import one_line


class PrintedSpeech:
    """Prints every utterance on its own line, prefixed ``SAY: ``."""

    PREFIX = "SAY: "

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stdout

    def say(self, text: str) -> None:
        # One utterance is one line, so readers (people and tests) can follow the dialogue;
        # nothing in it may steer the terminal (escape sequences, bidi overrides).
        line = one_line(text)
        if line:
            print(f"{self.PREFIX}{line}", file=self._stream, flush=True)

    def stop(self) -> None:
        """Nothing to stop: printing is instant."""

    def take_interruption(self) -> bool:
        """Printing is instant: nothing is ever cut short."""
        return False

    def set_voice(self, *, rate_wpm: int, volume: float) -> None:
        """Printed speech has no voice."""

    def close(self) -> None:
        self._stream.flush()
