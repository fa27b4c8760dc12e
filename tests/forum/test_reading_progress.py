"""Reading as a stock Discourse forum expects, against the real demo forum over loopback:
resuming by post number across gaps, reading progress sent back, mega topics paged by post
number, notifications marked read one at a time."""

from __future__ import annotations

import threading
import time

import httpx

from voicepeer.demo_forum.seed_reading import (
    delete_posts,
    seed_every_notification,
    seed_topic_with_gaps,
)
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.settings import ForumSettings
from voicepeer.forum.timings import ReadingTimings

from .conftest import ADMIN_KEY, RunningForum, StartForum

# Six deleted posts early in the topic: every later post's number is six above its position.
DELETED = (5, 9, 12, 30, 31, 44)


def read_up_to(client: DiscourseClient, topic_id: int, post_number: int) -> None:
    client.record_reading(topic_id, post_number, 2000)
    client.timings.close()


def as_member(username: str) -> dict[str, str]:
    return {"Api-Key": ADMIN_KEY, "Api-Username": username}


def test_resuming_a_topic_with_gaps_starts_at_the_first_unread_post(
    start_forum: StartForum,
) -> None:
    running = start_forum()
    topic_id = seed_topic_with_gaps(running.server.store, 452, deleted=DELETED)
    read_up_to(running.client("demo"), topic_id, 300)
    client = running.client("demo")
    thread = client.thread(topic_id)
    assert len(thread) == 452 - len(DELETED)
    assert thread.topic.last_read_post_number == 300
    assert thread.topic.unread_posts == 152
    index = thread.start_index()
    # Not index 300 (post 307): the first post numbered above the last one read.
    assert thread.post_at(index).post_number == 301
    assert thread.post_at(index - 1).post_number == 300
    # The topic, the chunk after post 300, one behind it; the site's censored words.
    assert client.requests_made <= 4


def test_resuming_where_the_last_read_post_was_deleted(start_forum: StartForum) -> None:
    running = start_forum()
    topic_id = seed_topic_with_gaps(running.server.store, 120, deleted=())
    read_up_to(running.client("demo"), topic_id, 60)
    delete_posts(running.server.store, topic_id, (60, 61))
    thread = running.client("demo").thread(topic_id)
    assert thread.post_at(thread.start_index()).post_number == 62


def test_reading_progress_moves_the_forums_unread_count(start_forum: StartForum) -> None:
    # A member who tracks every topic they open (auto-track after 0 seconds).
    running = start_forum(auto_track_topics_after_s=0)
    topic_id = seed_topic_with_gaps(running.server.store, 40, deleted=(3,))
    reader = running.client("demo")
    read_up_to(reader, topic_id, 10)
    assert reader.timings.batches_sent == 1
    listing = running.client("demo").latest()
    row = next(t for t in listing.topics if t.id == topic_id)
    assert row.unread_posts == 30  # highest 40 minus last read 10, as Discourse counts
    again = running.client("demo")
    for number in range(11, 41):
        again.record_reading(topic_id, number, 1500)
    again.timings.close()
    assert again.timings.batches_sent == 1  # thirty posts, one request
    fresh = running.client("demo").latest()
    assert next(t for t in fresh.topics if t.id == topic_id).unread_posts == 0


def test_anonymous_reading_sends_no_progress(start_forum: StartForum) -> None:
    running = start_forum()
    client = DiscourseClient(running.base_url, settings=ForumSettings())
    topic_id = client.latest().topics[0].id
    client.record_reading(topic_id, 1, 1000)
    client.close()
    # The list and the site's censored words; no reading progress.
    assert client.requests_made == 2 and client.timings.batches_sent == 0


def test_timings_are_gathered_for_their_interval_and_never_block() -> None:
    sent: list[tuple[int, dict[int, int]]] = []
    now = [0.0]
    sent_once = threading.Event()

    def send(topic_id: int, timings: dict[int, int]) -> None:
        sent.append((topic_id, timings))
        sent_once.set()

    timings = ReadingTimings(send, interval_s=30, clock=lambda: now[0])
    timings.record(7, 1, 900)
    for number in (2, 3, 4):
        timings.record(7, number, 1200)
    assert not sent_once.wait(0.3)  # gathering: nothing sent before the interval
    now[0] = 31.0
    timings.record(7, 5, 1000)  # wakes the sender, which finds the batch due
    assert sent_once.wait(10)
    assert sent == [(7, {1: 900, 2: 1200, 3: 1200, 4: 1200, 5: 1000})]
    timings.record(8, 1, 70_000)
    now[0] = 40.0  # due only 30 s after the last request: at most two requests a minute
    timings.record(8, 2, 500)
    assert len(sent) == 1
    timings.close()
    assert sent[1] == (8, {1: 60_000, 2: 500})  # an hour's pause is not an hour of reading


