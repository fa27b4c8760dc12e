"""The outbox against the real demo forum: nothing lost, nothing posted twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from voicepeer.forum.base import NewReply
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.outbox import Outbox, OutboxState, SendResult
from voicepeer.forum.settings import ForumSettings

from .conftest import ADMIN_KEY, RunningForum, StartForum

REPO = Path(__file__).resolve().parents[2]


def _heat(forum: RunningForum) -> int:
    return next(t.id for t in forum.client("ruth").latest().topics if t.title.startswith("Heat"))


def _copies(forum: RunningForum, topic_id: int, raw: str) -> int:
    client = forum.client("ruth")
    topic = client.topic(topic_id)
    posts = client.posts(topic_id, topic.post_ids[-30:])
    return sum(1 for p in posts if p.username == "demo" and raw.split(".")[0] in p.cooked)


class DropAfterSending(httpx.BaseTransport):
    """Real HTTP to the forum, but the answer to a new post is lost on the way back."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST" and request.url.path.endswith("/posts.json"):
            response.close()
            raise httpx.ReadError("connection reset by peer")
        return response


def test_reply_is_posted_and_announced(forum: RunningForum, tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3", forum.client("demo"))
    result = outbox.submit(NewReply(_heat(forum), "Fans in every room. Truly."), "Heat and fatigue")
    assert result.state is OutboxState.POSTED
    assert result.spoken == "Your reply to Heat and fatigue is posted."
    assert outbox.pending() == ()
    assert outbox.flush() == []


def test_unreachable_forum_keeps_the_reply_until_flush(forum: RunningForum, tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    offline = DiscourseClient(
        "http://127.0.0.1:9", settings=ForumSettings(read_retries=0), sleep=lambda s: None
    )
    raw = "Written on the train with no signal. Hello all."
    result = Outbox(path, offline).submit(NewReply(_heat(forum), raw), "Heat and fatigue")
    assert result.state is OutboxState.PENDING
    assert "not sent yet" in result.spoken and "safe" in result.spoken
    later = Outbox(path, forum.client("demo"))
    [flushed] = later.flush()
    assert flushed.state is OutboxState.POSTED
    assert flushed.spoken == "Your reply to Heat and fatigue has now been posted."
    assert _copies(forum, _heat(forum), raw) == 1


def test_refused_reply_is_kept_with_the_reason(start_forum: StartForum, tmp_path: Path) -> None:
    running = start_forum(min_post_length=30)
    outbox = Outbox(tmp_path / "o.sqlite3", running.client("demo"))
    result = outbox.submit(NewReply(_heat(running), "So true."), "Heat and fatigue")
    assert result.state is OutboxState.REJECTED
    assert "at least 30 characters" in result.spoken
    assert "kept your words" in result.spoken
    [kept] = outbox.pending()
    assert kept.raw == "So true."
    assert outbox.flush() == []  # refused replies wait for the user, not for the network


def test_moderated_reply_is_announced_as_waiting(start_forum: StartForum, tmp_path: Path) -> None:
    running = start_forum(moderated_usernames=("demo",))
    outbox = Outbox(tmp_path / "o.sqlite3", running.client("demo"))
    result = outbox.submit(NewReply(_heat(running), "Please approve me, moderator."), "Heat")
    assert result.state is OutboxState.ENQUEUED
    assert "waiting for a moderator" in result.spoken


def test_lost_answer_is_checked_before_sending_again(forum: RunningForum, tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    creds = Credentials(forum.base_url, "admin_api_key", ADMIN_KEY, username="demo")
    lossy = DiscourseClient(forum.base_url, credentials=creds, transport=DropAfterSending())
    raw = "The answer to this one gets lost. But it arrived."
    result = Outbox(path, lossy).submit(NewReply(_heat(forum), raw), "Heat and fatigue")
    assert result.state is OutboxState.SENDING
    assert "not sure" in result.spoken
    [flushed] = Outbox(path, forum.client("demo")).flush()
    assert flushed.state is OutboxState.POSTED
    assert flushed.entry.attempts == 1  # found on the forum, not sent again
    assert _copies(forum, _heat(forum), raw) == 1


STEPS = ("recorded", "sending", "request_sent", "response_read", "done")


@pytest.mark.slow
@pytest.mark.parametrize("step", STEPS)
def test_killed_at_any_step_the_reply_arrives_exactly_once(
    forum: RunningForum, tmp_path: Path, step: str
) -> None:
    path = tmp_path / "outbox.sqlite3"
    topic_id = _heat(forum)
    raw = f"Killed at step {step}. Nothing may be lost or doubled."
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.forum.outbox_crash_child",
            forum.base_url,
            str(path),
            str(topic_id),
            step,
        ],
        input=raw,
        text=True,
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
        env={**os.environ, "VOICEPEER_TEST_API_KEY": ADMIN_KEY},
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    outbox = Outbox(path, forum.client("demo"))
    outbox.flush()
    outbox.flush()  # a second flush must change nothing
    entries = outbox._db.execute("SELECT state, raw FROM outbox").fetchall()
    assert entries == [("posted", raw)]
    assert _copies(forum, topic_id, raw) == 1


def test_flush_from_another_thread_sends_each_reply_once(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "outbox.sqlite3"
    offline = DiscourseClient(
        "http://127.0.0.1:9", settings=ForumSettings(read_retries=0), sleep=lambda s: None
    )
    waiting = Outbox(path, offline)
    raws = [f"Queued while offline, reply {n}. Thinking of you all." for n in range(3)]
    for raw in raws:
        waiting.submit(NewReply(_heat(forum), raw), "Heat and fatigue")
    outbox = Outbox(path, forum.client("demo"))
    results: list[list[SendResult]] = []
    threads = [threading.Thread(target=lambda: results.append(outbox.flush())) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    announced = [r.spoken for batch in results for r in batch]
    assert announced.count("Your reply to Heat and fatigue has now been posted.") == 3
    assert all(_copies(forum, _heat(forum), raw) == 1 for raw in raws)


def test_odd_unicode_is_recorded_without_failing(tmp_path: Path) -> None:
    offline = DiscourseClient("http://127.0.0.1:9")
    outbox = Outbox(tmp_path / "o.sqlite3", offline)
    entry = outbox.record(NewReply(3, "Broken \ud800 decoder, café 😀 \u202e"), "Tîtle \udfff")
    assert entry.raw == "Broken \ufffd decoder, café 😀 \u202e"
    assert entry.topic_title == "Tîtle \ufffd"
    assert "Broken" not in repr(entry)  # the text stays out of logs
