"""The terminal-key switch, driven through a real pseudo-terminal."""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from voicepeer.errors import AudioDeviceError, VoicepeerError
from voicepeer.switches import TerminalKeySwitch

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, int]]:
    master, slave = os.openpty()
    try:
        yield master, slave
    finally:
        for fd in (master, slave):
            with contextlib.suppress(OSError):
                os.close(fd)


def keys_after(switch: TerminalKeySwitch, master: int, typed: bytes, count: int) -> list[str]:
    os.write(master, typed)
    found: list[str] = []
    deadline = time.monotonic() + 2
    while len(found) < count and time.monotonic() < deadline:
        found += [event.key for event in switch.read_events(0.1)]
    found += [event.key for event in switch.read_events(0.1)]  # nothing more may follow
    return found


def test_cbreak_while_open_and_restored_on_close(pty_pair: tuple[int, int]) -> None:
    _master, slave = pty_pair
    before = termios.tcgetattr(slave)
    switch = TerminalKeySwitch(slave)
    lflag = termios.tcgetattr(slave)[3]
    assert not lflag & termios.ICANON and not lflag & termios.ECHO
    switch.close()
    assert termios.tcgetattr(slave) == before
    switch.close()  # twice is harmless
    assert termios.tcgetattr(slave) == before


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (b" ", ["space"]),
        (b"\r", ["enter"]),
        (b"A", ["a"]),
        (b"\x1bOP", ["f1"]),
        (b"\x1b[15~", ["f5"]),
        (b"\x1b[24~", ["f12"]),
        (b"\x1b[[A", ["f1"]),
        (b"\x1b", ["escape"]),
        (b" \x1b[17~x", ["space", "f6", "x"]),
        (b"\x1b[99~", ["unknown"]),
    ],
)
def test_key_names(pty_pair: tuple[int, int], typed: bytes, expected: list[str]) -> None:
    master, slave = pty_pair
    with TerminalKeySwitch(slave) as switch:
        assert keys_after(switch, master, typed, len(expected)) == expected


def test_function_key_split_across_reads(pty_pair: tuple[int, int]) -> None:
    master, slave = pty_pair
    with TerminalKeySwitch(slave, escape_timeout_s=0.3) as switch:
        os.write(master, b"\x1b[")
        time.sleep(0.05)
        os.write(master, b"24~")
        assert [event.key for event in switch.read_events(1.0)] == ["f12"]


def test_presses_reach_callbacks_from_the_thread(pty_pair: tuple[int, int]) -> None:
    master, slave = pty_pair
    pressed: queue.Queue[str] = queue.Queue()
    switch = TerminalKeySwitch(slave)
    assert switch.supports_release is False
    switch.start(pressed.put)
    try:
        os.write(master, b" ")
        assert pressed.get(timeout=2) == "space"
        os.write(master, b"\x1b[19~")
        assert pressed.get(timeout=2) == "f8"
    finally:
        switch.close()


def test_failing_callback_does_not_stop_the_switch(pty_pair: tuple[int, int]) -> None:
    master, slave = pty_pair
    pressed: queue.Queue[str] = queue.Queue()

    def handler(key: str) -> None:
        pressed.put(key)
        if key == "x":
            raise RuntimeError("handler bug")

    with TerminalKeySwitch(slave) as switch:
        switch.start(handler)
        os.write(master, b"x")
        assert pressed.get(timeout=2) == "x"
        time.sleep(0.05)
        os.write(master, b" ")
        assert pressed.get(timeout=2) == "space"


def test_restored_after_an_error_in_the_with_block(pty_pair: tuple[int, int]) -> None:
    _, slave = pty_pair
    before = termios.tcgetattr(slave)
    with pytest.raises(ZeroDivisionError), TerminalKeySwitch(slave):
        _ = 1 / 0
    assert termios.tcgetattr(slave) == before


def test_restored_when_the_program_crashes(pty_pair: tuple[int, int]) -> None:
    _, slave = pty_pair
    before = termios.tcgetattr(slave)
    script = (
        "from voicepeer.switches import TerminalKeySwitch\n"
        "TerminalKeySwitch().start(print)\n"
        "raise RuntimeError('crash while the switch is on')\n"
    )
    crashed = subprocess.run(
        [sys.executable, "-c", script],
        stdin=slave,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert crashed.returncode == 1 and "crash while the switch is on" in crashed.stderr
    assert termios.tcgetattr(slave) == before
    # Without the switch's restoring, a crash would leave the terminal without echo.
    careless = "import tty; tty.setcbreak(0); raise RuntimeError('crash')"
    subprocess.run([sys.executable, "-c", careless], stdin=slave, capture_output=True, timeout=30)
    assert termios.tcgetattr(slave) != before


def test_terminal_closed_reports_an_error(pty_pair: tuple[int, int]) -> None:
    master, slave = pty_pair
    errors: queue.Queue[VoicepeerError] = queue.Queue()
    switch = TerminalKeySwitch(slave)
    switch.start(lambda key: None, on_error=errors.put)
    os.close(master)  # the terminal window is closed
    error = errors.get(timeout=3)
    assert isinstance(error, AudioDeviceError) and "terminal" in str(error)
    switch.close()


def test_not_a_terminal_is_a_clear_error() -> None:
    read_end, write_end = os.pipe()
    try:
        with pytest.raises(AudioDeviceError, match="needs voicepeer to run in a terminal") as err:
            TerminalKeySwitch(read_end)
        assert "switch settings" in err.value.spoken
    finally:
        os.close(read_end)
        os.close(write_end)
