"""Push-to-talk in the voice loop's terms: a press stops speech, and listening waits for
a press. Real terminal key (a pseudo-terminal) and real speech on the null sink."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.audio
def test_a_press_stops_speech_and_listening_waits_for_a_press(
    pulse_env: dict[str, str],
) -> None:
    done = subprocess.run([sys.executable, "-m", "tests.voice.ptt_scenario"], cwd=ROOT,
                          env=pulse_env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # About 200 words at 160 a minute would take over a minute; the press came after 1 s.
    assert result["words"] > 180
    assert result["say_s"] < 10, result
    assert result["waited_for_press"], result
    assert result["heard"] == ["next post"]
