"""Once the forum has a reply, its words do not stay in voicepeer's files: the computer may
be shared. What "unsend it" and the checks for repeats need stays."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from voicepeer.forum.base import NewPrivateMessage, NewReply, NewTopic
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox, OutboxState
from voicepeer.voice.outbox_phrases import send_result_line

from .conftest import RunningForum, StartForum
from .test_outbox import _heat, offline_client

WORDS = "Lavender oil on the pillow helps me sleep through the spasms."


def _on_disk(path: Path) -> bytes:
    return path.read_bytes()


def test_a_posted_reply_leaves_only_its_number_behind(forum: RunningForum, tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    DraftStore(path).save("topic-1", WORDS)
    outbox = Outbox(path, forum.client("demo"))
    posted = outbox.submit(NewReply(_heat(forum), WORDS), "Heat", draft_key="topic-1")
    assert posted.state is OutboxState.POSTED
    assert send_result_line(posted) == "Your reply to Heat is posted."
    kept = outbox.get(posted.entry.id)
    assert kept.raw == "" and kept.post_number is not None  # enough to find it again
    assert WORDS.encode() not in _on_disk(path)
    assert b"Lavender" not in _on_disk(path)
    # The same words sent again are still known for a repeat, without the words.
    again = outbox.submit(NewReply(_heat(forum), WORDS), "Heat", draft_key="topic-1")
    assert again.state is OutboxState.REJECTED and again.words_on_forum
    assert b"Lavender" not in _on_disk(path)


def test_a_new_topic_and_a_message_leave_their_title_and_words_once_sent(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, forum.client("demo"))
    topic = outbox.submit_new(NewTopic(1, "Sleeping with lavender on the pillow", WORDS))
    message = outbox.submit_new(
        NewPrivateMessage(("ruth",), "A private question about spasms", "Do yours wake you?")
    )
    assert (topic.state, message.state) == (OutboxState.POSTED, OutboxState.POSTED)
    assert send_result_line(topic).startswith("Your new topic, Sleeping with lavender")
    assert outbox.get(topic.entry.id).topic_id == topic.entry.topic_id != 0  # for "unsend it"
    on_disk = _on_disk(path)
    for words in (b"lavender", b"Lavender", b"private question", b"wake you"):
        assert words not in on_disk


def test_words_not_sent_stay_until_they_are_on_the_forum(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "outbox.sqlite3"
    waiting = Outbox(path, offline_client()).submit(NewReply(_heat(forum), WORDS), "Heat")
    assert waiting.state is OutboxState.PENDING
    assert WORDS.encode() in _on_disk(path)  # nothing is lost while it waits
    [sent] = Outbox(path, forum.client("demo")).flush()
    assert sent.state is OutboxState.POSTED
    assert b"Lavender" not in _on_disk(path)


def test_words_taken_back_are_kept_once_in_the_drafts(forum: RunningForum, tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, offline_client())
    waiting = outbox.submit(NewReply(_heat(forum), WORDS), "Heat", draft_key="topic-1")
    taken = outbox.withdraw(waiting.entry.id)
    assert taken.state is OutboxState.WITHDRAWN and taken.raw == ""
    assert DraftStore(path).load("topic-1") == WORDS


def test_words_an_earlier_version_kept_go_when_the_outbox_opens(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "outbox.sqlite3"
    posted = Outbox(path, forum.client("demo")).submit(NewReply(_heat(forum), WORDS), "Heat")
    with sqlite3.connect(path) as db:  # as versions before this one left it
        db.execute("UPDATE outbox SET raw = ?, words_key = NULL", (WORDS,))
    outbox = Outbox(path, forum.client("demo"))
    assert outbox.get(posted.entry.id).raw == ""
    assert b"Lavender" not in _on_disk(path)
    again = outbox.submit(NewReply(_heat(forum), WORDS), "Heat")
    assert again.words_on_forum  # still known as a repeat


def test_a_held_reply_keeps_its_words_until_a_moderator_approves_it(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(moderated_words=("approve",))
    path = tmp_path / "o.sqlite3"
    words = "Please approve: lavender helps."
    outbox = Outbox(path, running.client("demo"))
    held = outbox.submit(NewReply(_heat(running), words), "Heat")
    assert held.state is OutboxState.ENQUEUED
    assert outbox.get(held.entry.id).raw == words  # handed back if declined
    assert running.server.approve_pending_post(running.server.pending_post_ids()[0])
    outbox.settle_held()
    assert outbox.get(held.entry.id).state is OutboxState.POSTED
    assert b"lavender" not in _on_disk(path)


def test_a_held_reply_withdrawn_keeps_its_words_only_until_that_is_done(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(moderated_words=("approve",))
    demo = running.client("demo", user_api_key=True)
    outbox = Outbox(tmp_path / "o.sqlite3", demo)
    words = "Please approve: lavender helps."
    held = outbox.submit(NewReply(_heat(running), words), "Heat")
    [waiting] = demo.own_waiting_posts(_heat(running))
    assert waiting.id is not None
    settled = outbox.held_withdrawn(waiting)
    outbox.held_again(settled)  # the withdrawal failed: it waits, words and all
    assert outbox.get(held.entry.id).raw == words
    settled = outbox.held_withdrawn(waiting)
    demo.withdraw_waiting_post(waiting.id)
    outbox.held_gone(settled)
    assert outbox.get(held.entry.id).raw == ""
