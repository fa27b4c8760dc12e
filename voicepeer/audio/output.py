"""Audio output: a speaker through sounddevice, and a directory of numbered WAV files.

Both take 16-bit mono PCM at any sample rate, so speech and short tones share them.
The speaker plays in small blocks from a callback so that :meth:`stop` (or a ``cancel``
event) silences it within one block, from any thread.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import wave
from pathlib import Path
from typing import Any

from voicepeer.audio.portaudio_exit import import_sounddevice
from voicepeer.errors import AudioDeviceError

log = logging.getLogger(__name__)

_SPEAKER_SPOKEN = (
    "I cannot use the speaker, so I will show my words on the screen. "
    "Please ask your helper to check the speaker is plugged in and switched on."
)
_STALL_GRACE_S = 8.0
"""Seconds the output device may take no audio at all, mid-play, before it counts as stuck.
Measured on a loaded machine whose sound server was held still 0.8 s in every 1.2 s: the
output then took nothing for up to 3.3 s at a time and still played every sentence."""


def _speaker_error(detail: str) -> AudioDeviceError:
    return AudioDeviceError(f"speaker: {detail}", spoken=_SPEAKER_SPOKEN)


def _import_sounddevice() -> Any:
    try:
        return import_sounddevice()
    except OSError as error:  # the PortAudio library itself is missing
        raise _speaker_error(f"PortAudio is not installed ({error})") from error


def find_output_device(name: str = "") -> int | None:
    """Index of the output device whose name contains ``name`` (None: system default).

    Raises AudioDeviceError when there is no output device at all, or none by that name.
    """
    sd = _import_sounddevice()
    try:
        devices = list(sd.query_devices())
    except sd.PortAudioError as error:
        raise _speaker_error(f"cannot list sound devices ({error})") from error
    outputs = [(i, d["name"]) for i, d in enumerate(devices) if d["max_output_channels"] > 0]
    if not outputs:
        raise _speaker_error("this computer has no sound output device")
    if not name:
        return None
    for index, device_name in outputs:
        if name.lower() in device_name.lower():
            return index
    available = ", ".join(n for _, n in outputs)
    raise AudioDeviceError(
        f"no speaker named {name!r}; available: {available}",
        spoken="I cannot find the speaker named in my settings. "
        "Please ask your helper to check the speaker setting.",
    )


class SounddeviceOutput:
    """A speaker. One ``play`` at a time; ``stop`` from any thread ends it within a block."""

    def __init__(
        self,
        device: str = "",
        *,
        chunk_s: float = 0.02,
        latency: str | float = "low",
        probe_rate: int = 22_050,
        warm_up_s: float = 0.2,
    ) -> None:
        self._sd = _import_sounddevice()
        self._device = find_output_device(device)
        self._chunk_s = min(max(chunk_s, 0.005), 0.05)
        self._latency = latency
        self._stream: Any = None
        self._stream_rate = 0
        self._play_lock = threading.Lock()
        self._stopped = threading.Event()
        self._done = threading.Event()
        self._cancel: threading.Event | None = None
        self._data = memoryview(b"")
        self._position = 0
        self._closed = False
        self._held = threading.Event()
        self._generation = 0
        """Which stream the callbacks may serve: one given up as stuck must not play or
        finish the next one's audio if its sound server wakes up again."""
        self.frames_played = 0
        """Frames handed to the device so far (for checks that nothing plays after a stop)."""
        # Open the device now, so a missing speaker is reported before anything is said.
        self._stream_for(probe_rate)
        if warm_up_s > 0:
            # The first start of a stream through PulseAudio's ALSA plugin holds the audio
            # back ~0.9 s (measured); a little silence at start-up takes that delay instead
            # of the first sentence.
            threading.Thread(
                target=self._warm_up,
                args=(probe_rate, warm_up_s),
                name="voicepeer-speaker-warm-up",
                daemon=True,
            ).start()

    def _stream_for(self, sample_rate: int) -> Any:
        if self._stream is not None and self._stream_rate == sample_rate:
            return self._stream
        self._close_stream()
        self._generation += 1
        generation = self._generation
        try:
            self._stream = self._sd.RawOutputStream(
                samplerate=sample_rate,
                blocksize=max(1, int(sample_rate * self._chunk_s)),
                device=self._device,
                channels=1,
                dtype="int16",
                latency=self._latency,
                callback=lambda *args: self._fill(*args, generation=generation),
                finished_callback=lambda: self._finished(generation),
            )
        except (self._sd.PortAudioError, ValueError) as error:
            raise _speaker_error(f"cannot open the output device ({error})") from error
        self._stream_rate = sample_rate
        return self._stream

    def _finished(self, generation: int) -> None:
        if generation == self._generation:
            self._done.set()

    def _fill(
        self, outdata: Any, frames: int, time_info: Any, status: Any, *, generation: int
    ) -> None:
        wanted = frames * 2
        cancel = self._cancel
        given_up = generation != self._generation  # a stream given up as stuck
        if given_up or self._stopped.is_set() or (cancel is not None and cancel.is_set()):
            outdata[:] = bytes(wanted)
            raise self._sd.CallbackAbort
        if self._held.is_set():
            outdata[:] = bytes(wanted)  # silence; the place in the audio is kept
            return
        chunk = self._data[self._position : self._position + wanted]
        outdata[: len(chunk)] = chunk
        if len(chunk) < wanted:
            outdata[len(chunk) :] = bytes(wanted - len(chunk))
        self._position += len(chunk)
        self.frames_played += len(chunk) // 2
        if self._position >= len(self._data):
            raise self._sd.CallbackStop

    def _warm_up(self, sample_rate: int, seconds: float) -> None:
        with self._play_lock:
            if self._closed:
                return
            before = self.frames_played
            try:
                self._play_locked(bytes(int(sample_rate * seconds) * 2), sample_rate, None)
            except AudioDeviceError as error:  # the next real play reports it to the person
                log.debug("speaker warm-up failed: %s", error)
            self.frames_played = before  # silence is not counted as played audio

    def begin_utterance(self) -> None:
        """A speaker plays the pieces of an utterance as they come: nothing to prepare."""

    def end_utterance(self) -> None:
        """Nothing was held back: nothing to finish."""

    def play(self, pcm: bytes, sample_rate: int, *, cancel: threading.Event | None = None) -> None:
        """Play ``pcm`` and block until it has been heard, or until stopped or cancelled."""
        with self._play_lock:
            self._play_locked(pcm, sample_rate, cancel)

    def _play_locked(self, pcm: bytes, sample_rate: int, cancel: threading.Event | None) -> None:
        self._stopped.clear()
        if not pcm or (cancel is not None and cancel.is_set()):
            return
        stream = self._stream_for(sample_rate)
        self._data = memoryview(pcm)[: len(pcm) // 2 * 2]
        self._position = 0
        self._cancel = cancel
        self._done.clear()
        taken = 0
        stuck_after = time.monotonic() + _STALL_GRACE_S
        try:
            stream.start()
            while not self._done.wait(0.05):
                if self._stopped.is_set() or (cancel is not None and cancel.is_set()):
                    break
                # Stuck means taking nothing for a while: a busy computer plays slowly, in
                # fits and starts, and that is not a broken speaker; nor is one held back.
                if self._position != taken or self._held.is_set():
                    taken, stuck_after = self._position, time.monotonic() + _STALL_GRACE_S
                elif time.monotonic() > stuck_after:
                    self._abandon_stream()
                    raise _speaker_error("the output device stopped taking audio")
            interrupted = self._stopped.is_set() or (cancel is not None and cancel.is_set())
            if interrupted:
                stream.abort()  # drops what is still buffered in the device
            elif self._position < len(self._data):
                # The stream ended by itself before the audio did: the device is gone.
                self._close_stream()
                raise _speaker_error("the output device went away while playing")
            else:
                stream.stop()
        except self._sd.PortAudioError as error:
            self._close_stream()
            raise _speaker_error(f"playing failed ({error})") from error
        finally:
            self._cancel = None

    def stop(self) -> None:
        self._stopped.set()
        self._done.set()

    def hold(self, held: bool) -> None:
        """Play silence instead of the audio until released, then go on from the same
        place; safe to call from any thread. While a person may be saying "stop", the echo
        canceller then has no voice of voicepeer's to take out and leaves theirs whole."""
        if held:
            self._held.set()
        else:
            self._held.clear()

    def _close_stream(self) -> None:
        if self._stream is None:
            return
        _close_quietly(self._stream)
        self._stream = None
        self._stream_rate = 0

    def _abandon_stream(self) -> None:
        """Give up a stuck stream without waiting for it: aborting a stream the sound
        server no longer serves blocked for about 34 s (measured), which the person would
        have spent in silence before being told the speaker is not working."""
        stream, self._stream, self._stream_rate = self._stream, None, 0
        self._generation += 1
        threading.Thread(
            target=_close_quietly, args=(stream,), name="voicepeer-speaker-abandon", daemon=True
        ).start()

    def close(self) -> None:
        self._closed = True
        self.stop()
        with self._play_lock:
            self._close_stream()


def _close_quietly(stream: Any) -> None:
    try:
        stream.abort()
        stream.close()
    except Exception as error:  # a vanished device can fail to close; nothing to save
        log.debug("closing speaker stream: %s", error)


_NUMBERED = re.compile(r"^(\d{4,})\.wav$")


class WavDirectoryOutput:
    """Writes what would be played as numbered WAV files (0001.wav, 0002.wav, ...).

    Between :meth:`begin_utterance` and :meth:`end_utterance` all plays go into one file;
    otherwise each play is its own file. Numbering continues after files already there.
    """

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise AudioDeviceError(
                f"cannot create the audio output folder {self.directory}: {error}",
                spoken="I cannot write my speech to the output folder. "
                "Please ask your helper to check it.",
            ) from error
        numbers = [
            int(m.group(1)) for p in self.directory.iterdir() if (m := _NUMBERED.match(p.name))
        ]
        self._next = max(numbers, default=0) + 1
        self._pending: list[bytes] | None = None
        self._pending_rate = 0
        self._lock = threading.Lock()
        self.written: list[Path] = []

    def begin_utterance(self) -> None:
        with self._lock:
            self._flush()
            self._pending = []

    def end_utterance(self) -> None:
        with self._lock:
            self._flush()
            self._pending = None

    def hold(self, held: bool) -> None:
        """Nobody listens to a file while it is written: nothing to make way for."""

    def play(self, pcm: bytes, sample_rate: int, *, cancel: threading.Event | None = None) -> None:
        if cancel is not None and cancel.is_set():
            return
        with self._lock:
            if self._pending is None:
                self._write(pcm, sample_rate)
                return
            if self._pending and sample_rate != self._pending_rate:
                self._flush()
                self._pending = []
            self._pending.append(pcm)
            self._pending_rate = sample_rate

    def _flush(self) -> None:
        if self._pending:
            self._write(b"".join(self._pending), self._pending_rate)
        self._pending = [] if self._pending is not None else None

    def _write(self, pcm: bytes, sample_rate: int) -> None:
        path = self.directory / f"{self._next:04d}.wav"
        try:
            with wave.open(str(path), "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(sample_rate)
                wav.writeframes(pcm)
        except OSError as error:
            raise AudioDeviceError(
                f"cannot write {path}: {error}",
                spoken="I cannot write my speech to the output folder. "
                "Please ask your helper to check there is space.",
            ) from error
        self._next += 1
        self.written.append(path)

    def stop(self) -> None:
        """Writing is instant; nothing to interrupt."""

    def close(self) -> None:
        self.end_utterance()
