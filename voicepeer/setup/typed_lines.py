"""Lines typed or pasted on a terminal, read only while someone waits for them.

Read straight from the file descriptor, one byte at a time and only when select() says a byte
is there: nothing is read past the line handed back, and no thread is left reading, so the
next question (the set-up wizard's) gets the next line typed.
"""

from __future__ import annotations

import os
import select
import time
from typing import TextIO


class TypedLines:
    """Whole lines from ``stream`` as they are typed; ``ended`` once its input has ended.

    Lines ``stream`` has already read ahead into its own buffer are not seen here; a terminal
    hands over one line per read, so after a question answered on a terminal there are none.
    """

    def __init__(self, stream: TextIO | None) -> None:
        try:
            self._fd: int | None = stream.fileno() if stream is not None else None
        except (OSError, ValueError):  # a stream without a descriptor: nobody can type
            self._fd = None
        self._partial = bytearray()
        self.ended = self._fd is None

    def next_line(self, timeout_s: float) -> str | None:
        """The next whole line (stripped) if one is typed within ``timeout_s``, else None."""
        deadline = time.monotonic() + timeout_s
        while self._fd is not None and not self.ended:
            ready, _, _ = select.select([self._fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                return None
            byte = os.read(self._fd, 1)
            if not byte:
                self.ended = True
                return self._take() if self._partial else None
            if byte == b"\n":
                return self._take()
            self._partial += byte
        return None

    def drop_typed_ahead(self) -> None:
        """Forget lines typed before the next question was shown (such as the empty lines
        that end a paste): they cannot be answers to it."""
        while self.next_line(0.0) is not None:
            pass
        self._partial.clear()

    def _take(self) -> str:
        line = self._partial.decode(errors="replace").strip()
        self._partial.clear()
        return line
