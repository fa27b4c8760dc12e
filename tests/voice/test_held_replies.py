"""Which notifications free a reply the forum held back: any post by someone else for a run
of replies in a row, only an answer to the person for a new member's limit. The demo forum
sends no "posted" notifications (watching is not imitated), so the drafts here are a real
DraftStore with the refusals written as the outbox writes them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from voicepeer.errors import ForumRejectedError
from voicepeer.forum.base import Notification
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.refusals import record_of
from voicepeer.forum.replies_db import hand_back_words
from voicepeer.voice.held_replies import held_replies_free

IN_A_ROW = (
    "No more than 3 consecutive replies are allowed. Please edit your previous reply, or wait "
    "for someone to reply to you."
)
NEW_MEMBER = "We're sorry, but new users are temporarily limited to 3 replies in the same topic."


def _held(tmp_path: Path, topic_id: int, reason: str) -> DraftStore:
    """A reply to the topic refused for ``reason``, handed back as the outbox does."""
    path = tmp_path / "outbox.sqlite3"
    drafts = DraftStore(path)
    refusal = record_of(ForumRejectedError("refused", errors=(reason,)))
    with sqlite3.connect(path) as db:
        words = "The cafe at the end has good chairs."
        hand_back_words(db, f"topic-{topic_id}", words, refusal, "2026-12-05T10:00:00")
    return drafts


def _note(kind: str, topic_id: int = 7) -> Notification:
    return Notification(id=1, kind=kind, read=False, topic_id=topic_id, topic_title="The pier?")


def test_any_post_by_someone_else_frees_a_run_of_replies(tmp_path: Path) -> None:
    drafts = _held(tmp_path, 7, IN_A_ROW)
    # Named by the number of the first notification about it, as they were said.
    assert held_replies_free([_note("liked"), _note("posted"), _note("replied")], drafts) == [
        "Your reply in The pier that the forum held back can go now: say open two, then "
        "reply, then send it."
    ]


def test_only_an_answer_frees_a_new_members_reply(tmp_path: Path) -> None:
    drafts = _held(tmp_path, 7, NEW_MEMBER)
    assert held_replies_free([_note("posted")], drafts) == []
    assert len(held_replies_free([_note("mentioned")], drafts)) == 1
    assert held_replies_free([_note("liked"), _note("replied", topic_id=8)], drafts) == []
