"""Reading as stock Discourse answers, measured against the demo forum over loopback HTTP.

- resume_gapped_topic_ms / _requests: open a 2,000-post topic with 60 deleted post numbers,
  read before up to post 1,500, until the first unread post is ready to speak; median of 5.
- mega_topic_next_chunk_ms: in a mega topic (demo threshold lowered to 1,000; 1,200 posts),
  the first post past the first chunk of twenty; median of 5.
- requests_per_minute_reading_progress: the most requests in any one minute of a session
  at a listening pace (simulated clock): the latest list, three topics with 30 posts heard
  in each and reported as read, five notifications heard and marked read one by one.
  Discourse allows a user API key 20 a minute.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from collections import deque
from pathlib import Path

from scripts.benchlib.forum import KEY, SECONDS_PER_POST, SimulatedClock, _client
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.seed_reading import seed_every_notification, seed_topic_with_gaps
from voicepeer.demo_forum.settings import DemoForumOptions

RUNS = 5


def _resume(base_url: str, topic_id: int) -> tuple[float, int]:
    client = _client(base_url)
    started = time.perf_counter()
    thread = client.thread(topic_id)
    post = thread.post_at(thread.start_index())
    elapsed = (time.perf_counter() - started) * 1000
    assert post.post_number == 1501, post.post_number
    client.close()
    return elapsed, client.requests_made


def _next_chunk(base_url: str, topic_id: int) -> float:
    client = _client(base_url)
    thread = client.thread(topic_id)
    started = time.perf_counter()
    assert thread.exists(20)
    thread.post_at(20)
    elapsed = (time.perf_counter() - started) * 1000
    client.close()
    return elapsed


def _session(base_url: str) -> float:
    clock = SimulatedClock()
    client = _client(base_url, clock)
    stamps: list[float] = []
    lock = threading.Lock()

    def stamp(_method: str, _path: str) -> None:
        with lock:
            stamps.append(clock.now)

    client.http.on_request(stamp)
    listing = client.latest()
    for notification in client.notifications(unread_only=True).newest[:5]:
        clock.now += 5.0
        assert notification.id is not None
        client.mark_notification_read(notification.id)
    for topic in listing.topics[:3]:
        thread = client.thread(topic.id)
        for index in range(min(30, len(thread))):
            post = thread.post_at(index)
            clock.now += SECONDS_PER_POST
            client.record_reading(topic.id, post.post_number, int(SECONDS_PER_POST * 1000))
            time.sleep(0.02)  # lets the background sender see the simulated time pass
    client.close()
    assert client.timings.batches_sent >= 3, client.timings.batches_sent  # progress was sent
    window: deque[float] = deque()
    worst = 0
    for moment in sorted(stamps):
        window.append(moment)
        while window and moment - window[0] >= 60.0:
            window.popleft()
        worst = max(worst, len(window))
    return float(worst)


def run() -> dict[str, float | int]:
    with tempfile.TemporaryDirectory() as tmp:
        options = DemoForumOptions(
            admin_api_key=KEY, admin_api_key_requests_per_minute=0, mega_topic_posts_count=1000
        )
        with DemoForum(Path(tmp) / "forum.sqlite3", options) as forum:
            gapped = seed_topic_with_gaps(forum.store, 2000, deleted=range(100, 1300, 20))
            mega = seed_topic_with_gaps(forum.store, 1200, deleted=())
            reader = _client(forum.base_url)
            reader.record_reading(gapped, 1500, 1000)
            reader.close()
            seed_every_notification(forum.store, "demo")
            resumes = [_resume(forum.base_url, gapped) for _ in range(RUNS)]
            chunks = [_next_chunk(forum.base_url, mega) for _ in range(RUNS)]
            session = _session(forum.base_url)
    return {
        "resume_gapped_topic_ms": round(statistics.median(r[0] for r in resumes), 1),
        "resume_gapped_topic_requests": max(r[1] for r in resumes),
        "mega_topic_next_chunk_ms": round(statistics.median(chunks), 1),
        "requests_per_minute_reading_progress": session,
    }
