"""Faults the demo forum can be told to produce, so clients are tested over real HTTP.

All off by default. Tests switch them on through ``DemoForum.faults``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from voicepeer.demo_forum.http_api import Response
from voicepeer.demo_forum.member_limits import rate_limited

MALFORMED_MODES = ("truncated_json", "html", "wrong_shape", "drop_connection")

_SERVER_ERROR_PAGES = {
    500: "<html><body><h1>We're sorry, but something went wrong.</h1></body></html>",
    502: "<html><head><title>502 Bad Gateway</title></head><body>"
    "<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
    503: "<html><body><h1>Down for maintenance</h1><p>The forum will be back shortly.</p>"
    "</body></html>",
}


@dataclass
class _Failure:
    remaining: int
    status: int
    path: str | None
    retry_after_s: int | None
    rate_limit: bool = False


class Faults:
    """Thread-safe switches consulted on every request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._delay_s = 0.0
        self._delay_path: str | None = None
        self._failures: list[_Failure] = []
        self._malformed: dict[str, str] = {}
        self._canned: list[tuple[str, Response]] = []

    def slow(self, seconds: float, path: str | None = None) -> None:
        """Wait ``seconds`` before answering (every path, or only ``path``)."""
        with self._lock:
            self._delay_s, self._delay_path = max(0.0, seconds), path

    def fail_next(
        self,
        count: int,
        status: int = 503,
        *,
        path: str | None = None,
        retry_after_s: int | None = None,
    ) -> None:
        """Answer the next ``count`` requests (to ``path``, if given) with ``status``."""
        if status not in _SERVER_ERROR_PAGES:
            raise ValueError(f"status must be one of {sorted(_SERVER_ERROR_PAGES)}")
        with self._lock:
            self._failures.append(_Failure(count, status, path, retry_after_s))

    def rate_limit_next(self, count: int, wait_s: int, *, path: str | None = None) -> None:
        """Answer the next ``count`` requests (to ``path``, if given) with the JSON 429 a
        Discourse controller sends, asking to wait ``wait_s`` seconds."""
        with self._lock:
            self._failures.append(_Failure(count, 429, path, wait_s, rate_limit=True))

    def malform(self, path: str, mode: str = "truncated_json") -> None:
        """Spoil every answer for ``path``: ``truncated_json`` (cut in half, honest length),
        ``html`` (an HTML page with status 200), ``wrong_shape`` (valid JSON, unexpected
        shape) or ``drop_connection`` (promise the full length, close half way)."""
        if mode not in MALFORMED_MODES:
            raise ValueError(f"mode must be one of {MALFORMED_MODES}")
        with self._lock:
            self._malformed[path] = mode

    def answer_next(self, path: str, response: Response) -> None:
        """Answer the next request for ``path`` with ``response`` (once), for answers a real
        Discourse gives that the demo forum never makes itself, e.g. a restricted category."""
        with self._lock:
            self._canned.append((path, response))

    def canned_left(self) -> int:
        """Canned answers not yet given."""
        with self._lock:
            return len(self._canned)

    def clear(self) -> None:
        with self._lock:
            self._delay_s, self._delay_path = 0.0, None
            self._failures.clear()
            self._malformed.clear()
            self._canned.clear()

    # -- used by the server ------------------------------------------------------------

    def delay_for(self, path: str) -> float:
        with self._lock:
            if self._delay_path is None or self._delay_path == path:
                return self._delay_s
            return 0.0

    def failure_for(self, path: str) -> Response | None:
        with self._lock:
            for index, (canned_path, canned) in enumerate(self._canned):
                if canned_path == path:
                    del self._canned[index]
                    return canned
            for failure in self._failures:
                if failure.remaining > 0 and failure.path in (None, path):
                    failure.remaining -= 1
                    if failure.rate_limit:
                        return rate_limited(failure.retry_after_s or 0)
                    headers = []
                    if failure.retry_after_s is not None:
                        headers.append(("Retry-After", str(failure.retry_after_s)))
                    return Response.html(
                        failure.status, _SERVER_ERROR_PAGES[failure.status], headers
                    )
            self._failures = [f for f in self._failures if f.remaining > 0]
            return None

    def spoil(self, path: str, response: Response) -> Response:
        with self._lock:
            mode = self._malformed.get(path)
        if mode is None:
            return response
        if mode == "truncated_json":
            half = len(response.body) // 2
            # Cut between characters, so that what is broken is the JSON, not the UTF-8.
            while half and response.body[half] & 0xC0 == 0x80:
                half -= 1
            return Response(
                response.status,
                response.body[:half],
                response.content_type,
                response.headers,
            )
        if mode == "html":
            return Response.html(
                200, "<html><body><p>Please sign in to continue.</p></body></html>"
            )
        if mode == "wrong_shape":
            return Response.json(200, ["this", "is", "not", "the", "expected", "object"])
        return Response(
            response.status,
            response.body,
            response.content_type,
            response.headers,
            drop_after_bytes=len(response.body) // 2,
        )
