"""Every request the client sends and every answer it parses, checked against the
official Discourse OpenAPI spec, over real HTTP to the demo forum."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support.spec_client import RecordingTransport, spec_problems
from voicepeer.errors import AuthError, ForumNotFoundError, ForumRejectedError, RateLimitedError
from voicepeer.forum.base import NewPrivateMessage, NewReply, NewTopic
from voicepeer.forum.cache import ReadingCache
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.peer import DiscoursePeer
from voicepeer.forum.settings import ForumSettings

from .conftest import StartForum


def test_a_whole_session_conforms_to_the_spec(start_forum: StartForum) -> None:
    running = start_forum()
    long_topic = running.server.seed_long_topic(60)
    recorder = RecordingTransport()
    client = running.client("demo", transport=recorder, cache=ReadingCache())
    categories = client.categories()
    client.category_topics(categories[0])
    listing = client.latest()
    client.new_topics()
    client.unread_topics()
    client.site_limits()
    thread = client.thread(long_topic)
    thread.post_at(len(thread) - 1)
    reply = client.create_post(NewReply(long_topic, "Reading this long topic slowly.", 2))
    assert reply.post_id is not None
    client.post(reply.post_id)
    assert client.newest_post_id(long_topic) == reply.post_id
    assert client.find_own_post(long_topic, "Reading this long topic slowly.", None)
    # Not among the posts: the user's posts waiting for a moderator are asked for too.
    assert client.find_own_post(long_topic, "Words nobody posted.", reply.post_id) is None
    started = client.create_topic(
        NewTopic(categories[0].id, "A topic from the contract test", "Words of the first post.")
    )
    assert started.topic_id is not None
    client.retitle_topic(started.topic_id, "A topic renamed in the contract test")
    other = next(t for t in listing.topics if t.id != long_topic)
    first_post = client.topic(other.id).loaded_posts[0]
    client.like(first_post.id)
    DiscoursePeer(client).add_bookmark(first_post.id)
    heard = client.notifications().newest[0].id
    assert heard is not None
    client.mark_notification_read(heard)
    client.posts_after(long_topic, 10)
    client.posts_after(long_topic, 30, before=True)
    client.record_reading(long_topic, 1, 1500)
    client.timings.close()
    assert client.timings.batches_sent == 1
    client.search("heat")
    client.private_messages()
    client.send_private_message(
        NewPrivateMessage(("sam",), "Hello Sam, a message", "Hi Sam, how are you?")
    )
    client.mark_topic_read(long_topic)
    assert client.mark_all_read()

    base_path = urlsplit(running.base_url).path.rstrip("/")
    problems = [p for e in recorder.exchanges for p in spec_problems(e, base_path)]
    assert problems == []
    assert all(200 <= e.status < 300 for e in recorder.exchanges), [
        (e.method, e.path, e.status) for e in recorder.exchanges if e.status >= 300
    ]
    assert len(recorder.exchanges) >= 20


def test_error_answers_the_client_parses_are_discourse_error_bodies(
    start_forum: StartForum,
) -> None:
    running = start_forum(min_post_length=30, admin_api_key_requests_per_minute=6)
    recorder = RecordingTransport()
    client = running.client(
        "demo",
        transport=recorder,
        settings=ForumSettings(max_rate_limit_wait_s=0, read_retries=0),
    )
    topic_id = client.latest().topics[0].id
    with pytest.raises(ForumRejectedError):
        client.create_post(NewReply(topic_id, "Too short."))
    with pytest.raises(ForumNotFoundError):
        client.topic(999_999)
    with pytest.raises(RateLimitedError):
        for _ in range(8):
            client.categories()
            client.forget_recent()
    wrong = Credentials(running.base_url, "admin_api_key", "wrong", username="demo")
    with (
        DiscourseClient(running.base_url, credentials=wrong, transport=recorder) as stranger,
        pytest.raises(AuthError),
    ):
        stranger.notifications()
    statuses = {e.status for e in recorder.exchanges}
    assert {422, 404, 429, 403} <= statuses
    problems = [p for e in recorder.exchanges for p in spec_problems(e)]
    assert problems == []
