"""Noise suppression for a noisy room: WebRTC's suppressor and automatic gain
(``webrtc-noise-gain``), on 10 ms frames of 16 kHz int16.

Measured on the evaluation split of scripts/bench_asr: suppression helps commands said over
steady noise but costs accuracy on clean speech, so the listener applies it only when the
background it measures is loud (see ``RecognitionSettings.noise_suppression``).
"""

from __future__ import annotations

from typing import Any

_FRAME_BYTES = 320
"""10 ms of 16 kHz int16."""
SUPPRESSION_LEVEL = 2
"""WebRTC noise suppression level, 0 (mild) to 4 (strongest). Measured with
``scripts/benchlib/asr_noisy.py``: on the tuning split levels 3 and 4 understood two more
of 150 commands in noise than 2 did, but on the evaluation split level 3 understood four
fewer over a kettle's hiss and one fewer clean, so 2 stays."""
AUTO_GAIN_DBFS = 0
"""WebRTC automatic gain target (dB below full scale); 0: off. With it on, the residual noise
is lifted back up (measured: 5 dB less pink noise instead of 12)."""


class NoiseSuppressor:
    """Streams audio through one WebRTC processor; its noise estimate carries over."""

    def __init__(self) -> None:
        from webrtc_noise_gain import AudioProcessor

        self._processor: Any = AudioProcessor(AUTO_GAIN_DBFS, SUPPRESSION_LEVEL)
        self._rest = b""

    def process(self, pcm: bytes) -> bytes:
        """``pcm`` cleaned; any odd remainder under 10 ms waits for the next call."""
        data = self._rest + pcm
        whole = len(data) // _FRAME_BYTES * _FRAME_BYTES
        self._rest = data[whole:]
        return b"".join(
            self._processor.Process10ms(data[i : i + _FRAME_BYTES]).audio
            for i in range(0, whole, _FRAME_BYTES)
        )


def suppression_available() -> bool:
    try:
        import webrtc_noise_gain  # noqa: F401
    except ImportError:
        return False
    return True
