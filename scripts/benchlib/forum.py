"""Forum client figures, measured against the demo forum over loopback HTTP.

- thread_first_post_ms: open a 2,000-post topic until its first post is ready to speak.
- thread_fetch_all_ms: the same topic fetched whole.
- requests_per_minute_browsing: the most requests in any one minute of a scripted
  session at a realistic listening pace (simulated clock, no real waiting): site rules,
  notifications, the latest list, four topics with 30 posts read in each, one reply.
  Discourse allows a user API key 20 a minute.
- draft_save_ms: one durable draft save (temp file, fsync, rename, directory fsync), as
  done on every change while dictating; median of 50.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections import deque
from pathlib import Path

from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.member_limits import limits_lifted
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.forum.base import NewReply
from voicepeer.forum.checks import check_reply
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.drafts import DraftStore

KEY = "bench-admin-key"
LONG_TOPIC_POSTS = 2000
RUNS = 5

# Listening pace: a topic title ~4 s, a post ~25 s read aloud plus ~10 s to decide.
SECONDS_PER_TITLE = 4.0
SECONDS_PER_POST = 35.0
TOPICS_OPENED = 4
POSTS_READ_PER_TOPIC = 30


class SimulatedClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _client(base_url: str, clock: SimulatedClock | None = None) -> DiscourseClient:
    creds = Credentials(base_url, "admin_api_key", KEY, username="demo")
    if clock is None:
        return DiscourseClient(base_url, credentials=creds)
    return DiscourseClient(base_url, credentials=creds, clock=clock)


def _browse(base_url: str) -> float:
    clock = SimulatedClock()
    client = _client(base_url, clock)
    stamps: list[float] = []
    client.http.on_request(lambda method, path: stamps.append(clock.now))
    # Start of a session: the rules for replies, what is new for this person, the list.
    limits = client.site_limits()
    client.notifications(unread_only=True)
    for round_ in range(TOPICS_OPENED):
        listing = client.latest()
        clock.now += SECONDS_PER_TITLE * (3 + round_)  # listens to a few titles
        topic_id = listing.topics[round_ % len(listing.topics)].id
        thread = client.thread(topic_id)
        for index in range(min(POSTS_READ_PER_TOPIC, len(thread))):
            thread.post_at(index)
            clock.now += SECONDS_PER_POST
        if round_ == 1:  # dictates and sends one reply (about a minute of speaking)
            clock.now += 60.0
            raw = "Thank you all, this thread has really helped me today."
            assert not check_reply(raw, limits)
            client.create_post(NewReply(topic_id, raw))
    client.close()
    window: deque[float] = deque()
    worst = 0
    for stamp in stamps:
        window.append(stamp)
        while window and stamp - window[0] >= 60.0:
            window.popleft()
        worst = max(worst, len(window))
    return float(worst)


def run() -> dict[str, float | int]:
    with tempfile.TemporaryDirectory() as tmp:
        options = DemoForumOptions(admin_api_key=KEY, admin_api_key_requests_per_minute=0)
        with limits_lifted(), DemoForum(Path(tmp) / "forum.sqlite3", options) as forum:
            topic_id = forum.seed_long_topic(LONG_TOPIC_POSTS)
            base_url = forum.base_url
            first, whole = [], []
            for _ in range(RUNS):
                client = _client(base_url)
                started = time.perf_counter()
                thread = client.thread(topic_id)
                thread.post_at(0)
                first.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                posts = thread.fetch_all()
                whole.append((time.perf_counter() - started) * 1000 + first[-1])
                assert len(posts) == LONG_TOPIC_POSTS, len(posts)
                client.close()
            browsing = _browse(base_url)
        drafts = DraftStore(Path(tmp) / "outbox.sqlite3")
        text = "I have found that pacing myself really helps with the fatigue. " * 4
        saves = []
        for n in range(50):
            started = time.perf_counter()
            drafts.save("topic-1", text[: 40 + n * 4])
            saves.append((time.perf_counter() - started) * 1000)
    return {
        "draft_save_ms": round(statistics.median(saves), 2),
        "thread_first_post_ms": round(statistics.median(first), 1),
        "thread_fetch_all_ms": round(statistics.median(whole), 1),
        "requests_per_minute_browsing": browsing,
    }
