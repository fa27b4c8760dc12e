"""Marking topics read, each time after a yes: at a topic list, "mark all as read" takes
every topic off the person's unread and new lists (the forum's Dismiss); while reading,
"mark as read" counts the topic read to its last post. At the notifications (or said as
"mark my notifications as read"), it marks the person's notifications read, those not
heard yet too (the forum's "Dismiss" of notifications); at their messages list it says to
open the message first, as no topic list is meant there.

Only the person sees what they have read, but the forum cannot make a topic unread again:
a misheard command must cost a question, not a week of unread posts.
"""

from __future__ import annotations

from dataclasses import dataclass

from voicepeer.errors import ForumError
from voicepeer.forum.base import Forum
from voicepeer.voice import phrasing
from voicepeer.voice.error_phrases import account_unusable
from voicepeer.voice.ports import Say
from voicepeer.voice.reader import Reader
from voicepeer.voice.unread_topics import NOTHING_UNREAD, still_unread, unread_and_new

NOTIFICATIONS_ALL_READ = (
    "Your notifications are all read: each is marked read once you have heard it."
)
MESSAGE_TO_MARK = (
    "To mark a conversation as read, open it, then say mark as read. To mark your "
    "notifications as read, say mark my notifications as read."
)


@dataclass(frozen=True)
class MarkRead:
    """Topics to mark read, asked about in MARKING_READ: one topic (``topic_id``, titled
    ``title``), or with ``topic_id`` None all of the person's unread and new topics
    (``count`` of them listed; ``more``: the forum has more pages)."""

    count: int = 1
    more: bool = False
    topic_id: int | None = None
    title: str = ""
    notifications: bool = False
    """Notifications, not topics: ``count`` of them unread."""
    read_already: frozenset[int] = frozenset()
    """Topics the forum listed though heard to the end this session (its lists lag behind):
    not counted in the question, so not in what is said done either."""

    @property
    def _them(self) -> str:
        return "them" if self.count > 1 or self.more else "it"

    @property
    def question(self) -> str:
        if self.notifications:
            which = phrasing.count_phrase(self.count, "unread notification")
            return (
                f"Mark your {which} as read, without hearing {self._them}? The forum cannot "
                "make them unread again. Say yes or no."
            )
        if self.topic_id is not None:
            return f"Mark all of {self.title} as read, up to its last post? Say yes or no."
        if self._them == "it":
            which, they = "your 1 unread or new topic", "It will"
        else:
            more = " or more" if self.more else ""
            which, they = f"your {self.count}{more} unread and new topics", "They will"
        return (
            f"Mark {which} as read? {they} no longer be unread or new to you, and the forum "
            f"cannot make {self._them} unread again. Say yes or no."
        )

    @property
    def question_again(self) -> str:
        which = "this topic" if self.topic_id is not None else self._them
        if self.notifications:
            which = "your notifications"
        return f"Shall I mark {which} as read? Please say yes or no."

    @property
    def declined(self) -> str:
        return "Nothing is marked as read."


class MarkingRead:
    """Plans "mark as read" where it was said, and marks on a yes."""

    def __init__(self, reader: Reader, forum: Forum, say: Say) -> None:
        self._reader = reader
        self._forum = forum
        self._say = say

    def plan_all(self) -> MarkRead | None:
        """At a topic list: all the unread and new topics, counted first (None: said why
        there is nothing to ask about)."""
        unusable = account_unusable(self._forum)
        if unusable is not None:
            self._say(unusable)
            return None
        forum = self._forum
        listed = self._reader.forum_call(lambda: unread_and_new(forum, 0))
        if listed is None:
            return None
        left = still_unread(listed, self._reader.as_heard(listed))
        if not left.topics:
            self._say(NOTHING_UNREAD)
            return None
        read_already = frozenset(t.id for t in listed.topics) - {t.id for t in left.topics}
        return MarkRead(count=len(left.topics), more=left.has_more, read_already=read_already)

    def plan_notifications(self) -> MarkRead | None:
        """The person's unread notifications, counted first (None: said why there are
        none to ask about)."""
        unusable = account_unusable(self._forum)
        if unusable is not None:
            self._say(unusable)
            return None
        forum = self._forum
        found = self._reader.forum_call(lambda: forum.notifications(unread_only=True))
        if found is None:
            return None
        if not found.newest:
            self._say(NOTIFICATIONS_ALL_READ)
            return None
        return MarkRead(count=max(found.total, len(found.newest)), notifications=True)

    def plan(self) -> MarkRead | None:
        """While reading: the topic read."""
        unusable = account_unusable(self._forum)
        if unusable is not None:
            self._say(unusable)
            return None
        topic = self._reader.topic
        assert topic is not None
        return MarkRead(topic_id=topic.id, title=topic.title)

    def make(self, marking: MarkRead) -> None:
        if marking.notifications:
            failed = self._reader.forum_attempt(self._forum.mark_all_notifications_read)
            if not isinstance(failed, ForumError):
                self._say("Done: your notifications are marked as read.")
            return
        if marking.topic_id is None:
            marked = self._reader.forum_call(self._forum.mark_all_read)
            if marked is None:
                return
            self._reader.marked_read(marked)
            done = len(marked - marking.read_already)
            self._say(
                f"Done: {phrasing.count_phrase(done, 'topic')} marked as read. "
                f"{self._reader.where()}"
            )
            return
        topic_id = marking.topic_id
        failed = self._reader.forum_attempt(lambda: self._forum.mark_topic_read(topic_id))
        if isinstance(failed, ForumError):
            return
        self._reader.marked_read(frozenset({topic_id}))
        self._say(f"Done: {marking.title} is marked as read.")
