"""WAV files of any shape become 16 kHz mono int16; broken files and missing microphones
give clear errors."""

from __future__ import annotations

import os
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import pytest

from tests.support.speech_audio import write_wav
from voicepeer.audio.input import WavFileInput, read_wav, to_mono_16k
from voicepeer.errors import ConfigError


def sine(hz: float, rate: int, seconds: float, amplitude: float = 10000.0) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return amplitude * np.sin(2 * np.pi * hz * t)


def peak_hz(samples: np.ndarray, rate: int = 16000) -> float:
    spectrum = np.abs(np.fft.rfft(samples.astype(np.float64)))
    return float(np.fft.rfftfreq(samples.size, 1 / rate)[int(np.argmax(spectrum))])


def test_stereo_44k_becomes_mono_16k_with_pitch_kept(tmp_path: Path) -> None:
    left = sine(1000, 44100, 1.0)
    stereo = np.stack([left, left], axis=1).astype(np.int16)
    path = write_wav(tmp_path / "s.wav", stereo.reshape(-1), rate=44100, channels=2)
    samples = read_wav(path)
    assert samples.dtype == np.int16
    assert abs(samples.size - 16000) <= 1
    assert abs(peak_hz(samples) - 1000) < 5
    assert 6000 < np.abs(samples).max() < 11000


def test_tones_above_8k_do_not_alias_into_the_speech_band() -> None:
    high = sine(11000, 48000, 0.5)
    out = to_mono_16k(high.astype(np.int16), 48000)
    assert np.sqrt(np.mean(out.astype(np.float64) ** 2)) < 300  # from ~7000 RMS


def test_8_bit_unsigned_is_centred(tmp_path: Path) -> None:
    eight = (128 + sine(500, 8000, 0.5, amplitude=100)).astype(np.uint8)
    path = tmp_path / "u8.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(1)
        wav.setframerate(8000)
        wav.writeframes(eight.tobytes())
    samples = read_wav(path)
    assert abs(float(samples.mean())) < 200
    assert abs(peak_hz(samples) - 500) < 5


def test_24_bit_is_read(tmp_path: Path) -> None:
    values = (sine(700, 16000, 0.5) * 256).astype(np.int32)
    raw = b"".join(int(v).to_bytes(4, "little", signed=True)[:3] for v in values)
    path = tmp_path / "24.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(3)
        wav.setframerate(16000)
        wav.writeframes(raw)
    samples = read_wav(path)
    assert abs(peak_hz(samples) - 700) < 5
    assert 9000 < np.abs(samples).max() < 11000


def test_wav_input_reads_in_blocks_and_pads_the_end_with_faint_noise(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "a.wav", sine(440, 16000, 0.5).astype(np.int16))
    source = WavFileInput(path)
    assert source.sample_rate == 16000
    chunks = []
    while chunk := source.read(0.1):
        chunks.append(chunk)
    audio = np.frombuffer(b"".join(chunks), dtype=np.int16)
    assert abs(audio.size - 1.5 * 16000) <= 2
    tail = audio[-8000:].astype(np.float64)
    assert 0 < np.sqrt(np.mean(tail**2)) < 50
    assert source.read(0.1) == b""


def test_missing_wav_is_a_config_error_that_says_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        WavFileInput(tmp_path / "nope.wav")
    assert "cannot find" in caught.value.spoken


@pytest.mark.parametrize("content", [b"", b"RIFF\x00\x00", b"not audio at all" * 10])
def test_broken_wav_is_a_config_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.wav"
    path.write_bytes(content)
    with pytest.raises(ConfigError) as caught:
        WavFileInput(path)
    assert "WAV" in caught.value.spoken


_NO_DEVICE_SCRIPT = """
from voicepeer.audio.input import SounddeviceInput
from voicepeer.errors import AudioDeviceError
try:
    SounddeviceInput(device=%r)
except AudioDeviceError as error:
    print("AudioDeviceError:", error.spoken)
"""


@pytest.mark.parametrize("device", [None, "no such microphone"])
def test_no_microphone_is_an_audio_device_error(tmp_path: Path, device: str | None) -> None:
    # A fresh process with no sound server: PortAudio reads the environment at import.
    env = {k: v for k, v in os.environ.items() if k != "PULSE_SERVER"}
    env["PULSE_SERVER"] = f"unix:{tmp_path}/no-such-socket"
    done = subprocess.run(
        [sys.executable, "-c", _NO_DEVICE_SCRIPT % device],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "AudioDeviceError:" in done.stdout, done.stderr
    assert "microphone" in done.stdout
