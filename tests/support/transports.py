"""HTTP transports for what a real forum cannot be made to do on cue (an answer lost on the
way back after the forum has done what was asked), or what the demo forum does not imitate
(a moderator's view of other members' posts)."""

from __future__ import annotations

import json
import re
from typing import Any

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


class ModeratorsView(httpx.BaseTransport):
    """Real HTTP to the forum, with posts shown as Discourse shows them to a moderator:
    anyone's reply may be deleted (Guardian#can_delete_post? lets staff delete any post but
    a topic's first), which the demo forum does not imitate."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method != "GET" or not re.match(r"/(t|posts)/", request.url.path):
            return response
        response.read()
        body = response.json()
        stream = body.get("post_stream", body) if isinstance(body, dict) else {}
        posts = stream.get("posts") if isinstance(stream, dict) else None
        for post in posts if isinstance(posts, list) else [body]:
            _as_moderator_sees(post)
        # The body is written anew, unpacked: its old length and packing no longer apply.
        stale = {"content-length", "content-encoding"}
        headers = {k: v for k, v in response.headers.items() if k.lower() not in stale}
        return httpx.Response(response.status_code, headers=headers, content=json.dumps(body))


def _as_moderator_sees(post: Any) -> None:
    if isinstance(post, dict) and post.get("post_number", 1) > 1:
        post["can_delete"] = True
