"""Changing the words of one's own post by voice ("correct my post"), only after a clear yes.

A word misheard in a reply is often noticed only once it is posted. The post changed is
the one being read when it is the person's, otherwise their newest in the topic, read fresh
from the forum (which says whether it still lets them edit it). The same corrections as in
dictation work on its words ("correct walk", "replace walk with talk", spelling), and what
is said otherwise goes at the end. The question names the changes ("walk becomes talk")
before anything is sent.

The changes are saved after every step, with the words they began from, so nothing is lost
to a stop, a "cancel" or a refusal; "correct my post" on the same post takes them up again.
The change goes with the words it began from (Discourse's ``original_text``): a change
made meanwhile elsewhere (on the web, by a helper) is never overwritten, and the person
hears both versions before choosing.
"""

from __future__ import annotations

import logging

from voicepeer.errors import EditConflictError, ForumError
from voicepeer.forum.base import Post, Topic
from voicepeer.forum.checks import check_reply
from voicepeer.forum.http import DeliveryUncertainError
from voicepeer.forum.own_posts import normalize_raw
from voicepeer.recognition.base import Heard
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.composer import (
    CHANGE_BASE,
    CHANGE_PLACE,
    Composer,
    ComposerEngines,
    Next,
    Unsent,
    change_key,
    reply_draft_key,
    without_add,
)
from voicepeer.voice.error_phrases import problem_line
from voicepeer.voice.new_conversation import delete_saved
from voicepeer.voice.own_post_changes import (
    OwnPostChanges,
    OwnPostEngines,
    Unposted,
    unposted_line,
)
from voicepeer.voice.post_text import PostText, spoken_post
from voicepeer.voice.reply_addition import NO_REPLY
from voicepeer.voice.reply_context import thread_people
from voicepeer.voice.topic_title import ASKED_FOR, TopicTitle
from voicepeer.voice.written_forms import forms_with_names

log = logging.getLogger(__name__)

EDITING_HELP = (
    "You are changing your post. To fix a word, say correct and the word, then choose a "
    "number or say spell it; or say replace and the words, then the new words; delete and the "
    "words takes them out. What you say "
    "otherwise goes at the end (add and the words, too). Say read it back, undo to take back "
    "the last change, start over to undo every change, send it when it is right, or cancel. "
    "At the first post of your topic, change the title gives it a new one. Where am I says "
    "where you are."
)
NO_POST = "You have no post in this topic to change."
GO_ON = "Go on changing your post, or say send it."
STILL_WAITING = unposted_line(Unposted.IN_OUTBOX, "it cannot be changed", "correct my post")
HELD_FOR_APPROVAL = unposted_line(Unposted.HELD, "it cannot be changed", "correct my post")
NO_WORDS = "The forum did not give me the words of your post, so I cannot change it."
NOTHING_CHANGED = (
    "You have not changed anything yet. Say correct and a word, or replace and the words, "
    "or say cancel."
)
CHANGED = "Your post is changed."
UNSURE = (
    "I am not sure the forum took the change, so your changes stay saved. Say correct my post "
    "to hear your post as it is now, then send it again if it still needs it."
)
CHANGED_MEANWHILE = (
    "Your post was changed on the forum since you began, perhaps on the web, so I have "
    "changed nothing. Your changes stay saved: say correct my post to hear both versions."
)
NOT_CHANGED = (
    "The forum did not take the change, and your post is as it was. Your changes stay saved: "
    "say correct my post to try again."
)


def cannot_edit(which: str) -> str:
    """Said when the forum no longer takes changes to the post (``which``: "your post
    posted 2 days ago": the person may be hearing someone else's)."""
    return (
        f"The forum no longer lets you change {which}: it allows changes only for a while "
        "after posting, and not in an archived topic."
    )


def already_made(raw: str) -> str:
    """Said when the saved changes turn out to be on the forum already."""
    return (
        f"Your changes are already made on the forum. Your post says: "
        f"{as_sentence(spoken_post(raw))} To change it again, say correct my post."
    )


