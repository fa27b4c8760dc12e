"""Sending waiting replies again during the session, not only at the next start.

A background thread flushes the outbox when a retry is due: after a wait that doubles on
each failure, or exactly as long as the forum asked (``Retry-After`` / ``extras.wait_seconds``
of a 429). It learns of every send, the voice loop's too, so a wait the forum asked for is
kept whoever was told. What went out (or came back refused) is queued for the voice loop,
which tells of it when it is neither speaking nor taking dictation. Every so often it also
asks about the replies the forum holds for a moderator, so that one declined comes back to
the drafts, and is told of, during the session.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from voicepeer.errors import ForumError, RateLimitedError
from voicepeer.forum.outbox import Outbox, SendResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetrySettings:
    first_wait_s: float = field(default=30.0, metadata={"min": 0.0, "max": 3600.0})
    """Seconds before sending a waiting reply again after the first failure."""
    max_wait_s: float = field(default=900.0, metadata={"min": 0.0, "max": 86_400.0})
    """Longest wait in seconds between two tries (the wait doubles up to this)."""
    poll_s: float = field(default=5.0, metadata={"min": 0.01, "max": 600.0})
    """Seconds between looks at the outbox for replies that are waiting or due."""
    held_check_s: float = field(default=600.0, metadata={"min": 1.0, "max": 86_400.0})
    """Seconds between asking the forum about replies it holds for a moderator, to tell
    the person of one declined (its words back in the drafts) during the session."""
    voice_loop_lock_wait_s: float = field(default=3.0, metadata={"min": 0.0, "max": 120.0})
    """Seconds a reply confirmed by voice waits for a send in the background to finish;
    after that it is left for the background to send, so the person is never kept in
    silence while a slow forum answers another request."""


class OutboxRetry:
    """Retries the outbox's waiting replies on a schedule; see the module docstring."""

    def __init__(
        self,
        outbox: Outbox,
        settings: RetrySettings | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._outbox = outbox
        self.settings = settings or RetrySettings()
        self._clock = clock
        self._lock = threading.Lock()
        self._due: float | None = None
        """When to try next (clock seconds); None: nothing known to be waiting."""
        self._failures = 0
        self._news: list[SendResult] = []
        self._held_checked = clock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.watch(outbox)

    def watch(self, outbox: Outbox) -> None:
        """Learn from the sends of ``outbox`` too (e.g. the voice loop's own)."""
        outbox.on_result(self._learn)

    def _learn(self, result: SendResult) -> None:
        with self._lock:
            now = self._clock()
            if not result.waiting:
                self._failures = 0
                self._due = None
                return
            if isinstance(result.error, RateLimitedError):
                wait = result.error.wait_seconds  # the forum said how long: exactly that
            else:
                wait = min(self.settings.first_wait_s * 2**self._failures, self.settings.max_wait_s)
            self._failures += 1
            self._due = now + wait
            log.info("a reply waits; next try in %.0f s", wait)

    def try_now(self) -> None:
        """Send what waits at the next look, whatever the wait was (the forum is back)."""
        with self._lock:
            if self._due is not None:
                self._due = self._clock()

    def due_in(self) -> float | None:
        """Seconds until the next try (0 when due now), None when nothing is scheduled."""
        with self._lock:
            return None if self._due is None else max(0.0, self._due - self._clock())

    def _ready(self) -> bool:
        with self._lock:
            return self._due is None or self._clock() >= self._due

    def run_due(self) -> list[SendResult]:
        """Send the waiting replies if a try is due; returns what happened."""
        with self._lock:
            if self._due is None:
                if not self._outbox.pending():
                    return []
                self._due = self._clock()
            if self._clock() < self._due:
                return []
        # The schedule is checked again under the outbox's lock: a send of the voice loop
        # may have just been told to wait.
        results = self._outbox.flush(ready=self._ready)
        with self._lock:
            self._news.extend(r for r in results if not r.waiting)
        return results

    def check_held(self) -> list[SendResult]:
        """Ask about the replies held for a moderator when a look is due; the declined."""
        with self._lock:
            if self._clock() - self._held_checked < self.settings.held_check_s:
                return []
            self._held_checked = self._clock()
        try:
            declined = self._outbox.settle_held()
        except ForumError as error:  # the next look may reach it
            log.info("replies held for a moderator not checked: %s", type(error).__name__)
            return []
        with self._lock:
            self._news.extend(declined)
        return declined

    def news(self) -> list[SendResult]:
        """Replies sent (or refused) in the background, each given once, to be told of."""
        with self._lock:
            news, self._news = self._news, []
        return news

    # -- the thread ----------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="outbox-retry", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.settings.poll_s):
            try:
                self.run_due()
                self.check_held()
            except Exception:  # a fault here must not end retrying for the session
                log.exception("retrying the outbox failed")

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=60)
