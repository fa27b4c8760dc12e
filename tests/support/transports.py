"""HTTP transports for what a real forum cannot be made to do on cue: an answer lost on the
way back after the forum has done what was asked."""

from __future__ import annotations

import re

import httpx


class DropAfterSending(httpx.BaseTransport):
    """Real HTTP to the forum, but the answer to ``method`` on a path matching ``path`` (by
    default a new post) is lost on the way back: the forum did it, the client cannot know.
    With ``reaches_forum=False`` the request is lost on the way there instead."""

    def __init__(
        self, method: str = "POST", path: str = r"/posts\.json$", *, reaches_forum: bool = True
    ) -> None:
        self.inner = httpx.HTTPTransport()
        self._method = method
        self._path = re.compile(path)
        self._reaches_forum = reaches_forum
        """False: the request itself is lost before the forum sees it (the client cannot
        tell the two apart)."""
        self.dropped = 0
        """Answers lost so far."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        lost = request.method == self._method and self._path.search(request.url.path)
        if lost and not self._reaches_forum:
            self.dropped += 1
            raise httpx.ReadError("connection reset by peer")
        response = self.inner.handle_request(request)
        if lost:
            response.close()
            self.dropped += 1
            raise httpx.ReadError("connection reset by peer")
        return response
