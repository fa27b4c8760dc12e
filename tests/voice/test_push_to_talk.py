"""Push-to-talk in the voice loop's terms: a press stops speech, and listening waits for
a press. Real terminal key (a pseudo-terminal) and real speech on the null sink."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.scenario import run_scenario as run_audio_scenario


def run_scenario(name: str, env: dict[str, str]) -> dict[str, Any]:
    return run_audio_scenario("tests.voice.ptt_scenario", name, env)


@pytest.mark.audio
def test_a_press_stops_speech_and_listening_waits_for_a_press(
    pulse_env: dict[str, str],
) -> None:
    result = run_scenario("push_to_talk", pulse_env)
    # About 200 words at 160 a minute would take over a minute; the press came after 1 s.
    assert result["words"] > 180
    assert result["say_s"] < 10, result
    assert result["waited_for_press"], result
    assert result["heard"] == ["next post"]


@pytest.mark.audio
def test_without_push_to_talk_any_key_still_stops_speech(pulse_env: dict[str, str]) -> None:
    result = run_scenario("stop_key", pulse_env)
    assert result["words"] > 180
    assert result["say_s"] < 10, result
