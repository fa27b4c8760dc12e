"""A key typed in voicepeer's terminal as the switch (many switch interfaces type a key).

The terminal is put in cbreak mode (keys arrive at once, unechoed) and always restored:
by :meth:`close`, when used as a context manager, and at interpreter exit.

Terminals report presses only, never releases, so hold-to-talk needs the evdev switch;
a held key arrives as the terminal's key repeat, which the debounce in
:class:`voicepeer.switches.control.PushToTalk` absorbs.
"""

from __future__ import annotations

import atexit
import logging
import os
import select
import sys
import termios
import threading
import time
import tty
from typing import Any

from voicepeer.errors import AudioDeviceError
from voicepeer.switches.base import KeyEvent, ThreadedSwitch
from voicepeer.switches.keys import TERMINAL_SEQUENCES, terminal_key_name

log = logging.getLogger(__name__)

ESC = 0x1B
_LONGEST_SEQUENCE = max(len(sequence) for sequence in TERMINAL_SEQUENCES)


class TerminalKeySwitch(ThreadedSwitch):
    supports_release = False

    def __init__(self, fd: int | None = None, *, escape_timeout_s: float = 0.05) -> None:
        super().__init__()
        self._fd = sys.stdin.fileno() if fd is None else fd
        self._escape_timeout_s = escape_timeout_s
        self._pending = b""
        self._restore_lock = threading.Lock()
        if not os.isatty(self._fd):
            raise AudioDeviceError(
                "push-to-talk with a key needs voicepeer to run in a terminal window; "
                'set [switches] source = "evdev" to read the switch device directly',
                spoken="I cannot read the switch key here. Please ask your helper to check "
                       "the switch settings.")
        try:
            self._saved: list[Any] | None = termios.tcgetattr(self._fd)
            tty.setcbreak(self._fd, termios.TCSANOW)
        except termios.error as error:
            raise AudioDeviceError(f"cannot set up the terminal for the switch key: {error}",
                                   spoken="I cannot read the switch key here. Please ask your "
                                          "helper to check the switch settings.") from error
        atexit.register(self.restore_terminal)

    def restore_terminal(self) -> None:
        """Put the terminal back as it was (echo, line editing); safe to call repeatedly."""
        with self._restore_lock:
            if self._saved is None:
                return
            saved, self._saved = self._saved, None
        try:
            termios.tcsetattr(self._fd, termios.TCSADRAIN, saved)
        except termios.error as error:  # the terminal may already be gone
            log.debug("Could not restore the terminal: %s", error)
        atexit.unregister(self.restore_terminal)

    def _release_device(self) -> None:
        self.restore_terminal()

    def read_events(self, timeout_s: float) -> list[KeyEvent]:
        if not self._wait_readable(timeout_s):
            return self._flush_lone_escape()
        data = self._read()
        self._pending += data
        # A function key's code arrives in pieces: give an Escape a moment to be followed.
        deadline = time.monotonic() + self._escape_timeout_s
        while self._incomplete_sequence() and time.monotonic() < deadline:
            if self._wait_readable(deadline - time.monotonic()):
                self._pending += self._read()
        return [KeyEvent(key, True) for key in self._parse()]

    def _wait_readable(self, timeout_s: float) -> bool:
        readable, _, _ = select.select([self._fd], [], [], max(0.0, timeout_s))
        return bool(readable)

    def _read(self) -> bytes:
        try:
            data = os.read(self._fd, 64)
        except OSError as error:
            raise AudioDeviceError(f"the terminal went away: {error}") from error
        if not data:
            raise AudioDeviceError("the terminal was closed")
        return data

    def _incomplete_sequence(self) -> bool:
        start = self._pending.rfind(bytes([ESC]))
        if start < 0:
            return False
        tail = self._pending[start:]
        return len(tail) < _LONGEST_SEQUENCE and any(
            sequence.startswith(tail) and sequence != tail for sequence in TERMINAL_SEQUENCES)

    def _flush_lone_escape(self) -> list[KeyEvent]:
        return [KeyEvent(key, True) for key in self._parse()] if self._pending else []

    def _parse(self) -> list[str]:
        keys: list[str] = []
        data, self._pending = self._pending, b""
        index = 0
        while index < len(data):
            if data[index] == ESC:
                match = next((seq for seq in sorted(TERMINAL_SEQUENCES, key=len, reverse=True)
                              if data.startswith(seq, index)), None)
                if match is not None:
                    keys.append(TERMINAL_SEQUENCES[match])
                    index += len(match)
                    continue
                if data.startswith(b"\x1b[", index) or data.startswith(b"\x1bO", index):
                    end = _sequence_end(data, index)
                    keys.append("unknown")
                    index = end
                    continue
            keys.append(terminal_key_name(data[index]))
            index += 1
        return keys


def _sequence_end(data: bytes, start: int) -> int:
    """End of an unrecognized escape sequence: the first letter or "~" after ESC [ / ESC O."""
    for index in range(start + 2, len(data)):
        if chr(data[index]).isalpha() or data[index] == ord("~"):
            return index + 1
    return len(data)
