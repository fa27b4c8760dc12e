"""Deleting one's own reply, or one's own new topic, by voice ("delete my post"), only
after a clear yes.

A reply posted by mistake, or regretted, can be taken down without the forum's web page.
Discourse lets a member delete their own replies (never a topic's first post, nothing in
an archived topic) and leaves "(post deleted by author)" in its place; a topic or private
message of their own goes whole, in its first day and before anyone replies ("(topic
deleted by author)") — a message sent to the wrong person, say. The post being read is
deleted when it is the person's (its topic, when it starts one); otherwise their newest
reply in the topic, typically the one just posted. Before asking, the post is read fresh
from the forum, so the question quotes what will go. Its words are kept as a draft (the
reply to the topic, the new topic in its category, or the new message to the same people,
unless one is there already), so what was deleted can be said again, changed or not:
nothing is lost.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from voicepeer.errors import ForumError
from voicepeer.forum.base import Post, Topic, WaitingPost
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.outbox import OutboxState
from voicepeer.voice import phrasing
from voicepeer.voice.composer import Composer
from voicepeer.voice.error_phrases import DELETE_REFUSED
from voicepeer.voice.new_conversation import delete_saved, keep_as_new_conversation
from voicepeer.voice.own_post_changes import (
    OwnPostChanges,
    Unposted,
    it_begins,
    unposted_line,
    what_goes,
)
from voicepeer.voice.withdrawals import (
    MAYBE_SENT,
    HeldReplyWithdrawal,
    HeldTopicWithdrawal,
    HeldWithdrawal,
    UnsentWithdrawal,
    Withdrawals,
)

log = logging.getLogger(__name__)

DELETED_ALREADY = "You have deleted this post already."
FIRST_POST = (
    "This post starts the topic. The forum lets you delete a topic of yours only on its "
    "first day, before anyone has replied."
)
FIRST_MESSAGE = (
    "This message starts the conversation. The forum lets you delete a conversation you "
    "started only on its first day, before anyone has replied."
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
    """The person's reply to delete, or the first post of their topic to delete whole, as
    the forum showed it just before asking."""

    post: Post
    age: str
    """When it was posted ("just now", "3 minutes ago"), or ""."""
    private: bool = False
    """It is in a private conversation: only its members see the deletion."""
    topic: Topic | None = None
    """The person's topic or message, deleted whole (its first post is ``post``); None for
    a reply."""
    kept_as: str = ""
    """Where a whole topic's or message's title and words are kept: the draft key of the new
    topic in its category, or of the new message to its people ("" when they are unknown)."""
    people: str = ""
    """A deleted message's other members, named."""
    not_read_in: str = ""
    """The title of its topic when the post is not the one being read (the person's newest
    reply there): named with its number, so that nobody deletes a post they did not mean."""

    @property
    def what(self) -> str:
        return what_goes(self.topic)

    @property
    def question(self) -> str:
        begins = it_begins(self.post.raw or "")
        who = "Everyone in this conversation" if self.private else "Everyone"
        if self.topic is not None:
            done = "sent" if self.what == "message" else "started"
            when = f", {done} {self.age}" if self.age else ""
            what = f"your {self.what}, {self.topic.title}{when}"
            begins += " Nobody has replied yet."
        else:
            where = self.not_read_in
            named = f" {self.post.post_number} in {where}" if where else ""
            what = f"your post{named}{', posted ' + self.age if self.age else ''}"
        return f"Delete {what}?{begins} {who} will see that you deleted it. Say yes or no."

    @property
    def question_again(self) -> str:
        # Named by its number: asked again after "where am I", which names the post being
        # read ("post 1 of 4"), "your post" alone could seem to be that one.
        named = f" {self.post.post_number}" if self.topic is None else ""
        return f"Shall I delete your {self.what}{named}? Please say yes or no."

    @property
    def declined(self) -> str:
        return f"Your {self.what} stays."


