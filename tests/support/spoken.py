"""Spoken test audio made with espeak-ng: utterances with pauses, as 16 kHz mono 16-bit PCM.

Exact digital silence decodes badly, so gaps and edges carry faint noise, as a real
microphone would.
"""

from __future__ import annotations

import io
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 16_000


def speak(text: str, *, voice: str = "en-us", wpm: int = 150, word_gap_10ms: int = 0) -> np.ndarray:
    """``text`` as spoken by espeak-ng, resampled to 16 kHz int16."""
    command = ["espeak-ng", "-v", voice, "-s", str(wpm), "--stdout"]
    if word_gap_10ms:
        command += ["-g", str(word_gap_10ms)]
    wav_bytes = subprocess.run([*command, text], check=True, capture_output=True).stdout
    with wave.open(io.BytesIO(wav_bytes)) as wav:
        source_rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
    duration = len(samples) / source_rate
    target = np.linspace(0, len(samples) - 1, int(duration * RATE))
    return np.interp(target, np.arange(len(samples)), samples).astype(np.int16)


def noise(seconds: float, rng: np.random.Generator, level: float = 30.0) -> np.ndarray:
    return (rng.standard_normal(int(seconds * RATE)) * level).astype(np.int16)


@dataclass(frozen=True)
class Segment:
    text: str
    start_s: float
    end_s: float


def conversation(utterances: list[str], path: Path, *, gap_s: float = 3.0, wpm: int = 150,
                 voice: str = "en-us", seed: int = 7) -> list[Segment]:
    """Write the utterances to a WAV, each followed by ``gap_s`` of faint noise; returns
    where each one was spoken."""
    rng = np.random.default_rng(seed)
    parts = [noise(0.5, rng)]
    segments = []
    position = 0.5
    for text in utterances:
        speech = speak(text, voice=voice, wpm=wpm)
        mixed = speech.astype(np.int32) + noise(len(speech) / RATE, rng)[: len(speech)]
        speech = np.clip(mixed, -32768, 32767).astype(np.int16)
        parts += [speech, noise(gap_s, rng)]
        segments.append(Segment(text, position, position + len(speech) / RATE))
        position += len(speech) / RATE + gap_s
    write_wav(path, np.concatenate(parts))
    return segments


def write_wav(path: Path, samples: np.ndarray) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples.astype(np.int16).tobytes())
