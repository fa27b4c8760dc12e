"""Writing the first post of a new private message or topic by voice.

Dictation and editing work as for a reply (the :class:`Composer`'s own); what differs is
what is being started — a title, and the people or the category it goes to — what the
question before sending says about who will see it, and that it goes to the outbox as a
new conversation.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum

from voicepeer.forum.base import Category, NewPrivateMessage, NewTopic, SiteLimits
from voicepeer.forum.checks import DraftProblem, LengthProblem, check_reply, check_title
from voicepeer.forum.outbox import OutboxState
from voicepeer.forum.peer import ForumUser
from voicepeer.recognition.base import HeardWord
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice.composer import (
    ANSWERS,
    CHANGE_BASE,
    CHANGE_PLACE,
    Composer,
    ComposerEngines,
    Next,
    Unsent,
    dictation_help,
)
from voicepeer.voice.correction import read_back
from voicepeer.voice.dictation import Draft, render, said_as_in_posts, tokenize_dictation
from voicepeer.voice.error_phrases import problem_line, say_error
from voicepeer.voice.outbox_phrases import retitle_line, send_result_line, title_refused
from voicepeer.voice.phrasing import and_list
from voicepeer.voice.ports import DraftKeeper, Say
from voicepeer.voice.written_forms import WRITTEN_FORMS, forms_with_names, vitamins_as_written
from voicepeer.voice.written_numbers import with_digits


class Begun(Enum):
    """How a new conversation was taken up."""

    SAVED = "saved"
    """A saved one, title and all (words too, or none yet): dictation goes on."""
    UNTITLED = "untitled"
    """Saved words the forum refused: a title is asked for again."""
    NEW = "new"
    """Nothing saved: a title is asked for."""


@dataclass(frozen=True)
class Conversation:
    """What is being started: a message to ``recipients`` or a topic in ``category``."""

    recipients: tuple[ForumUser, ...] = ()
    category: Category | None = None
    title: str = ""

    @property
    def private(self) -> bool:
        return self.category is None

    @property
    def key(self) -> str:
        """Names the draft, so the same message or topic can be taken up again."""
        if self.category is not None:
            return f"{_NEW_TOPIC_IN}{self.category.id}"
        return _NEW_MESSAGE_TO + ",".join(sorted(u.username.casefold() for u in self.recipients))

    @property
    def what(self) -> str:
        return "message" if self.private else "new topic"

    @property
    def names(self) -> str:
        spoken = [u.display_name for u in self.recipients]
        return and_list(spoken) if spoken else "nobody yet"

    @property
    def place(self) -> str:
        """ "to Priya Nair" or "in Living with MS"."""
        if self.category is not None:
            return f"in {self.category.name}"
        return f"to {self.names}"

    def audience(self, forum: str) -> str:
        if self.category is not None:
            return f"It will appear publicly, in {self.category.name}, on {forum}."
        return f"It will be sent privately, to {self.names}, on {forum}."

    def to_send(self, raw: str) -> NewTopic | NewPrivateMessage:
        if self.category is not None:
            return NewTopic(self.category.id, self.title, raw)
        return NewPrivateMessage(tuple(u.username for u in self.recipients), self.title, raw)


MESSAGE_LIKE_TITLE_WORDS = 12
"""A title of this many words or more, with nothing else written, may well have been the
whole message: "send it" then offers to post its words as the first post too (titles on
forums run to a handful of words)."""

TITLE_LEAD_INS: tuple[str, ...] = (
    "the title is",
    "title is",
    "it's called",
    "it is called",
    "i'll call it",
    "let's call it",
    "call it",
    "it's about",
    "its about",
    "it is about",
)
"""How people begin a title when asked for one ("the title is …", "it's about lunch"): not
part of it. Not "about" alone, which may begin a title ("About my diagnosis")."""


def spoken_title(text: str, forms: Mapping[str, str] = WRITTEN_FORMS) -> str:
    """A dictated title as the forum should get it: without what leads to it
    (:data:`TITLE_LEAD_INS`), one line, a capital, no final stop, words always written with
    capitals so ("MRI"; with ``forms``, the names of the people it goes to: "Sam")."""
    words = text.split()
    said = [w.lower().strip(",:") for w in words]
    lead = next((len(p.split()) for p in TITLE_LEAD_INS if said[: len(p.split())] == p.split()), 0)
    if 0 < lead < len(words):
        words = words[lead:]
    # As dictation is written: "question mark" a mark, "um" left out, "MRI", digits.
    tokens = with_digits(tokenize_dictation(" ".join(words), forms))
    title = render(vitamins_as_written(tokens))
    return " ".join(title.split()).rstrip(".")  # one line


def title_problem(title: str, limits: SiteLimits, *, private: bool) -> DraftProblem | None:
    """What breaks the forum's title rules (a message's minimum is its own); None when the
    title is fine."""
    if private:
        limits = replace(limits, min_topic_title_length=limits.min_personal_message_title_length)
    return check_title(title, limits)


class NewConversationComposer(Composer):
    """The first post of a new conversation; the draft and its title are kept on disk."""

    conversation = Conversation()

    def __init__(self, engines: ComposerEngines, say: Say) -> None:
        # The reply composer's own sentences ("Your reply says: …", "I could not find the
        # word … in your reply") name what is written.
        super().__init__(engines, lambda text: say(self._named_as_written(text)))
        self._carried: tuple[str, str] | None = None
        self._stranded: str | None = None
        """The draft key of a saved new topic whose category can no longer be chosen, or of
        a saved message whose people can no longer be found."""
        self._carrying: str | None = None
        """The draft key of the reply whose words this new topic took up."""
        self._title_as_post = False
        """The question asked is whether to post the title's words as the first post too."""
        self._replaced_title = ""
        """A saved title the person replaced as they started ("message Priya about …"),
        named when they ask to change the title, so that it can be had back."""
        self.just_sent: int | None = None
        """The id of the new topic or message the last yes put on the forum: what "unsend
        it" right after deletes. Taken (set back to None) by the voice loop."""
        self.corrector.title_of = lambda: self.conversation.title

    def _is_private(self) -> bool:
        return self.conversation.private

    def carry_reply(self, draft_key: str, topic_title: str) -> None:
        """The saved words of a reply that can no longer be posted in its topic (closed or
        archived since) start the next new topic's first post, if the person starts one;
        once that topic is handed to the outbox the reply's draft is let go."""
        self._carried = (draft_key, topic_title)

    def carrier_of(self, draft_key: str) -> tuple[int, str] | None:
        """The category id and title of the saved new topic whose first post took up the
        words of the reply saved as ``draft_key``, if one did (in this session or before)."""
        return self._carrier(self._carriers_of(draft_key))

    def let_go_of_reply(self, draft_key: str) -> tuple[int, str] | None:
        """The reply saved as ``draft_key`` is being taken up in its own topic again (it
        was reopened): from now on it and any new topic that took up its words are two
        drafts, so that posting one never takes away the other's words. Returns that new
        topic's category id and title, as :meth:`carrier_of` does, to tell the person."""
        if self._carried is not None and self._carried[0] == draft_key:
            self._carried = None
        carrying = self._carriers_of(draft_key)
        carrier = self._carrier(carrying)
        for topic_key in carrying:
            self._engines.drafts.discard(topic_key + _CARRIES)
        return carrier

    def _carrier(self, carrying: list[str]) -> tuple[int, str] | None:
        """The category id and title of the first of the new topics ``carrying`` (draft
        keys) that is still saved."""
        drafts = self._engines.drafts
        topic_key = next((key for key in carrying if drafts.load(key)), None)
        if topic_key is None:
            return None
        category, title = _category_of(topic_key), saved_title(drafts, topic_key)
        return (category, title) if category is not None and title else None

    def _carriers_of(self, draft_key: str) -> list[str]:
        """The draft keys of the new topics whose companion names the reply ``draft_key``
        as the one their first post took up."""
        saved = self._engines.drafts.all().items()
        return [
            key.removesuffix(_CARRIES)
            for key, value in saved
            if key.endswith(_CARRIES) and value == draft_key
        ]

    def stranded(
        self, open_to_topics: Collection[int], *, first: str | None = None
    ) -> tuple[int, str] | None:
        """The category id and title (empty when it has none) of a saved new topic for a
        category that is not among ``open_to_topics`` — deleted, or no longer open to the
        person — so that it can never be chosen again: the next topic started, in a
        category with no saved topic of its own, takes it up (see :meth:`begin`). The
        draft ``first`` (the one the person chose) is looked at before the others."""
        self._stranded = None
        for key in sorted(self._engines.drafts.all(), key=lambda key: key != first):
            category = _category_of(key)
            if category is not None and category not in open_to_topics:
                self._stranded = key
                return category, saved_title(self._engines.drafts, key)
        return None

    def saved_in(self, categories: Collection[int]) -> list[tuple[int, str]]:
        """The category id and title (empty when it has none) of each saved new topic in one
        of ``categories``, in the order of their ids."""
        drafts = self._engines.drafts
        found = [(_category_of(key), key) for key in drafts.all()]
        return [
            (c, saved_title(drafts, key)) for c, key in found if c is not None and c in categories
        ]

    def strand(self, key: str | None) -> None:
        """The saved message ``key`` can no longer go to its people (one left the forum):
        the next message started, to someone with no saved message of their own, takes it
        up (see :meth:`begin`); None: no saved message waits for other people."""
        self._stranded = key

    def begin(self, conversation: Conversation, said_title: str = "") -> Begun:
        """Start writing ``conversation``, taking up what is saved of it (or of the stranded
        new topic or message, when this category or person has none of its own).
        ``said_title`` is a title the person gave as they started it ("message Priya about
        the new drug"), within the forum's rules: it replaces a saved one, which is named
        so that it can be had back."""
        drafts = self._engines.drafts
        self._replaced_title = ""
        self.forms = forms_with_names(u.display_name for u in conversation.recipients)
        self.help, self.more_help = dictation_help(
            "message" if conversation.private else "first post", titled=True
        )
        # Said right after the title, "scratch that" means the title as often.
        self.nothing_to_remove = (
            "There are no words to remove yet. To change the title, say change the title."
        )
        self.corrector.reset()  # a correction asked about an earlier draft is over
        self._discarding.asked = False
        self._carrying = None
        stranded, self._stranded = self._stranded, None
        moved = False
        if (
            stranded is not None
            and (_category_of(stranded) is None) == conversation.private
            and not drafts.load(conversation.key)
        ):
            self._move(stranded, conversation.key)
            moved = True
        saved, title = drafts.load(conversation.key), saved_title(drafts, conversation.key)
        replacing = bool(title and said_title and said_title.casefold() != title.casefold())
        if saved and title:
            self.draft = Draft.from_text(saved)
            self._carrying = drafts.load(conversation.key + _CARRIES)
            opening = (
                f"Your saved {conversation.what} is {conversation.place} now, titled"
                if moved
                else f"You have a saved {conversation.what} {conversation.place}, titled"
            )
            if replacing:
                self._replace_title(conversation, title, said_title)
            else:
                self.conversation = replace(conversation, title=title)
            retitled = f" {self._title_replaced_line()}" if replacing else ""
            self.invite_more(
                f"{opening} {as_sentence(title)} It says: "
                f"{as_sentence(self.draft.read_out)}{self._carried_elsewhere(conversation)}"
                f"{retitled} Keep talking to add to it, or say send it."
            )
            return Begun.SAVED
        self.conversation = conversation
        if not saved and title:
            # Left after its title and before any words: the title is not asked for again.
            self.draft = Draft()
            if replacing:
                self._replace_title(conversation, title, said_title)
                self._say(
                    f"You have a saved {conversation.what} {conversation.place}, titled {title}, "
                    "with no words yet. I changed its title to the one you just said. "
                    f"{self._title_back_line()}"
                )
                self.titled(said_title)
                return Begun.SAVED
            self._say(
                f"You have a saved {conversation.what} {conversation.place}, with a title and "
                "no words yet."
            )
            self.titled(title)
            return Begun.SAVED
        if not saved:
            self.draft = Draft()
            return Begun.NEW
        self._take_up_untitled(conversation, moved=moved)
        return Begun.UNTITLED

    def _replace_title(self, conversation: Conversation, saved: str, said: str) -> None:
        """The title just said wins over the saved one (what was said last is what is
        meant, more often than not); the saved one is remembered to be had back."""
        self._replaced_title = saved
        self.conversation = replace(conversation, title=said)
        save_title(self._engines.drafts, conversation.key, said)

    def _title_replaced_line(self) -> str:
        return (
            f"I gave it the title you just said: {as_sentence(self.conversation.title)} "
            f"{self._title_back_line()}"
        )

    def _title_back_line(self) -> str:
        old = self._replaced_title
        return f"To go back to {old}, say change the title, then say {old}."

    def _take_up_untitled(self, conversation: Conversation, *, moved: bool) -> None:
        """Words saved without a title: the forum refused them (the title went to the outbox
        with them, and a refused title may be the reason), or they were said as a title too
        long for one and put aside; the words stay, are read back, and a title is asked for."""
        drafts = self._engines.drafts
        refusal = drafts.refusal(conversation.key)
        self.draft = Draft.from_text(drafts.resume(conversation.key) or "")
        done = "sent" if conversation.private else "posted"
        if moved:
            opening = f"Your saved {conversation.what} is {conversation.place} now."
        elif refusal is None:
            opening = f"You have a saved {conversation.what} {conversation.place}, with no title."
        else:
            opening = (
                f"Your {conversation.what} {conversation.place} was not {done}. "
                f"{say_error(refusal)}"
            )
        self._say(f"{opening} Its words are kept. They say: {as_sentence(self.draft.read_out)}")

    def _carried_elsewhere(self, conversation: Conversation) -> str:
        """Said when the saved topic taken up is not the new one a reply was to start."""
        if self._carried is None or conversation.private:
            return ""
        return (
            f" The reply you wrote to {self._carried[1]} is not in it, and stays saved: to "
            "start a new topic with it, choose another category, or send this one first."
        )

    def keep_title(self, title: str) -> None:
        """``title`` given to what is written and kept on disk, with nothing said: more
        of it may follow."""
        self.conversation = replace(self.conversation, title=title)
        save_title(self._engines.drafts, self.conversation.key, title)

    def titled(self, title: str) -> None:
        self.keep_title(title)
        if not self.draft.is_empty:  # words kept from a refused try, or moved here
            self.invite_more(
                f"The title is: {as_sentence(title)} It says: {as_sentence(self.draft.read_out)} "
                "Keep talking to add to it, or say send it."
            )
            return
        carried = self._carried if not self.conversation.private else None
        # Taken up (refused words too), so that posting the topic lets go of all of them.
        words = self._engines.drafts.resume(carried[0]) if carried else None
        if carried and words:
            self._carrying, self._carried = carried[0], None
            self.draft = Draft.from_text(words)
            self.save()
            # Kept on disk, so that posting this topic after a restart lets go of the reply.
            self._engines.drafts.save(self.conversation.key + _CARRIES, carried[0])
            self.invite_more(
                # Not "Your reply": this composer's sentences name the new topic so.
                f"The title is: {as_sentence(title)} The reply you wrote to {carried[1]} "
                f"starts the first post. It says: {as_sentence(self.draft.read_out)} "
                "Keep talking to add to it, or say send it."
            )
            return
        self._say(
            f"The title is: {as_sentence(title)} Now say {self._first}, then say send it. Take "
            "your time."
        )

    def read_back(self) -> str:
        return read_back(self.draft, self.conversation.what, self.conversation.title)

    def add_words(self, said: str, words: Sequence[HeardWord] = ()) -> None:
        """Words said at a question that belong in the post (``words``: as the recognizer
        heard them, to correct later), added and kept on disk."""
        self.draft.add(said, words, forms=self.forms)
        self.save()

    def start_with(self, said: str) -> None:
        """Words said for a title and too long for one (a whole message, often): they start
        the first post instead, kept on disk, and the title is asked for again."""
        self.draft = Draft()
        self.add_words(said)
        self._say(
            f"That is too long for a title, so I kept it as the start of {self._first}. Now say "
            "a short title: a few words that tell people what it is about."
        )

    def _named_as_written(self, text: str) -> str:
        what = self.conversation.what
        return text.replace("Your reply", f"Your {what}").replace("your reply", f"your {what}")

    def save(self) -> None:
        if self.draft.is_empty:
            self._engines.drafts.discard(self.conversation.key)
        else:
            self._engines.drafts.save(self.conversation.key, self.draft.text)

    def limits(self) -> SiteLimits:
        return self._limits()

    def ask_to_post(self) -> Next:
        conversation = self.conversation
        text = self.draft.text_to_send()
        problem = self._problem(text)
        self._title_as_post = (
            problem is not None
            and problem.problem is LengthProblem.EMPTY
            and len(conversation.title.split()) >= MESSAGE_LIKE_TITLE_WORDS
            and self._problem(conversation.title) is None
        )
        if self._title_as_post:
            # A whole message said as the title: saying it all again is what tires.
            self._say(
                f"Your {conversation.what} has a title and nothing else yet. Shall I "
                f"{self._verb} it, with the title's words as {self._body} too? "
                f"{conversation.audience(self._forum_named())} Say yes or no."
            )
            return Next.CONFIRMING
        if problem is not None:
            self.invite_more(
                problem_line(problem).replace("two replies", "two posts") + " Then say send it."
            )
            return Next.DICTATING
        self._say(
            f"Your {conversation.what}, titled {conversation.title}, says: "
            f"{said_as_in_posts(text)} "
            f"{conversation.audience(self._forum_named())} "
            f"Shall I {self._verb} it? Say yes or no."
        )
        return Next.CONFIRMING

    def _problem(self, text: str) -> DraftProblem | None:
        private = self.conversation.private
        return check_reply(text, self._limits(), private=private, first_post=not private)

    @property
    def _verb(self) -> str:
        return "send" if self.conversation.private else "post"

    @property
    def _first(self) -> str:
        return "your message" if self.conversation.private else "the first post"

    @property
    def _body(self) -> str:
        return "the message" if self.conversation.private else "its first post"

    def question_again(self) -> str:
        if self._title_as_post:
            return f"Shall I use the title's words as {self._body} too? Please say yes or no."
        return f"Shall I {self._verb} your {self.conversation.what}? Please say yes or no."

    def post(self) -> None:
        self.send()

    def send(self) -> bool:
        """The person said yes: to the outbox (on disk before anything is sent). True when
        the forum refused only the title: its words are the draft again, and a new title
        is asked for at once."""
        conversation = self.conversation
        text = conversation.title if self._title_as_post else self.draft.text_to_send()
        self._title_as_post = False
        # The outbox takes the draft away in the same transaction that records it.
        result = self._engines.outbox.submit_new(
            conversation.to_send(text), draft_key=conversation.key
        )
        self._let_go_of_companions()
        if self._carrying is not None:
            # Its words are in the outbox now, as the new topic's first post.
            self._engines.drafts.discard(self._carrying)
            self._carrying = None
        if title_refused(result):
            self.draft = Draft.from_text(self._engines.drafts.resume(conversation.key) or "")
            self._say(retitle_line(result))
            return True
        self.draft = Draft()
        if result.state is OutboxState.POSTED and result.entry.topic_id:
            self.just_sent = result.entry.topic_id
        self._say(send_result_line(result))
        return False

    def decline(self) -> Next:
        if self._title_as_post:
            self._title_as_post = False
            self._say(f"All right. Say {self._first} now, then say send it.")
            return Next.DICTATING
        verb = "sent" if self.conversation.private else "posted"
        self.invite_more(
            f"All right, I have not {verb} it. It is kept. Keep talking to add to it, "
            "or say send it when you are ready."
        )
        return Next.DICTATING

    def cancel(self) -> Next:
        self._title_as_post = False
        self.save()
        what = self.conversation.what.capitalize()
        if not self.draft.is_empty:
            self._say(f"{what} put aside. It is saved: {self.way_back()} to come back to it.")
        elif self.conversation.title:
            # Kept as goodbye keeps it: a title said with effort is not thrown away unasked.
            self._say(
                f"{what} put aside. Its title is saved: {self.way_back()} to come back to it."
            )
        else:
            self._let_go_of_companions()
            self._say(f"{what} cancelled.")
        return Next.READING

    def unsent(self) -> Unsent | None:
        conversation = self.conversation
        if self.draft.is_empty and conversation.title:
            return Unsent(
                ask=f"Your {conversation.what} {conversation.place} has a title and no words "
                f"yet. Its title stays saved either way: {self.way_back()} next time to go "
                "on with it.",
                again="Its title stays saved.",
                kept=f"The title of your {conversation.what} is saved: {self.way_back()} to "
                "come back to it.",
            )
        if self.draft.is_empty:
            return None
        what = f"Your {conversation.what} {conversation.place}"
        done = "sent" if conversation.private else "posted"
        return Unsent(
            ask=f"{what} is not {done} yet. It stays saved either way: {self.way_back()} next "
            "time to go on with it.",
            again=f"Your {conversation.what} stays saved.",
            kept=f"Your {conversation.what} is saved: {self.way_back()} to come back to it.",
        )

    @property
    def go_on(self) -> str:
        return f"Go on with your {self.conversation.what}, or say send it."

    def retitle(self) -> Next:
        """ "Change the title": asked for a new one, the words kept (see PeerLoop)."""
        title = self.conversation.title
        old = self._replaced_title
        before = f"Before, it was: {as_sentence(old)} " if old and old != title else ""
        self._say(
            f"The title is: {as_sentence(title)} {before}Say the new title, or say cancel to "
            "keep it."
        )
        return Next.TITLING

    def way_back(self) -> str:
        """What to say to take the saved words up again ("say message Priya Nair")."""
        if self.conversation.private:
            return f"say message {self.conversation.names}"
        return "say new topic and choose the same category"

    def _move(self, old_key: str, new_key: str) -> None:
        """A saved new topic's words and companions, from one draft key to another: each is
        saved under the new key before the old one is let go, so a crash between the two
        keeps both rather than neither."""
        drafts = self._engines.drafts
        for suffix in ("", _TITLE, _CARRIES):
            value = drafts.resume(old_key) if suffix == "" else drafts.load(old_key + suffix)
            if value:
                drafts.save(new_key + suffix, value)
        for suffix in ("", _TITLE, _CARRIES):
            drafts.discard(old_key + suffix)

    def _let_go_of_companions(self) -> None:
        """The title and the carried reply's key, saved beside the draft."""
        for companion in (_TITLE, _CARRIES):
            self._engines.drafts.discard(self.conversation.key + companion)


