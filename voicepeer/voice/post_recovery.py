"""Bringing back a post or topic the person deleted ("bring back my post"), only after a
clear yes.

Discourse keeps a post its author deleted as a stub for a day (delete_removed_posts_after)
and lets the author bring it back meanwhile, words, place and likes and all; a topic they
deleted comes back reopened. The post brought back is the one being read when it is the
person's deleted post, otherwise their newest deleted post in the topic. It is read fresh
first, so what the forum no longer allows is said before asking. Once it is back, the copy
of its words kept as a draft at the deletion goes, if it is unchanged: the words are not
left in two places.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from voicepeer.errors import ForumError
from voicepeer.forum.base import Post, Topic
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.bookmarks import excerpt
from voicepeer.voice.composer import Composer
from voicepeer.voice.new_conversation import delete_saved
from voicepeer.voice.own_post_changes import OwnPostChanges, what_goes

log = logging.getLogger(__name__)

NOTHING_DELETED = "You have no deleted post in this topic to bring back."
NO_TOPIC_DELETED = (
    "You have not deleted a topic since I started. To bring back a post, open its topic and "
    "say bring back my post there."
)
NOT_DELETED = "This post is not deleted, so there is nothing to bring back."
TOO_LATE = (
    "The forum no longer lets you bring this back: it keeps a deleted post for about a day only."
)
UNSURE = (
    "I am not sure the forum brought your post back: say bring back my post again to make sure."
)
NOT_BACK = (
    "The forum did not finish bringing your post back, and it is still deleted. Say bring "
    "back my post to try again."
)


@dataclass(frozen=True)
class PostRecovery:
    """The person's deleted post to bring back (the first post of a deleted topic brings
    the topic back), as the forum showed it just before asking."""

    post: Post
    age: str
    """When it was posted ("3 minutes ago"), or ""."""
    words: str = ""
    """Its words, when known here (it was deleted this session)."""
    topic: Topic | None = None
    """The person's topic or message, brought back whole; None for a reply."""
    kept_as: str = ""
    """The draft key its words were kept as when it was deleted ("" for a reply: the
    topic's reply draft)."""

    @property
    def what(self) -> str:
        return what_goes(self.topic)

    @property
    def question(self) -> str:
        began = f" It began: {as_sentence(excerpt(self.words))}" if self.words.strip() else ""
        if self.what == "message":
            what = f"your message, {self.topic.title if self.topic else ''}"
            again = "Everyone in this conversation will see it again."
        elif self.topic is not None:
            what = f"your topic, {self.topic.title}"
            again = "Everyone will see it again, open for replies."
        else:
            what = f"your deleted post{', posted ' + self.age if self.age else ''}"
            again = "Everyone will see it again, where it was."
        return f"Bring back {what}?{began} {again} Say yes or no."

    @property
    def question_again(self) -> str:
        return f"Shall I bring back your {self.what}? Please say yes or no."

    @property
    def declined(self) -> str:
        return f"Your {self.what} stays deleted."


class PostRecoveries(OwnPostChanges):
    """Plans bringing back the person's deleted post or topic, and does it on a yes."""

    def open_last_deleted_topic(self) -> bool:
        """At the topic list: open the topic the person deleted last this session (the
        forum lists it no more), at its first post; False after saying why not."""
        deleted = self._engines.topics_deleted
        if not deleted:
            self._say(NO_TOPIC_DELETED)
            return False
        try:
            self._reader.enter_topic(deleted[-1], 1)
        except ForumError as error:
            log.warning("could not open the deleted topic: %s", type(error).__name__)
            self._say_failure(error)
            return False
        return True

    def plan(self) -> PostRecovery | None:
        """What to ask about bringing back; None after saying why there is nothing to."""
        post = self._post_being_read()
        if post is None:
            return None
        try:
            target = self._target(post)
            fresh = self._forum.post(target.id) if target is not None else None
            whole = fresh is not None and fresh.post_number == 1
            topic = self._forum.topic(fresh.topic_id, fresh=True) if whole and fresh else None
            kept_as = self._kept_as(topic)[0] if topic is not None else ""
        except ForumError as error:
            log.warning("could not read the post to bring back: %s", type(error).__name__)
            self._say_failure(error)
            return None
        cues = fresh.cues if fresh is not None else None
        if fresh is None or cues is None:
            self._say(NOTHING_DELETED)
            return None
        if not cues.deleted_by_author:
            self._say(NOT_DELETED)
            return None
        if not cues.can_recover:
            self._say(TOO_LATE)
            return None
        words = self._engines.words_deleted.get(fresh.id, "")
        return PostRecovery(fresh, phrasing.age_of(fresh, self._now()), words, topic, kept_as)

    def _target(self, post: Post) -> Post | None:
        """The post being read when it is the person's deleted post; otherwise their newest
        deleted post among the topic's newest."""
        cues = post.cues
        if cues is not None and cues.yours and cues.deleted_by_author:
            return post
        topic = self._forum.topic(post.topic_id, fresh=True)
        return self._newest_own(topic, lambda cues: cues.yours and cues.deleted_by_author)

    def make(self, recovery: PostRecovery) -> None:
        """Bring the post or topic back (the person said yes), and say so."""
        post, topic = recovery.post, recovery.topic
        try:
            if topic is not None:
                self._forum.recover_topic(topic.id)
                back = self._read_again(post)
            else:
                back = self._forum.recover_post(post.id)
                self._show(back)
        except ForumError as error:
            log.warning("bringing back failed: %s", type(error).__name__)
            if not isinstance(error, DeliveryUncertainError):
                self._say_failure(error)
                return
            # The answer lost on the way: the post itself says whether it came back.
            back = self._read_again(post)
            if back is None or back.cues is None:
                self._say(UNSURE)
                return
            if back.cues.deleted_by_author:
                self._say(NOT_BACK)
                return
        line = f"Your {recovery.what} is back, as it was."
        if back is not None and self._let_go_of_kept_words(recovery, back.raw or ""):
            line += " I have taken its words out of your drafts: they are on the forum again."
        self._say(line)

    def _let_go_of_kept_words(self, recovery: PostRecovery, raw: str) -> bool:
        """Delete the draft its words were kept as at the deletion, if it is unchanged."""
        words = raw.strip()
        if not words:
            return False
        if recovery.topic is not None:
            key = recovery.kept_as
        elif self._reader.topic is not None:
            key = Composer.draft_key(self._reader.topic)
        else:
            return False
        if not key or (self._drafts.load(key) or "").strip() != words:
            return False
        delete_saved(self._drafts, key)
        return True
