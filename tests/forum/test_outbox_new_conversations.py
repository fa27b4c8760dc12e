"""New topics and private messages go through the same durable outbox as replies: recorded
before sending, and an interrupted send is checked on the forum before it is sent again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.forum.conftest import RunningForum, StartForum
from voicepeer.forum.base import NewPrivateMessage, NewTopic
from voicepeer.forum.outbox import EntryKind, Outbox, OutboxState
from voicepeer.voice.outbox_phrases import send_result_line

RAW = "Would anyone like to share what helps them sleep in hot weather?"


def topics_titled(forum: RunningForum, title: str, path: str) -> list[int]:
    client = forum.client("demo")
    listing = client.http.get(path)
    return [t["id"] for t in listing["topic_list"]["topics"] if t["title"] == title]


def test_a_new_topic_is_posted_once_even_when_the_answer_is_lost(
    forum: RunningForum, tmp_path: Path
) -> None:
    client = forum.client("demo")
    category = client.categories()[0]
    outbox = Outbox(tmp_path / "outbox.sqlite3", client)
    title = "Sleeping in hot weather with MS"
    forum.server.faults.malform("/posts.json", "drop_connection")
    first = outbox.submit_new(NewTopic(category.id, title, RAW))
    assert first.state is OutboxState.SENDING and "not sure" in send_result_line(first)
    forum.server.faults.clear()
    results = outbox.flush()
    assert [r.state for r in results] == [OutboxState.POSTED]
    assert send_result_line(results[0]) == f"Your new topic, {title}, has now been posted."
    assert len(topics_titled(forum, title, "/topics/created-by/demo.json")) == 1
    assert outbox.get(first.entry.id).kind is EntryKind.TOPIC
    outbox.close()


def test_a_private_message_waits_offline_and_is_sent_later(
    forum: RunningForum, tmp_path: Path
) -> None:
    client = forum.client("demo")
    outbox = Outbox(tmp_path / "outbox.sqlite3", client)
    forum.server.faults.fail_next(3, 503, path="/posts.json")
    waiting = outbox.submit_new(NewPrivateMessage(("mei",), "Lift on Saturday", RAW))
    assert waiting.state in (OutboxState.PENDING, OutboxState.SENDING)
    forum.server.faults.clear()
    # A new outbox on the same file, as after a restart: the message is still there.
    outbox.close()
    again = Outbox(tmp_path / "outbox.sqlite3", client)
    entry = again.pending()[0]
    assert entry.kind is EntryKind.MESSAGE and entry.recipients == ("mei",)
    assert [send_result_line(r) for r in again.flush()] == [
        "Your message, Lift on Saturday, has now been sent."
    ]
    assert (
        len(topics_titled(forum, "Lift on Saturday", "/topics/private-messages-sent/demo.json"))
        == 1
    )
    again.close()


def test_an_older_outbox_file_gains_the_new_columns(tmp_path: Path, forum: RunningForum) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, topic_id INTEGER NOT NULL,"
        " topic_title TEXT NOT NULL, raw TEXT NOT NULL, reply_to_post_number INTEGER,"
        " state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL,"
        " sent_at TEXT, post_number INTEGER, errors TEXT NOT NULL DEFAULT '')"
    )
    db.execute(
        "INSERT INTO outbox (topic_id, topic_title, raw, state, created_at) VALUES"
        " (1, 'Old', 'an old reply kept from before', 'rejected', '2026-01-01T00:00:00')"
    )
    db.commit()
    db.close()
    outbox = Outbox(path, forum.client("demo"))
    assert outbox.get(1).kind is EntryKind.REPLY  # refused long ago: settled, not pending
    outbox.close()


def test_a_new_topic_takes_its_draft_in_one_step_and_a_refusal_brings_it_back(
    start_forum: StartForum, tmp_path: Path
) -> None:
    from voicepeer.forum.drafts import DraftStore

    running = start_forum(min_first_post_length=200)
    path = tmp_path / "o.sqlite3"
    drafts = DraftStore(path)
    drafts.save("new topic in Fatigue", "A body the forum finds too short.")
    category = running.client("demo").categories()[0].id
    result = Outbox(path, running.client("demo")).submit_new(
        NewTopic(category, "Pacing on hot days", "A body the forum finds too short."),
        draft_key="new topic in Fatigue",
    )
    assert result.state is OutboxState.REJECTED
    assert "say new topic and choose the same category to change them" in send_result_line(result)
    assert drafts.resume("new topic in Fatigue") == "A body the forum finds too short."


@pytest.mark.parametrize(
    ("kind", "sent", "kept", "box"),
    [
        # Messages may share a title, so only the check stops a second copy.
        ("message", "lift  on saturday??  ", "Lift on saturday?", "private-messages-sent"),
        # A second topic would be refused as a title already used, and handed back.
        (
            "topic",
            "SLEEPING IN HOT WEATHER WITH MS...",
            "Sleeping in hot weather with ms",
            "created-by",
        ),
    ],
)
def test_a_conversation_the_forum_retitled_is_found_after_a_lost_answer(
    forum: RunningForum, tmp_path: Path, kind: str, sent: str, kept: str, box: str
) -> None:
    # The forum tidies titles as it stores them (title_prettify).
    client = forum.client("demo")
    outbox = Outbox(tmp_path / "outbox.sqlite3", client)
    forum.server.faults.malform("/posts.json", "drop_connection")
    new: NewTopic | NewPrivateMessage = (
        NewPrivateMessage(("mei",), sent, RAW)
        if kind == "message"
        else NewTopic(client.categories()[0].id, sent, RAW)
    )
    assert outbox.submit_new(new).state is OutboxState.SENDING
    forum.server.faults.clear()
    [found] = outbox.flush()
    assert found.state is OutboxState.POSTED and found.entry.attempts == 1
    assert len(topics_titled(forum, kept, f"/topics/{box}/demo.json")) == 1
    outbox.close()
