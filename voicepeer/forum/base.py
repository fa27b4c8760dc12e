"""The forum as the voice loop sees it: small immutable records and one interface.

Field names follow the Discourse API (``posts_count``, ``post_number``, ``cooked`` …) so the
mapping from JSON stays obvious.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from voicepeer.forum.cues import PostCues
from voicepeer.speech.text.polls import PollTally


@dataclass(frozen=True)
class Category:
    id: int
    name: str
    slug: str
    topic_count: int = 0
    description: str = ""
    parent_category_id: int | None = None
    """Set for a subcategory: the category it belongs to."""
    can_start_topics: bool | None = None
    """Whether the member may start topics here (Discourse sends ``permission`` 1 where
    they may, null elsewhere, e.g. an announcements category); None when it does not say."""


@dataclass(frozen=True)
class TopicSummary:
    """One row of a topic list."""

    id: int
    title: str
    slug: str
    posts_count: int
    category_id: int | None = None
    last_poster_username: str | None = None
    created_by: str | None = None
    bumped_at: datetime | None = None
    unread_posts: int = 0
    """Posts this user has not read (0 when the forum does not track it, e.g. anonymously)."""
    highest_post_number: int = 0
    """The last post's number: above ``posts_count`` when posts were deleted, since their
    numbers are never reused (0 when the forum does not say)."""
    pinned: bool = False
    """Pinned to the top of the list by a moderator, whatever its last activity."""
    unseen: bool = False
    """New to this member: never opened, and started since the forum counts topics as new
    for them (Discourse's ``unseen``; two days by default). False when signed out."""
    closed: bool = False
    """Closed by a moderator: no new replies (but for staff)."""
    archived: bool = False
    """Archived by a moderator: frozen, no new replies at all."""

    @property
    def reply_count(self) -> int:
        return max(0, self.posts_count - 1)

    @property
    def has_new_posts(self) -> bool:
        """Unread replies, or the whole topic new to this member."""
        return bool(self.unread_posts or self.unseen)


@dataclass(frozen=True)
class TopicList:
    topics: tuple[TopicSummary, ...]
    page: int = 0
    has_more: bool = False
    """True when the forum offers a further page (Discourse's ``more_topics_url``)."""
    saved_at: datetime | None = None
    """Set when this list comes from the offline cache: when it was saved."""


@dataclass(frozen=True)
class Post:
    id: int
    topic_id: int
    post_number: int
    username: str
    cooked: str
    """The post as HTML, as the forum renders it."""
    created_at: datetime | None = None
    name: str | None = None
    """Display name, when the forum shows one."""
    reply_to_post_number: int | None = None
    reply_to_username: str | None = None
    reply_to_name: str | None = None
    """The display name of whoever wrote the post this one answers, when the forum shows it."""
    raw: str | None = None
    """The post's markdown source, when the forum includes it."""
    cues: PostCues | None = None
    """What the forum shows about the author and the post (role, title, edits, likes)."""
    post_type: int = 1
    """Discourse's kind of post: see :class:`PostType`."""
    action_code: str | None = None
    """What a small-action post records, e.g. ``closed.enabled``."""
    action_code_who: str | None = None
    """The member a small action concerns (e.g. who was invited), when it names one."""
    polls: tuple[PollTally, ...] = ()
    """The live counts of the post's polls (its question and choices are in ``cooked``)."""

    @property
    def yours(self) -> bool:
        """Whether the forum marks the post as the signed-in person's own."""
        return self.cues is not None and self.cues.yours


class PostType:
    """Discourse's ``post_type`` values (``/site.json`` ``post_types``)."""

    REGULAR = 1
    MODERATOR_ACTION = 2
    SMALL_ACTION = 3
    """Not written by anyone: a record of what happened (closed, pinned, split …)."""
    WHISPER = 4
    """Seen only by staff."""


@dataclass(frozen=True)
class Participant:
    """Someone who wrote in a topic (an entry of ``details.participants``)."""

    username: str
    name: str | None = None
    post_count: int = 0


@dataclass(frozen=True)
class Topic:
    """A topic with its full list of post ids and the first chunk of posts already loaded."""

    id: int
    title: str
    slug: str
    posts_count: int
    post_ids: tuple[int, ...]
    """Every post id in reading order (Discourse's ``post_stream.stream``); empty for a
    mega topic, whose posts are paged by post number instead."""
    loaded_posts: tuple[Post, ...]
    category_id: int | None = None
    archetype: str = "regular"
    """``regular`` or ``private_message``."""
    last_read_post_number: int | None = None
    saved_at: datetime | None = None
    """Set when this topic comes from the offline cache: when it was saved."""
    highest_post_number: int = 0
    """The newest post's number (deleted posts leave gaps, so it may exceed posts_count)."""
    is_mega: bool = False
    """Too many posts for Discourse to list every id (``isMegaTopic``)."""
    last_post_id: int | None = None
    """A mega topic's newest post id (``lastId``)."""
    closed: bool = False
    archived: bool = False
    can_reply: bool | None = None
    """Whether the forum lets this member reply here (``details.can_create_post``, sent
    only when true); None when the forum does not say."""
    can_edit: bool = False
    """Whether the forum lets this member change the topic's title (``details.can_edit``,
    Guardian#can_edit_topic?: for a member, their own topic, for as long as they may edit
    its first post, and not in an archived topic)."""
    can_delete: bool = False
    """Whether the forum lets this member delete the whole topic (``details.can_delete``,
    sent only when true): for a member, their own topic in its first day, before anyone
    replies (Guardian#can_delete_topic?)."""
    slow_mode_seconds: int = 0
    """Slow mode: each member may post here only once in this many seconds (0: off)."""
    user_last_posted_at: datetime | None = None
    """In slow mode, when this member last posted here (the forum sends it only then)."""
    slow_mode_until: datetime | None = None
    """When slow mode ends by itself (``slow_mode_enabled_until``); None: no end set."""
    written_title: str = ""
    """The title as its author wrote it: ``title`` is as it is said, censored words hidden
    and emoji named. What a deleted topic's words are kept with, to be posted again."""
    created_by: str | None = None
    """The username of whoever started the topic (``details.created_by``)."""
    participants: tuple[Participant, ...] = ()
    """Who wrote here, most posts first: at most 24, none for a mega topic."""
    participant_count: int = 0
    """How many people wrote here in all (0 when the forum does not say)."""

    def slow_mode_wait(self, now: datetime) -> float:
        """Seconds before slow mode lets this member post here again (0: now): the interval
        after their last post here, or less when slow mode ends sooner."""
        if self.slow_mode_seconds <= 0 or self.user_last_posted_at is None:
            return 0.0
        ready = self.user_last_posted_at.timestamp() + self.slow_mode_seconds
        if self.slow_mode_until is not None:
            ready = min(ready, self.slow_mode_until.timestamp())
        return max(0.0, ready - now.timestamp())

    @property
    def unread_posts(self) -> int:
        """Posts since the user last read, counted as Discourse counts them: the highest post
        number minus the last one read (0 when the user never opened the topic)."""
        if not self.last_read_post_number or not self.highest_post_number:
            return 0
        return max(0, self.highest_post_number - self.last_read_post_number)


@dataclass(frozen=True)
class SiteLimits:
    """Length rules the forum enforces; read from the site, never assumed."""

    min_post_length: int = 20
    min_personal_message_post_length: int = 10
    min_topic_title_length: int = 15
    max_post_length: int = 32_000
    min_first_post_length: int = 20
    """Fewest characters for the first post of a new topic."""
    max_topic_title_length: int = 255
    min_search_term_length: int = 3
    """Fewest characters a search may have (Discourse answers a shorter one with 400)."""
    min_personal_message_title_length: int = 2
    """Fewest characters for a private message's title."""


@dataclass(frozen=True)
class NewReply:
    """A reply the user has confirmed, ready to post."""

    topic_id: int
    raw: str
    reply_to_post_number: int | None = None


@dataclass(frozen=True)
class NewTopic:
    """A new topic the user has confirmed, for one category."""

    category_id: int
    title: str
    raw: str


@dataclass(frozen=True)
class NewPrivateMessage:
    """A new private conversation with one or more people."""

    recipients: tuple[str, ...]
    title: str
    raw: str


@dataclass(frozen=True)
class Notification:
    """One notification; ``kind`` is Discourse's notification type name, e.g. "replied"."""

    id: int | None
    """None only from very old forums, which did not say (such a one cannot be marked read)."""
    kind: str
    read: bool
    topic_id: int | None = None
    post_number: int | None = None
    topic_title: str | None = None
    username: str | None = None
    """Who caused it (the person who replied or mentioned the user)."""
    created_at: datetime | None = None
    count: int | None = None
    """How many, for notifications that gather several (likes, group messages, requests, and
    a topic's unread replies, watched posts or messages)."""
    group_name: str | None = None
    """The group it is about (group messages, membership requests, group mentions)."""
    badge_name: str | None = None
    """The badge granted, for a badge notification."""
    other_username: str | None = None
    """A second person, e.g. the other member when two liked a post."""
    written_title: str | None = None
    """The topic's title as the forum stores it (``topic_title`` is as it is said), its HTML
    entities read; where only ``fancy_title`` gives it, with its curly quotes and dashes."""


@dataclass(frozen=True)
class Notifications:
    """The newest notifications the forum sent, and how many it holds of those asked for."""

    newest: tuple[Notification, ...]
    total: int
    """How many the forum holds of those asked for (``total_rows_notifications``): more than
    ``newest`` when there are more than the 60 it sends at a time, never fewer."""


@dataclass(frozen=True)
class SearchHit:
    """A post found by a search, with a short plain-text excerpt."""

    post_id: int
    topic_id: int
    post_number: int
    username: str
    excerpt: str
    topic_title: str = ""


@dataclass(frozen=True)
class SearchResults:
    """One page of a search's matching posts, newest first."""

    hits: tuple[SearchHit, ...]
    has_more: bool = False
    """True when the forum has a further page (Discourse's ``more_full_page_results``)."""


class PostStatus(Enum):
    POSTED = "posted"
    ENQUEUED = "enqueued"
    """Held for a moderator: accepted, not yet visible."""


@dataclass(frozen=True)
class LikeAnswer:
    """What the forum answered a like with."""

    post: Post | None
    """The post as the forum now shows it (its like counted), when the answer says."""
    likes_left: int | None = None
    """Likes the member may still give before the forum's limit for a day
    (Discourse-Actions-Remaining); None when the forum does not say."""
    likes_a_day: int | None = None
    """That limit (Discourse-Actions-Max)."""


@dataclass(frozen=True)
class WaitingPost:
    """A post of the member's held for a moderator: accepted, not yet on the forum."""

    raw: str
    created_at: datetime | None = None
    id: int | None = None
    """Its place in the forum's review queue (a reviewable's id): what withdrawing it
    names; None when the forum's answer left it out."""
    topic_id: int | None = None
    """The topic it replies in; None for a new topic or message (or when not said)."""
    title: str = ""
    """A new topic's title as written (its topic's title for a reply); "" when not said."""
    category_id: int | None = None
    """The category a new topic goes in (its topic's category for a reply)."""


@dataclass(frozen=True)
class PostOutcome:
    status: PostStatus
    post_id: int | None = None
    post_number: int | None = None
    topic_id: int | None = None


class Forum(Protocol):
    """What the voice loop needs from a forum.

    Methods raise :class:`voicepeer.errors.ForumError`.
    """

    @property
    def title(self) -> str | None:
        """The forum's own name, e.g. "MS Society"; None when it does not say, or does not
        answer at once."""
        ...

    @property
    def signed_in(self) -> bool:
        """Whether a member's account is set up (else voicepeer reads as a visitor)."""
        ...

    @property
    def account_name(self) -> str | None:
        """The username of the account signed in with now (the one a carer connected last
        this session), without asking the forum; None when none, or not known."""
        ...

    @property
    def forum_down(self) -> bool:
        """The forum is known to be out of reach (until it answers again)."""
        ...

    def on_back(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs (on the thread that noticed) when the forum, known to be out
        of reach, answers again."""
        ...

    @property
    def account_refused(self) -> bool:
        """The forum refused the account's key this session: reading goes on as a visitor,
        and what needs the account waits until a carer connects it again."""
        ...

    def on_account_refused(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs (on the thread of the request) when the forum is first
        found to refuse the account's key."""
        ...

    def forget_recent(self) -> None:
        """Lists and topics fetched a moment ago are asked of the forum again, not reused
        (reused, they would not show a forum gone out of reach meanwhile)."""
        ...

    def on_account_back(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs when an account connected again is taken up after the forum
        refused its key (found when :attr:`account_refused` or a request looks)."""
        ...

    def latest(self, page: int = 0) -> TopicList: ...

    def categories(self) -> tuple[Category, ...]: ...

    def topic(self, topic_id: int, *, fresh: bool = False) -> Topic:
        """The topic; ``fresh``: as the forum has it now, not a copy read a moment ago."""
        ...

    def posts(self, topic_id: int, post_ids: Sequence[int]) -> tuple[Post, ...]:
        """Fetch the given posts of a topic (those not in :attr:`Topic.loaded_posts`)."""
        ...

    def site_limits(self) -> SiteLimits: ...

    def create_post(self, reply: NewReply) -> PostOutcome: ...

    def new_topics(self, page: int = 0) -> TopicList: ...

    def unread_topics(self, page: int = 0) -> TopicList: ...

    def category_topics(self, category: Category, page: int = 0) -> TopicList: ...

    def private_messages(self, page: int = 0) -> TopicList: ...

    def own_topics(self, page: int = 0) -> TopicList:
        """The topics the signed-in member started, newest activity first."""
        ...

    def posted_topics(self, page: int = 0) -> TopicList:
        """The topics the signed-in member has posted in, newest activity first."""
        ...

    def create_topic(self, topic: NewTopic) -> PostOutcome: ...

    def send_private_message(self, message: NewPrivateMessage) -> PostOutcome: ...

    def post(self, post_id: int) -> Post:
        """One post as the forum shows it now, with its markdown source (``raw``)."""
        ...

    def delete_topic(self, topic_id: int) -> None:
        """Delete the member's own topic (the forum keeps its first post as a stub saying
        its author deleted it, and closes it)."""
        ...

    def delete_post(self, post_id: int) -> None:
        """Delete the member's own reply: the forum keeps a stub saying its author deleted
        it (Discourse for a day, and the author may bring it back meanwhile)."""
        ...

    def edit_post(self, post_id: int, raw: str, *, original: str | None = None) -> Post:
        """Replace the words of the member's own post with ``raw``; the post as the forum
        now shows it. With ``original`` (the words changed), EditConflictError when the
        post no longer has them."""
        ...

    def retitle_topic(self, topic_id: int, title: str, *, original: str | None = None) -> str:
        """Give the member's own topic the title ``title``; the title as the forum now has
        it (it may tidy it). With ``original`` (the title changed), EditConflictError when
        the topic no longer has it."""
        ...

    def recover_post(self, post_id: int) -> Post:
        """Bring back the member's own post they deleted (its words and place); the post as
        the forum now shows it."""
        ...

    def recover_topic(self, topic_id: int) -> None:
        """Bring back the member's own topic they deleted, reopened."""
        ...

    def own_waiting_posts(self, topic_id: int) -> tuple[WaitingPost, ...]:
        """The member's posts in the topic held for a moderator, asked of the forum now."""
        ...

    def all_waiting_posts(self) -> tuple[WaitingPost, ...] | None:
        """Every post of the member's held for a moderator, replies and new topics, asked of
        the forum now; None when the forum does not let them be read."""
        ...

    def withdraw_waiting_post(self, waiting_id: int) -> None:
        """Take back the member's post held for a moderator (``WaitingPost.id``): it is
        never posted. Raises ForumNotFoundError once a moderator has dealt with it."""
        ...

    def like(self, post_id: int) -> LikeAnswer:
        """Like the post; the post as the forum now shows it, and the likes left today."""
        ...

    def unlike(self, post_id: int) -> Post | None:
        """Take the member's like of the post back; the post as the forum now shows it."""
        ...

    def vote(
        self,
        post_id: int,
        poll_name: str,
        choices: Sequence[str],
        ranks: Sequence[tuple[str, int]] = (),
    ) -> PollTally | None:
        """Make the person's vote in a poll exactly ``choices`` (choice ids), replacing any
        earlier vote (no choices: the vote is taken back); in a ranked-choice poll
        ``ranks`` gives every choice its place (0: unranked). The poll's counts afterwards,
        when the forum sends them."""
        ...

    def notifications(self, *, unread_only: bool = False) -> Notifications:
        """The newest notifications (only unread ones, asked of the forum, with
        ``unread_only``), and how many there are in all."""
        ...

    def mark_notification_read(self, notification_id: int) -> None:
        """Mark this one notification read (never all of them: the rest were not heard)."""
        ...

    def mark_all_notifications_read(self) -> None:
        """Mark every notification of the member read, heard or not (only after they were
        asked: the forum cannot make them unread again)."""
        ...

    def mark_all_read(self) -> frozenset[int]:
        """Count every topic the member follows as read to its last post, and every topic
        new to them as seen (the Dismiss of the forum's Unread and New lists); the topics
        that took off those lists."""
        ...

    def mark_topic_read(self, topic_id: int) -> None:
        """Count the topic as read to its last post (the member has read some of it)."""
        ...

    def record_reading(self, topic_id: int, post_number: int, milliseconds: int) -> None:
        """Note that the user heard this post for so long; sent to the forum in batches, in
        the background, so its unread counts move as in a web browser."""
        ...

    def posts_after(
        self, topic_id: int, post_number: int, *, before: bool = False
    ) -> tuple[Post, ...]:
        """The next chunk of posts after ``post_number`` (or before it, newest first), by
        post number: how a mega topic is paged, and how to find the first unread post."""
        ...

    def search(self, query: str, page: int = 1) -> SearchResults:
        """Page ``page`` (from 1, as Discourse counts them) of the posts matching ``query``."""
        ...

    def close(self) -> None: ...
