"""Notifications by voice: read aloud in rounds, then a numbered list to open from.

"notifications" reads the newest unread ones, five at a time and numbered ("One: sam
replied to you in Heat and fatigue."), each marked read on the forum once heard in full; a
stop leaves it and the rest unread. Said again right after "no new notifications", it reads
the last ones heard, so that one told of yesterday can still be reached. Until another list
is read, those heard are the list that "open topic two", "read", "next", "previous" and
"back" go through, as the forum's own list of notifications is: one opens its topic at the
post it is about (a topic's gathered replies at the first unread one). One about no topic
(a badge, likes gathered across posts) has nothing to open.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, TypeVar

from voicepeer.forum.base import Forum, Notification
from voicepeer.voice import phrasing
from voicepeer.voice.cues import number_word
from voicepeer.voice.forum_phrases import notification_line
from voicepeer.voice.list_place import ListPlace
from voicepeer.voice.ports import Say

T = TypeVar("T")
NOTIFICATIONS_READ = 5
"""Notifications read aloud at a time; each is marked read once it has been said in full."""
NO_NEW_NOTIFICATIONS = (
    "You have no new notifications. Say notifications again to hear the last ones you heard."
)
OPEN_ONE = "Say open and its number to read one."
MENTION_KINDS = frozenset({"mentioned", "group_mentioned"})
"""Notifications that someone named the person, or a group of theirs, with an @."""
NO_MENTIONS = (
    "No one has mentioned you in your recent notifications. Say notifications to hear all of them."
)


class ForumCaller(Protocol):
    def forum_call(self, call: Callable[[], T], *, quiet: bool = False) -> T | None:
        """Run a forum request; on failure say what happened (unless ``quiet``), give None."""
        ...


def notice_line(position: int, notification: Notification) -> str:
    """ "Two: sam mentioned you in Heat and fatigue." (``position`` from 1)"""
    return f"{number_word(position).capitalize()}: {notification_line(notification)}"


class NoticeList:
    """The notifications heard in the last round, in the order said, and the one the
    person is at."""

    def __init__(self, notices: tuple[Notification, ...]) -> None:
        self.notices = notices
        self.place = ListPlace(NOTIFICATIONS_READ)
        self.place.start(len(notices))  # all of them were heard

    @property
    def index(self) -> int:
        """The notification the person is at (from 0)."""
        return self.place.index

    def line(self) -> str:
        return notice_line(self.index + 1, self.notices[self.index])

    def choose(self, number: int) -> Notification | str:
        """The notification numbered ``number`` (LAST_HEARD: the last one; made current),
        or what to say instead."""
        count = len(self.notices)
        number = self.place.chosen(number)
        if not 1 <= number <= count:
            return phrasing.no_such_number("notification", number, count, "open")
        self.place.go_to(number - 1)
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
        moved = self.place.step(delta, len(self.notices))
        if moved is None:
            return (
                "That is the last notification I read you. Say open and its number to read "
                "one, or latest topics."
                if delta > 0
                else "This is the first notification. Say next for the one after it."
            )
        opens = " Say read to open it." if self.notices[moved].topic_id is not None else ""
        return self.line() + opens

    def step_to_another_topic(self, delta: int, topic_id: int | None) -> bool:
        """Move ``delta`` at a time to the next notification not about ``topic_id`` ("next
        topic" while reading one: another notification about it would open it again, at a
        post just heard). False, staying put, when there is none that way."""
        start = self.index
        while (moved := self.place.step(delta, len(self.notices))) is not None:
            if self.notices[moved].topic_id != topic_id:
                return True
        self.place.go_to(start)
        return False

    def where(self) -> str:
        return (
            f"You are in your notifications, on {self.index + 1} of {len(self.notices)}: "
            f"{notification_line(self.notices[self.index])}"
        )


class NotificationRounds:
    """Reads notifications aloud, and says the last round again on "repeat"."""

    def __init__(
        self, forum: Forum, caller: ForumCaller, say: Say, interrupted: Callable[[], bool]
    ) -> None:
        self._forum = forum
        self._caller = caller
        self._say = say
        self._interrupted = interrupted
        """Whether the person stopped the speech during the last ``say`` (and forgets it)."""
        self._round: list[str] = []
        """What the last round said, so "repeat" can say all of it again."""

    def read(self, heard_before: bool = False) -> tuple[Notification, ...]:
        """Say the newest unread notifications, one utterance each, marking each read on
        the forum once it has been said in full; a stop leaves it and the rest unread. The
        ones said in full. ``heard_before`` (asked again when none were new): the newest
        ones, already read, so that one heard earlier can still be opened."""
        forum = self._forum
        found = self._caller.forum_call(lambda: forum.notifications(unread_only=not heard_before))
        if found is None:
            return ()
        newest = found.newest[:NOTIFICATIONS_READ]
        self._round = []
        heard: list[Notification] = []
        if not newest:
            self._say("You have no notifications yet." if heard_before else NO_NEW_NOTIFICATIONS)
            return ()
        unheard = 0 if heard_before else found.total
        self._interrupted()  # a stop pressed before this began is not a stop of this
        if not self._say_in_round(_heading(len(newest), unheard)):
            self._say_unheard(unheard)
            return ()
        for position, notification in enumerate(newest, 1):
            if not self._say_in_round(notice_line(position, notification)):
                self._say_unheard(unheard - len(heard))
                return tuple(heard)
            heard.append(notification)
            # Each heard one marked read by its id: without an id Discourse would mark all.
            if unheard and notification.id is not None:
                mark = partial(forum.mark_notification_read, notification.id)
                self._caller.forum_call(mark, quiet=True)
        opens = OPEN_ONE if any(n.topic_id is not None for n in heard) else ""
        more = "Say notifications again to hear more." if unheard > NOTIFICATIONS_READ else ""
        if opens or more:
            self._say_in_round(f"{opens} {more}".strip())
        return tuple(heard)

    def read_mentions(self) -> tuple[Notification, ...]:
        """Say the newest notifications that mention the person (or a group of theirs),
        read before or not, each marked read once said in full; the ones said in full. A
        reply to them or a quote of their post is no mention (Discourse's types 2 and 3,
        not 1 and 15). None: say so, and how to hear all of them."""
        forum = self._forum
        found = self._caller.forum_call(lambda: forum.notifications(unread_only=False))
        if found is None:
            return ()
        mentions = tuple(n for n in found.newest if n.kind in MENTION_KINDS)
        newest = mentions[:NOTIFICATIONS_READ]
        self._round = []
        if not newest:
            self._say(NO_MENTIONS)
            return ()
        self._interrupted()  # a stop pressed before this began is not a stop of this
        if not self._say_in_round(_mentions_heading(len(mentions), len(newest))):
            return ()
        heard: list[Notification] = []
        for position, notification in enumerate(newest, 1):
            if not self._say_in_round(notice_line(position, notification)):
                return tuple(heard)
            heard.append(notification)
            if not notification.read and notification.id is not None:
                mark = partial(forum.mark_notification_read, notification.id)
                self._caller.forum_call(mark, quiet=True)
        if any(n.topic_id is not None for n in heard):
            self._say_in_round(OPEN_ONE)
        return tuple(heard)

    def waiting(self) -> str:
        """For the greeting: how many notifications wait unheard, and how to hear them;
        "" when none do, signed out, or when the forum cannot say."""
        forum = self._forum
        if not forum.signed_in:
            return ""
        found = self._caller.forum_call(lambda: forum.notifications(unread_only=True), quiet=True)
        if found is None or not found.total:
            return ""
        them = "it" if found.total == 1 else "them"
        count = phrasing.count_phrase(found.total, "new notification")
        return f" You have {count}: say notifications to hear {them}."

    def repeat(self, last_said: str) -> bool:
        """ "repeat" just after notifications were said to the end: all of them again
        (nothing more is marked read). False when the last thing said was something else."""
        if last_said not in self._round:
            return False
        for line in self._round:
            self._say(line)
            if self._interrupted():
                break
        return True

    def _say_in_round(self, line: str) -> bool:
        """Say one line about the notifications; False when the person stopped it."""
        self._round.append(line)
        self._say(line)
        return not self._interrupted()

    def _say_unheard(self, count: int) -> None:
        """After a stop, how many unread ones are left (nothing for those heard before)."""
        if count <= 0:
            return
        them = "it" if count == 1 else "them"
        self._say(
            f"{phrasing.count_phrase(count, 'notification').capitalize()} not heard "
            f"yet. Say notifications to hear {them}."
        )


def _heading(listed: int, unheard: int) -> str:
    """What a round begins with: how many are new (and that only the newest follow), or,
    with none new (``unheard`` 0), that these were heard before."""
    if not unheard:
        if listed == 1:
            return "The last notification you heard."
        return f"The last {listed} notifications you heard, newest first."
    heading = f"You have {phrasing.count_phrase(unheard, 'new notification')}."
    if unheard > NOTIFICATIONS_READ:
        heading += f" Here are the newest {NOTIFICATIONS_READ}."
    return heading


def _mentions_heading(found: int, said: int) -> str:
    """What mentions begin with: how many were found, and that only the newest follow."""
    if found == 1:
        return "1 mention of you."
    heading = f"{phrasing.count_phrase(found, 'mention')} of you, the newest first."
    return heading if found <= said else f"{heading} Here are the newest {said}."
