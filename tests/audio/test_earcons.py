"""Earcons: length, no clicks, distinct pitch and direction, and real playback."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import time
import wave as wav_format
from pathlib import Path

import numpy as np
import pytest

from tests.support.pulse import PulseAudioServer
from voicepeer.audio.earcons import DESIGNS, LEAD_IN_S, Earcon, EarconPlayer, duration_s, render
from voicepeer.audio.output import WavDirectoryOutput
from voicepeer.audio.settings import EarconSettings

RATE = 22_050
ROOT = Path(__file__).resolve().parents[2]


def samples(pcm: bytes) -> np.ndarray:
    return np.frombuffer(pcm, dtype="<i2").astype(np.float64) / 32767


def peak_hz(wave: np.ndarray, rate: int = RATE) -> float:
    spectrum = np.abs(np.fft.rfft(wave * np.hanning(len(wave)), n=8 * len(wave)))
    return float(np.argmax(spectrum) * rate / (8 * len(wave)))


@pytest.mark.parametrize("earcon", list(Earcon))
@pytest.mark.parametrize("rate", [16_000, 22_050, 48_000])
def test_duration_is_short_and_exact(earcon: Earcon, rate: int) -> None:
    wave = samples(render(earcon, sample_rate=rate))
    assert 0.12 <= duration_s(earcon) <= 0.2
    assert abs(len(wave) - duration_s(earcon) * rate) <= len(DESIGNS[earcon])


@pytest.mark.parametrize("earcon", list(Earcon))
def test_no_clicks(earcon: Earcon) -> None:
    wave = samples(render(earcon, volume=1.0))
    assert abs(wave[0]) < 0.01 and abs(wave[-1]) < 0.01
    edges = np.cumsum([round(note.duration_s * RATE) for note in DESIGNS[earcon]])[:-1]
    for edge in edges:  # where one note hands over to the next
        assert np.max(np.abs(wave[edge - 2 : edge + 2])) < 0.02
    # No jump bigger than the steepest slope of the tone itself (fundamental + harmonic).
    top_hz = max(note.frequency_hz for note in DESIGNS[earcon])
    steepest = 2 * np.pi * top_hz / RATE * (1 + 2 * 0.15) / 1.15
    assert np.max(np.abs(np.diff(wave))) <= steepest * 1.05
    # Soft attack: the first 5 ms stay well below the full level.
    assert np.max(np.abs(wave[: RATE // 200])) < 0.5 * np.max(np.abs(wave))


def test_pitches_are_distinct_and_move_the_right_way() -> None:
    peaks = {earcon: peak_hz(samples(render(earcon))) for earcon in Earcon}
    assert abs(peaks[Earcon.LISTENING] - 784) < 15
    assert abs(peaks[Earcon.GOT_IT] - 1046.5) < 15
    assert abs(peaks[Earcon.HEARD_YES] - 1568) < 15
    assert min(abs(peaks[Earcon.ERROR] - 392), abs(peaks[Earcon.ERROR] - 311)) < 15
    values = sorted(peaks.values())
    assert min(b - a for a, b in itertools.pairwise(values)) > 150

    def halves(earcon: Earcon) -> tuple[float, float]:
        wave = samples(render(earcon))
        return peak_hz(wave[: len(wave) // 2]), peak_hz(wave[len(wave) // 2 :])

    first, second = halves(Earcon.LISTENING)
    assert second > first * 1.3  # rising: "ready"
    first, second = halves(Earcon.ERROR)
    assert first > second * 1.15  # falling: "didn't catch that"


def test_volume_scales_and_is_checked() -> None:
    loud = np.max(np.abs(samples(render(Earcon.GOT_IT, volume=1.0))))
    soft = np.max(np.abs(samples(render(Earcon.GOT_IT, volume=0.25))))
    assert 0.9 < loud <= 1.0
    assert soft == pytest.approx(loud / 4, rel=0.01)
    assert not np.any(samples(render(Earcon.GOT_IT, volume=0.0)))
    with pytest.raises(ValueError, match="volume"):
        render(Earcon.GOT_IT, volume=1.5)


def _segments(wave: np.ndarray, rate: int) -> list[np.ndarray]:
    """Stretches of sound separated by more than 0.1 s of silence."""
    frame = rate // 100
    loud = [
        np.sqrt(np.mean(wave[i : i + frame] ** 2)) > 0.01
        for i in range(0, len(wave) - frame, frame)
    ]
    found, start, quiet = [], None, 0
    for index, is_loud in enumerate([*loud, *[False] * 20]):
        if is_loud:
            start = index if start is None else start
            quiet = 0
        elif start is not None:
            quiet += 1
            if quiet > 10:
                found.append(wave[start * frame : (index - quiet + 1) * frame])
                start = None
    if start is not None:
        found.append(wave[start * frame :])
    return found


def _play_and_record(
    pulse: PulseAudioServer, tmp_path: Path, *names: str
) -> tuple[dict[str, bool], np.ndarray]:
    recording = tmp_path / "monitor.raw"
    with recording.open("wb") as sink:
        recorder = subprocess.Popen(
            [
                "parec",
                "-d",
                "@DEFAULT_MONITOR@",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--raw",
            ],
            env=pulse.env(),
            stdout=sink,
        )
        try:
            time.sleep(0.5)
            played = subprocess.run(
                [sys.executable, "-m", "tests.audio.sd_output", *names],
                env=pulse.env(),
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=60,
                check=True,
            )
            time.sleep(0.5)
        finally:
            recorder.terminate()
            recorder.wait(timeout=10)
    return json.loads(played.stdout), samples(recording.read_bytes())


@pytest.mark.audio
@pytest.mark.slow
def test_earcons_play_on_a_real_sound_device(pulseaudio: PulseAudioServer, tmp_path: Path) -> None:
    results, wave = _play_and_record(pulseaudio, tmp_path, "listening", "no-got_it", "error")
    assert results == {"listening": True, "got_it": False, "error": True}
    heard = _segments(wave, RATE)
    assert len(heard) == 2, [len(s) / RATE for s in heard]
    listening, error = heard
    # The whole tone arrives: nothing cut at the start or end of the stream.
    assert abs(len(listening) / RATE - duration_s(Earcon.LISTENING)) < 0.03
    assert abs(len(error) / RATE - duration_s(Earcon.ERROR)) < 0.03
    assert abs(peak_hz(listening[: len(listening) // 3]) - 523) < 20
    assert abs(peak_hz(listening) - 784) < 20
    assert min(abs(peak_hz(error) - 392), abs(peak_hz(error) - 311)) < 20


@pytest.mark.audio
def test_broken_speaker_does_not_stop_voicepeer(
    pulseaudio: PulseAudioServer, tmp_path: Path
) -> None:
    env = {**pulseaudio.env(), "PULSE_SERVER": f"unix:{tmp_path}/no-such-socket"}
    played = subprocess.run(
        [sys.executable, "-m", "tests.audio.sd_output", "got_it"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert played.returncode == 0, played.stderr[-2000:]
    assert json.loads(played.stdout) == {"got_it": False}
    assert "Could not play the got_it tone" in played.stderr


@pytest.mark.audio
@pytest.mark.slow
def test_earcons_arrive_whole_through_voicepeers_speaker(
    pulseaudio: PulseAudioServer, tmp_path: Path
) -> None:
    results, wave = _play_and_record(
        pulseaudio, tmp_path, "--voicepeer-output", "listening", "got_it", "error"
    )
    assert results == {"listening": True, "got_it": True, "error": True}
    heard = _segments(wave, RATE)
    assert [round(len(s) / RATE, 2) for s in heard] == pytest.approx(
        [duration_s(e) for e in (Earcon.LISTENING, Earcon.GOT_IT, Earcon.ERROR)], abs=0.03
    )
    assert [peak_hz(s) for s in heard[:2]] == pytest.approx([784, 1046.5], abs=20)


def test_earcons_saved_by_the_wav_output(tmp_path: Path) -> None:
    output = WavDirectoryOutput(tmp_path / "sounds")
    player = EarconPlayer(output, EarconSettings(got_it_enabled=False, volume=0.3))
    assert [player.listening(), player.got_it(), player.error()] == [True, False, True]
    files = sorted((tmp_path / "sounds").glob("*.wav"))
    assert [f.name for f in files] == ["0001.wav", "0002.wav"]
    with wav_format.open(str(files[1])) as saved:
        assert saved.getframerate() == RATE and saved.getnchannels() == 1
        pcm = saved.readframes(saved.getnframes())
    lead = round(LEAD_IN_S * RATE) * 2
    assert pcm[lead : lead + len(render(Earcon.ERROR, volume=0.3))] == render(
        Earcon.ERROR, volume=0.3
    )
    assert not any(pcm[:lead])
