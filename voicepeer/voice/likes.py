"""Liking a post, and taking a like back, each only after a clear yes.

Signed in, a post says whether the forum would take either (its like summary's ``acted``,
``can_act`` and ``can_undo``), as the forum's own page greys its button: the person is
told at once instead of being asked for a yes that cannot count. Read anonymously a post
says nobody may like it, so there voicepeer asks and says the forum's refusal, if any.

A forum limits the likes one member gives in a day (Discourse: 50, more at higher trust
levels). Each like's answer says how many are left: a person is told when few are left,
as the forum's page warns, and that a like was the last. Once the forum has refused one
for the day's limit, another "like this" is answered at once, with when likes come back.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from voicepeer.errors import ForumError, ForumNotFoundError, RateLimitedError
from voicepeer.forum.base import Forum, LikeAnswer, Post
from voicepeer.voice import phrasing
from voicepeer.voice.error_phrases import (
    ALREADY_LIKED,
    LIKE_REFUSED,
    NOT_LIKED,
    UNLIKE_REFUSED,
    account_unusable,
    say_error,
)
from voicepeer.voice.ports import Say
from voicepeer.voice.reader import Reader

log = logging.getLogger(__name__)

ARCHIVED = "This topic is archived, so its posts take no more likes."
FEW_LEFT_SHARE = 0.1
"""Share of the day's likes from which the person is told how many are left (the forum's
page warns at a tenth)."""
MINUTE_LIMITS_S = 60.0
"""Longest wait a forum's per-minute limits ask for (an API key's requests, four actions on
one post); a longer wait after a like is the limit of likes for a day."""
WARNING_GAP_S = 86_400.0
"""Seconds between two warnings of few likes left: once a day, as the forum's page."""


def likes_used_up(wait_s: float) -> str:
    """What to say once the forum's limit of likes for a day is reached."""
    return (
        "You have given all the likes the forum allows in a day. You can like posts again "
        f"in {phrasing.wait_phrase(wait_s)}."
    )


@dataclass(frozen=True)
class LikeChange:
    """A like to give, or to take back, asked about in LIKING."""

    post: Post
    take_back: bool = False

    @property
    def question(self) -> str:
        return f"{self._asked} Say yes or no."

    @property
    def question_again(self) -> str:
        """The same question (worded otherwise, it sounded like another one), asking more
        plainly for the answer."""
        return f"{self._asked} Please say yes or no."

    @property
    def _asked(self) -> str:
        who = phrasing.author_name(self.post)
        if self.take_back:
            return f"Take back your like of this post by {who}?"
        return f"Like this post by {who}?"

    @property
    def declined(self) -> str:
        return "Your like stays." if self.take_back else "Not liked."

    @property
    def done(self) -> str:
        who = phrasing.author_name(self.post)
        if self.take_back:
            return f"Your like of this post by {who} is taken back."
        return f"You liked this post by {who}."


class Likes:
    """Plans a like (or its taking back) of the post being read, and makes it on a yes."""

    def __init__(
        self,
        reader: Reader,
        forum: Forum,
        say: Say,
        clock: Callable[[], float] = time.monotonic,
        *,
        failure_line: Callable[[ForumError, str], str] = lambda error, line: line,
    ) -> None:
        self._reader = reader
        self._failure_line = failure_line
        """A failure at the forum as told ("" when something said already told it)."""
        self._forum = forum
        self._say = say
        self._clock = clock
        self._likes_back_at: float | None = None
        """When the forum will take likes again, after refusing one for the day's limit."""
        self._warned_at: float | None = None
        """When the person was last told that few likes are left."""
        self._seen_as_member: set[int] | None = None
        """Since an account connected again was taken up, the posts whose like data was
        fetched with it (None: none was): posts read while the forum refused the key came
        as a visitor sees them, whom the forum lets like nothing."""
        forum.on_account_back(self._account_back)

    def _account_back(self) -> None:
        self._seen_as_member = set()

    def plan(self, take_back: bool) -> LikeChange | None:
        """The change to ask about; None after saying why there is none to make."""
        post = self._reader.current_post()
        if post is None:
            return None
        # Said at once, as for a reply: a yes to a like the forum must refuse is effort lost.
        refusal = account_unusable(self._forum)
        if refusal is None:
            post = self._as_member(post)
            if post is None:
                return None
        refusal = refusal or self._refusal(post, take_back) or self._used_up(take_back)
        if refusal is not None:
            self._say(refusal)
            return None
        return LikeChange(post, take_back)

    def _as_member(self, post: Post) -> Post | None:
        """``post`` with its like data as the forum gives it to the account, fetched again
        once after the account was connected again (None after saying it failed)."""
        seen = self._seen_as_member
        if seen is None or post.id in seen:
            return post
        fresh = self._reader.forum_call(lambda: self._forum.post(post.id))
        if fresh is None:
            return None
        seen.add(post.id)
        thread = self._reader.thread
        if thread is not None:
            thread.update_cues(fresh)
        return replace(post, cues=fresh.cues)

    def _refusal(self, post: Post, take_back: bool) -> str | None:
        cues, topic = post.cues, self._reader.topic
        if cues is None:
            return None
        if take_back:
            if not cues.liked:
                return NOT_LIKED
            return None if cues.can_unlike else UNLIKE_REFUSED
        if cues.liked:
            return ALREADY_LIKED
        if cues.can_like is False:
            return ARCHIVED if topic is not None and topic.archived else LIKE_REFUSED
        return None

    def _used_up(self, take_back: bool) -> str | None:
        if take_back or self._likes_back_at is None:
            return None
        wait = self._likes_back_at - self._clock()
        return likes_used_up(wait) if wait > 0 else None

    def make(self, change: LikeChange) -> None:
        """Give or take back the like (the person said yes) and say so."""
        post_id = change.post.id
        news = ""
        try:
            if change.take_back:
                now = self._forum.unlike(post_id)
            else:
                answer = self._forum.like(post_id)
                now, news = answer.post, self._likes_left(answer)
        except RateLimitedError as error:
            log.warning("like change refused for now: %s", type(error).__name__)
            if change.take_back or error.wait_seconds <= MINUTE_LIMITS_S:
                self._say(say_error(error))
                return
            self._likes_back_at = self._clock() + error.wait_seconds
            self._say(likes_used_up(error.wait_seconds))
            return
        except ForumError as error:
            log.warning("like change failed: %s", type(error).__name__)
            # Taking back, a 404 is no like of theirs there (taken back on the forum's page).
            gone = change.take_back and isinstance(error, ForumNotFoundError)
            line = NOT_LIKED if gone else self._failure_line(error, say_error(error))
            if line:
                self._say(line)
            return
        thread = self._reader.thread
        if now is not None and thread is not None:
            thread.update_cues(now)  # so that the next "like this" is answered at once
        self._say(f"{change.done} {news}".rstrip())

    def _likes_left(self, answer: LikeAnswer) -> str:
        """The forum's count of likes left today, when worth saying."""
        left, most = answer.likes_left, answer.likes_a_day
        if left is None or not most or left > math.ceil(most * FEW_LEFT_SHARE):
            return ""
        if left == 0:
            return f"That was your last like for today: the forum allows {most} in a day."
        now = self._clock()
        if self._warned_at is not None and now - self._warned_at < WARNING_GAP_S:
            return ""
        self._warned_at = now
        return f"You have {left} like{'s' if left != 1 else ''} left for today."
