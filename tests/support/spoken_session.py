"""A person speaking to the real voice loop: each utterance synthesized by espeak-ng when the
loop listens, and heard through the real endpointer and speech engine.

Lines are chosen as the conversation goes (a callable gets everything voicepeer has said so
far), so a test can answer what voicepeer actually heard, as a person would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from tests.support.speech_audio import RATE, silence, utterances, with_hiss, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.recognition.base import Heard, ListenMode
from voicepeer.recognition.engine import Recognizer
from voicepeer.recognition.listener import AudioListener

Line = str | Callable[[list[str]], str | None]
TRAILING_SILENCE_S = 3.5
"""Longer than the dictation pause that ends an utterance."""


class SpokenInput:
    """An audio input holding one utterance at a time (never exact digital silence). With
    ``wav_folder`` each utterance is written there as a WAV file and read back from it by
    voicepeer's own WAV input."""

    def __init__(self, wav_folder: Path | None = None) -> None:
        self._pcm = b""
        self._seed = 0
        self._wav_folder = wav_folder

    @property
    def sample_rate(self) -> int:
        return RATE

    def speak(self, text: str) -> None:
        self._seed += 1
        speech = utterances([text], seed=self._seed)
        tail = with_hiss(silence(TRAILING_SILENCE_S), seed=self._seed + 1000)
        samples = np.concatenate([speech, tail])
        self._pcm = samples.tobytes()
        if self._wav_folder is not None:
            path = write_wav(self._wav_folder / f"utterance{self._seed}.wav", samples)
            wav = WavFileInput(path)
            self._pcm = wav.read(wav.duration_s)

    def read(self, seconds: float) -> bytes:
        size = int(RATE * seconds) * 2
        chunk, self._pcm = self._pcm[:size], self._pcm[size:]
        return chunk

    def discard_pending(self) -> None:
        """Nothing is captured while voicepeer speaks: each utterance is made on demand."""

    def close(self) -> None:
        self._pcm = b""


@dataclass
class SpokenListener:
    """Speaks ``lines`` one per :meth:`listen`; ``said`` returns what voicepeer said so far."""

    recognizer: Recognizer
    lines: Iterable[Line]
    said: Callable[[], list[str]]
    wav_folder: Path | None = None
    """Where each utterance is written as a WAV file and read back (None: in memory)."""
    spoken: list[str] = field(default_factory=list)
    heard: list[Heard] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    """The context the voice loop listened in, for each utterance."""

    def __post_init__(self) -> None:
        self._lines = iter(self.lines)
        self._input = SpokenInput(self.wav_folder)
        self._listener = AudioListener(self._input, self.recognizer)

    def listen(self, mode: ListenMode, context: str = "") -> Heard | None:
        line = next(self._lines, None)
        text = line(self.said()) if callable(line) else line
        if text is None:
            return None
        self.spoken.append(text)
        self.contexts.append(context)
        self._input.speak(text)
        heard = self._listener.listen(mode, context)
        if heard is not None:
            self.heard.append(heard)
        return heard

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        self._listener.use_dictation_context(sentences, own_words)

    def close(self) -> None:
        self._input.close()
