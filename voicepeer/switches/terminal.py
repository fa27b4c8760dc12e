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
from voicepeer.switches.keys import incomplete_terminal_input, parse_terminal_keys

log = logging.getLogger(__name__)


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
                "the switch settings.",
            )
        try:
            self._saved: list[Any] | None = termios.tcgetattr(self._fd)
            tty.setcbreak(self._fd, termios.TCSANOW)
        except termios.error as error:
            raise AudioDeviceError(
                f"cannot set up the terminal for the switch key: {error}",
                spoken="I cannot read the switch key here. Please ask your "
                "helper to check the switch settings.",
            ) from error
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
        return incomplete_terminal_input(self._pending)

    def _flush_lone_escape(self) -> list[KeyEvent]:
        return [KeyEvent(key, True) for key in self._parse()] if self._pending else []

    def _parse(self) -> list[str]:
        data, self._pending = self._pending, b""
        return parse_terminal_keys(data)