def test_timings_waiting_are_sent_at_once_when_asked() -> None:
    sent: list[tuple[int, dict[int, int]]] = []
    first_on_its_way, let_it_arrive = threading.Event(), threading.Event()

    def send(topic_id: int, timings: dict[int, int]) -> None:
        if not sent:
            first_on_its_way.set()
            assert let_it_arrive.wait(10)
        sent.append((topic_id, timings))

    now = [0.0]
    timings = ReadingTimings(send, interval_s=30, clock=lambda: now[0])
    timings.record(7, 1, 900)
    now[0] = 31.0
    timings.record(7, 2, 900)  # due: the sender takes it and is held on its way
    assert first_on_its_way.wait(10)
    timings.record(8, 4, 1000)  # not due for another 30 s
    asking = threading.Thread(target=timings.send_now)
    asking.start()
    asking.join(0.3)
    assert asking.is_alive()  # waits for the batch on its way, so the forum hears in order
    let_it_arrive.set()
    asking.join(10)
    # The held batch holds post 1, and post 2 too unless the sender woke between the two
    # (a loaded machine): either way, the forum hears them in the order they were heard.
    heard = [(topic, post, ms) for topic, posts in sent for post, ms in posts.items()]
    assert heard == [(7, 1, 900), (7, 2, 900), (8, 4, 1000)]
    assert sent[-1] == (8, {4: 1000})
    timings.close()


def test_notifications_about_posts_just_heard_are_not_told_as_new(
    start_forum: StartForum,
) -> None:
    # Discourse marks a member's notifications about posts read as it records the reading.
    running = start_forum()
    client = running.client("demo")
    before = {(n.topic_id, n.post_number) for n in client.notifications(unread_only=True).newest}
    assert (14, 2) in before  # the seed's two replies to demo's topic, gathered at post 2
    client.record_reading(14, 2, 3000)
    client.record_reading(14, 3, 3000)
    after = {(n.topic_id, n.post_number) for n in client.notifications(unread_only=True).newest}
    assert after == before - {(14, 2)}
    assert client.timings.batches_sent == 1
    client.close()


def test_failed_timings_are_kept_for_the_next_batch(start_forum: StartForum) -> None:
    running = start_forum()
    topic_id = seed_topic_with_gaps(running.server.store, 30, deleted=())
    client = running.client("demo", settings=ForumSettings(timings_interval_s=3))
    running.server.faults.fail_next(1, 503, path="/topics/timings")
    client.record_reading(topic_id, 12, 1000)
    deadline = time.monotonic() + 20
    while client.requests_made == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert client.requests_made == 1 and client.timings.batches_sent == 0  # refused
    client.record_reading(topic_id, 13, 1000)
    client.timings.close()  # the kept post goes with the next
    demo = running.server.store.user_by_name("demo")
    assert demo is not None
    assert running.server.store.last_read(demo["id"], topic_id) == 13
    assert client.timings.batches_sent == 1 and client.requests_made == 2


def test_a_mega_topic_is_paged_by_post_number(start_forum: StartForum) -> None:
    running = start_forum(mega_topic_posts_count=100)
    topic_id = seed_topic_with_gaps(running.server.store, 130, deleted=(50, 51))
    raw = httpx.get(f"{running.base_url}/t/{topic_id}.json", headers=as_member("demo")).json()
    assert "stream" not in raw["post_stream"] and raw["post_stream"]["isMegaTopic"]
    client = running.client("demo")
    thread = client.thread(topic_id)
    assert thread.topic.is_mega and thread.topic.post_ids == ()
    numbers = []
    index = 0
    while thread.exists(index):
        numbers.append(thread.post_at(index).post_number)
        index += 1
    assert numbers == [n for n in range(1, 131) if n not in (50, 51)]
    assert thread.position(index - 1) == (130, 130)
    assert client.requests_made <= 8  # the topic, then a chunk of 20 at a time


def test_a_mega_topic_resumes_after_the_last_read_post_and_reads_back(
    start_forum: StartForum,
) -> None:
    running = start_forum(mega_topic_posts_count=100)
    topic_id = seed_topic_with_gaps(running.server.store, 130, deleted=(70,))
    read_up_to(running.client("demo"), topic_id, 75)
    thread = running.client("demo").thread(topic_id)
    start = thread.start_index()
    assert thread.post_at(start).post_number == 76
    added = thread.extend_backwards()
    assert added == 20
    assert thread.post_at(start + added - 1).post_number == 75
    assert thread.post_at(start + added - 6).post_number == 69  # 70 was deleted
    assert thread.find_post_number(120) is not None


def test_notifications_are_marked_read_one_at_a_time(forum: RunningForum) -> None:
    count = seed_every_notification(forum.server.store, "demo")
    client = forum.client("demo")
    notes = [n for n in client.notifications().newest if not n.read]
    assert len(notes) >= count
    assert {n.kind for n in notes} >= {
        "liked_consolidated",
        "group_message_summary",
        "granted_badge",
        "invitee_accepted",
    }
    heard = notes[0]
    assert heard.id is not None
    client.mark_notification_read(heard.id)
    after = {n.id: n.read for n in client.notifications().newest}
    assert after[heard.id]
    assert sum(after.values()) == 1 + sum(n.read for n in notes)


def test_the_user_agent_is_not_taken_for_a_crawler() -> None:
    # CrawlerDetection.crawler? (lib/crawler_detection.rb): an agent matching none of
    # non_crawler_user_agents counts as a crawler; Discourse's own spec lists
    # "DiscourseAPI Ruby Gem 0.19.0" as no crawler, so "discourse" is one of those words.
    # Words of crawler_user_agents (bot, spider, crawl …) must not appear.
    agent = ForumSettings().user_agent.lower()
    assert "discourse" in agent and agent.startswith("voicepeer/")
    assert not any(
        word in agent for word in ("bot", "spider", "crawl", "curl", "http", "python", "java")
    )
