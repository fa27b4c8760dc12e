"""Reading what was read recently when the forum cannot be reached."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from voicepeer.errors import ForumUnreachableError
from voicepeer.forum.cache import ReadingCache
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.phrasing import saved_phrase

from .conftest import StartForum


def test_lists_and_topics_read_offline_say_when_they_were_saved(
    start_forum: StartForum,
) -> None:
    running = start_forum()
    online = running.client(cache=ReadingCache())
    listing = online.latest()
    assert listing.saved_at is None
    thread = online.thread(listing.topics[0].id)
    first_posts = [thread.post_at(i) for i in range(min(3, len(thread)))]
    running.server.stop()

    offline = running.client(
        cache=ReadingCache(), settings=ForumSettings(read_retries=0, connect_timeout_s=1)
    )
    cached_list = offline.latest()
    assert cached_list.topics == listing.topics
    assert cached_list.saved_at is not None
    assert saved_phrase(cached_list.saved_at, datetime.now(UTC)) == "saved a moment ago"
    cached_thread = offline.thread(listing.topics[0].id)
    assert cached_thread.topic.saved_at is not None
    assert [cached_thread.post_at(i) for i in range(len(first_posts))] == first_posts
    with pytest.raises(ForumUnreachableError):
        offline.topic(listing.topics[-1].id)  # never read: nothing to fall back on


def test_a_forum_that_answers_with_errors_is_read_from_the_cache_too(
    start_forum: StartForum,
) -> None:
    running = start_forum()
    cache = ReadingCache()
    running.client(cache=cache).latest()
    running.server.faults.fail_next(10, 503, path="/latest.json")
    listing = running.client(cache=cache, sleep=lambda s: None).latest()
    assert listing.saved_at is not None


def test_each_forum_reads_only_its_own_saved_copies(start_forum: StartForum) -> None:
    first, second = start_forum(), start_forum()
    cache = ReadingCache()
    first.client(cache=cache).latest()
    second.server.stop()
    with pytest.raises(ForumUnreachableError):
        second.client(cache=cache, settings=ForumSettings(read_retries=0)).latest()


def test_a_topic_read_before_resumes_offline_at_the_first_unread_post(
    start_forum: StartForum,
) -> None:
    from voicepeer.demo_forum.seed_reading import seed_topic_with_gaps

    running = start_forum()
    topic_id = seed_topic_with_gaps(running.server.store, 80, deleted=(10, 11))
    reader = running.client("demo")
    reader.record_reading(topic_id, 50, 1000)
    reader.timings.close()
    online = running.client("demo", cache=ReadingCache())
    thread = online.thread(topic_id)
    assert thread.post_at(thread.start_index()).post_number == 51
    running.server.stop()

    offline = running.client(
        "demo", cache=ReadingCache(), settings=ForumSettings(read_retries=0, connect_timeout_s=1)
    )
    saved = offline.thread(topic_id)
    assert saved.topic.saved_at is not None
    assert saved.post_at(saved.start_index()).post_number == 51
