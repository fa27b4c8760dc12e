"""Waiting replies are sent again during the session, on the forum's schedule when it gives
one; against the real demo forum over loopback HTTP, with an injected clock."""

from __future__ import annotations

from pathlib import Path

from voicepeer.forum.base import NewReply
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.outbox import Outbox, OutboxState
from voicepeer.forum.retry import OutboxRetry, RetrySettings
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.outbox_phrases import send_result_line

from .conftest import RunningForum


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _heat(forum: RunningForum) -> int:
    return next(t.id for t in forum.client("ruth").latest().topics if t.title.startswith("Heat"))


def test_a_wait_the_forum_asks_for_is_kept_then_the_reply_goes_out(
    forum: RunningForum, tmp_path: Path
) -> None:
    clock = FakeClock()
    outbox = Outbox(tmp_path / "o.sqlite3", forum.client("demo"))
    retry = OutboxRetry(outbox, clock=clock)
    forum.server.faults.rate_limit_next(1, 3600, path="/posts.json")
    result = outbox.submit(
        NewReply(_heat(forum), "Sent after the hour the forum asked."), "Heat and fatigue"
    )
    assert result.state is OutboxState.PENDING
    said = send_result_line(result)
    assert "wait 60 minutes" in said and "I will send it then" in said
    assert retry.due_in() == 3600
    for later in (1.0, 600.0, 3599.0):  # nothing is tried before the hour is up
        clock.now = 1000.0 + later
        assert retry.run_due() == []
    assert retry.news() == []
    clock.now = 1000.0 + 3600.0
    [sent] = retry.run_due()
    assert sent.state is OutboxState.POSTED
    assert [send_result_line(r) for r in retry.news()] == [
        "Your earlier reply to Heat and fatigue has now been posted."
    ]
    assert retry.news() == []  # said once
    assert retry.due_in() is None and outbox.pending() == ()


def test_an_unreachable_forum_is_tried_again_with_a_growing_wait(tmp_path: Path) -> None:
    clock = FakeClock()
    offline = DiscourseClient("http://127.0.0.1:9", settings=ForumSettings(read_retries=0))
    outbox = Outbox(tmp_path / "o.sqlite3", offline)
    retry = OutboxRetry(outbox, RetrySettings(first_wait_s=30, max_wait_s=100), clock=clock)
    outbox.submit(NewReply(3, "Written on the train with no signal."), "Heat")
    waits = []
    for _ in range(4):
        due = retry.due_in()
        assert due is not None
        waits.append(due)
        clock.now += due
        [result] = retry.run_due()
        assert result.waiting
    assert waits == [30, 60, 100, 100]
    assert retry.news() == []  # nothing went out: nothing to announce


def test_replies_waiting_from_before_are_found_and_sent(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "o.sqlite3"
    offline = DiscourseClient("http://127.0.0.1:9", settings=ForumSettings(read_retries=0))
    Outbox(path, offline).record(NewReply(_heat(forum), "Kept from the last session."), "Heat")
    retry = OutboxRetry(Outbox(path, forum.client("demo")), clock=FakeClock())
    [sent] = retry.run_due()
    assert sent.state is OutboxState.POSTED
    assert [send_result_line(r) for r in retry.news()] == [
        "Your earlier reply to Heat has now been posted."
    ]


def test_a_reply_confirmed_while_the_background_sends_is_left_to_it_not_kept_waiting(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "o.sqlite3"
    background = Outbox(path, forum.client("demo"))
    clock = FakeClock()
    retry = OutboxRetry(background, clock=clock)
    loop = Outbox(path, forum.client("demo"), lock_wait_s=0.2)
    retry.watch(loop)
    with background._sending():  # a slow send in the background holds the outbox
        result = loop.submit(NewReply(_heat(forum), "Confirmed while another was sent."), "Heat")
    assert result.state is OutboxState.PENDING
    said = send_result_line(result)
    assert "busy sending another reply" in said and "words are safe" in said
    assert retry.due_in() == 30  # left to the background, which sends it soon
    clock.now += 30
    [sent] = retry.run_due()
    assert sent.state is OutboxState.POSTED
