"""Finding one's way by ear with the real engines: spoken commands through PocketSphinx,
and voicepeer's answers through the real synthesizer into WAV files."""

from __future__ import annotations

import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from tests.support.speech_audio import conversation
from tests.support.voicepeer_run import run_voicepeer
from voicepeer.demo_forum import DemoForum


def said_by_voicepeer(forum: DemoForum, source: str, output: str, typed: str = "") -> str:
    result = run_voicepeer(forum.base_url, typed, source=source, output=output)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    with DemoForum(tmp_path / "forum.sqlite3") as server:
        yield server


@pytest.mark.slow
def test_spoken_navigation_who_where_sleep_and_wake(forum: DemoForum, tmp_path: Path) -> None:
    wav = tmp_path / "spoken.wav"
    conversation(
        ["open topic two", "who wrote this", "where am i", "go to sleep", "next post", "wake up"],
        wav,
        gap_s=3.0,
    )
    said = [
        line.removeprefix("SAY: ")
        for line in said_by_voicepeer(forum, f"wav:{wav}", "text").splitlines()
    ]
    after_open = said[
        said.index("Stable MRI for three years! (celebration), in Good news. 6 posts.") + 1 :
    ]
    assert after_open[0].startswith("Post 1 of 6, by Priya")
    assert after_open[1].startswith("This post is by Priya")
    assert (
        after_open[2] == "You are reading Stable MRI for three years! (celebration), post 1 of 6."
    )
    assert after_open[3] == "Going to sleep. Say wake up when you need me."
    # "next post" while asleep is ignored: the next thing said is the wake-up.
    assert after_open[4].startswith("I'm listening again. You are reading Stable MRI")


def wav_seconds_and_level(path: Path) -> tuple[float, float]:
    with wave.open(str(path)) as audio:
        samples = np.frombuffer(audio.readframes(audio.getnframes()), dtype=np.int16)
        return audio.getnframes() / audio.getframerate(), float(np.abs(samples).max())


@pytest.mark.slow
def test_answers_are_spoken_and_faster_is_heard_and_remembered(
    forum: DemoForum, tmp_path: Path
) -> None:
    spoken = tmp_path / "said"
    said_by_voicepeer(forum, "text", f"wav:{spoken}", "where am i\nfaster\nfaster\nfaster\n")
    first_run = sorted(spoken.glob("*.wav"))
    # Greeting, "where am i", three "Speaking faster." — each a WAV of real speech.
    assert len(first_run) == 5
    levels = [wav_seconds_and_level(path) for path in first_run]
    assert all(level > 3000 for _, level in levels), levels
    slow_where = levels[1][0]
    # The next session keeps the faster voice: the same answer takes less time.
    said_by_voicepeer(forum, "text", f"wav:{spoken}", "where am i\n")
    second_run = sorted(set(spoken.glob("*.wav")) - set(first_run))
    fast_where = wav_seconds_and_level(second_run[1])[0]
    assert fast_where < 0.85 * slow_where, (slow_where, fast_where)
