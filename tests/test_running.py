"""The running voice loop's lock, as voice training sees it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from voicepeer.cli import main
from voicepeer.running import (
    AlreadyRunningError,
    running_loop,
    voice_loop_is_running,
    voice_loop_running,
)

HOLD = (
    "from voicepeer.running import voice_loop_running\n"
    "import sys, time\n"
    "with voice_loop_running():\n"
    "    print('running', flush=True)\n"
    "    time.sleep(60)\n"
)


def test_a_voice_loop_is_seen_while_it_runs_and_not_after_it_is_killed() -> None:
    assert not voice_loop_is_running()
    with voice_loop_running():
        assert voice_loop_is_running()
    assert not voice_loop_is_running()
    loop = subprocess.Popen(
        [sys.executable, "-c", HOLD], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
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


def test_a_second_voice_loop_is_refused_naming_the_first() -> None:
    loop = subprocess.Popen(
        [sys.executable, "-c", HOLD], stdout=subprocess.PIPE, text=True, env=dict(os.environ)
    )
    try:
        assert loop.stdout is not None and loop.stdout.readline().strip() == "running"
        holder = running_loop()
        assert holder is not None and holder.pid == loop.pid and not holder.service
        with pytest.raises(AlreadyRunningError) as refused, voice_loop_running():
            pytest.fail("a second voice loop must not start")
        message = str(refused.value)
        assert f"process {loop.pid}" in message and f"kill {loop.pid}" in message
        assert "Ctrl+C" in message and refused.value.spoken
    finally:
        loop.kill()
        loop.wait(timeout=10)
    with voice_loop_running():  # the first one is gone: this one may start
        assert voice_loop_is_running()


def test_a_voice_loop_started_by_the_service_is_named_with_how_to_stop_it() -> None:
    env = {**os.environ, "INVOCATION_ID": "0123456789abcdef"}
    loop = subprocess.Popen(
        [sys.executable, "-c", HOLD], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert loop.stdout is not None and loop.stdout.readline().strip() == "running"
        with pytest.raises(AlreadyRunningError) as refused, voice_loop_running():
            pytest.fail("a second voice loop must not start")
        assert "systemctl --user stop voicepeer.service" in str(refused.value)
        assert "started by the voicepeer service" in str(refused.value)
    finally:
        loop.kill()
        loop.wait(timeout=10)


def test_asking_whether_a_loop_runs_never_blocks_one_from_starting() -> None:
    # Voice training and doctor only look; a loop starting meanwhile is not refused.
    assert running_loop() is None
    with voice_loop_running():
        assert voice_loop_is_running() and voice_loop_is_running()


def test_doctor_works_while_a_voice_loop_runs(capsys: pytest.CaptureFixture[str]) -> None:
    with voice_loop_running():
        assert main(["doctor", "--no-audio"]) in (0, 1)
    out = capsys.readouterr()
    assert "already running" not in out.out + out.err
    assert "[OK  ] configuration" in out.out and "[OK  ] speech recognizer" in out.out
