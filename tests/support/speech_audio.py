"""Test speech from espeak-ng, as a microphone would hear it (faint hiss, never exact
digital silence), and WAV files of utterances separated by pauses."""

from __future__ import annotations

import io
import subprocess
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from voicepeer.audio.input import to_mono_16k

RATE = 16_000
HISS_RMS = 30.0


def espeak(
    text: str, voice: str = "en-us", wpm: int = 150, gap_10ms: int = 0
) -> npt.NDArray[np.int16]:
    command = ["espeak-ng", "-v", voice, "-s", str(wpm), "-g", str(gap_10ms), "--stdout", text]
    done = subprocess.run(command, capture_output=True, check=True)
    with wave.open(io.BytesIO(done.stdout)) as wav:
        rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    return to_mono_16k(samples, rate)


def silence(seconds: float) -> npt.NDArray[np.int16]:
    return np.zeros(int(RATE * seconds), dtype=np.int16)


def with_hiss(
    samples: npt.NDArray[np.int16], seed: int = 0, gain: float = 1.0
) -> npt.NDArray[np.int16]:
    noise = np.random.default_rng(seed).normal(0, HISS_RMS, samples.size)
    mixed = samples.astype(np.float64) * gain + noise
    return np.clip(np.round(mixed), -32768, 32767).astype(np.int16)


def utterances(
    parts: Sequence[str | float],
    voice: str = "en-us",
    wpm: int = 150,
    gap_10ms: int = 0,
    gain: float = 1.0,
    seed: int = 0,
) -> npt.NDArray[np.int16]:
    """Text parts spoken in order; float parts are pauses in seconds. Half a second of
    hiss leads in."""
    pieces = [silence(0.5)]
    for part in parts:
        if isinstance(part, float):
            pieces.append(silence(part))
        else:
            pieces.append(espeak(part, voice, wpm, gap_10ms))
    return with_hiss(np.concatenate(pieces), seed=seed, gain=gain)


def write_wav(
    path: Path, samples: npt.NDArray[np.int16], rate: int = RATE, channels: int = 1
) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.tobytes())
    return path


@dataclass(frozen=True)
class Segment:
    text: str
    start_s: float
    end_s: float


def conversation(
    texts: Sequence[str],
    path: Path,
    *,
    gap_s: float = 3.0,
    voice: str = "en-us",
    wpm: int = 150,
    seed: int = 7,
) -> list[Segment]:
    """Write the texts to a WAV, each followed by ``gap_s`` of hiss; returns where each one
    was spoken (for measuring how soon voicepeer answers)."""
    pieces: list[npt.NDArray[np.int16]] = [silence(0.5)]
    segments = []
    position = 0.5
    for text in texts:
        speech = espeak(text, voice, wpm)
        segments.append(Segment(text, position, position + speech.size / RATE))
        pieces += [speech, silence(gap_s)]
        position += speech.size / RATE + gap_s
    write_wav(path, with_hiss(np.concatenate(pieces), seed=seed))
    return segments