def _same(a: str, b: str) -> bool:
    return normalize_raw(a) == normalize_raw(b)


class EditablePosts(OwnPostChanges):
    """The person's post to change, as the forum shows it now, and the change sent."""

    def find(self, post_id: int | None = None, none: str = NO_POST) -> Post | None:
        """The post ``post_id``, or else the post being read when it is the person's (and
        they have not replied since it was read), else their newest in the topic, read fresh
        (whether the forum still lets them edit it or not); None after saying why there is
        none (``none``, when they have no post here). Without ``post_id``, a reply of theirs
        not on the forum yet is the one meant (see :mod:`own_post_changes`)."""
        topic = self._reader.topic
        if topic is None or not self._signed_in():
            return None

        def theirs(post: Post) -> bool:
            return post.cues is not None and post.cues.yours and not post.cues.deleted_by_author

        current = self._reader.current_post()
        try:
            if post_id is None and (why := self._unposted_newest(topic)) is not None:
                self._say(STILL_WAITING if why is Unposted.IN_OUTBOX else HELD_FOR_APPROVAL)
                return None
            if (
                post_id is None
                and current is not None
                and theirs(current)  # not one they deleted: their newest standing is meant
                and self._meant_being_read(current)
            ):
                post_id = current.id
            post = (
                self._forum.post(post_id) if post_id is not None else self._newest_standing(topic)
            )
        except ForumError as error:
            log.warning("could not read the post to change: %s", type(error).__name__)
            self._say_failure(error)
            return None
        if post is None or not theirs(post):
            self._say(none)
        elif post.raw is None:
            self._say(NO_WORDS)
        else:
            return post
        return None

    def send(self, post: Post, text: PostText) -> str | None:
        """Send the change; what to say when it did not go (None: it is on the forum)."""
        words = text.text_to_send()
        try:
            self._show(self._forum.edit_post(post.id, words, original=text.base))
        except ForumError as error:
            log.warning("changing the post failed: %s", type(error).__name__)
            if isinstance(error, EditConflictError):
                return CHANGED_MEANWHILE
            if not isinstance(error, DeliveryUncertainError):
                return self._failure(error, "Your changes stay saved.")
            # The answer lost on the way: the post itself says whether it changed.
            now = self._read_again(post)
            if now is None:
                return UNSURE
            if not _same(now.raw or "", words):
                return NOT_CHANGED
        return None

    @property
    def topic(self) -> Topic | None:
        return self._reader.topic

    def being_read(self, post: Post) -> bool:
        current = self._reader.current_post()
        return current is not None and current.id == post.id


