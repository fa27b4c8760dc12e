"""Noise suppression where the room is noisy: the real WebRTC suppressor, the real bundled
engine, espeak-ng speech in pink noise."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from tests.support.speech_audio import espeak, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.audio.noise import NoiseSuppressor
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.endpointing import level_db
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.settings import Settings
from voicepeer.setup.doctor import check_noise_suppression


def pink(n: int, rms: float, seed: int = 0) -> np.ndarray:
    spectrum = np.fft.rfft(np.random.default_rng(seed).normal(size=n))
    freqs = np.fft.rfftfreq(n)
    freqs[0] = freqs[1]
    noise = np.fft.irfft(spectrum / np.sqrt(freqs), n)
    return noise / np.sqrt(np.mean(noise**2)) * rms


def in_noise(text: str, noise_rms: float) -> np.ndarray:
    speech = espeak(text).astype(np.float64)
    signal = np.concatenate([np.zeros(16000), speech, np.zeros(16000)])
    signal += pink(signal.size, noise_rms) + np.random.default_rng(1).normal(0, 6, signal.size)
    return np.clip(np.round(signal), -32768, 32767).astype(np.int16)


def test_the_suppressor_quietens_steady_noise() -> None:
    noise = pink(16000 * 2, 1000.0).astype(np.int16).tobytes()
    cleaned = NoiseSuppressor().process(noise)
    assert len(cleaned) == len(noise)
    tail = slice(len(noise) // 2, len(noise))
    assert level_db(cleaned[tail]) < level_db(noise[tail]) - 6


@pytest.mark.parametrize(("noise_rms", "suppressing"), [(0.0, False), (800.0, True)])
def test_suppression_is_used_only_in_a_noisy_room(
    tmp_path: Path, noise_rms: float, suppressing: bool
) -> None:
    path = write_wav(tmp_path / "room.wav", in_noise("next post", noise_rms))
    listener = AudioListener(
        WavFileInput(path),
        SphinxRecognizer(phrasebook=voice_loop_phrasebook()),
        RecognitionSettings(),
    )
    heard = listener.listen(ListenMode.COMMAND)
    assert heard is not None and heard.text == "next post"
    assert listener.suppressing is suppressing


def test_doctor_says_when_noise_is_suppressed() -> None:
    settings = Settings()
    auto = check_noise_suppression(settings)
    assert auto.ok and "automatic" in auto.detail and "-50 dB" in auto.detail
    off = replace(settings, recognition=RecognitionSettings(noise_suppression="off"))
    assert check_noise_suppression(off).detail.startswith("off")
