"""The streaming recognizer interface both speech engines implement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from voicepeer.recognition.base import Heard, HeardWord, ListenMode, Phrasebook


@dataclass(frozen=True)
class Recognition:
    """An engine's verdict on one utterance."""

    text: str
    """Best reading, lower case; empty when nothing usable was recognized."""
    confidence: float
    """0.0 (a guess) to 1.0 (certain)."""
    alternatives: tuple[str, ...] = ()
    """Other readings, best first, without ``text`` (n-best)."""
    out_of_grammar: bool = False
    """True when, in command mode, the engine judged the speech to be outside the command
    grammar (Vosk ``[unk]``, or PocketSphinx's filler path)."""
    words: tuple[HeardWord, ...] = ()
    """Per-word confidence and alternatives of ``text`` (dictation)."""
    passes: tuple[str, ...] = ()
    """Readings of the same audio by other decoding passes (see ``Heard.passes``)."""

    def as_heard(self) -> Heard:
        return Heard(
            self.text, self.confidence, self.alternatives, words=self.words, passes=self.passes
        )


class Recognizer(Protocol):
    """A speech engine that decodes one utterance at a time from streamed PCM.

    Usage: :meth:`start` in a mode, :meth:`accept` 16 kHz mono int16 chunks (any size),
    :meth:`partial` at any time, :meth:`finish` for the result. Command and dictation
    modes are separate configurations of the engine.
    """

    @property
    def sample_rate(self) -> int: ...

    @property
    def phrasebook(self) -> Phrasebook:
        """What the engine was told may be said (by the interpreter)."""
        ...

    def start(self, mode: ListenMode, context: str = "") -> None:
        """Begin a new utterance, abandoning any unfinished one. ``context`` names the
        phrase set of the engine's :class:`Phrasebook` to decode with ("" for every
        command)."""
        ...

    def accept(self, pcm: bytes) -> None: ...

    def partial(self) -> str:
        """The best reading of the audio so far (may change)."""
        ...

    def peek(self) -> Recognition | None:
        """The best reading of the utterance so far as the final result would give it,
        without ending it (``None`` in dictation). Used to end a complete command early."""
        ...

    def finish(self) -> Recognition:
        """End the utterance and return the final result."""
        ...

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        """As :meth:`Listener.use_dictation_context`; an engine that cannot be biased
        ignores it."""
        ...

    def close(self) -> None: ...


def decode(
    recognizer: Recognizer,
    pcm: bytes,
    mode: ListenMode,
    chunk_s: float = 0.1,
    context: str = "",
) -> Recognition:
    """Decode a whole utterance at once (used for second passes and in tests)."""
    recognizer.start(mode, context)
    step = max(2, int(recognizer.sample_rate * chunk_s) * 2)
    for offset in range(0, len(pcm), step):
        recognizer.accept(pcm[offset : offset + step])
    return recognizer.finish()
