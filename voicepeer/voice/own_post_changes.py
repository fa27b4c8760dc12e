"""What changing one of the person's own posts by voice needs, whatever the change
(deleting, bringing back, adding words): the engines, finding their newest post in the
topic that the change fits, and reading a post again after an answer was lost.

A reply of theirs that is not on the forum yet (still in the outbox, or held for a
moderator) has no post to change, but "my post" most likely means it: the change is not
made to the post before it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from voicepeer.errors import ForumError
from voicepeer.forum.base import Forum, Post, Topic, WaitingPost
from voicepeer.forum.cues import PostCues
from voicepeer.forum.outbox import EntryKind, OutboxEntry
from voicepeer.forum.peer import PeerForum
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice.bookmarks import excerpt
from voicepeer.voice.error_phrases import account_unusable, say_error
from voicepeer.voice.new_conversation import Conversation, new_topic_key
from voicepeer.voice.ports import DraftKeeper, ReplyOutbox, Say
from voicepeer.voice.reader import Reader

log = logging.getLogger(__name__)

OWN_POSTS_LOOKED_AT = 30
"""Newest posts of the topic searched for the person's own post to change."""


@dataclass(frozen=True)
class OwnPostEngines:
    """What a change to the person's own post works with."""

    reader: Reader
    forum: Forum
    drafts: DraftKeeper
    say: Say
    now: Callable[[], datetime]
    peer: PeerForum | None = None
    """Who is in a private conversation, for keeping a deleted message's words."""
    words_deleted: dict[int, str] = field(default_factory=dict)
    """The words of each post deleted this session, by post id: what "bring back my post"
    quotes."""
    topics_deleted: list[int] = field(default_factory=list)
    """The topics and messages deleted whole this session, the latest last: where "bring
    back my topic" said at the topic list goes (the forum lists them no more)."""
    outbox: ReplyOutbox | None = None
    """The replies confirmed and not sent yet."""
    failure_line: Callable[[ForumError, str], str] = lambda error, line: line
    """A failure at the forum as told ("" when something said already told it)."""


class Unposted(Enum):
    """Why the person's newest reply in a topic is not on the forum yet."""

    IN_OUTBOX = "in the outbox"
    HELD = "held for a moderator"


WITHDRAW_COMMAND = "delete my post"
"""What withdraws a reply held for a moderator."""
OR_WITHDRAW = (
    f"Or say {WITHDRAW_COMMAND} to withdraw it, and its words come back as your draft reply."
)


def unposted_line(why: Unposted, cannot: str, command: str) -> str:
    """ "Your newest reply here is waiting for a moderator …": ``cannot`` says what cannot
    be done ("it cannot be changed"), ``command`` what to say once it is there."""
    if why is Unposted.IN_OUTBOX:
        return (
            f"Your newest reply here is not on the forum yet, so {cannot}: it goes as soon as "
            f"the forum takes it. Then say {command}."
        )
    line = (
        f"Your newest reply here is waiting for a moderator to approve it, so {cannot} until "
        f"it is on the forum. Once it is approved, say {command}."
    )
    # Withdrawn, its words come back as the draft reply: changed, they can be sent again.
    return line if command == WITHDRAW_COMMAND else f"{line} {OR_WITHDRAW}"


def it_begins(raw: str) -> str:
    """ " It begins: …": how a post starts, quoted in a question about it ("" when empty)."""
    words = excerpt(raw)
    return f" It begins: {as_sentence(words)}" if words else ""


def age_order(post: WaitingPost) -> tuple[float, int]:
    """Sorts waiting posts oldest first (the queue's ids grow too)."""
    when = post.created_at.timestamp() if post.created_at is not None else float("-inf")
    return when, post.id or 0


def what_goes(topic: Topic | None) -> str:
    """What a change to the person's post changes: "post" for a reply, or the "topic" or
    "message" it starts, when it goes (or comes back) whole."""
    if topic is None:
        return "post"
    return "message" if topic.archetype == "private_message" else "topic"


