"""Audio input: a sounddevice microphone and WAV files, both as 16 kHz mono int16 PCM."""

from __future__ import annotations

import logging
import queue
import wave
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from voicepeer.audio.base import INPUT_SAMPLE_RATE
from voicepeer.audio.portaudio_exit import import_sounddevice
from voicepeer.errors import AudioDeviceError, ConfigError

log = logging.getLogger(__name__)

_TAIL_NOISE_S = 1.0
"""Faint noise appended to a WAV file so that the last utterance has silence after it."""
_TAIL_NOISE_RMS = 12.0
"""Level (int16 units) of that noise: inaudible, but not exact digital silence, which
speech decoders handle badly."""


def to_mono_16k(samples: npt.NDArray[Any], sample_rate: int) -> npt.NDArray[np.int16]:
    """Mix ``samples`` (frames x channels, or 1-D; any numeric dtype) to mono and resample to
    16 kHz, with a windowed-sinc low-pass before downsampling so nothing aliases."""
    data = np.asarray(samples)
    if np.issubdtype(data.dtype, np.integer):
        info = np.iinfo(data.dtype)
        # Unsigned 8-bit WAV is centred on 128; signed types are centred on 0.
        offset = (int(info.max) + 1) / 2 if info.min == 0 else 0.0
        scale = 32768.0 / (float(info.max) - offset + 1)
        mono = (data.astype(np.float64) - offset) * scale
    else:
        mono = data.astype(np.float64) * 32768.0
    if mono.ndim == 2:
        mono = mono.mean(axis=1)
    if sample_rate != INPUT_SAMPLE_RATE and mono.size:
        mono = _resample(mono, sample_rate, INPUT_SAMPLE_RATE)
    return np.clip(np.round(mono), -32768, 32767).astype(np.int16)


def _resample(signal: npt.NDArray[np.float64], rate_in: int, rate_out: int) -> npt.NDArray[Any]:
    if rate_out < rate_in:
        cutoff = 0.5 * rate_out / rate_in * 0.95
        taps = np.arange(-32, 33)
        kernel = 2 * cutoff * np.sinc(2 * cutoff * taps) * np.hamming(taps.size)
        signal = np.convolve(signal, kernel / kernel.sum(), mode="same")
    duration = signal.size / rate_in
    n_out = max(1, round(duration * rate_out))
    positions = np.arange(n_out) * (rate_in / rate_out)
    return np.interp(positions, np.arange(signal.size), signal)


