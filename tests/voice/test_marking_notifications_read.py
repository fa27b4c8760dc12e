""" "Mark as read" at the notifications, or said of them, marks the notifications read (after
a yes), never the unread topics; at the messages list it says how to mark one."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import as_member, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.marking_read import MESSAGE_TO_MARK, NOTIFICATIONS_ALL_READ


def _unread_notifications(forum: DemoForum) -> int:
    found = as_member(forum, "/notifications.json")["notifications"]
    return sum(1 for n in found if not n["read"])


def _unread_topics(forum: DemoForum) -> int:
    return len(as_member(forum, "/unread.json")["topic_list"]["topics"])


def test_mark_notifications_as_read_asks_then_marks_them_all(forum: DemoForum, data: Path) -> None:
    unread, topics = _unread_notifications(forum), _unread_topics(forum)
    assert unread > 0
    lines = ["mark my notifications as read", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2] == (
        f"Mark your {unread} unread notifications as read, without hearing them? The forum "
        "cannot make them unread again. Say yes or no."
    ), talk.transcript
    assert talk.said[-1] == "Done: your notifications are marked as read."
    assert _unread_notifications(forum) == 0
    assert _unread_topics(forum) == topics


def test_no_leaves_the_notifications_unread(forum: DemoForum, data: Path) -> None:
    unread = _unread_notifications(forum)
    lines = ["mark notifications as read", "no"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == "Nothing is marked as read."
    assert _unread_notifications(forum) == unread


def test_at_the_notifications_mark_this_as_read_is_about_them(forum: DemoForum, data: Path) -> None:
    # Each one heard in full is marked read already: no topic is offered instead.
    lines = ["notifications", "mark this as read"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == NOTIFICATIONS_ALL_READ, talk.transcript
    assert "topics as read" not in talk.transcript


def test_at_the_messages_list_mark_as_read_says_how(forum: DemoForum, data: Path) -> None:
    topics = _unread_topics(forum)
    talk = converse(
        forum.base_url, ["my messages", "mark as read"], data, credentials=signed_in(forum)
    )
    assert talk.said[-1] == MESSAGE_TO_MARK
    assert _unread_topics(forum) == topics
