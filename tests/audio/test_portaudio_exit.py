"""voicepeer does not wait for ever on PortAudio's shutdown at exit when a stream is stuck."""

from __future__ import annotations

import subprocess
import sys

import pytest

from voicepeer.audio.portaudio_exit import EXIT_GRACE_S

# A sound server that stops serving a stream during PortAudio's shutdown cannot be made to
# happen on demand: sounddevice's own shutdown step is made slow in its place.
_PROGRAM = """
import sys, time
from voicepeer.audio import portaudio_exit
from voicepeer.audio.output import _import_sounddevice

stuck_s, status = float(sys.argv[1]), sys.argv[2]
sounddevice = _import_sounddevice()
shut_down = sounddevice._terminate

def slow_shut_down():
    time.sleep(stuck_s)
    shut_down()

sounddevice._terminate = slow_shut_down
if status != "unset":
    portaudio_exit.exit_status = int(status)
print("said and saved")
if status == "unset":
    raise SystemExit(4)  # a program's own way of ending
"""


def ended(stuck_s: float, status: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(stuck_s), status],
        capture_output=True,
        text=True,
        timeout=EXIT_GRACE_S + 60,
    )


def test_a_stuck_portaudio_shutdown_ends_with_the_status_and_output_kept() -> None:
    # Without the limit this waits 600 s, and the time limit of ended() fails the test.
    done = ended(600, "3")
    assert (done.returncode, done.stdout) == (3, "said and saved\n"), done.stderr


def test_a_quick_shutdown_keeps_its_status() -> None:
    done = ended(0, "0")
    assert (done.returncode, done.stdout) == (0, "said and saved\n"), done.stderr


def test_a_program_that_did_not_set_the_status_is_not_cut_short() -> None:
    # A test runner or benchmark using voicepeer's audio ends as it would without it:
    # after the slow shutdown, with the status it ends with, not one voicepeer chose.
    done = ended(EXIT_GRACE_S + 2, "unset")
    assert (done.returncode, done.stdout) == (4, "said and saved\n"), done.stderr


def test_the_command_line_keeps_its_exit_status_for_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from voicepeer.audio import portaudio_exit
    from voicepeer.cli import main

    monkeypatch.setattr(portaudio_exit, "exit_status", None)  # put back after the test
    assert main(["listen", "--wav", "/no/such/recording.wav"]) != 0
    assert portaudio_exit.exit_status == main(["listen", "--wav", "/no/such/recording.wav"])
