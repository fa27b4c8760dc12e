"""How fast and how much one member may post and like, as a stock Discourse limits them.

Discourse's ``RateLimiter`` keeps, per member and kind of action, the times of the last
``max`` actions and refuses one more while the oldest is younger than the window: a 429
saying how long to wait (``extras.wait_seconds``, ``Retry-After``). Staff are never
limited. The limits are hooks of the Post, Topic and PostAction models, so they are
checked only once the request is otherwise valid (a 422 comes first), and a refused
action leaves nothing recorded. Here the times are kept in the database, so they outlast
a restart as Discourse's Redis does.

- Every post (a reply, a topic's first post, a message): one per ``rate_limit_create_post``
  seconds, ``rate_limit_new_user_create_post`` for a new member.
- Every topic and message: one per ``rate_limit_create_topic`` seconds.
- Topics a day: ``max_topics_per_day``, or ``max_topics_in_first_day`` for a member posting
  on their first day; messages a day: ``max_personal_messages_per_day``.
- Replies on a member's first day: ``max_replies_in_first_day``.
- Likes a day: ``max_likes_per_day``, times 1.5, 2 or 3 at trust level 2, 3 or 4; and any
  action on one post at most 4 times a minute (``PostAction.limit_action!``).
- Deleting one's own posts: ``max_post_deletions_per_minute`` and ``_per_day``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import ClassVar

from voicepeer.demo_forum.http_api import HttpError, Response
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.demo_forum.store import Store, is_staff, parse_iso

DAY_S = 86_400.0
LIKE_MULTIPLIERS = {2: 1.5, 3: 2.0, 4: 3.0}
"""Discourse's tl2/tl3/tl4_additional_likes_per_day_multiplier defaults."""
EDIT_MULTIPLIERS = {2: 1.5, 3: 2.0, 4: 3.0}
"""Its tl2/tl3/tl4_additional_edits_per_day_multiplier defaults (EditRateLimiter)."""

TOO_MANY = (
    "You’ve performed this action too many times. Please wait {time_left} before trying again."
)
"""Discourse's rate_limiter.too_many_requests; the messages below are its by_type ones."""
_REPLYING = "You’re replying a bit too quickly. Please wait {time_left} before trying again."
_TOPICS = "You’re creating topics a bit too quickly. Please wait {time_left} before trying again."
_TOPICS_A_DAY = (
    "You’ve reached the maximum new topics allowed per day. "
    "You can create more new topics in {time_left}."
)
_MESSAGES_A_DAY = (
    "You’ve reached the maximum new messages allowed per day. "
    "You can create more new messages in {time_left}."
)
_FIRST_DAY = (
    "We appreciate your enthusiasm, keep it up! That said, for the safety of our community, "
    "you’ve reached the maximum number of {what} a new user can create on their first day. "
    "Please wait {time_left} and you’ll be able to create more."
)
_EDITS = (
    "You’ve reached the maximum number of daily edits. You can submit more edits in {time_left}."
)
_LIKES = (
    "Wow! You’ve been sharing a lot of love! That’s great, but you’ve reached the daily "
    "limit. You’ll be able to like posts again in {time_left}."
)


def time_left(seconds: float) -> str:
    """Discourse's ``RateLimiter.time_left``: whole units, rounded down."""
    whole = int(seconds)
    if whole <= 3:
        return "a few seconds"
    for unit, size in (("hour", 3600), ("minute", 60)):
        if whole >= size:
            count = whole // size
            return f"{count} {unit}{'' if count == 1 else 's'}"
    return f"{whole} seconds"


def rate_limited(wait_s: float, message: str = TOO_MANY) -> Response:
    """The JSON 429 ApplicationController renders for ``RateLimiter::LimitExceeded``."""
    wait = max(0, int(wait_s))
    left = time_left(wait)
    return Response.json(
        429,
        {
            "errors": [message.format(time_left=left)],
            "error_type": "rate_limit",
            "extras": {"wait_seconds": wait, "time_left": left},
        },
        headers=[("Retry-After", str(wait))],
    )


@dataclass(frozen=True)
class Limit:
    """One of a member's limits: at most ``most`` actions of ``kind`` per ``window_s``."""

    kind: str
    most: int
    window_s: float
    message: str = TOO_MANY


