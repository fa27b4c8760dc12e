"""The person's key press during speech, for tests of the voice loop.

The one stand-in in those tests: printed speech that stops itself while saying a chosen
line, as the stop key does from its own thread (through the same TrackedSpeech).
"""

from __future__ import annotations

import io

from voicepeer.speech.printed import PrintedSpeech
from voicepeer.voice.push_to_talk import TrackedSpeech


class KeyPressedDuring:
    """Printed speech where the stop key is pressed while each marker is being said (once
    per marker, in order)."""

    def __init__(self, markers: list[str]) -> None:
        self.out = io.StringIO()
        self.printed = PrintedSpeech(self.out)
        self.markers = list(markers)
        self.tracked = TrackedSpeech(self)
        self._cut_short = False

    def say(self, text: str) -> None:
        self.printed.say(text)
        if self.markers and self.markers[0] in text:
            self.markers.pop(0)
            self._cut_short = True  # the key came before the line was done
            self.tracked.stop()

    @property
    def said(self) -> list[str]:
        return [
            line.removeprefix(PrintedSpeech.PREFIX) for line in self.out.getvalue().splitlines()
        ]

    def stop(self) -> None:
        """Printing is instant: only a press while a marked line is said cuts it short."""

    def take_interruption(self) -> bool:
        cut_short, self._cut_short = self._cut_short, False
        return cut_short

    def set_voice(self, *, rate_wpm: int, volume: float) -> None:
        """Printed speech has no voice."""

    def close(self) -> None:
        """Nothing to release."""
