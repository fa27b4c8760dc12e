"""The running voice loop's lock, as voice training sees it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from voicepeer.cli import main
from voicepeer.running import voice_loop_is_running, voice_loop_running

HOLD = ("from voicepeer.running import voice_loop_running\n"
        "import sys, time\n"
        "with voice_loop_running():\n"
        "    print('running', flush=True)\n"
        "    time.sleep(60)\n")


def test_a_voice_loop_is_seen_while_it_runs_and_not_after_it_is_killed() -> None:
    assert not voice_loop_is_running()
    with voice_loop_running():
        assert voice_loop_is_running()
    assert not voice_loop_is_running()
    loop = subprocess.Popen([sys.executable, "-c", HOLD], stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ))
    try:
        assert loop.stdout is not None and loop.stdout.readline().strip() == "running"
        assert voice_loop_is_running()
    finally:
        loop.kill()  # as in a crash: no clean-up runs
        loop.wait(timeout=10)
    assert not voice_loop_is_running()


def test_voice_training_waits_for_a_running_voice_loop(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with voice_loop_running():
        assert main(["train-voice"]) == 1
    assert "running in another window" in capsys.readouterr().err
