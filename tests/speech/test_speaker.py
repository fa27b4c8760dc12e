"""Speech through sounddevice into the PulseAudio null sink, checked at the sink's monitor."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.support.scenario import run_scenario as run_audio_scenario
from voicepeer.audio.output import _STALL_GRACE_S


def run_scenario(name: str, env: dict[str, str]) -> dict[str, Any]:
    return run_audio_scenario("tests.speech.audio_scenarios", name, env)


@pytest.mark.audio
def test_whole_utterance_reaches_the_sink(pulse_env: dict[str, str]) -> None:
    result = run_scenario("play_whole", pulse_env)
    events = [tuple(e) for e in result["events"]]
    assert [e for e in events if e[0] == "played"] == [("played", 0), ("played", 1), ("played", 2)]
    total = sum(result["durations"])
    assert result["frames_played"] == pytest.approx(total * 22_050, abs=3)
    # What the monitor heard is speech (with its pauses) of about the synthesized length.
    assert 0.4 * total < result["loud_seconds"] <= total + 0.2


@pytest.mark.audio
def test_stop_during_playback_silences_the_sink(pulse_env: dict[str, str]) -> None:
    result = run_scenario("stop_during_playback", pulse_env)
    events = [tuple(e) for e in result["events"]]
    assert ("stopped", 1) in events
    assert not [e for e in events if e[0] == "playing" and e[1] >= 2]
    # Nothing was handed to the device after stop (at most the block being filled then).
    assert result["frames_after_stop"] <= 0.02 * 22_050
    assert result["frames_growth_after_return"] == 0
    heard_before_stop = result["durations"][0] + 0.3
    assert result["loud_seconds"] < heard_before_stop + 0.3
    assert result["loud_seconds_after_stop"] == 0


@pytest.mark.audio
def test_held_speech_falls_silent_and_goes_on_from_the_same_place(
    pulse_env: dict[str, str],
) -> None:
    result = run_scenario("hold_during_playback", pulse_env)
    assert result["frames_growth_while_held"] == 0
    assert result["loud_seconds_while_held"] == 0
    # Every sentence was played to its end, none of it twice or left out.
    played = [e for e in map(tuple, result["events"]) if e[0] == "played"]
    assert played == [("played", n) for n in range(len(result["durations"]))]
    assert result["frames_played"] == pytest.approx(sum(result["durations"]) * 22_050, abs=3)
    assert result["loud_seconds_after"] > 1.0


@pytest.mark.audio
def test_stop_during_synthesis_plays_nothing(pulse_env: dict[str, str]) -> None:
    result = run_scenario("stop_during_synthesis", pulse_env)
    assert result["stop_returned"]
    assert not [e for e in result["events"] if e[0] == "playing"]
    assert ["stopped", 0] in result["events"]
    assert result["frames_played"] == 0
    assert result["frames_growth_after_return"] == 0
    assert result["loud_seconds"] == 0


def test_no_speaker_gives_a_clear_audio_device_error(isolated_home: Path) -> None:
    # No PulseAudio server to find and no sound card: a computer with no speaker.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    runtime = isolated_home / "empty-runtime"
    runtime.mkdir(mode=0o700)
    env.update(HOME=str(isolated_home), XDG_RUNTIME_DIR=str(runtime))
    result = run_scenario("no_speaker", env)
    assert result["error"] == "AudioDeviceError"
    assert "speaker" in result["message"]
    assert "screen" in result["spoken"]


@pytest.mark.audio
def test_speaker_vanishing_mid_sentence_is_an_audio_device_error(
    pulseaudio: object, isolated_home: Path
) -> None:
    # pulseaudio: only so the test is skipped where PulseAudio is not installed.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    result = run_scenario("speaker_vanishes", env)
    assert [e["error"] for e in result["errors"]] == ["AudioDeviceError", "AudioDeviceError"]
    assert "went away" in result["errors"][0]["message"]
    assert "screen" in result["errors"][0]["spoken"]
    assert ["playing", 0] in result["events"]
    assert ["played", 0] not in result["events"]


@pytest.mark.audio
def test_a_speaker_that_takes_no_audio_is_an_audio_device_error(pulseaudio: object) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    result = run_scenario("speaker_freezes", env)
    assert [e["error"] for e in result["errors"]] == ["AudioDeviceError"]
    assert "stopped taking audio" in result["errors"][0]["message"]
    # Told once the device took nothing for the grace time, not after the stuck stream
    # was shut down too (that waited about 34 s more).
    assert result["errors"][0]["after_s"] < _STALL_GRACE_S + 10


@pytest.mark.audio
def test_a_busy_computer_playing_in_fits_and_starts_is_not_a_broken_speaker(
    pulseaudio: object,
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    result = run_scenario("speaker_busy", env)
    assert result["errors"] == []
    assert ["played", 7] in result["events"]  # the whole post, all eight sentences
