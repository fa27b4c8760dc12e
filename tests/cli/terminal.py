"""Drive an interactive command through a pseudo-terminal, as a person at a keyboard would."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import time
from collections.abc import Sequence


class Terminal:
    def __init__(self, argv: Sequence[str], env: dict[str, str]) -> None:
        self._master, slave = pty.openpty()
        self.process = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            close_fds=True,
            start_new_session=True,
        )
        os.close(slave)
        self.output = ""
        self._seen = 0

    def expect(self, pattern: str, timeout: float = 60.0) -> str:
        """Wait until ``pattern`` (a regex) appears after the previous match; return the text."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.output, self._seen)
            if match:
                seen_text = self.output[self._seen : match.end()]
                self._seen = match.end()
                return seen_text
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._read(remaining):
                raise AssertionError(f"never saw {pattern!r}; output so far:\n{self.output}")

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self._master], [], [], min(timeout, 1.0))
        if not ready:
            return self.process.poll() is None or timeout > 1.0
        try:
            data = os.read(self._master, 4096)
        except OSError:  # the child closed the terminal
            return False
        self.output += data.decode(errors="replace").replace("\r\n", "\n")
        return bool(data)

    def send(self, line: str) -> None:
        os.write(self._master, line.encode() + b"\n")

    def press(self, keys: bytes) -> None:
        """Type keys without Enter, as bytes the terminal would send (b"\\x1b[15~" is F5)."""
        os.write(self._master, keys)

    def finish(self, timeout: float = 60.0) -> int:
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.2)
        while self._read(0.1):
            pass
        os.close(self._master)
        if self.process.poll() is None:
            self.process.kill()
        return self.process.wait(timeout=10)
