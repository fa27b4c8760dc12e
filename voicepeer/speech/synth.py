"""Speech synthesizers that render one sentence to 16-bit mono PCM in memory.

Rendering to a buffer (rather than letting the engine play) is what makes speech
stoppable at once: the buffer is played in small blocks by :mod:`voicepeer.audio.output`.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
import threading
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from voicepeer.errors import SpeechEngineError

log = logging.getLogger(__name__)

_WARM_UP_TEXT = "Ready."


@dataclass(frozen=True)
class Speech:
    """Synthesized audio: little-endian int16 mono samples at ``sample_rate`` Hz."""

    pcm: bytes
    sample_rate: int

    @property
    def duration_s(self) -> float:
        return len(self.pcm) / 2 / self.sample_rate if self.sample_rate else 0.0


class Synthesizer(Protocol):
    """Turns one sentence of plain, already-sanitized text into audio."""

    @property
    def name(self) -> str:
        """Short engine name for logs, e.g. ``espeak-ng``."""
        ...

    def synthesize(self, text: str, *, rate_wpm: int) -> Speech: ...

    def cancel(self) -> None:
        """Abandon a synthesis in progress, if the engine allows; safe from any thread."""
        ...

    def close(self) -> None: ...


def _engine_failed(detail: str) -> SpeechEngineError:
    return SpeechEngineError(
        f"speech synthesizer failed: {detail}",
        spoken="My voice stopped working. Please ask your helper to run voicepeer doctor.",
    )


def _quiet_print(*args: object, **kwargs: Any) -> None:
    """Stands in for ``print`` inside pyttsx3's drivers, which announce every saved file."""
    log.debug("pyttsx3 said: %s", " ".join(map(str, args)))


_RENDER_TRIES = 4
"""Renders of one sentence before pyttsx3 is given up on: it silently drops a write now and
then (measured: 2 in 200 sentences, and a second drop in a row under load), and a sentence
renders in milliseconds. A dropped write is a file with no samples, a file cut short before
its header ended (seen under load, during the warm-up), or no file."""

_WAV_HEADER_BYTES = 44


class Pyttsx3Synthesizer:
    """pyttsx3 rendering to a temporary WAV file, working around its known bugs.

    Call it from one thread only (the speech producer thread): pyttsx3 engines are not
    thread-safe. Each sentence is one ``save_to_file`` followed by one ``runAndWait``
    (queuing several writes keeps only the last); ``say()`` is never used (it overwrites the
    file and plays through a program that cannot be stopped).
    """

    name = "pyttsx3"

    def __init__(
        self,
        voice: str = "en-gb",
        *,
        driver_name: str | None = None,
        render_tries: int = _RENDER_TRIES,
    ) -> None:
        self._voice = voice
        self._driver_name = driver_name
        self._render_tries = render_tries
        self._engine: Any = None
        self._dir = Path(tempfile.mkdtemp(prefix="voicepeer-tts-"))
        self._lock = threading.Lock()

    def _start(self) -> Any:
        try:
            import pyttsx3

            engine = pyttsx3.init(self._driver_name)
            if self._voice:
                engine.setProperty("voice", self._voice)
        except Exception as error:  # pyttsx3 raises anything from ImportError to OSError
            raise _engine_failed(f"pyttsx3 could not start: {error!r}") from error
        for module_name, module in list(sys.modules.items()):
            if module_name.startswith("pyttsx3.drivers.") and module is not None:
                module.print = _quiet_print  # type: ignore[attr-defined]
        self._engine = engine
        # The first long save after init() returns at once and writes nothing: warm up.
        self._render(_WARM_UP_TEXT, 160)
        return engine

    def _render(self, text: str, rate_wpm: int) -> Speech:
        target = self._dir / "sentence.wav"
        target.unlink(missing_ok=True)
        try:
            # pyttsx3 2.99 drops a single queued rate change now and then (measured: most
            # changes lost); queued twice, it took effect in 60 of 60 trials.
            self._engine.setProperty("rate", rate_wpm)
            self._engine.setProperty("rate", rate_wpm)
            self._engine.save_to_file(text, str(target))
            self._engine.runAndWait()
        except Exception as error:
            raise _engine_failed(f"pyttsx3 failed to render: {error!r}") from error
        try:
            if not target.is_file() or target.stat().st_size < _WAV_HEADER_BYTES:
                log.debug("pyttsx3 dropped a write")
                return Speech(b"", 22_050)
            return _read_wav(target)
        finally:
            target.unlink(missing_ok=True)  # spoken post text does not linger on disk

    def synthesize(self, text: str, *, rate_wpm: int) -> Speech:
        with self._lock:
            if self._engine is None:
                self._start()
            for _ in range(self._render_tries):
                speech = self._render(text, rate_wpm)
                if speech.pcm or not text.strip():
                    return speech
            raise _engine_failed("pyttsx3 produced no audio")

    def cancel(self) -> None:
        """A pyttsx3 render takes milliseconds and cannot be interrupted: nothing to do."""

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)


