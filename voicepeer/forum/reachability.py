"""Whether the forum is known to be out of reach, and a look now and then for its return.

Once a request finds the forum out of reach (after its retries), a person's next commands
must not each wait through the same retries again: while the forum is known to be down a
request gets one quick try. Meanwhile a thread of its own asks the forum every so often,
and the first answer of any kind ends it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

Probe = Callable[[], bool]
"""Asks the forum once; True when it answered at all (any status below 500)."""


class Reachability:
    """Known down or not; while down, :attr:`probe` is tried every ``check_s`` seconds."""

    def __init__(self, probe: Probe, check_s: float) -> None:
        self._probe = probe
        self._check_s = check_s
        self._lock = threading.Lock()
        self._down = False
        self._closed = threading.Event()
        self._thread: threading.Thread | None = None
        self._listeners: list[Callable[[], None]] = []

    @property
    def down(self) -> bool:
        return self._down

    def on_back(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` (on the checking thread) when the forum answers again."""
        self._listeners.append(listener)

    def mark_down(self) -> None:
        with self._lock:
            if self._down or self._closed.is_set():
                return
            self._down = True
            log.info("the forum is out of reach; asking it again every %.0f s", self._check_s)
            self._thread = threading.Thread(target=self._check, name="forum-check", daemon=True)
            self._thread.start()

    def mark_up(self) -> None:
        with self._lock:
            if not self._down:
                return
            self._down = False
        log.info("the forum answers again")
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:
                log.exception("forum-back listener failed")

    def close(self) -> None:
        self._closed.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)

    def _check(self) -> None:
        while self._down and not self._closed.wait(self._check_s):
            try:
                answered = self._probe()
            except Exception:  # a fault here must not end the checking
                log.exception("checking the forum failed")
                answered = False
            if answered:
                self.mark_up()
                return
