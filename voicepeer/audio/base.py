"""Interfaces for audio devices. Implementations: sounddevice streams and WAV files."""

from __future__ import annotations

import threading
from typing import Protocol

INPUT_SAMPLE_RATE = 16_000
"""Sample rate (Hz) of all audio handed to recognizers: 16-bit signed, mono."""


class AudioInput(Protocol):
    """A source of 16-bit mono PCM at ``sample_rate`` (a microphone or a WAV file)."""

    @property
    def sample_rate(self) -> int: ...

    def read(self, seconds: float) -> bytes:
        """Block until ``seconds`` of audio are there and return them; ``b""`` at end of input."""
        ...

    def discard_pending(self) -> None:
        """Drop audio captured while voicepeer itself was speaking (half-duplex)."""
        ...

    def close(self) -> None: ...


class AudioOutput(Protocol):
    """A sink for 16-bit mono PCM (a speaker or a WAV file).

    Speech plays one utterance as several pieces (a sentence at a time), announced by
    :meth:`begin_utterance` and :meth:`end_utterance`; a sink that keeps what it is given
    (a WAV file) keeps the utterance whole, a speaker just plays the pieces in turn.
    """

    def begin_utterance(self) -> None:
        """The plays from now until :meth:`end_utterance` are pieces of one utterance."""
        ...

    def end_utterance(self) -> None:
        """The utterance begun by :meth:`begin_utterance` is over (finished or cut short)."""
        ...

    def play(self, pcm: bytes, sample_rate: int, *, cancel: threading.Event | None = None) -> None:
        """Play and block until done; return at once when ``cancel`` is set (before or
        during the play) or :meth:`stop` is called from another thread."""
        ...

    def stop(self) -> None:
        """Stop playing at once; safe to call from any thread."""
        ...

    def hold(self, held: bool) -> None:
        """Play silence in place of the audio while ``held``, keeping the place in it, so
        a person can be heard over it; safe to call from any thread."""
        ...

    def close(self) -> None: ...