class MemberLimits:
    """Checks and records members' actions against the limits above."""

    enabled: ClassVar[bool] = True
    """False lifts every limit, as Discourse's ``RateLimiter.disable`` (which its own test
    suite calls before each test, enabling it where a test is about limits)."""

    def __init__(self, store: Store, options: DemoForumOptions) -> None:
        self._store = store
        self._options = options

    # -- which limits an action meets ------------------------------------------------------

    def for_post(self, user: sqlite3.Row, *, reply: bool) -> list[Limit]:
        """Post's ``rate_limit`` and ``limit_posts_per_day`` (replies on the first day)."""
        options = self._options
        limits = [
            Limit(
                "create_post",
                1,
                options.rate_limit_new_user_create_post
                if self._new_user(user)
                else options.rate_limit_create_post,
                _REPLYING,
            )
        ]
        if reply and self._posting_on_first_day(user):
            message = _FIRST_DAY.replace("{what}", "replies")
            limits.append(
                Limit("first-day-replies-per-day", options.max_replies_in_first_day, DAY_S, message)
            )
        return limits

    def for_topic(self, user: sqlite3.Row, *, private: bool) -> list[Limit]:
        """Topic's limits, then those of its first post, in the order Discourse meets them."""
        options = self._options
        limits = [Limit("create_topic", 1, options.rate_limit_create_topic, _TOPICS)]
        if private:
            limits.append(
                Limit("pms-per-day", options.max_personal_messages_per_day, DAY_S, _MESSAGES_A_DAY)
            )
        elif self._posting_on_first_day(user):
            message = _FIRST_DAY.replace("{what}", "new topics")
            limits.append(
                Limit("first-day-topics-per-day", options.max_topics_in_first_day, DAY_S, message)
            )
        else:
            limits.append(Limit("topics-per-day", options.max_topics_per_day, DAY_S, _TOPICS_A_DAY))
        return [*limits, *self.for_post(user, reply=False)]

    def for_like(self, user: sqlite3.Row) -> Limit:
        """PostAction's ``post_action_rate_limiter`` for a like."""
        multiplier = LIKE_MULTIPLIERS.get(int(user["trust_level"]), 1.0)
        return Limit(
            "create_like", int(self._options.max_likes_per_day * multiplier), DAY_S, _LIKES
        )

    def for_edit(self, user: sqlite3.Row) -> Limit:
        """EditRateLimiter: a new version of a post, so many a day."""
        multiplier = EDIT_MULTIPLIERS.get(int(user["trust_level"]), 1.0)
        return Limit("edit-post", int(self._options.max_edits_per_day * multiplier), DAY_S, _EDITS)

    def for_deletion(self, user: sqlite3.Row) -> list[Limit]:
        """PostsController#destroy: deleting one's own post, by the minute and by the day;
        trust level 4 may moderate, and is not limited."""
        if int(user["trust_level"]) >= 4:
            return []
        options = self._options
        return [
            Limit("delete_post_per_min", options.max_post_deletions_per_minute, 60.0),
            Limit("delete_post_per_day", options.max_post_deletions_per_day, DAY_S),
        ]

    @staticmethod
    def for_action_on(post_id: int) -> Limit:
        """``PostAction.limit_action!``: liking or unliking one post, 4 times a minute."""
        return Limit(f"post_action-{post_id}_2", 4, 60.0)

    # -- checking and recording ------------------------------------------------------------

    def check(self, user: sqlite3.Row, limits: Sequence[Limit]) -> None:
        """Raise the 429 of the first limit the action would break; staff pass."""
        if is_staff(user) or not self.enabled:
            return
        now = _whole_seconds()
        for limit in limits:
            wait = self._wait(user, limit, now)
            if wait is not None:
                raise HttpError(rate_limited(wait, limit.message))

    def record(self, conn: sqlite3.Connection, user: sqlite3.Row, limits: Sequence[Limit]) -> None:
        """Note the action against its limits, in the caller's transaction."""
        if is_staff(user):
            return
        now = _whole_seconds()
        conn.executemany(
            "INSERT INTO member_actions (user_id, kind, at) VALUES (?, ?, ?)",
            [(user["id"], limit.kind, now) for limit in limits],
        )

    def remaining(self, user: sqlite3.Row, limit: Limit) -> int:
        """Actions left in the window (``RateLimiter#remaining``; staff: all of them)."""
        if is_staff(user):
            return limit.most
        return max(0, limit.most - len(self._times(user, limit, _whole_seconds())))

    def _wait(self, user: sqlite3.Row, limit: Limit, now: int) -> float | None:
        times = self._times(user, limit, now)
        if len(times) < limit.most:
            return None
        # A limit of 0 refuses every time (RateLimiter#performed! with max <= 0).
        oldest = times[-limit.most] if limit.most > 0 else now
        return max(0.0, limit.window_s - (now - oldest))

    def _times(self, user: sqlite3.Row, limit: Limit, now: int) -> list[float]:
        rows = self._store.all(
            "SELECT at FROM member_actions WHERE user_id = ? AND kind = ? AND at > ? ORDER BY at",
            (user["id"], limit.kind, now - limit.window_s),
        )
        return [float(row["at"]) for row in rows]

    # -- User's predicates -----------------------------------------------------------------

    def _new_user(self, user: sqlite3.Row) -> bool:
        """``User#new_user?``: trust level 0, or 1 and joined within a day; not staff."""
        level = int(user["trust_level"])
        recent = parse_iso(user["created_at"]) >= _now() - timedelta(days=1)
        return (recent or level == 0) and level < 2 and not is_staff(user)

    def _posting_on_first_day(self, user: sqlite3.Row) -> bool:
        """``User#new_user_posting_on_first_day?``: below trust level 2, and level 0 or no
        post yet or the first post within a day; not staff."""
        level = int(user["trust_level"])
        if is_staff(user) or level >= 2:
            return False
        first = self._store.scalar(
            "SELECT MIN(created_at) FROM posts WHERE user_id = ?", (user["id"],)
        )
        return level == 0 or first is None or parse_iso(first) >= _now() - timedelta(days=1)


def _whole_seconds() -> int:
    """Now, as RateLimiter counts: whole seconds (``Time.now.to_i``), so that waiting the
    ``wait_seconds`` a refusal gave is always enough (an action is allowed again once the
    oldest counted is ``secs`` old, ``>=``)."""
    return int(time.time())


@contextmanager
def limits_lifted() -> Iterator[None]:
    """Every member limit lifted inside the block, for a test suite or a benchmark that
    posts faster than a person would (Discourse's ``RateLimiter.disable``)."""
    before = MemberLimits.enabled
    MemberLimits.enabled = False
    try:
        yield
    finally:
        MemberLimits.enabled = before


def _now() -> datetime:
    return datetime.now(UTC)
