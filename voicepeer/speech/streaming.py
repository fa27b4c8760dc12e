"""Streaming, interruptible speech: synthesize sentence by sentence, play while the next renders.

A producer thread renders up to ``lookahead`` sentences ahead of the one playing, so the
first sentence of a long post is heard after one sentence's synthesis, not the whole
post's. ``stop()`` and ``pause()`` work from any thread at any moment (while waiting for
synthesis too) and silence the speaker within one audio block.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from voicepeer.audio.base import AudioOutput
from voicepeer.errors import SpeechEngineError, VoicepeerError
from voicepeer.speech.settings import clamp_rate
from voicepeer.speech.synth import Speech, Synthesizer
from voicepeer.speech.text import Lexicon, split_sentences
from voicepeer.speech.text.sanitize import speakable

log = logging.getLogger(__name__)

SpeechEventListener = Callable[[str, int], None]
"""Called with ("synthesized" | "playing" | "played" | "stopped", sentence index)."""

_POLL_S = 0.02


@dataclass
class _Job:
    sentences: list[str]
    start: int
    cancel: threading.Event
    results: queue.Queue[Speech | VoicepeerError | None]


@dataclass
class _Paused:
    sentences: list[str] = field(default_factory=list)
    index: int = 0


def scale_volume(pcm: bytes, volume: float) -> bytes:
    """Scale int16 samples by ``volume`` (0..1); works the same for every synthesizer."""
    if volume >= 0.999:
        return pcm
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32)
    return np.clip(samples * max(volume, 0.0), -32768, 32767).astype("<i2").tobytes()


class StreamingSpeech:
    """A :class:`~voicepeer.speech.base.SpeechOutput` that streams sentences to an AudioOutput."""

    def __init__(
        self,
        synthesizer: Synthesizer,
        output: AudioOutput,
        *,
        rate_wpm: int = 160,
        volume: float = 0.8,
        lexicon: Lexicon | None = None,
        max_sentence_words: int = 40,
        lookahead: int = 2,
        on_event: SpeechEventListener | None = None,
    ) -> None:
        self._synth = synthesizer
        self._output = output
        self._lexicon = lexicon
        self._max_words = max_sentence_words
        self._lookahead = max(1, lookahead)
        self._on_event = on_event
        self._rate_wpm = rate_wpm
        self._volume = volume
        self.set_voice(rate_wpm=rate_wpm, volume=volume)
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._state_lock = threading.Lock()
        self._cancel = threading.Event()
        self._pause_requested = False
        self._paused: _Paused | None = None
        self._cut_short = False

    # -- public interface -------------------------------------------------------------------
    def say(self, text: str) -> None:
        """Speak ``text``; returns when done, stopped or paused.

        A paused utterance stays resumable while other things are said (such as "Paused."),
        until :meth:`resume`, :meth:`forget_pause` or another pause.
        """
        self._speak(split_sentences(text, self._max_words), 0)

    def stop(self) -> None:
        """Stop at once, from any thread; the rest of this utterance is not kept."""
        self._interrupt(pause=False)

    def pause(self) -> None:
        """Stop at once but remember the sentence; :meth:`resume` starts it again."""
        self._interrupt(pause=True)

    def resume(self) -> bool:
        """Continue a paused utterance from the start of the interrupted sentence.

        Returns False when there is nothing to resume.
        """
        paused, self._paused = self._paused, None
        if paused is None:
            return False
        self._speak(paused.sentences, paused.index)
        return True

    def take_interruption(self) -> bool:
        """Whether :meth:`stop` cut an utterance short since the last call (a pause does
        not count: it is kept for :meth:`resume`)."""
        cut_short, self._cut_short = self._cut_short, False
        return cut_short

    def hold(self, held: bool) -> None:
        """Keep the speaker silent while ``held`` (the place is kept), from any thread."""
        self._output.hold(held)

    def forget_pause(self) -> None:
        """Drop the paused utterance (e.g. when the person moves to another post)."""
        self._paused = None

    @property
    def paused_at(self) -> int | None:
        """Index of the sentence a pause interrupted, or None when not paused."""
        return None if self._paused is None else self._paused.index

    @property
    def rate_wpm(self) -> int:
        return self._rate_wpm

    @property
    def volume(self) -> float:
        return self._volume

    def set_voice(self, *, rate_wpm: int, volume: float) -> None:
        self._rate_wpm = clamp_rate(rate_wpm)
        self._volume = float(min(max(volume, 0.0), 1.0))

    def close(self) -> None:
        self.stop()
        if self._worker is not None:
            self._jobs.put(None)
            self._worker.join(timeout=5)
            self._worker = None
        self._synth.close()
        self._output.close()

    # -- speaking ---------------------------------------------------------------------------
    def _interrupt(self, *, pause: bool) -> None:
        with self._state_lock:
            self._pause_requested = pause
            self._cancel.set()
        self._synth.cancel()
        self._output.stop()

    def _event(self, kind: str, index: int) -> None:
        if self._on_event is not None:
            self._on_event(kind, index)

    def _speak(self, sentences: list[str], start: int) -> None:
        if start >= len(sentences):
            return
        with self._state_lock:
            cancel = self._cancel = threading.Event()
            self._pause_requested = False
        job = _Job(sentences, start, cancel, queue.Queue(maxsize=self._lookahead))
        self._ensure_worker()
        self._jobs.put(job)
        self._output.begin_utterance()
        index = start
        completed = False
        try:
            for index in range(start, len(sentences)):
                speech = self._next_result(job)
                if speech is None or cancel.is_set():
                    break
                self._event("playing", index)
                pcm = scale_volume(speech.pcm, self._volume)
                self._output.play(pcm, speech.sample_rate, cancel=cancel)
                if cancel.is_set():
                    break
                self._event("played", index)
            else:
                completed = True
        finally:
            cancel.set()  # tells the producer to drop this job if it is still going
            self._output.end_utterance()
        if not completed:
            with self._state_lock:
                paused = self._pause_requested and job.cancel is self._cancel
            self._event("stopped", index)
            if paused:
                self._paused = _Paused(sentences, index)
            else:
                self._cut_short = True

    def _next_result(self, job: _Job) -> Speech | None:
        while True:
            try:
                item = job.results.get(timeout=_POLL_S)
            except queue.Empty:
                if job.cancel.is_set():
                    return None
                continue
            if isinstance(item, VoicepeerError):
                raise item
            return item

    # -- producer ---------------------------------------------------------------------------
    def _ensure_worker(self) -> None:
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(
                target=self._produce, name="voicepeer-speech", daemon=True
            )
            self._worker.start()

    def _produce(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            for index in range(job.start, len(job.sentences)):
                if job.cancel.is_set():
                    break
                item = self._render(job.sentences[index])
                if job.cancel.is_set():
                    break
                if not self._deliver(job, item):
                    break
                if isinstance(item, VoicepeerError):
                    break
                self._event("synthesized", index)

    def _render(self, sentence: str) -> Speech | VoicepeerError:
        # The engine boundary: whatever a caller passed, only plain safe text goes past here.
        text = self._lexicon.apply(sentence) if self._lexicon is not None else sentence
        text = speakable(text)
        if not text:
            return Speech(b"", 22_050)
        try:
            return self._synth.synthesize(text, rate_wpm=self._rate_wpm)
        except VoicepeerError as error:
            return error
        except Exception as error:  # an engine bug must not kill the producer silently
            log.exception("speech synthesizer crashed")
            return SpeechEngineError(
                f"speech synthesizer crashed: {error!r}",
                spoken="My voice stopped working. Please ask your helper to restart me.",
            )

    @staticmethod
    def _deliver(job: _Job, item: Speech | VoicepeerError) -> bool:
        while not job.cancel.is_set():
            try:
                job.results.put(item, timeout=_POLL_S)
                return True
            except queue.Full:
                continue
        return False
