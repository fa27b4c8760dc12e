"""Adding the words saved for a topic to the end of the person's last reply there ("add it
to my last reply"), only after a clear yes.

A forum that takes no more replies in a row from a member asks them to edit their previous
reply instead (Discourse's max_consecutive_replies), and a thought that came after posting
belongs with the reply it adds to. The words are the topic's saved reply (kept after the
forum refused it, or put aside); they go after a blank line at the end of the person's
newest reply in the topic, while the forum lets them edit it. The reply is read fresh
first: words already at its end (added before an answer was lost) are not added twice. The
saved copy goes only once the words are on the forum. With no words saved (a thought
that came just after posting), the person says them then, as a change to their reply
(voice.post_editing), asked about in the same way before it is made.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from voicepeer.errors import EditConflictError, ForumError
from voicepeer.forum.base import Post
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.own_posts import normalize_raw
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.bookmarks import excerpt
from voicepeer.voice.composer import Composer, answered_post
from voicepeer.voice.dictation import finished
from voicepeer.voice.new_conversation import delete_saved
from voicepeer.voice.own_post_changes import OwnPostChanges, unposted_line

log = logging.getLogger(__name__)

NO_WORDS = (
    "You have no words saved for this topic to add. Say reply to write some, then say cancel "
    "to keep them, or send it to post them."
)
NO_REPLY = "You have no reply in this topic to add to. Say reply, then send it, to post your words."
CANNOT_EDIT = (
    "The forum no longer lets you change your last reply here: it allows changes only for a "
    "while after posting. Say reply, then send it, to post your words as a new reply."
)
ALREADY_THERE = (
    "Those words are already at the end of your reply, so I have let go of the saved copy."
)
ADDED = "Your words are added to the end of your reply."
UNSURE = (
    "I am not sure the forum took the change, so your words stay saved. Say add it to my "
    "last reply again: they will not be added twice."
)
CHANGED_MEANWHILE = (
    "Your reply was changed on the forum since I asked, so I have changed nothing. Your words "
    "stay saved: say add it to my last reply to add them to it as it is now."
)
NOT_ADDED = (
    "The forum did not take the change, and your reply is as it was. Your words stay saved: "
    "say add it to my last reply to try again."
)


@dataclass(frozen=True)
class ReplyAddition:
    """The saved words to add, and the person's reply to add them to, as the forum showed
    it just before asking."""

    post: Post
    age: str
    """When the reply was posted ("3 minutes ago"), or ""."""
    words: str
    draft_key: str
    answered: str = ""
    """Who wrote the post the saved words answered (a reply to the topic: ""): added to
    the person's reply, they no longer show as an answer to it."""

    @property
    def question(self) -> str:
        when = f" posted {self.age}" if self.age else ""
        link = (
            f" They answered {self.answered}; at the end of your reply they will not show as "
            "an answer to that post."
            if self.answered
            else ""
        )
        return (
            f"Add your saved words to the end of your reply{when}? Your words: "
            f"{as_sentence(excerpt(self.words))}{link} Everyone will see your reply changed. "
            "Say yes or no."
        )

    @property
    def question_again(self) -> str:
        return "Shall I add your words to your reply? Please say yes or no."

    @property
    def declined(self) -> str:
        return "Your reply stays as it was, and your words stay saved."


class ReplyAdditions(OwnPostChanges):
    """Plans adding the topic's saved words to the person's last reply, and does it on a
    yes."""

    def words_saved(self) -> bool:
        """Whether words are saved for this topic, to add to the person's last reply."""
        topic = self._reader.topic
        return topic is not None and bool(
            finished(self._drafts.load(Composer.draft_key(topic)) or "")
        )

    def plan(self) -> ReplyAddition | None:
        """What to ask about; None after saying why there is nothing to add."""
        topic = self._reader.topic
        if topic is None or not self._signed_in():
            return None
        key = Composer.draft_key(topic)
        saved = (self._drafts.load(key) or "").strip()
        words = finished(saved)  # as a reply is sent: the saved draft is the words as said
        if not words:
            self._say(NO_WORDS)
            return None
        try:
            if (why := self._unposted_newest(topic)) is not None:
                cannot = "I cannot add your words to it"
                self._say(unposted_line(why, cannot, "add it to my last reply"))
                return None
            last = self._newest_standing(topic)
            answered = self._answered(key, last)
        except ForumError as error:
            log.warning("could not read the reply to add to: %s", type(error).__name__)
            self._say_failure(error)
            return None
        if last is None or last.cues is None:
            self._say(NO_REPLY)
            return None
        if ends_with(last.raw or "", words) or ends_with(last.raw or "", saved):
            delete_saved(self._drafts, key)
            self._say(ALREADY_THERE)
            return None
        if not last.cues.can_edit:
            self._say(CANNOT_EDIT)
            return None
        age = phrasing.age_of(last, self._now())
        return ReplyAddition(last, age, words, key, answered)

    def _answered(self, key: str, last: Post | None) -> str:
        """Who wrote the post the saved words answered, when neither ``last`` itself nor
        the post ``last`` answers is that one (or they answered the topic); "" otherwise.
        Raises ForumError."""
        number, thread = answered_post(self._drafts, key), self._reader.thread
        if number is None or thread is None:
            return ""
        if last is not None and number in (last.post_number, last.reply_to_post_number):
            # Added to a reply that answers the same post, they still answer it.
            return ""
        index = thread.index_of_post_number(number)
        post = thread.post_at(index) if index is not None else None
        return f"a post by {phrasing.author_name(post)}" if post is not None else "another post"

    def make(self, addition: ReplyAddition) -> None:
        """Add the words (the person said yes), and say so; the saved copy goes once they
        are on the forum."""
        post, words = addition.post, addition.words
        try:
            # The words as read go along: a change made meanwhile (on the web) is not lost.
            longer = (post.raw or "").rstrip() + "\n\n" + words
            self._show(self._forum.edit_post(post.id, longer, original=post.raw))
        except ForumError as error:
            log.warning("adding to the reply failed: %s", type(error).__name__)
            if isinstance(error, EditConflictError):
                self._say(CHANGED_MEANWHILE)
                return
            if not isinstance(error, DeliveryUncertainError):
                self._say(self._failure(error, "Your words stay saved."))
                return
            # The answer lost on the way: the reply itself says whether they are there.
            changed_or_not = self._read_again(post)
            if changed_or_not is None:
                self._say(UNSURE)
                return
            if not ends_with(changed_or_not.raw or "", words):
                self._say(NOT_ADDED)
                return
        delete_saved(self._drafts, addition.draft_key)
        self._say(ADDED)


def ends_with(raw: str, words: str) -> bool:
    """Whether the post's text ends with ``words``, compared as the forum stores text."""
    return _plain(raw).endswith(_plain(words))


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", normalize_raw(text))
