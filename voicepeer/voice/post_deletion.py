"""Deleting one's own reply by voice ("delete my post"), only after a clear yes.

A reply posted by mistake, or regretted, can be taken down without the forum's web page.
Discourse lets a member delete their own replies (never a topic's first post, nothing in
an archived topic) and leaves "(post deleted by author)" in its place. The post being read
is deleted when it is the person's; otherwise their newest reply in the topic, typically
the one just posted. Before asking, the post is read fresh from the forum, so the question
quotes what will go. Its words are kept as the draft reply to the topic (unless one is
there already), so a deleted post can be said again, changed or not: nothing is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from voicepeer.errors import ForumError
from voicepeer.forum.base import Forum, Post
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.bookmarks import excerpt
from voicepeer.voice.composer import Composer
from voicepeer.voice.error_phrases import DELETE_REFUSED, not_signed_in, say_error
from voicepeer.voice.ports import DraftKeeper, Say
from voicepeer.voice.reader import Reader

log = logging.getLogger(__name__)

OWN_POSTS_LOOKED_AT = 30
"""Newest posts of the topic searched for the person's own reply to delete."""
DELETED_ALREADY = "You have deleted this post already."
FIRST_POST = (
    "This post starts the topic, and the forum does not let the first post of a topic be "
    "deleted on its own."
)
ARCHIVED = "This topic is archived, so its posts can no longer be deleted."
NONE_OF_YOURS = "This post is not yours, and you have no reply in this topic that you can delete."
UNSURE = "I am not sure the forum deleted your post: say delete my post again to make sure."
NOT_DELETED = (
    "The forum did not finish deleting your post, and it is still there. Say delete my post "
    "to try again."
)
KEPT = (
    " Its words are kept as your draft reply to this topic: say reply to post them again, "
    "changed or not."
)


@dataclass(frozen=True)
class PostDeletion:
    """The person's reply to delete, as the forum showed it just before asking."""

    post: Post
    age: str
    """When it was posted ("just now", "3 minutes ago"), or ""."""
    private: bool = False
    """It is in a private conversation: only its members see the deletion."""

    @property
    def question(self) -> str:
        when = f", posted {self.age}" if self.age else ""
        words = excerpt(self.post.raw or "")
        begins = f" It begins: {as_sentence(words)}" if words else ""
        who = "Everyone in this conversation" if self.private else "Everyone"
        return f"Delete your post{when}?{begins} {who} will see that you deleted it. Say yes or no."

    question_again = "Shall I delete your post? Please say yes or no."
    declined = "Your post stays."


class PostDeletions:
    """Plans the deletion of the person's reply, and makes it on a yes."""

    def __init__(
        self,
        reader: Reader,
        forum: Forum,
        drafts: DraftKeeper,
        say: Say,
        now: Callable[[], datetime],
    ) -> None:
        self._reader = reader
        self._forum = forum
        self._drafts = drafts
        self._say = say
        self._now = now

    def plan(self) -> PostDeletion | None:
        """The deletion to ask about; None after saying why there is none to make."""
        post = self._reader.current_post()
        if post is None:
            return None
        if not self._forum.signed_in:
            self._say(not_signed_in())  # whose post is whose needs the person's account
            return None
        try:
            target = self._target(post)
            if target is None:
                self._say(self._refusal(post))
                return None
            fresh = self._forum.post(target.id)
        except ForumError as error:
            log.warning("could not read the post to delete: %s", type(error).__name__)
            self._say(say_error(error))
            return None
        if fresh.cues is not None and not fresh.cues.can_delete:
            self._say(self._refusal(fresh))  # deleted on the web meanwhile, or archived
            return None
        topic = self._reader.topic
        private = topic is not None and topic.archetype == "private_message"
        return PostDeletion(fresh, phrasing.age_of(fresh, self._now()), private)

    def _target(self, post: Post) -> Post | None:
        """The post being read when it is theirs to delete; otherwise, when it is not theirs,
        their newest reply in the topic that they can delete."""
        cues = post.cues
        if cues is not None and cues.can_delete:
            return post
        if cues is not None and cues.yours:
            return None  # theirs, but the forum keeps it (first post, archived, deleted)
        topic = self._forum.topic(post.topic_id, fresh=True)
        newest = topic.post_ids[-OWN_POSTS_LOOKED_AT:]
        posts = self._forum.posts(post.topic_id, newest)
        return next((p for p in reversed(posts) if p.cues and p.cues.can_delete), None)

    def _refusal(self, post: Post) -> str:
        cues, topic = post.cues, self._reader.topic
        if cues is not None and cues.deleted_by_author:
            return DELETED_ALREADY
        if topic is not None and topic.archived:
            return ARCHIVED
        if cues is not None and cues.yours:
            return FIRST_POST if post.post_number == 1 else DELETE_REFUSED
        return NONE_OF_YOURS if cues is not None else DELETE_REFUSED

    def make(self, deletion: PostDeletion) -> None:
        """Delete the post (the person said yes), keeping its words, and say so."""
        post, topic = deletion.post, self._reader.topic
        key = Composer.draft_key(topic) if topic is not None else ""
        # Kept before deleting, so that a full disk stops the deletion, not the words.
        keep = bool(key and post.raw and post.raw.strip()) and self._drafts.load(key) is None
        if keep:
            self._drafts.save(key, post.raw or "")
        try:
            self._forum.delete_post(post.id)
        except ForumError as error:
            log.warning("deleting a post failed: %s", type(error).__name__)
            # The answer lost on the way: the post itself says whether it went.
            uncertain = isinstance(error, DeliveryUncertainError)
            deleted = self._deleted_after_all(post) if uncertain else False
            if deleted is None:  # not known: the words stay, and asking again is safe
                self._say(UNSURE + (KEPT if keep else ""))
                return
            if not deleted:
                if keep:  # the post is still there: no second copy of its words
                    self._drafts.delete(key)
                self._say(NOT_DELETED if uncertain else say_error(error))
                return
        else:
            self._deleted_after_all(post)  # so that, read again, it is the forum's stub
        self._say("Your post is deleted." + (KEPT if keep else ""))

    def _deleted_after_all(self, post: Post) -> bool | None:
        """Read the post again: whether it is deleted now (None when it cannot be read).
        The thread then holds the forum's copy, the stub where it is deleted."""
        try:
            now = self._forum.post(post.id)
        except ForumError as error:
            log.info("could not read the post again: %s", type(error).__name__)
            return None
        thread = self._reader.thread
        if thread is not None:
            thread.replace_post(now)
        return now.cues is not None and now.cues.deleted_by_author
