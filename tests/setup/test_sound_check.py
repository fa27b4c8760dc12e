"""Measuring speech for the microphone step: levels, pauses and the suggested wait."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from voicepeer.setup.sound_check import (
    level_bar,
    pauses_s,
    prepare_for_recognizer,
    record_utterance,
    rms_dbfs,
    speech_s,
    suggest_timeout_s,
)

RATE = 16_000


def spoken(text: str, folder: Path, name: str, rate_wpm: int = 110) -> bytes:
    """espeak-ng speech as 16 kHz mono 16-bit PCM, trimmed of espeak's own silence; the
    same bytes on every run."""
    wav, raw = folder / f"{name}.wav", folder / f"{name}.raw"
    speak = ["espeak-ng", "-v", "en-us", "-s", str(rate_wpm), "-w", str(wav), text]
    subprocess.run(speak, check=True)
    subprocess.run(
        [
            "sox",
            "-R",  # repeatable: sox otherwise dithers with a new random seed on every run
            str(wav),
            "-r",
            str(RATE),
            "-c",
            "1",
            "-b",
            "16",
            "-e",
            "signed",
            "-t",
            "raw",
            str(raw),
            "silence",
            "1",
            "0.01",
            "1%",
            "reverse",
            "silence",
            "1",
            "0.01",
            "1%",
            "reverse",
        ],
        check=True,
    )
    return raw.read_bytes()


def silence(seconds: float, noise_rms: float = 0.0) -> bytes:
    samples = np.random.default_rng(1).normal(0, noise_rms, int(RATE * seconds))
    return samples.astype(np.int16).tobytes()


def test_levels_and_meter() -> None:
    assert rms_dbfs(b"") == -60.0
    assert rms_dbfs(silence(0.1)) == -60.0
    full = np.full(1600, 32767, dtype=np.int16).tobytes()
    assert rms_dbfs(full) == pytest.approx(0.0, abs=0.01)
    assert level_bar(-60.0, width=10).startswith("[..........]")
    assert level_bar(0.0, width=10).startswith("[##########]")
    assert level_bar(-30.0, width=10).startswith("[#####.....]")


@pytest.mark.parametrize("gap_s", [0.4, 1.2])
def test_pause_between_words_is_measured(tmp_path: Path, gap_s: float) -> None:
    first, second = spoken("next", tmp_path, "a"), spoken("post", tmp_path, "b")
    pcm = silence(0.5, 20) + first + silence(gap_s, 20) + second + silence(1.0, 20)
    pauses = pauses_s(pcm, RATE)
    assert max(pauses) == pytest.approx(gap_s, abs=0.15)
    assert speech_s(pcm, RATE) == pytest.approx(
        (len(first) + len(second)) / 2 / RATE + gap_s, abs=0.2
    )


def test_no_speech_means_no_pauses() -> None:
    assert pauses_s(silence(2.0, 30), RATE) == []
    assert pauses_s(b"", RATE) == []


def test_suggestion_is_margin_times_longest_pause_within_range() -> None:
    assert suggest_timeout_s([0.4, 1.2], 0.5, 10.0, 2.0) == 2.4
    assert suggest_timeout_s([0.1], 0.8, 10.0, 2.0) == 0.8  # clamped up
    assert suggest_timeout_s([7.0], 0.5, 6.0, 2.0) == 6.0  # clamped down
    assert suggest_timeout_s([], 0.5, 6.0, 2.5) == 2.5  # nothing heard: keep what is set


class _Recorded:
    """Plays back PCM in blocks, as a microphone would deliver it."""

    sample_rate = RATE

    def __init__(self, pcm: bytes) -> None:
        self.pcm = pcm

    def read(self, seconds: float) -> bytes:
        size = int(seconds * RATE) * 2
        chunk, self.pcm = self.pcm[:size], self.pcm[size:]
        return chunk

    def discard_pending(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_recording_ends_after_the_quiet_that_follows_speech(tmp_path: Path) -> None:
    words = spoken("next post", tmp_path, "np")
    pcm = silence(1.0, 20) + words + silence(5.0, 20)
    levels: list[float] = []
    recording = record_utterance(_Recorded(pcm), RATE, end_silence_s=1.5, on_level=levels.append)
    assert recording.heard_speech
    expected_s = 1.0 + len(words) / 2 / RATE + 1.5
    assert len(recording.pcm) / 2 / RATE == pytest.approx(expected_s, abs=0.25)
    assert max(levels) > -40


def test_prepared_audio_is_the_speech_with_padding_and_no_digital_silence(
    tmp_path: Path,
) -> None:
    words = spoken("next post", tmp_path, "np")
    prepared = prepare_for_recognizer(silence(3.0) + words + silence(3.0), RATE, pad_s=0.3)
    # 0.3 s of the recording's own quiet either side, then 0.3 s more added.
    assert len(prepared) / 2 / RATE == pytest.approx(len(words) / 2 / RATE + 1.2, abs=0.1)
    at_once = prepare_for_recognizer(words, RATE, pad_s=0.3)  # no quiet recorded at all
    assert len(at_once) / 2 / RATE == pytest.approx(len(words) / 2 / RATE + 0.6, abs=0.1)
    assert rms_dbfs(at_once[: int(0.25 * RATE) * 2]) < -50
    samples = np.frombuffer(prepared, dtype=np.int16)
    assert np.count_nonzero(samples[:3000]) > 2000  # the hiss replaced exact zeros