class PostEditor(Composer):
    """The person's own post being changed: the words, the question, and the change."""

    what = "post"
    help, more_help = EDITING_HELP, ""

    def __init__(self, writing: ComposerEngines, own: OwnPostEngines) -> None:
        super().__init__(writing, own.say)
        self._posts = EditablePosts(own)
        self._now = own.now
        self.draft: PostText = PostText()
        self._post: Post | None = None
        self.title = TopicTitle(own, writing.interpreter, self._limits)
        """The title of the topic, when the post changed is its first ("change the title")."""
        self._title_answered = False
        """The last yes was to a new title, not to the changed words."""

    @property
    def post_changed(self) -> Post | None:
        """The post whose words are being changed."""
        return self._post

    def begin(self, post_id: int | None = None, *, adding: bool = False) -> bool:
        """Start changing the person's post ``post_id`` or the one :meth:`EditablePosts.find`
        takes (or take up the changes saved for it); False after saying why there is none
        to change. ``adding``: the person asked to add to it, so its end is read and the
        words to add asked for."""
        post = self._posts.find(post_id, NO_REPLY if adding else NO_POST)
        if post is None:
            return False
        key = change_key(post.id)
        drafts = self._engines.drafts
        saved, began_from = drafts.load(key), drafts.load(key + CHANGE_BASE)
        age = phrasing.age_of(post, self._now())
        which = f"your post{' posted ' + age if age else ''}"
        if saved is not None and _same(saved, post.raw or ""):
            # The change went through though its answer was lost on the way: nothing is
            # left to send, and kept, it would look like a change made elsewhere.
            delete_saved(drafts, key)
            saved = None
            if not adding:
                self._say(already_made(post.raw or ""))
                return False
        if post.cues is None or not post.cues.can_edit:
            self._say(cannot_edit(which) + self._keep_as_reply(post, saved))
            return False
        # The topic too, for the composer's own reading of whether it is private.
        self._post, self._topic, raw = post, self._posts.topic, post.raw or ""
        if self._topic is not None:
            self.forms = forms_with_names(thread_people(self._topic))
        self.corrector.reset()
        self._discarding.asked = False
        self.title.drop()
        self.draft = PostText.of_post(raw, saved)
        if saved is not None and began_from is not None and not _same(began_from, raw):
            # Changed elsewhere since: both versions heard, and sending replaces the
            # forum's words only after the person heard them.
            self.save()
            self._say(
                f"Your post was changed on the forum since you began changing it here. On the "
                f"forum it says: {as_sentence(spoken_post(raw))} Your version says: "
                f"{as_sentence(self.draft.read_out)} Say "
                "send it to put your version in its place, start over to begin again from the "
                "forum's, or go on changing it."
            )
        elif saved is not None:
            self._say(
                f"You have saved changes to {which}. {self._changes_line()} Go on changing "
                "it, or say send it."
            )
        elif adding:
            self._say(
                f"Adding to {which}. It ends: {_ending(raw)} Say the words to add, then say "
                "send it."
            )
        else:
            heard = (
                "Say read it back to hear it again."
                if self._posts.being_read(post)
                else f"It says: {as_sentence(spoken_post(raw))}"
            )
            self._say(
                f"Changing {which}. {heard} Say correct and a word, or replace and the "
                "words, then send it when it is right."
            )
        return True

    def _keep_as_reply(self, post: Post, saved: str | None) -> str:
        """Changes saved for a post the forum no longer lets the person edit become their
        reply to the topic, when they have none there yet; what to say of them."""
        if saved is None:
            return ""
        drafts, reply = self._engines.drafts, reply_draft_key(post.topic_id)
        if (drafts.load(reply) or "").strip():
            return " Your changed version stays in your saved drafts."
        drafts.save(reply, saved)
        delete_saved(drafts, change_key(post.id))
        return (
            " Your changed version is kept as your reply to this topic: say reply, then send "
            "it, to post it as a new reply."
        )

    def _changes_line(self) -> str:
        changes = self.draft.changes()
        if not changes:  # too many to name, or only marks and spacing changed
            return f"Your post will say: {spoken_post(self.draft.text_to_send())}"
        # A sentence each: joined by "and", "becomes brother and added: it was lovely" ran
        # the changes together.
        return " ".join(as_sentence(change[:1].upper() + change[1:]) for change in changes)

    def hear(self, heard: Heard, *, ask: bool = False) -> Next:
        if not self.title.asking:
            return super().hear(heard, ask=ask)
        return Next.CONFIRMING if self.title.hear(heard, then=GO_ON) else Next.DICTATING

    def retitle(self) -> Next:
        """ "Change the title": of the topic, when the post changed is its first."""
        self.corrector.reset()
        self.title.ask(self._posts.topic, self._post)  # the topic as named now
        return Next.DICTATING

    @property
    def goes_on(self) -> bool:
        """After a yes: whether the person is still changing their post (the title was
        asked about, and the words have changes not made yet, or the forum refused the
        title and another is asked for)."""
        return self._title_answered and (self.draft.changed or self.title.asking)

    def dictated(self, heard: Heard) -> Heard | None:
        """New words go at the end of a posted post: "add thanks again" without its "add"
        (always asked for here: "What you say otherwise goes at the end")."""
        return without_add(heard, self._say)

    started_over = "Your post is back as it is on the forum. Change what you like, or cancel."
    discarded = "Your changes are thrown away: your post is as it is on the forum."
    discard_again = "Shall I throw away your changes? Please say yes or no."
    discarding = "your changes are"
    them = "them"

    def nothing_to_discard(self) -> str:
        if self.draft.changed:
            return ""
        return "You have not changed your post. To leave it as it is, say cancel."

    def discard_question(self) -> str:
        return (
            "Throw away your changes, so that your post stays as it is on the forum? Say yes "
            "to throw them away, or no to keep them."
        )

    brought_back = "Your changes are back."

    def save(self) -> None:
        if self._post is None:
            return
        post, drafts = self._post, self._engines.drafts
        key = change_key(post.id)
        if self.draft.changed:
            drafts.save(key, self.draft.text_to_send())
            drafts.save(key + CHANGE_BASE, self.draft.base)
            drafts.save(key + CHANGE_PLACE, f"{post.topic_id} {post.post_number}")
        else:
            delete_saved(drafts, key)

    def unsent(self) -> Unsent | None:
        """The changes, if any (the post is not changed until the person's yes)."""
        if self.title.proposed and not self.draft.changed:
            return Unsent(
                ask="The new title of your topic is not made yet. If you stop now, you will "
                "need to say it again.",
                again="The new title is not made yet.",
                kept="The title of your topic stays as it was.",
            )
        if not self.draft.changed:
            return None
        return Unsent(
            ask="Your changes to your post are not made yet. They stay saved either way: say "
            "correct my post next time to go on.",
            again="Your changes stay saved.",
            kept="Your changes to your post are saved: say correct my post to go on.",
        )

    @property
    def go_on(self) -> str:
        return ASKED_FOR if self.title.asking else GO_ON

    def ask_to_post(self) -> Next:
        """Name the changes (or read the post as it will be), say who sees it, and ask."""
        if self.title.proposed:
            self._say(self.title.question)
            return Next.CONFIRMING
        if not self.draft.changed:
            self._say(NOTHING_CHANGED)
            return Next.DICTATING
        private = self._is_private()
        problem = check_reply(self.draft.text_to_send(), self._limits(), private=private)
        if problem is not None:
            self.invite_more(problem_line(problem) + " Then say send it.")
            return Next.DICTATING
        who = "Everyone in this conversation" if private else "Everyone"
        self._say(
            f"{self._changes_line()} {who} will see your post changed. Shall I change it? "
            "Say yes or no."
        )
        return Next.CONFIRMING

    def question_again(self) -> str:
        if self.title.proposed:
            return self.title.question_again
        return "Shall I change your post? Please say yes or no."

    def post(self) -> None:
        """The person said yes: change the post (or its topic's title), and say what became
        of it. The saved changes go only once the forum has them."""
        self._title_answered = bool(self.title.proposed)
        if self.title.proposed:
            self.title.make(then=GO_ON if self.draft.changed else "")
            return
        assert self._post is not None
        trouble = self._posts.send(self._post, self.draft)
        if trouble is not None:
            self._say(trouble)
            return
        self.draft = PostText.of_post(self.draft.text_to_send())
        self.save()
        self._say(CHANGED)

    def decline(self) -> Next:
        if self.title.proposed:
            self._say(f"{self.title.declined()} {GO_ON}")
            return Next.DICTATING
        self._say(
            "All right, your post stays as it was, and your changes are kept. Go on changing "
            "it, or say send it when you are ready."
        )
        return Next.DICTATING

    def cancel(self) -> Next:
        title_asked = bool(self.title.proposed)
        self.title.drop()
        if title_asked and not self.draft.changed:
            self._say("The title stays as it was.")
            return Next.READING
        self.save()
        self._say(
            "Your post stays as it was. Your changes are put aside: say correct my post to "
            "come back to them."
            if self.draft.changed
            else "Your post stays as it was."
        )
        return Next.READING


ENDING_WORDS = 12
"""How much of a post's end is read before words are added to it."""


def _ending(raw: str) -> str:
    """The last words of a post, as said: what the added words will follow."""
    words = spoken_post(raw).split()
    more = "… " if len(words) > ENDING_WORDS else ""
    return more + as_sentence(" ".join(words[-ENDING_WORDS:]))
