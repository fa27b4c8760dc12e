"""Child process for the outbox crash tests: sends one reply through a real outbox and
SIGKILLs itself at the step named on the command line.

usage: python -m tests.forum.outbox_crash_child BASE_URL OUTBOX_PATH TOPIC_ID STEP
The reply text comes on stdin; the admin key in VOICEPEER_TEST_API_KEY (never argv).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import httpx

from voicepeer.forum.base import NewReply
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.outbox import Outbox


def die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


class KillAfterPostSent(httpx.BaseTransport):
    """Real HTTP; dies once the forum has answered a new post but before the answer is read."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST" and request.url.path.endswith("/posts.json"):
            die()
        return response


def main() -> None:
    base_url, outbox_path, topic_id, step = sys.argv[1:5]
    raw = sys.stdin.read()
    creds = Credentials(
        base_url, "admin_api_key", os.environ["VOICEPEER_TEST_API_KEY"], username="demo"
    )
    transport = KillAfterPostSent() if step == "request_sent" else None
    client = DiscourseClient(base_url, credentials=creds, transport=transport)

    def checkpoint(reached: str) -> None:
        if reached == step:
            die()

    outbox = Outbox(Path(outbox_path), client, checkpoint=checkpoint)
    result = outbox.submit(NewReply(int(topic_id), raw), "Heat and fatigue")
    print(result.entry.state.value)


if __name__ == "__main__":
    main()
