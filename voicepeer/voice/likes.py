"""Liking a post, and taking a like back, each only after a clear yes.

Signed in, a post says whether the forum would take either (its like summary's ``acted``,
``can_act`` and ``can_undo``), as the forum's own page greys its button: the person is
told at once instead of being asked for a yes that cannot count. Read anonymously a post
says nobody may like it, so there voicepeer asks and says the forum's refusal, if any.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from voicepeer.errors import ForumError, ForumNotFoundError
from voicepeer.forum.base import Forum, Post
from voicepeer.voice import phrasing
from voicepeer.voice.error_phrases import (
    ALREADY_LIKED,
    LIKE_REFUSED,
    NOT_LIKED,
    UNLIKE_REFUSED,
    say_error,
)
from voicepeer.voice.ports import Say
from voicepeer.voice.reader import Reader

log = logging.getLogger(__name__)

ARCHIVED = "This topic is archived, so its posts take no more likes."


@dataclass(frozen=True)
class LikeChange:
    """A like to give, or to take back, asked about in LIKING."""

    post: Post
    take_back: bool = False

    @property
    def question(self) -> str:
        who = phrasing.author_name(self.post)
        if self.take_back:
            return f"Take back your like of this post by {who}? Say yes or no."
        return f"Like this post by {who}? Say yes or no."

    @property
    def question_again(self) -> str:
        if self.take_back:
            return "Shall I take back your like? Please say yes or no."
        return "Shall I like this post? Please say yes or no."

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

    def __init__(self, reader: Reader, forum: Forum, say: Say) -> None:
        self._reader = reader
        self._forum = forum
        self._say = say

    def plan(self, take_back: bool) -> LikeChange | None:
        """The change to ask about; None after saying why there is none to make."""
        post = self._reader.current_post()
        if post is None:
            return None
        refusal = self._refusal(post, take_back)
        if refusal is not None:
            self._say(refusal)
            return None
        return LikeChange(post, take_back)

    def _refusal(self, post: Post, take_back: bool) -> str | None:
        cues, topic = post.cues, self._reader.topic
        if cues is None or not self._forum.signed_in:
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

    def make(self, change: LikeChange) -> None:
        """Give or take back the like (the person said yes) and say so."""
        post_id = change.post.id
        try:
            now = self._forum.unlike(post_id) if change.take_back else self._forum.like(post_id)
        except ForumError as error:
            log.warning("like change failed: %s", type(error).__name__)
            # Taking back, a 404 is no like of theirs there (taken back on the forum's page).
            gone = change.take_back and isinstance(error, ForumNotFoundError)
            self._say(NOT_LIKED if gone else say_error(error))
            return
        thread = self._reader.thread
        if now is not None and thread is not None:
            thread.update_cues(now)  # so that the next "like this" is answered at once
        self._say(change.done)
