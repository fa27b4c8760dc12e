"""A plain progress bar on the terminal (standard error), no extra dependency.

On a terminal it redraws one line in place; when the output is a file or pipe (a log, a
caregiver's remote session) it prints a short line every tenth of the download instead.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

MB = 1_000_000


class ProgressBar:
    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        width: int = 30,
        interactive: bool | None = None,
        redraw_every_s: float = 0.1,
    ) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._width = width
        self._interactive = (
            interactive
            if interactive is not None
            else bool(getattr(self._stream, "isatty", lambda: False)())
        )
        self._redraw_every_s = redraw_every_s
        self._label = ""
        self._total: int | None = None
        self._started_at = 0.0
        self._start_bytes = 0
        self._last_draw = 0.0
        self._last_tenth = -1
        self._done = 0

    def start(self, label: str, total: int | None, already: int = 0) -> None:
        """Begin (or resume, from ``already`` bytes) a transfer of ``total`` bytes."""
        self._label, self._total = label, total
        self._started_at = time.monotonic()
        self._start_bytes = self._done = already
        self._last_tenth = -1
        if already:
            self.note(f"Resuming {label} from {already / MB:.1f} MB")
        self.update(already, force=True)

    def update(self, done: int, *, force: bool = False) -> None:
        self._done = done
        now = time.monotonic()
        if self._interactive:
            if force or now - self._last_draw >= self._redraw_every_s:
                self._last_draw = now
                self._stream.write("\r" + self._line(now))
                self._stream.flush()
            return
        tenth = int(10 * done / self._total) if self._total else done // (10 * MB)
        if force or tenth > self._last_tenth:
            self._last_tenth = tenth
            self._stream.write(self._line(now) + "\n")
            self._stream.flush()

    def finish(self) -> None:
        if self._interactive:
            self._stream.write("\r" + self._line(time.monotonic()) + "\n")
            self._stream.flush()

    def note(self, text: str) -> None:
        """A message on its own line, not disturbing the bar."""
        self._stream.write(("\n" if self._interactive and self._done else "") + text + "\n")
        self._stream.flush()

    def _line(self, now: float) -> str:
        elapsed = now - self._started_at
        rate = (self._done - self._start_bytes) / elapsed if elapsed > 0.5 else 0.0
        speed = f"  {rate / MB:.1f} MB/s" if rate else ""
        if not self._total:
            return f"{self._label}: {self._done / MB:.1f} MB{speed}"
        fraction = min(1.0, self._done / self._total)
        filled = round(fraction * self._width)
        bar = "#" * filled + "-" * (self._width - filled)
        return (
            f"{self._label} [{bar}] {fraction * 100:3.0f}%  "
            f"{self._done / MB:.1f} of {self._total / MB:.1f} MB{speed}"
        )