class OwnPostChanges:
    """A change to the person's own post: the engines, and what every such change needs."""

    def __init__(self, engines: OwnPostEngines) -> None:
        self._engines = engines
        self._reader = engines.reader
        self._forum = engines.forum
        self._drafts = engines.drafts
        self._say = engines.say
        self._now = engines.now

    def _say_failure(self, error: ForumError) -> None:
        """Say what went wrong at the forum, unless something said already told it."""
        line = self._failure(error)
        if line:
            self._say(line)

    def _failure(self, error: ForumError, then: str = "") -> str:
        """What went wrong at the forum, as said ("" when something said already told it),
        and ``then``, what became of the words, said either way."""
        return f"{self._engines.failure_line(error, say_error(error))} {then}".strip()

    def _signed_in(self) -> bool:
        """Whether the person's account can be used (whose post is whose needs it); said
        when not."""
        unusable = account_unusable(self._forum)
        if unusable is not None:
            self._say(unusable)
        return unusable is None

    def _meant_being_read(self, post: Post) -> bool:
        """Whether "my post" means ``post``, the post being read: the person's own, and not
        followed by a reply they posted since it was read to them (that reply is meant)."""
        cues = post.cues
        return cues is not None and cues.yours and not self._reader.replied_since_reading

    def _post_being_read(self) -> Post | None:
        """The post being read, when the person is signed in; None after saying why not."""
        post = self._reader.current_post()
        return post if post is not None and self._signed_in() else None

    def _newest_own(self, topic: Topic, fits: Callable[[PostCues], bool]) -> Post | None:
        """The person's newest post among the topic's newest whose cues ``fits``."""
        posts = self._forum.posts(topic.id, topic.post_ids[-OWN_POSTS_LOOKED_AT:])
        return next((p for p in reversed(posts) if p.cues and fits(p.cues)), None)

    def _newest_standing(self, topic: Topic) -> Post | None:
        """The person's newest post in the topic that is not deleted, as the forum shows it
        now (the topic read fresh: they may have posted there a moment ago). Raises
        ForumError."""
        fresh = self._forum.topic(topic.id, fresh=True)
        own = self._newest_own(fresh, lambda cues: cues.yours and not cues.deleted_by_author)
        return self._forum.post(own.id) if own is not None else None

    def _unposted_newest(self, topic: Topic) -> Unposted | None:
        """Whether the person's newest reply in the topic is not on the forum yet, and why.
        Raises ForumError."""
        if self._in_outbox(topic) is not None:
            return Unposted.IN_OUTBOX
        return Unposted.HELD if self._held_newest(topic) is not None else None

    def _in_outbox(self, topic: Topic) -> OutboxEntry | None:
        """The person's newest reply to the topic that waits in the outbox, if any."""
        outbox = self._engines.outbox
        waiting = outbox.pending() if outbox is not None else ()
        return next(
            (e for e in reversed(waiting) if e.kind is EntryKind.REPLY and e.topic_id == topic.id),
            None,
        )

    def _held_newest(self, topic: Topic) -> WaitingPost | None:
        """The person's newest reply in the topic when it is held for a moderator: newer
        than their newest post there. Raises ForumError."""
        held = self._forum.own_waiting_posts(topic.id)
        if not held:
            return None
        standing = self._newest_standing(topic)
        since = standing.created_at if standing is not None else None
        newer = [p for p in held if p.created_at is None or since is None or p.created_at > since]
        # The forum lists them oldest first in the topic, newest first on its own.
        return max(newer, key=age_order, default=None)

    def _kept_as(self, topic: Topic) -> tuple[str, str]:
        """Where a whole topic's or message's words are kept as a draft: the key of the new
        topic in its category, or of the new message to its other members, with them named
        (empty when not known). Raises ForumError when they cannot be asked for."""
        if topic.archetype != "private_message":
            return (new_topic_key(topic.category_id), "") if topic.category_id else ("", "")
        peer = self._engines.peer
        people = peer.participants(topic.id) if peer is not None else ()
        if not people:
            return "", ""
        message = Conversation(recipients=people)
        return message.key, message.names

    def _read_again(self, post: Post) -> Post | None:
        """``post`` as the forum shows it now (None when it cannot be read), put in the
        thread in place of the copy read before."""
        try:
            now = self._forum.post(post.id)
        except ForumError as error:
            log.info("could not read the post again: %s", type(error).__name__)
            return None
        self._show(now)
        return now

    def _show(self, post: Post) -> None:
        """Put the forum's copy of ``post`` in the thread being read, in place of the old."""
        if self._reader.thread is not None:
            self._reader.thread.replace_post(post)
