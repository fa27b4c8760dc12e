"""Taking voicepeer's own tones out of the microphone's sound.

An earcon played while voicepeer listens (the tone that says a yes was heard, while a
"… but" can still take it back) reaches a microphone without echo cancellation. Its notes
are pure tones at known pitches, so narrow notch filters at those pitches remove them
wherever in time they arrive, with their echoes, while speech, spread over many
frequencies, goes through nearly whole.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

NOTCH_Q = 3.0
"""Sharpness of each notch (centre frequency / width). Each notch is applied twice, so that
the frequencies next to the pitch, which a tone's rise and fall spread it over, go too.
Measured on the heard-yes earcon (played at 16, 22.05 or 48 kHz, heard at 16 kHz, right at
the microphone): at the default volume it falls from -12 dBFS to -65 dBFS or below, at full
volume from -4 to -57, under the quietest level the endpointer takes for speech (-55); a
single notch per pitch left it at -52 and -44. A spoken take-back loses under 2 dB."""


class ToneNotch:
    """Cascaded biquad notch filters (one per frequency) over 16-bit PCM, whose state
    carries from one chunk to the next."""

    def __init__(self, frequencies_hz: Iterable[float], sample_rate: int = 16_000) -> None:
        self._sections = [
            _notch(f, sample_rate)
            for f in frequencies_hz
            if 0 < f < sample_rate / 2
            for _ in range(2)
        ]
        self._state = [[0.0, 0.0, 0.0, 0.0] for _ in self._sections]

    def process(self, pcm: bytes) -> bytes:
        samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2").astype(np.float64)
        values: list[float] = samples.tolist()
        for (b0, b1, b2, a1, a2), state in zip(self._sections, self._state, strict=True):
            x1, x2, y1, y2 = state
            for i, x in enumerate(values):
                y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
                x2, x1, y2, y1 = x1, x, y1, y
                values[i] = y
            state[:] = [x1, x2, y1, y2]
        out = np.clip(np.round(np.asarray(values)), -32768, 32767)
        return out.astype("<i2").tobytes()


def _notch(frequency_hz: float, sample_rate: int) -> tuple[float, float, float, float, float]:
    """Normalized coefficients (b0, b1, b2, a1, a2) of a notch at ``frequency_hz``
    (the audio equalizer cookbook's design)."""
    w0 = 2 * math.pi * frequency_hz / sample_rate
    alpha = math.sin(w0) / (2 * NOTCH_Q)
    a0 = 1 + alpha
    cos = math.cos(w0)
    return 1 / a0, -2 * cos / a0, 1 / a0, -2 * cos / a0, (1 - alpha) / a0
