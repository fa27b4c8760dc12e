"""The notifications heard last, as a numbered list to open from.

"notifications" reads the newest unread ones numbered ("One: sam replied to you in Heat and
fatigue."). Until another list is read, they are the list that "open topic two", "read",
"next", "previous" and "back" go through, as the forum's own list of notifications is: one
opens its topic at the post it is about (a topic's gathered replies at the first unread
one). One about no topic (a badge, likes gathered across posts) has nothing to open.
"""

from __future__ import annotations

from dataclasses import dataclass

from voicepeer.forum.base import Notification
from voicepeer.voice import phrasing
from voicepeer.voice.cues import number_word
from voicepeer.voice.forum_phrases import notification_line

OPEN_ONE = "Say open and its number to read one."


def notice_line(position: int, notification: Notification) -> str:
    """ "Two: sam mentioned you in Heat and fatigue." (``position`` from 1)"""
    return f"{number_word(position).capitalize()}: {notification_line(notification)}"


@dataclass
class NoticeList:
    """The notifications heard in the last round, in the order said, and the one the
    person is at (``index``, from 0)."""

    notices: tuple[Notification, ...]
    index: int = 0

    def line(self) -> str:
        return notice_line(self.index + 1, self.notices[self.index])

    def choose(self, number: int) -> Notification | str:
        """The notification numbered ``number`` (made current), or what to say instead."""
        count = len(self.notices)
        if not 1 <= number <= count:
            return phrasing.no_such_number("notification", number, count, "open")
        self.index = number - 1
        return self.current()

    def current(self) -> Notification | str:
        """The current notification when it is about a topic, or what to say instead."""
        chosen = self.notices[self.index]
        if chosen.topic_id is None:
            return (
                f"Notification {self.index + 1} is not about a topic, so there is nothing to open."
            )
        return chosen

    def step(self, delta: int) -> str:
        """Move ``delta`` through the list: what to say."""
        moved = self.index + delta
        if not 0 <= moved < len(self.notices):
            return (
                "That is the last notification I read you."
                if delta > 0
                else "This is the first notification."
            )
        self.index = moved
        opens = " Say read to open it." if self.notices[moved].topic_id is not None else ""
        return self.line() + opens

    def where(self) -> str:
        return (
            f"You are in your notifications, on {self.index + 1} of {len(self.notices)}: "
            f"{notification_line(self.notices[self.index])}"
        )
