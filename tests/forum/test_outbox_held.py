"""Replies the forum held for a moderator, asked about again: approved ones are settled as
posted, and one a moderator declined (Discourse tells its author nothing, and keeps no copy
they can read) comes back to the drafts, with why."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from voicepeer.errors import DeclinedByModeratorError
from voicepeer.forum.base import NewReply, NewTopic
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox, OutboxState
from voicepeer.forum.retry import OutboxRetry, RetrySettings
from voicepeer.voice.forum_phrases import notification_line
from voicepeer.voice.outbox_phrases import send_result_line

from .conftest import RunningForum, StartForum
from .test_outbox import _heat

HELD = "Please approve this one: the pier walk was lovely."


def test_an_approved_reply_is_settled_as_posted_without_a_word(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(moderated_words=("approve",))
    outbox = Outbox(tmp_path / "o.sqlite3", running.client("demo"))
    held = outbox.submit(NewReply(_heat(running), HELD), "Heat", draft_key="topic-1")
    assert held.state is OutboxState.ENQUEUED
    assert outbox.settle_held() == [] and outbox.held() == (held.entry,)  # still waiting
    assert running.server.approve_pending_post(running.server.pending_post_ids()[0])
    assert outbox.settle_held() == []
    assert outbox.get(held.entry.id).state is OutboxState.POSTED and outbox.held() == ()
    # The forum tells of the approval itself (data: the post's address only; the title
    # comes with the notification's topic).
    approval = running.client("demo").notifications().newest[0]
    assert (approval.kind, approval.topic_id) == ("post_approved", _heat(running))
    assert notification_line(approval).startswith("A moderator approved your post in Heat")


def test_a_declined_reply_comes_back_to_its_draft_and_is_told_once(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(moderated_words=("approve",))
    path = tmp_path / "o.sqlite3"
    outbox = Outbox(path, running.client("demo"))
    held = outbox.submit(NewReply(_heat(running), HELD), "Heat", draft_key="topic-1")
    other = outbox.submit_new(
        NewTopic(1, "Please approve my new topic about pacing", "Pacing helps me a lot."),
        draft_key="new-topic",
    )
    assert other.state is OutboxState.ENQUEUED
    assert running.server.reject_pending_post(running.server.pending_post_ids()[0])
    [declined] = outbox.settle_held()
    assert declined.entry.id == held.entry.id and declined.state is OutboxState.REJECTED
    assert isinstance(declined.error, DeclinedByModeratorError)
    assert send_result_line(declined) == (
        "Your reply to Heat was not posted. It is no longer waiting for a moderator, and it "
        "is not on the forum: most likely a moderator declined it, unless you withdrew it on "
        "the forum's website. I have kept your words: say reply in that topic to change them "
        "and send them again."
    )
    drafts = DraftStore(path)
    assert drafts.load("topic-1") == HELD
    assert isinstance(drafts.refusal("topic-1"), DeclinedByModeratorError)  # said on "reply"
    assert outbox.settle_held() == []  # told once
    assert outbox.held() == (outbox.get(other.entry.id),)  # the new topic still waits


def test_nothing_is_settled_when_the_forum_will_not_say(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(moderated_words=("approve",))
    outbox = Outbox(tmp_path / "o.sqlite3", running.client("demo"))
    held = outbox.submit(NewReply(_heat(running), HELD), "Heat")
    running.server.reject_pending_post(running.server.pending_post_ids()[0])
    signed_out = Outbox(tmp_path / "o.sqlite3", running.client("ghost-nobody"))
    assert signed_out.settle_held() == []
    assert outbox.get(held.entry.id).state is OutboxState.ENQUEUED


def test_a_reply_withdrawn_by_its_author_is_never_told_as_declined(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(moderated_words=("approve",))
    demo = running.client("demo", user_api_key=True)
    outbox = Outbox(tmp_path / "o.sqlite3", demo)
    topic = _heat(running)
    outbox.submit(NewReply(topic, HELD), "Heat")
    (waiting,) = demo.own_waiting_posts(topic)
    assert waiting.id is not None
    demo.withdraw_waiting_post(waiting.id)
    outbox.held_withdrawn(waiting)
    assert outbox.held() == () and outbox.settle_held() == []


def _declined_during_a_session(
    start_forum: StartForum, tmp_path: Path
) -> tuple[RunningForum, Outbox, OutboxRetry, list[float]]:
    """A reply held for a moderator, who has just declined it; the outbox, its retry
    checking every 600 s by the clock returned (a list: move it on by adding)."""
    running = start_forum(moderated_words=("approve",))
    now = [1000.0]
    outbox = Outbox(tmp_path / "o.sqlite3", running.client("demo"))
    retry = OutboxRetry(outbox, RetrySettings(held_check_s=600), clock=lambda: now[0])
    outbox.submit(NewReply(_heat(running), HELD), "Heat")
    running.server.reject_pending_post(running.server.pending_post_ids()[0])
    return running, outbox, retry, now


def test_during_the_session_a_declined_reply_is_news_after_the_check_interval(
    start_forum: StartForum, tmp_path: Path
) -> None:
    _, _, retry, now = _declined_during_a_session(start_forum, tmp_path)
    now[0] += 599  # not yet time to ask
    assert retry.check_held() == [] and retry.news() == []
    now[0] += 1
    [declined] = retry.check_held()
    assert [r.entry.id for r in retry.news()] == [declined.entry.id]
    now[0] += 600
    assert retry.check_held() == [] and retry.news() == []  # told once


def test_a_reply_approved_with_its_words_changed_is_kept_in_case(
    start_forum: StartForum, tmp_path: Path
) -> None:
    """A moderator may change a held post's words before approving it (Discourse lets
    them): not found by its words, but an approval in its topic, so the person hears it
    may be there, and the words are kept all the same."""
    running = start_forum(moderated_words=("approve",))
    path = tmp_path / "o.sqlite3"
    outbox = Outbox(path, running.client("demo"))
    held = outbox.submit(NewReply(_heat(running), HELD), "Heat", draft_key="topic-1")
    [pending] = running.server.pending_post_ids()
    with sqlite3.connect(running.db_path) as conn:  # the moderator's change, then approval
        conn.execute(
            "UPDATE pending_posts SET raw = 'The pier walk was lovely.' WHERE id = ?", (pending,)
        )
    assert running.server.approve_pending_post(pending)
    [kept] = outbox.settle_held()
    assert kept.entry.id == held.entry.id
    assert send_result_line(kept) == (
        "Your reply to Heat is no longer waiting for a moderator. A moderator approved a post "
        "of yours there, perhaps changing its words, but I cannot find these words on the "
        "forum. I have kept them in your drafts in case: say my drafts to hear them."
    )
    assert DraftStore(path).load("topic-1") == HELD


def test_a_declined_reply_leaves_the_wait_the_forum_asked_for_alone(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running, outbox, retry, now = _declined_during_a_session(start_forum, tmp_path)
    running.server.faults.rate_limit_next(1, 3600, path="/posts.json")
    waiting = outbox.submit(NewReply(_heat(running), "Sent once the hour is up."), "Heat")
    assert waiting.state is OutboxState.PENDING and retry.due_in() == 3600
    now[0] += 600
    assert len(retry.check_held()) == 1
    assert retry.due_in() == 3000  # the forum's hour still holds