def read_wav(path: Path) -> npt.NDArray[np.int16]:
    """The WAV file at ``path`` as 16 kHz mono int16 samples (8/16/24/32-bit PCM)."""
    try:
        with wave.open(str(path), "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            raw = wav.readframes(wav.getnframes())
    except FileNotFoundError as error:
        raise ConfigError(
            f"audio file not found: {path}", spoken="I cannot find that audio file."
        ) from error
    except (wave.Error, EOFError, OSError) as error:
        # An empty file gives EOFError with no words: "()" was printed.
        why = f" ({error})" if str(error) else ""
        raise ConfigError(
            f"{path} is not a PCM WAV file I can read{why}. Record or convert it as WAV, for "
            "example with: arecord -f S16_LE -r 16000 -c 1 file.wav",
            spoken="That audio file is not a WAV recording I can read.",
        ) from error
    if width == 3:
        # 24-bit: widen each little-endian sample to 32 bits.
        triples = np.frombuffer(raw[: len(raw) // 3 * 3], dtype=np.uint8).reshape(-1, 3)
        padded = np.zeros((triples.shape[0], 4), dtype=np.uint8)
        padded[:, 1:] = triples
        samples: npt.NDArray[Any] = padded.view("<i4").reshape(-1)
    else:
        dtype: Any = {1: np.uint8, 2: np.dtype("<i2"), 4: np.dtype("<i4")}.get(width)
        if dtype is None:
            raise ConfigError(f"{path}: unsupported sample width {width} bytes")
        samples = np.frombuffer(raw[: len(raw) // width * width], dtype=dtype)
    if channels > 1:
        samples = samples[: samples.size // channels * channels].reshape(-1, channels)
    return to_mono_16k(samples, rate)


class WavFileInput:
    """Reads a WAV file as if it were a microphone (unpaced: as fast as it is asked)."""

    def __init__(self, path: Path | str, *, seed: int = 0) -> None:
        samples = read_wav(Path(path))
        noise = np.random.default_rng(seed).normal(0, _TAIL_NOISE_RMS, int(_TAIL_NOISE_S * 16000))
        tail = np.clip(noise, -32768, 32767).astype(np.int16)
        self._pcm = samples.tobytes() + tail.tobytes()
        self._offset = 0

    @property
    def sample_rate(self) -> int:
        return INPUT_SAMPLE_RATE

    @property
    def duration_s(self) -> float:
        return len(self._pcm) / 2 / INPUT_SAMPLE_RATE

    def read(self, seconds: float) -> bytes:
        n_bytes = max(2, int(seconds * INPUT_SAMPLE_RATE) * 2)
        chunk = self._pcm[self._offset : self._offset + n_bytes]
        self._offset += len(chunk)
        return chunk

    def discard_pending(self) -> None:
        # A file has no audio captured "while speaking": nothing to drop.
        return None

    def close(self) -> None:
        self._offset = len(self._pcm)


class SounddeviceInput:
    """A microphone through PortAudio.

    A callback fills a queue, because the first blocking ``read()`` on a stream can stall
    for seconds; :meth:`read` assembles whole blocks from the queue.
    """

    def __init__(
        self,
        device: int | str | None = None,
        sample_rate: int = INPUT_SAMPLE_RATE,
        block_s: float = 0.05,
        *,
        max_queued_s: float = 120.0,
    ) -> None:
        sounddevice = import_sounddevice()

        self._sample_rate = sample_rate
        self._chunks: queue.Queue[bytes] = queue.Queue(maxsize=max(1, int(max_queued_s / block_s)))
        self._buffer = b""
        self._overflowed = False
        self._closed = False
        try:
            self._stream = sounddevice.RawInputStream(
                samplerate=sample_rate,
                blocksize=int(sample_rate * block_s),
                device=device,
                channels=1,
                dtype="int16",
                callback=self._on_audio,
            )
            self._stream.start()
        except (sounddevice.PortAudioError, ValueError) as error:
            # PortAudio's words for no input device at all ("Error querying device -1").
            what = "no microphone found" if "device -1" in str(error) else str(error)
            name = f"microphone {device}" if device is not None else "microphone"
            raise AudioDeviceError(
                f"cannot open the {name}: {what}",
                spoken=(
                    "I cannot find a microphone. Please ask your helper to plug one in "
                    "and check it is switched on."
                ),
            ) from error

    @property
    def sample_rate(self) -> int:
        return self._sample_rate

    def _on_audio(self, data: Any, frames: int, time_info: Any, status: Any) -> None:
        if status and status.input_overflow:
            self._overflowed = True
        try:
            self._chunks.put_nowait(bytes(data))
        except queue.Full:
            # Nobody is listening (voicepeer is speaking): the oldest audio is not needed.
            self._overflowed = True

    def read(self, seconds: float) -> bytes:
        needed = max(2, int(seconds * self._sample_rate) * 2)
        while len(self._buffer) < needed:
            if self._closed:
                return b""
            try:
                self._buffer += self._chunks.get(timeout=2.0)
            except queue.Empty as error:
                if not self._stream.active:
                    raise AudioDeviceError(
                        "the microphone stream stopped delivering audio",
                        spoken=(
                            "The microphone stopped working. Please ask your helper to check it."
                        ),
                    ) from error
        chunk, self._buffer = self._buffer[:needed], self._buffer[needed:]
        return chunk

    def discard_pending(self) -> None:
        self._buffer = b""
        while True:
            try:
                self._chunks.get_nowait()
            except queue.Empty:
                break
        if self._overflowed:
            log.debug("microphone queue overflowed while not listening")
            self._overflowed = False

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._stream.stop()
            self._stream.close()
        except Exception as error:  # a device that vanished can fail to close; nothing to save
            log.debug("closing microphone stream: %s", error)
