"""Reading progress sent to the forum: Discourse's ``POST /topics/timings``.

A web browser tells Discourse how long each post was on screen; that is what moves the
forum's unread counts and "last read" place. voicepeer does the same for posts heard,
batched so it costs at most one request per ``interval_s`` (user API keys allow 20 a
minute), and sent on a background thread so speech never waits for it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from voicepeer.errors import ForumError

log = logging.getLogger(__name__)

Send = Callable[[int, dict[int, int]], None]
"""``send(topic_id, {post_number: milliseconds})``; raises ForumError on failure."""

MAX_POST_MS = 60_000
"""Longest time credited to one post in one batch (a pause is not an hour of reading)."""


class ReadingTimings:
    """Collects heard posts per topic and sends them in batches from a background thread.

    A batch waits ``interval_s`` from its first post (so the posts heard meanwhile go in the
    same request), and two requests are at least ``interval_s`` apart. Whatever is left is
    sent on :meth:`close`."""

    def __init__(
        self, send: Send, *, interval_s: float = 30.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._send = send
        self._interval_s = interval_s
        self._clock = clock
        self._pending: dict[int, dict[int, int]] = {}
        self._gathering_since: float | None = None
        self._last_sent: float | None = None
        self._wake = threading.Condition()
        self._closed = False
        self._worker: threading.Thread | None = None
        self._sending = threading.Lock()
        self.batches_sent = 0

    def record(self, topic_id: int, post_number: int, milliseconds: int) -> None:
        with self._wake:
            posts = self._pending.setdefault(topic_id, {})
            posts[post_number] = min(MAX_POST_MS, posts.get(post_number, 0) + max(1, milliseconds))
            if self._gathering_since is None:
                self._gathering_since = self._clock()
            if self._worker is None and not self._closed:
                self._worker = threading.Thread(
                    target=self._run, name="voicepeer-timings", daemon=True
                )
                self._worker.start()
            self._wake.notify()

    def send_now(self) -> None:
        """Send what is waiting at once, in the caller's thread, after any batch already
        on its way: what the forum says next about what was read is then up to date."""
        self._send_all()

    def close(self, timeout_s: float = 5.0) -> None:
        """Send what is left (waiting at most ``timeout_s``), then stop the thread."""
        with self._wake:
            self._closed = True
            self._wake.notify()
        if self._worker is not None:
            self._worker.join(timeout_s)
        else:
            self._send_all()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._closed and self._wait_s() != 0:
                    self._wake.wait(self._wait_s())
                closing = self._closed
            if closing:
                self._send_all()
                return
            self._send_one()

    def _wait_s(self) -> float | None:
        """Seconds until the next batch is due; None when there is nothing to send."""
        if not self._pending or self._gathering_since is None:
            return None
        due = self._gathering_since + self._interval_s
        if self._last_sent is not None:
            due = max(due, self._last_sent + self._interval_s)
        return max(0.0, due - self._clock())

    def _send_one(self) -> bool:
        with self._sending:
            return self._send_next()

    def _send_next(self) -> bool:
        with self._wake:
            if not self._pending:
                return False
            topic_id = next(iter(self._pending))
            batch = self._pending.pop(topic_id)
            self._last_sent = self._clock()
            self._gathering_since = self._last_sent if self._pending else None
        try:
            self._send(topic_id, batch)
            self.batches_sent += 1
        except ForumError as error:
            log.info("reading progress not sent (%s); kept for later", type(error).__name__)
            with self._wake:
                kept = self._pending.setdefault(topic_id, {})
                for number, ms in batch.items():
                    kept[number] = min(MAX_POST_MS, kept.get(number, 0) + ms)
                if self._gathering_since is None:
                    self._gathering_since = self._clock()
            return False
        return True

    def _send_all(self) -> None:
        for _ in range(len(self._pending)):
            if not self._send_one():
                return
