"""Reading what was read recently when the forum cannot be reached."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from voicepeer.errors import ForumUnreachableError
from voicepeer.forum.cache import ReadingCache, saved_phrase
from voicepeer.forum.settings import ForumSettings

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
