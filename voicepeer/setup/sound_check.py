"""Microphone checks for the set-up wizard: a text level meter, recording one utterance, and
measuring the pauses in it to suggest how long voicepeer should wait before it answers."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from voicepeer.audio.base import AudioInput

FRAME_S = 0.02
SILENCE_DBFS = -60.0
"""Level shown as an empty bar, and the floor of every measurement."""
SPEECH_DBFS = -42.0
"""Frames louder than this (or clearly above the room's own noise) count as speech."""
NOISE_MARGIN_DB = 12.0
MIN_GAP_S = 0.08
"""Quieter stretches shorter than this are part of a word (a 't' or 'p'), not a pause."""
HISS_RMS = 30.0
"""Level (int16 units, about -61 dB) of the hiss a real microphone always has; added to the
audio for the recognition test, since the recognizer is tuned to hear speech over it."""
PAUSE_MARGIN = 2.0
"""The suggested timeout is the longest pause heard times this, so a slower day still fits."""


def rms_dbfs(pcm: bytes) -> float:
    """Loudness of 16-bit PCM in dB below full scale, floored at :data:`SILENCE_DBFS`."""
    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype=np.int16)
    if samples.size == 0:
        return SILENCE_DBFS
    rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))
    if rms <= 0:
        return SILENCE_DBFS
    return max(SILENCE_DBFS, 20 * math.log10(rms / 32768.0))


def level_bar(dbfs: float, width: int = 30) -> str:
    """``[#######.......]  -23 dB``: a meter a carer can read at a glance."""
    filled = round(width * (dbfs - SILENCE_DBFS) / -SILENCE_DBFS)
    filled = min(width, max(0, filled))
    return f"[{'#' * filled}{'.' * (width - filled)}] {dbfs:5.0f} dB"


def frame_levels(pcm: bytes, sample_rate: int) -> list[float]:
    step = int(sample_rate * FRAME_S) * 2
    return [rms_dbfs(pcm[i : i + step]) for i in range(0, len(pcm) - step + 1, step)]


def _threshold(levels: list[float]) -> float:
    quietest = sorted(levels)[: max(1, len(levels) // 10)]
    noise = sum(quietest) / len(quietest) if quietest else SILENCE_DBFS
    return max(SPEECH_DBFS, noise + NOISE_MARGIN_DB)


def pauses_s(pcm: bytes, sample_rate: int) -> list[float]:
    """Lengths of the silences between words, from the first word to the last."""
    levels = frame_levels(pcm, sample_rate)
    if not levels:
        return []
    threshold = _threshold(levels)
    voiced = [level > threshold for level in levels]
    if not any(voiced):
        return []
    first = voiced.index(True)
    last = len(voiced) - 1 - voiced[::-1].index(True)
    gaps, run = [], 0
    for is_voiced in voiced[first : last + 1]:
        if is_voiced:
            if run * FRAME_S >= MIN_GAP_S:
                gaps.append(run * FRAME_S)
            run = 0
        else:
            run += 1
    return gaps


def speech_s(pcm: bytes, sample_rate: int) -> float:
    """Seconds from the first word to the end of the last."""
    levels = frame_levels(pcm, sample_rate)
    if not levels:
        return 0.0
    threshold = _threshold(levels)
    voiced = [i for i, level in enumerate(levels) if level > threshold]
    return (voiced[-1] - voiced[0] + 1) * FRAME_S if voiced else 0.0


def suggest_timeout_s(pauses: list[float], low: float, high: float, current: float) -> float:
    """Longest pause × margin, kept within the allowed range; ``current`` when none heard."""
    if not pauses:
        return current
    return round(min(high, max(low, max(pauses) * PAUSE_MARGIN)), 1)


@dataclass(frozen=True)
class Recording:
    pcm: bytes
    heard_speech: bool


def record_utterance(
    microphone: AudioInput,
    sample_rate: int,
    *,
    max_s: float = 15.0,
    end_silence_s: float = 2.0,
    on_level: Callable[[float], None] | None = None,
) -> Recording:
    """Record until speech has been followed by ``end_silence_s`` of quiet, or ``max_s``.

    The end silence is generous because the person may speak slowly, with long pauses.
    """
    chunks: list[bytes] = []
    heard = False
    quiet_s = 0.0
    started = time.monotonic()
    block_s = 0.1
    while time.monotonic() - started < max_s:
        chunk = microphone.read(block_s)
        if not chunk:
            break
        chunks.append(chunk)
        level = rms_dbfs(chunk)
        if on_level is not None:
            on_level(level)
        if level > SPEECH_DBFS:
            heard, quiet_s = True, 0.0
        elif heard:
            quiet_s += block_s
            if quiet_s >= end_silence_s:
                break
    return Recording(b"".join(chunks), heard)


def prepare_for_recognizer(pcm: bytes, sample_rate: int, pad_s: float = 0.3) -> bytes:
    """The spoken part of a recording with at least ``pad_s`` of quiet either side, and a
    trace of noise.

    Exact digital silence (a virtual or muted input) makes PocketSphinx decode badly or
    stall; a real microphone never gives it, so a faint hiss changes nothing real.
    """
    levels = frame_levels(pcm, sample_rate)
    if levels:
        threshold = _threshold(levels)
        voiced = [i for i, level in enumerate(levels) if level > threshold]
        if voiced:
            frame_bytes = int(sample_rate * FRAME_S) * 2
            pad = int(pad_s / FRAME_S)
            start = max(0, voiced[0] - pad) * frame_bytes
            end = min(len(levels), voiced[-1] + 1 + pad) * frame_bytes
            pcm = pcm[start:end]
    # Speech that starts right at the beginning (the person spoke at once) still gets its
    # lead-in: decoders need some quiet before the first word.
    edge = np.zeros(int(sample_rate * pad_s), dtype=np.int32)
    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype=np.int16).astype(np.int32)
    samples = np.concatenate([edge, samples, edge])
    hiss = np.random.default_rng(0).normal(0.0, HISS_RMS, samples.size).astype(np.int32)
    return bytes(np.clip(samples + hiss, -32768, 32767).astype(np.int16).tobytes())