PlannedDeletion = PostDeletion | HeldWithdrawal | UnsentWithdrawal
"""What "delete my post" asks about: deleting a post or topic, or taking back a reply or new
topic not on the forum yet (held for a moderator, or a reply still in the outbox)."""


class PostDeletions(OwnPostChanges):
    """Plans the deletion of the person's reply or topic, and makes it on a yes."""

    def plan(self) -> PlannedDeletion | None:
        """The deletion to ask about (or the withdrawal of a reply held for a moderator);
        None after saying why there is none to make."""
        post = self._post_being_read()
        if post is None:
            return None
        try:
            # Said on someone else's post, "my post" may be a reply not on the forum yet.
            here, theirs = self._reader.topic, self._meant_being_read(post)
            if here is not None and not theirs:
                unsent = self._in_outbox(here)
                if unsent is not None and unsent.state is OutboxState.PENDING:
                    return Withdrawals(self._engines).asking(unsent)
                if unsent is not None:  # its sending was interrupted: it may be there
                    self._say(MAYBE_SENT)
                    return None
                held = self._held_newest(here)
                if held is not None:
                    return self._withdrawal(held, here)
            found = self._target(post, theirs)
            if found is None:
                self._say(self._refusal(post))
                return None
            target, topic = found
            fresh = self._forum.post(target.id)
            kept_as, people = self._kept_as(topic) if topic is not None else ("", "")
        except ForumError as error:
            log.warning("could not read the post to delete: %s", type(error).__name__)
            self._say_failure(error)
            return None
        cues = fresh.cues
        gone = cues is not None and (cues.deleted_by_author if topic else not cues.can_delete)
        if gone:
            self._say(self._refusal(fresh))  # deleted on the web meanwhile, or archived
            return None
        age = phrasing.age_of(fresh, self._now())
        # Not the post being read nor the reply just posted: named, with its number.
        here, just_posted = self._reader.topic, self._reader.replied_since_reading
        named = here is not None and target.id != post.id and not just_posted
        elsewhere = here.title if here is not None and named else ""
        return PostDeletion(fresh, age, self._private(), topic, kept_as, people, elsewhere)

    def topics_deleted(self) -> int:
        """How many topics (or messages) the person deleted whole this session."""
        return len(self._engines.topics_deleted)

    def plan_at_list(self) -> UnsentWithdrawal | HeldTopicWithdrawal | None:
        """At the topic list, where no post is being read: taking back the person's new
        topic not on the forum yet (it has no topic to open yet); None after saying why
        there is none."""
        return Withdrawals(self._engines).plan_at_list() if self._signed_in() else None

    def _withdrawal(self, held: WaitingPost, topic: Topic) -> HeldReplyWithdrawal | None:
        """The withdrawal of the reply held for a moderator to ask about; None after saying
        why it cannot be asked (the forum did not say which one in its queue it is)."""
        if held.id is None:
            self._say(unposted_line(Unposted.HELD, "I cannot delete it", "delete my post"))
            return None
        return HeldReplyWithdrawal(held, topic)

    def _private(self) -> bool:
        topic = self._reader.topic
        return topic is not None and topic.archetype == "private_message"

    def _target(self, post: Post, theirs: bool) -> tuple[Post, Topic | None] | None:
        """The post being read when it is ``theirs`` (the one meant) to delete, with its
        topic when that goes whole; otherwise their newest reply in the topic that they can
        delete. Theirs, not merely one they may delete: a moderator may delete anyone's."""
        cues = post.cues
        if theirs and cues is not None and cues.can_delete:
            return post, None
        topic = self._forum.topic(post.topic_id, fresh=True)
        if theirs:
            # The first post of their own topic or message goes only with it, whole.
            whole = post.post_number == 1 and topic.can_delete
            return (post, topic) if whole else None
        own = self._newest_own(topic, lambda cues: cues.yours and cues.can_delete)
        return (own, None) if own is not None else None

    def _deleted_now(self, post: Post) -> bool | None:
        """Read the post again: whether it is deleted now (None when it cannot be read).
        The thread then holds the forum's copy, the stub where it is deleted."""
        now = self._read_again(post)
        return None if now is None else now.cues is not None and now.cues.deleted_by_author

    def _refusal(self, post: Post) -> str:
        cues, topic = post.cues, self._reader.topic
        if cues is not None and cues.deleted_by_author:
            return DELETED_ALREADY
        if topic is not None and topic.archived:
            return ARCHIVED
        if cues is not None and cues.yours and post.post_number == 1:
            return FIRST_MESSAGE if self._private() else FIRST_POST
        if cues is not None and cues.yours:
            return DELETE_REFUSED
        return NONE_OF_YOURS if cues is not None else DELETE_REFUSED

    def make(self, deletion: PlannedDeletion) -> None:
        """Delete the post or topic (the person said yes), keeping its words, and say so;
        or withdraw the reply held for a moderator."""
        if isinstance(deletion, HeldReplyWithdrawal | HeldTopicWithdrawal):
            Withdrawals(self._engines).make(deletion)
            return
        if isinstance(deletion, UnsentWithdrawal):
            Withdrawals(self._engines).take_back(deletion)
            return
        post, topic = deletion.post, deletion.topic
        # Kept before deleting, so that a full disk stops the deletion, not the words.
        kept = self._keep_words(deletion)
        # What "bring back my post" quotes (asked only while the post is deleted).
        self._engines.words_deleted[post.id] = post.raw or ""
        try:
            if topic is not None:
                self._forum.delete_topic(topic.id)
            else:
                self._forum.delete_post(post.id)
        except ForumError as error:
            log.warning("deleting failed: %s", type(error).__name__)
            # The answer lost on the way: the post itself says whether it went.
            uncertain = isinstance(error, DeliveryUncertainError)
            deleted = self._deleted_now(post) if uncertain else False
            if deleted is None:  # not known: the words stay, and asking again is safe
                self._say(UNSURE + (_kept_line(deletion) if kept else ""))
                return
            if not deleted:
                if kept is not None:  # it is still there: no second copy of its words
                    delete_saved(self._drafts, kept)
                if uncertain:
                    self._say(NOT_DELETED)
                else:
                    self._say_failure(error)
                return
        else:
            self._read_again(post)  # read again, it is the forum's stub
        if topic is not None:
            self._engines.topics_deleted.append(topic.id)
        what = deletion.what
        # "bring back my post" brings a message back too: its first post goes with it.
        again = "topic" if what == "topic" else "post"
        undo = f" If you change your mind, say bring back my {again} within a day."
        self._say(f"Your {what} is deleted." + (_kept_line(deletion) if kept else "") + undo)

    def _keep_words(self, deletion: PostDeletion) -> str | None:
        """Save the words (and a topic's title) as a draft, unless one is there already;
        the draft's key when saved."""
        raw = (deletion.post.raw or "").strip()
        topic = deletion.topic
        if not raw:
            return None
        if topic is not None:
            if not deletion.kept_as:
                return None
            title = topic.written_title or topic.title
            return keep_as_new_conversation(self._drafts, deletion.kept_as, title, raw)
        reading = self._reader.topic
        key = Composer.draft_key(reading) if reading is not None else ""
        if not key or self._drafts.load(key) is not None:
            return None
        self._drafts.save(key, raw)
        return key


def _kept_line(deletion: PostDeletion) -> str:
    if deletion.what == "message":
        return (
            f" Its title and words are kept as your draft message to {deletion.people}: say "
            "message and their name to send them again, changed or not."
        )
    if deletion.topic is not None:
        return (
            " Its title and words are kept as your draft new topic in the same category: say "
            "start a new topic and choose that category to post them again."
        )
    return KEPT
