"""Child process for the outbox crash tests: saves a draft, confirms it through a real
outbox (the way the voice loop does after "yes") and SIGKILLs itself at the step named on
the command line — or, with step ``random``, says "go" and is killed by the parent at a
random moment. :func:`kill_trial` runs one such trial and says what became of the words.

usage: python -m tests.forum.outbox_crash_child BASE_URL DB_PATH TOPIC_ID STEP
The reply text comes on stdin; the admin key in VOICEPEER_TEST_API_KEY (never argv).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from voicepeer.forum.base import NewReply
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox

REPO = Path(__file__).resolve().parents[2]
DRAFT_KEY_FORMAT = "topic-{}"


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


def client_for(base_url: str, key: str, **kwargs: object) -> DiscourseClient:
    creds = Credentials(base_url, "admin_api_key", key, username="demo")
    return DiscourseClient(base_url, credentials=creds, **kwargs)  # type: ignore[arg-type]


def main() -> None:
    base_url, db_path, topic_id, step = sys.argv[1:5]
    raw = sys.stdin.read()
    transport = KillAfterPostSent() if step == "request_sent" else None
    client = client_for(base_url, os.environ["VOICEPEER_TEST_API_KEY"], transport=transport)

    def checkpoint(reached: str) -> None:
        if reached == step:
            die()

    key = DRAFT_KEY_FORMAT.format(topic_id)
    DraftStore(Path(db_path)).save(key, raw)
    outbox = Outbox(Path(db_path), client, checkpoint=checkpoint)
    if step == "random":
        print("go", flush=True)
    result = outbox.submit(NewReply(int(topic_id), raw), "Heat and fatigue", draft_key=key)
    print(result.entry.state.value, flush=True)


@dataclass(frozen=True)
class TrialOutcome:
    """Where the words are once a fresh outbox has recovered after the kill."""

    copies: int
    """Posts with the text on the forum (must be 1, or 0 with the words still kept)."""
    draft_kept: bool
    states: tuple[str, ...]

    @property
    def duplicated(self) -> bool:
        return self.copies > 1 or (self.copies == 1 and self.draft_kept)

    @property
    def lost(self) -> bool:
        return self.copies == 0 and not self.draft_kept and "pending" not in self.states


def copies_on_forum(client: DiscourseClient, topic_id: int, raw: str) -> int:
    topic = client.topic(topic_id)
    posts = client.posts(topic_id, list(topic.post_ids[-30:]))
    return sum(1 for p in posts if p.username == "demo" and raw.split(".")[0] in p.cooked)


def kill_trial(
    base_url: str,
    key: str,
    db_path: Path,
    topic_id: int,
    raw: str,
    step: str,
    rng: random.Random | None = None,
    max_delay_s: float = 0.2,
) -> TrialOutcome:
    """One crash: the child is killed at ``step`` (or at a random moment up to
    ``max_delay_s`` after "go"); then a new outbox flushes twice, as the next start would."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.forum.outbox_crash_child",
            base_url,
            str(db_path),
            str(topic_id),
            step,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "VOICEPEER_TEST_API_KEY": key},
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(raw)
    child.stdin.close()
    if step == "random":
        assert child.stdout.readline().strip() == "go"
        time.sleep((rng or random.Random()).uniform(0.0, max_delay_s))
        child.kill()
    child.wait(timeout=60)
    client = client_for(base_url, key)
    try:
        outbox = Outbox(db_path, client)
        outbox.flush()
        outbox.flush()  # a second flush must change nothing
        states = tuple(e.state.value for e in map(outbox.get, _ids(outbox)))
        outbox.close()
        drafts = DraftStore(db_path)
        kept = drafts.load(DRAFT_KEY_FORMAT.format(topic_id)) is not None
        drafts.close()
        client.forget_recent()
        return TrialOutcome(copies_on_forum(client, topic_id, raw), kept, states)
    finally:
        client.close()


def _ids(outbox: Outbox) -> list[int]:
    return [int(r[0]) for r in outbox._db.execute("SELECT id FROM outbox ORDER BY id")]


if __name__ == "__main__":
    main()