class EspeakSynthesizer:
    """The ``espeak-ng`` program writing WAV to a pipe.

    A separate process (rather than libespeak-ng through ctypes) can be killed mid-sentence
    by :meth:`cancel`, a crash cannot take voicepeer down with it, and no C structures
    have to be mirrored by hand. Text goes in on stdin, so nothing in it is read as an option.
    """

    name = "espeak-ng"

    def __init__(self, voice: str = "en-gb", *, executable: str = "espeak-ng") -> None:
        self._voice = voice
        self._executable = executable
        self._process: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._cancelled = False

    def synthesize(self, text: str, *, rate_wpm: int) -> Speech:
        command = [self._executable, "--stdout", "-s", str(rate_wpm)]
        if self._voice:
            command += ["-v", self._voice]
        with self._lock:
            self._cancelled = False
            try:
                self._process = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                )
            except OSError as error:
                raise _engine_failed(f"cannot run {self._executable}: {error}") from error
            process = self._process
        try:
            out, err = process.communicate(text.encode("utf-8"), timeout=120)
        except subprocess.TimeoutExpired as error:
            process.kill()
            process.communicate()
            raise _engine_failed("espeak-ng took too long") from error
        finally:
            with self._lock:
                self._process = None
        if self._cancelled:
            return Speech(b"", 22_050)
        if process.returncode != 0:
            detail = err.decode("utf-8", "replace").strip()[:300]
            raise _engine_failed(f"espeak-ng exited with {process.returncode}: {detail}")
        return _parse_wav_stream(out)

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._process is not None and self._process.poll() is None:
                self._process.kill()

    def close(self) -> None:
        self.cancel()


class FallbackSynthesizer:
    """Uses ``primary`` until it fails once, then ``fallback`` for good (with a log line)."""

    def __init__(self, primary: Synthesizer, fallback: Synthesizer) -> None:
        self._primary = primary
        self._fallback = fallback
        self._active = primary

    @property
    def name(self) -> str:
        return self._active.name

    def synthesize(self, text: str, *, rate_wpm: int) -> Speech:
        if self._active is self._primary:
            try:
                return self._primary.synthesize(text, rate_wpm=rate_wpm)
            except SpeechEngineError as error:
                log.warning(
                    "%s failed (%s); speaking with %s from now on",
                    self._primary.name,
                    error,
                    self._fallback.name,
                )
                self._active = self._fallback
        return self._fallback.synthesize(text, rate_wpm=rate_wpm)

    def cancel(self) -> None:
        self._active.cancel()

    def close(self) -> None:
        self._primary.close()
        self._fallback.close()


def _read_wav(path: Path) -> Speech:
    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
                raise _engine_failed("synthesizer wrote audio that is not 16-bit mono")
            return Speech(wav.readframes(wav.getnframes()), wav.getframerate())
    except (wave.Error, EOFError, OSError) as error:
        raise _engine_failed(f"unreadable audio from synthesizer: {error}") from error


def _parse_wav_stream(data: bytes) -> Speech:
    """A WAV written to a pipe: its sizes are placeholders, so read up to the end of data."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise _engine_failed("espeak-ng did not write WAV audio")
    position = 12
    sample_rate = 0
    while position + 8 <= len(data):
        chunk_id = data[position : position + 4]
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        body = position + 8
        if chunk_id == b"fmt ":
            channels = int.from_bytes(data[body + 2 : body + 4], "little")
            sample_rate = int.from_bytes(data[body + 4 : body + 8], "little")
            bits = int.from_bytes(data[body + 14 : body + 16], "little")
            if channels != 1 or bits != 16:
                raise _engine_failed("espeak-ng wrote audio that is not 16-bit mono")
        elif chunk_id == b"data":
            pcm = data[body:]
            return Speech(pcm[: len(pcm) // 2 * 2], sample_rate or 22_050)
        position = body + size + (size & 1)
    raise _engine_failed("espeak-ng wrote no audio data")