_NEW_TOPIC_IN = "new topic in "
_NEW_MESSAGE_TO = "new message to "
_TITLE = " title"
"""Saved beside a draft (its key and this): the conversation's title."""
_CARRIES = " carries"
"""Saved beside a new topic's draft: the key of the reply draft its first post took up."""


def _category_of(key: str) -> int | None:
    """The category id of a new topic's draft key (see :attr:`Conversation.key`); None for
    any other draft, or a companion saved beside one."""
    category = key.removeprefix(_NEW_TOPIC_IN)
    return int(category) if key != category and category.isdigit() else None


def saved_title(drafts: DraftKeeper, key: str) -> str:
    """The title saved beside the draft of a new conversation; empty when it has none."""
    return drafts.load(key + _TITLE) or ""


def save_title(drafts: DraftKeeper, key: str, title: str) -> None:
    """Save ``title`` beside the draft of a new conversation (``key``)."""
    drafts.save(key + _TITLE, title)


def new_topic_key(category_id: int) -> str:
    """The key of the draft new topic in a category."""
    return f"{_NEW_TOPIC_IN}{category_id}"


def keep_as_new_conversation(drafts: DraftKeeper, key: str, title: str, raw: str) -> str | None:
    """Save a deleted topic's or message's title and words as the draft new topic in its
    category, or new message to its people (``key``), as if dictated there, unless one is
    saved already (an empty one does not count); the key when saved."""
    if drafts.load(key):
        return None
    save_title(drafts, key, title)
    drafts.save(key, raw)
    return key


def delete_saved(drafts: DraftKeeper, key: str) -> None:
    """Delete a saved draft for good, with whatever is saved beside it (a title, the reply
    a new topic took up, the post a reply answers, the words and place of a post changed)."""
    for companion in ("", _TITLE, _CARRIES, ANSWERS, CHANGE_BASE, CHANGE_PLACE):
        drafts.delete(key + companion)


def started_conversation(key: str) -> tuple[int | None, tuple[str, ...]] | None:
    """What a new conversation's draft key names: (the category id, ()) for a new topic,
    (None, the usernames) for a message; None for any other draft, or a companion saved
    beside one."""
    category = _category_of(key)
    if category is not None:
        return category, ()
    people = key.removeprefix(_NEW_MESSAGE_TO)
    if people == key or key.endswith((_TITLE, _CARRIES)) or not people:
        return None
    return None, tuple(people.split(","))


def titled_conversation(key: str) -> str | None:
    """The draft key of the new topic or message whose title ``key`` saves; None for any
    other draft."""
    conversation = key.removesuffix(_TITLE)
    started = conversation != key and started_conversation(conversation) is not None
    return conversation if started else None
