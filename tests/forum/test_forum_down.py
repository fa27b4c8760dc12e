"""A forum found out of reach: the client's next requests get one quick try each, and a
look in the background notices when it answers again. The real demo forum, stopped and
started again on the same port."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from voicepeer.demo_forum import DemoForum
from voicepeer.errors import ForumStillDownError, ForumUnreachableError, NetFault
from voicepeer.forum.base import NewReply
from voicepeer.forum.cache import ReadingCache
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.settings import ForumSettings


def test_known_down_a_request_is_tried_once_at_once_and_the_return_is_noticed(
    tmp_path: Path,
) -> None:
    db = tmp_path / "forum.sqlite3"
    forum = DemoForum(db)
    url = forum.start()
    port = forum.port
    back = threading.Event()
    settings = ForumSettings(retry_backoff_s=0.3, read_retries=3, down_check_s=1.0)
    with DiscourseClient(url, settings=settings) as client:
        client.on_back(back.set)
        topic_id = client.latest().topics[0].id
        forum.stop()
        started = time.monotonic()
        with pytest.raises(ForumUnreachableError) as first:
            client.topic(topic_id)
        assert not isinstance(first.value, ForumStillDownError)
        assert time.monotonic() - started >= settings.refused_retry_s  # one short retry
        assert client.forum_down
        for attempt in (lambda: client.topic(topic_id + 1), lambda: client.latest(page=1)):
            asked, started = client.requests_made, time.monotonic()
            with pytest.raises(ForumStillDownError):
                attempt()
            assert time.monotonic() - started < 0.3 and client.requests_made == asked + 1
        with pytest.raises(ForumStillDownError):
            client.create_post(NewReply(topic_id, "Written while the forum was down."))
        again = DemoForum(db, port=port)
        again.start()
        try:
            assert back.wait(timeout=10)
            assert not client.forum_down
            assert client.topic(topic_id).title
        finally:
            again.stop()


def test_a_request_that_reaches_the_forum_again_ends_the_quick_tries(tmp_path: Path) -> None:
    db = tmp_path / "forum.sqlite3"
    forum = DemoForum(db)
    url = forum.start()
    port = forum.port
    settings = ForumSettings(retry_backoff_s=0.01, read_retries=1, down_check_s=3600)
    with DiscourseClient(url, settings=settings) as client:
        forum.stop()
        with pytest.raises(ForumUnreachableError):
            client.latest()
        assert client.forum_down
        again = DemoForum(db, port=port)
        again.start()
        try:
            assert client.latest().topics  # its quick try reaches it: no need to wait
            assert not client.forum_down
        finally:
            again.stop()


def test_known_down_a_list_fetched_a_moment_ago_is_not_reused_as_if_fresh(
    tmp_path: Path,
) -> None:
    # Reused for a minute, the list came back as if the forum had just given it: the copy
    # read instead carries when it was saved, which the voice says.
    forum = DemoForum(tmp_path / "forum.sqlite3")
    url = forum.start()
    settings = ForumSettings(retry_backoff_s=0.05, read_retries=1, list_cache_s=60.0)
    cache = ReadingCache(tmp_path / "cache.sqlite3")
    with DiscourseClient(url, settings=settings, cache=cache) as client:
        first = client.latest()
        assert first.saved_at is None
        assert client.latest() is first  # reused while the forum answers
        forum.stop()
        with pytest.raises(ForumUnreachableError):
            client.topic(first.topics[0].id + 1000)
        assert client.forum_down
        asked = client.requests_made
        copy = client.latest()
        assert client.requests_made == asked + 1
        assert copy.saved_at is not None
        assert [t.id for t in copy.topics] == [t.id for t in first.topics]


def test_a_refused_connection_fails_after_one_short_retry_unannounced(tmp_path: Path) -> None:
    # Nothing takes connections there: waiting through the backoff meant for a slow forum
    # only kept the person 7 seconds, hearing "Still waiting" for a forum that is not there.
    forum = DemoForum(tmp_path / "forum.sqlite3")
    url = forum.start()
    forum.stop()
    slow: list[float] = []
    settings = ForumSettings(slow_after_s=0.8)  # the stock backoff: 1, 2 and 4 seconds
    with DiscourseClient(url, settings=settings) as client:
        client.on_slow(lambda: slow.append(time.monotonic()))
        started = time.monotonic()
        with pytest.raises(ForumUnreachableError) as refused:
            client.latest()
        took = time.monotonic() - started
        assert client.requests_made == 2, client.requests_made
    assert refused.value.fault is NetFault.REFUSED
    assert settings.refused_retry_s <= took < settings.slow_after_s, took
    assert not slow


def test_a_write_failing_at_the_forum_leaves_reads_their_full_time(tmp_path: Path) -> None:
    # A write that timed out or got a server error reached the forum: its own path may be
    # slow or broken, but reads slower than one quick try were answered "still out of
    # reach" for the next 15 seconds all the same.
    settings = ForumSettings(
        request_deadline_s=1.0, down_try_s=0.5, retry_backoff_s=0.01, read_retries=1
    )
    with (
        DemoForum(tmp_path / "forum.sqlite3") as forum,
        DiscourseClient(forum.base_url, settings=settings) as client,
    ):
        topic_id = client.latest().topics[0].id
        forum.faults.fail_next(1, 503, path="/posts.json")
        with pytest.raises(DeliveryUncertainError):
            client.create_post(NewReply(topic_id, "Sent while the forum failed."))
        forum.faults.slow(1.5, path="/posts.json")
        with pytest.raises(DeliveryUncertainError):
            client.create_post(NewReply(topic_id, "Sent while the forum was slow."))
        assert not client.forum_down
        forum.faults.slow(0.8)  # slower than a quick try, within a read's time
        assert client.topic(topic_id).title


def test_a_write_that_could_not_connect_marks_the_forum_out_of_reach(tmp_path: Path) -> None:
    forum = DemoForum(tmp_path / "forum.sqlite3")
    url = forum.start()
    forum.stop()
    settings = ForumSettings(down_check_s=3600)
    with DiscourseClient(url, settings=settings) as client:
        with pytest.raises(ForumUnreachableError) as refused:
            client.create_post(NewReply(1, "Written while the forum was down."))
        assert not isinstance(refused.value, DeliveryUncertainError)
        assert client.forum_down
