"""Taking back a confirmed reply before the outbox has sent it: only one that is surely not
on the forum, its words back in the draft, never sent afterwards."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from tests.support.transports import DropAfterSending
from voicepeer.forum.base import NewReply
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox, OutboxBusyError, OutboxState, SendResult
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.outbox_phrases import send_result_line

from .conftest import ADMIN_KEY, RunningForum
from .test_outbox import _copies, _heat

RAW = "Written with no signal. On second thoughts, not for everyone."


def _offline() -> DiscourseClient:
    return DiscourseClient("http://127.0.0.1:9", settings=ForumSettings(read_retries=0))


def test_a_waiting_reply_is_taken_back_into_its_draft_and_never_sent(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "outbox.sqlite3"
    drafts = DraftStore(path)
    drafts.save("topic-1", RAW)
    waiting = Outbox(path, _offline()).submit(
        NewReply(_heat(forum), RAW), "Heat", draft_key="topic-1"
    )
    assert waiting.state is OutboxState.PENDING and drafts.load("topic-1") is None
    drafts.save("topic-1", "Words dictated since.")
    online = Outbox(path, forum.client("demo"))
    taken = online.withdraw(waiting.entry.id)
    assert taken.state is OutboxState.WITHDRAWN
    assert drafts.load("topic-1") == f"{RAW}\n\nWords dictated since."
    assert drafts.refusal("topic-1") is None  # taken back, not refused
    assert online.pending() == () and online.flush() == []
    assert online.send(taken.id).state is OutboxState.WITHDRAWN  # asked by id: still not sent
    assert _copies(forum, _heat(forum), RAW) == 0
    assert (
        send_result_line(SendResult(taken))
        == "Your reply to Heat was taken back, so it was not posted."
    )


def test_a_reply_that_may_be_on_the_forum_is_not_taken_back(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "outbox.sqlite3"
    creds = Credentials(forum.base_url, "admin_api_key", ADMIN_KEY, username="demo")
    lossy = DiscourseClient(forum.base_url, credentials=creds, transport=DropAfterSending())
    sent = Outbox(path, lossy).submit(NewReply(_heat(forum), RAW), "Heat", draft_key="topic-1")
    assert sent.state is OutboxState.SENDING  # the answer was lost: it may be there
    outbox = Outbox(path, forum.client("demo"))
    assert outbox.withdraw(sent.entry.id).state is OutboxState.SENDING
    assert DraftStore(path).load("topic-1") is None  # no second copy of words on the forum
    [checked] = outbox.flush()
    assert checked.state is OutboxState.POSTED and checked.entry.attempts == 1


def test_a_posted_reply_is_left_as_it_is(forum: RunningForum, tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3", forum.client("demo"))
    posted = outbox.submit(NewReply(_heat(forum), RAW), "Heat")
    assert outbox.withdraw(posted.entry.id).state is OutboxState.POSTED


def test_a_send_under_way_is_not_waited_for_long(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    outbox = Outbox(path, _offline())
    entry = outbox.record(NewReply(1, RAW), "Heat")
    # Another voicepeer process sending: it holds the lock beside the database.
    other = os.open(f"{path}.lock", os.O_RDWR)
    fcntl.flock(other, fcntl.LOCK_EX)
    try:
        with pytest.raises(OutboxBusyError):
            outbox.withdraw(entry.id)
    finally:
        os.close(other)
    assert outbox.get(entry.id).state is OutboxState.PENDING
    assert outbox.withdraw(entry.id).state is OutboxState.WITHDRAWN
