"""A person's own account through a Discourse user API key, end to end."""

from __future__ import annotations

import sqlite3

import pytest

from voicepeer.errors import AuthError, AuthProblem, ForumForbiddenError, RateLimitedError
from voicepeer.forum.base import NewReply, PostStatus
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.error_phrases import say_error

from .conftest import RunningForum, StartForum, approve_user_api_key


def test_read_post_and_revoke_with_a_user_api_key(start_forum: StartForum) -> None:
    running = start_forum()
    creds = approve_user_api_key(running, username="priya")
    with DiscourseClient(running.base_url, credentials=creds) as client:
        assert client.username() == "priya"
        topic_id = client.latest().topics[0].id
        outcome = client.create_post(NewReply(topic_id, "Posting with my own account key."))
        assert outcome.status is PostStatus.POSTED
        assert client.find_own_post(topic_id, "Posting with my own account key.", None)
        client.revoke_key()
        with pytest.raises(AuthError):
            client.notifications()


def test_reconnecting_with_the_same_client_id_replaces_the_old_key(
    start_forum: StartForum,
) -> None:
    running = start_forum()
    old = approve_user_api_key(running, "voicepeer-same", "dave")
    new = approve_user_api_key(running, "voicepeer-same", "dave")
    with DiscourseClient(running.base_url, credentials=new) as client:
        assert client.check_account() == "dave"
    with DiscourseClient(running.base_url, credentials=old) as client, pytest.raises(AuthError):
        client.check_account()


def test_a_user_key_is_held_to_twenty_requests_a_minute(start_forum: StartForum) -> None:
    running = start_forum()
    creds = approve_user_api_key(running, username="mei")
    waits: list[float] = []
    settings = ForumSettings(max_rate_limit_wait_s=0, list_cache_s=0)
    with DiscourseClient(running.base_url, credentials=creds, settings=settings) as client:
        client.on_wait(waits.append)
        answered = 0
        with pytest.raises(RateLimitedError) as caught:
            for _ in range(25):
                client.latest()
                answered += 1
    assert answered == 19  # the twentieth request asked for the site's censored words
    assert 0 < caught.value.wait_seconds <= 60
    assert waits == []  # longer than allowed: reported, not waited for


def test_a_refused_action_with_a_working_user_key_is_not_called_an_account_problem(
    start_forum: StartForum,
) -> None:
    running = start_forum()
    creds = approve_user_api_key(running, username="jo")
    with DiscourseClient(running.base_url, credentials=creds) as client:
        topic_id = client.latest().topics[0].id
        mine = client.create_post(NewReply(topic_id, "A post of my own, to try a like on."))
        assert mine.post_id is not None
        # Discourse answers this with its stock 403, the same a revoked key gets: the
        # client asks who it is before deciding which it was.
        with pytest.raises(ForumForbiddenError) as caught:
            client.like(mine.post_id)
        assert "your own posts" in say_error(caught.value)
        client.revoke_key()
        with pytest.raises(AuthError) as revoked:
            client.like(mine.post_id)
        assert "reconnect it with voicepeer forum connect" in say_error(revoked.value)


def _posts_saying(running: RunningForum, words: str) -> int:
    with sqlite3.connect(running.db_path) as db:
        return int(db.execute("SELECT COUNT(*) FROM posts WHERE raw = ?", (words,)).fetchone()[0])


def test_with_its_key_revoked_a_client_reads_on_as_a_visitor_and_sends_nothing(
    start_forum: StartForum,
) -> None:
    running = start_forum()
    creds = approve_user_api_key(running, username="priya")
    found: list[bool] = []
    with DiscourseClient(running.base_url, credentials=creds) as client:
        client.on_account_refused(lambda: found.append(True))
        assert client.username() == "priya"
        client.revoke_key()
        topic_id = client.latest().topics[0].id
        assert client.topic(topic_id).title
        assert client.account_refused and found == [True]
        asked = client.requests_made
        words = "Written while the forum refused the key."
        with pytest.raises(AuthError) as caught:
            client.create_post(NewReply(topic_id, words))
        assert caught.value.problem is AuthProblem.KEY_REFUSED
        assert client.requests_made == asked
        assert _posts_saying(running, words) == 0
        assert client.username() == "priya"  # whose post is whose stays known
        with pytest.raises(AuthError) as checked:
            client.check_account()
        assert checked.value.problem is AuthProblem.KEY_REFUSED
    assert found == [True]


def test_a_key_connected_again_meanwhile_is_taken_up_without_a_restart(
    start_forum: StartForum,
) -> None:
    running = start_forum()
    saved = [approve_user_api_key(running, "voicepeer-same", "dave")]
    now = [0.0]
    settings = ForumSettings(retry_backoff_s=0.01, key_recheck_s=30)
    with DiscourseClient(
        running.base_url,
        credentials=saved[0],
        settings=settings,
        renewal=lambda: saved[-1],
        clock=lambda: now[0],
    ) as client:
        client.revoke_key()
        topic_id = client.latest().topics[0].id
        assert client.account_refused
        saved.append(approve_user_api_key(running, "voicepeer-same", "dave"))
        words = "Sent once the account was connected again."
        with pytest.raises(AuthError):  # the saved account is looked at now and then only
            client.create_post(NewReply(topic_id, words))
        now[0] += 30
        assert client.create_post(NewReply(topic_id, words)).status is PostStatus.POSTED
        assert not client.account_refused
    assert _posts_saying(running, words) == 1


def test_a_key_refused_after_the_account_was_connected_again_is_replaced_at_once(
    start_forum: StartForum,
) -> None:
    running = start_forum()
    saved = [approve_user_api_key(running, "voicepeer-same", "dave")]
    found: list[bool] = []
    with DiscourseClient(
        running.base_url, credentials=saved[0], renewal=lambda: saved[-1]
    ) as client:
        client.on_account_refused(lambda: found.append(True))
        topic_id = client.latest().topics[0].id
        # Connected again from another terminal: the key in use is revoked by it.
        saved.append(approve_user_api_key(running, "voicepeer-same", "dave"))
        words = "Sent with the key saved a moment ago."
        assert client.create_post(NewReply(topic_id, words)).status is PostStatus.POSTED
        assert not client.account_refused
    assert found == []
    assert _posts_saying(running, words) == 1
