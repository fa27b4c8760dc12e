"""Interfaces for audio devices. Implementations: sounddevice streams and WAV files."""

from __future__ import annotations

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
    """A sink for 16-bit mono PCM (a speaker or a WAV file)."""

    def play(self, pcm: bytes, sample_rate: int) -> None:
        """Play and block until done, or until :meth:`stop` is called from another thread."""
        ...

    def stop(self) -> None:
        """Stop playing at once; safe to call from any thread."""
        ...

    def close(self) -> None: ...
