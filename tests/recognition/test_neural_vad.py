"""The neural detector (Silero, audio/vad.py) in the endpointer: real espeak-ng speech over
loud pink noise is taken for speech where the energy test loses its quiet sounds, and in a
quiet room the energy test decides alone."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import numpy.typing as npt

from tests.recognition.test_endpointing import settings
from tests.support.speech_audio import espeak, silence
from voicepeer.audio.vad import neural_detector
from voicepeer.recognition.endpointing import Endpointer, SpeechDetector

SETTINGS = settings(silence_s=2.5, detector_from_noise_db=-50.0)


def pink(n: int, rms: float) -> npt.NDArray[np.float64]:
    spectrum = np.fft.rfft(np.random.default_rng(3).normal(size=n))
    freqs = np.fft.rfftfreq(n)
    freqs[0] = freqs[1]
    noise = np.fft.irfft(spectrum / np.sqrt(freqs), n)
    return noise / np.sqrt(np.mean(noise**2)) * rms


def speech_share(noise_rms: float, detector: SpeechDetector | None) -> tuple[float, list[bool]]:
    """Share of the speech's 30 ms frames taken for speech, and every frame's decision."""
    speech = espeak("could you read the next post please", voice="en-gb-scotland")
    signal = np.concatenate([silence(1.0), speech, silence(1.0)]).astype(np.float64)
    signal += pink(signal.size, noise_rms) + np.random.default_rng(4).normal(0, 6, signal.size)
    audio = np.clip(np.round(signal), -32768, 32767).astype(np.int16).tobytes()
    endpointer = Endpointer(SETTINGS, detector=detector)
    size = endpointer.frame_bytes
    decisions = []
    for offset in range(0, len(audio) - size + 1, size):
        endpointer.feed(audio[offset : offset + size])
        decisions.append(endpointer.last_frame_speech)
    loud = np.abs(np.concatenate([silence(1.0), speech])) > 300
    frames = [i for i in range(len(decisions)) if loud[i * size // 2 : (i + 1) * size // 2].any()]
    return sum(decisions[i] for i in frames) / len(frames), decisions


def test_speech_over_loud_noise_is_heard_through_its_quiet_sounds() -> None:
    energy_alone, _ = speech_share(1500.0, None)
    with_detector, _ = speech_share(1500.0, neural_detector())
    assert with_detector >= 0.8
    assert with_detector > energy_alone + 0.2


def test_in_a_quiet_room_the_energy_test_decides_alone() -> None:
    _, energy_alone = speech_share(0.0, None)
    _, with_detector = speech_share(0.0, neural_detector())
    assert with_detector == energy_alone


def test_silero_runs_on_the_calling_thread_alone() -> None:
    """Its OpenMP team (a thread a core, spinning between chunks) cost seven times the
    processor time; the limit that prevents it is not left in the environment."""
    code = (
        "import os, numpy\n"
        "before = len(os.listdir('/proc/self/task'))\n"
        "from voicepeer.audio.vad import neural_detector\n"
        "detector = neural_detector()\n"
        "heard = [detector.is_speech(bytes(960)) for _ in range(20)]\n"
        "print(len(os.listdir('/proc/self/task')) - before, 'OMP_THREAD_LIMIT' in os.environ)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OMP_THREAD_LIMIT"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.split() == ["0", "False"]
