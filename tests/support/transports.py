"""HTTP transports for what a real forum cannot be made to do on cue: an answer lost on the
way back after the forum has done what was asked."""

from __future__ import annotations

import re

import httpx


class DropAfterSending(httpx.BaseTransport):
    """Real HTTP to the forum, but the answer to ``method`` on a path matching ``path`` (by
    default a new post) is lost on the way back: the forum did it, the client cannot know."""

    def __init__(self, method: str = "POST", path: str = r"/posts\.json$") -> None:
        self.inner = httpx.HTTPTransport()
        self._method = method
        self._path = re.compile(path)
        self.dropped = 0
        """Answers lost so far."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == self._method and self._path.search(request.url.path):
            response.close()
            self.dropped += 1
            raise httpx.ReadError("connection reset by peer")
        return response
