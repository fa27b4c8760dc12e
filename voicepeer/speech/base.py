"""Interface for speech output. Implementations: pyttsx3 / espeak-ng streamed to an
AudioOutput (speech.streaming), printed text (speech.printed), and a speaker that turns to
print when it fails (speech.fallback)."""

from __future__ import annotations

from typing import Protocol


class SpeechOutput(Protocol):
    """Says sentences to the user."""

    def say(self, text: str) -> None:
        """Speak ``text`` (plain text, already prepared for speech) and block until done.

        Returns early when :meth:`stop` is called from another thread.
        """
        ...

    def stop(self) -> None:
        """Stop speaking at once; safe to call from any thread."""
        ...

    def take_interruption(self) -> bool:
        """Whether :meth:`stop` cut a :meth:`say` short since the last call (then forgotten)."""
        ...

    def set_voice(self, *, rate_wpm: int, volume: float) -> None:
        """Change speaking rate (words per minute) and volume (0.0 to 1.0) for later sentences."""
        ...

    def close(self) -> None: ...
