"""The voice loop's commands for saved posts, new conversations and the forum's categories.

The assistant offers each command here first; :meth:`PeerLoop.dispatch` returns the state
to move to when it handled the command, ``None`` when it is the assistant's to handle.
Utterances in the dictation states (a name, a title, a message) come to :meth:`hear`.
New conversations begin from BROWSING or READING and end back there (the "origin").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from voicepeer.commands import Command, Intent
from voicepeer.commands.choices import described, describes_a_choice, name_said, place_said
from voicepeer.commands.editing import DictationAction
from voicepeer.commands.intents import CATEGORY_NAMED, TOPIC_TITLE
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.numbers import ORDINAL_WORDS, place
from voicepeer.forum.base import Category, Forum, Topic, TopicList
from voicepeer.forum.checks import DraftProblem, LengthProblem
from voicepeer.forum.peer import ForumUser, PeerForum
from voicepeer.recognition.base import Heard
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.bookmarks import Bookmarks
from voicepeer.voice.composer import Next
from voicepeer.voice.correction import read_back
from voicepeer.voice.cues import number_word
from voicepeer.voice.dictation import Draft
from voicepeer.voice.error_phrases import not_signed_in, problem_line
from voicepeer.voice.forum_phrases import category_phrase
from voicepeer.voice.new_conversation import (
    Begun,
    Conversation,
    NewConversationComposer,
    spoken_title,
    title_problem,
)
from voicepeer.voice.people import (
    command_not_name,
    find_people,
    heard_name,
    member,
    named_here,
    named_instead,
    says_only_yes,
    words_after_yes,
)
from voicepeer.voice.ports import Say
from voicepeer.voice.reader import MESSAGES_LIST, Reader, ReadOutcome
from voicepeer.voice.reply_context import plain_sentences
from voicepeer.voice.saved_drafts import DraftKind, SavedDraft
from voicepeer.voice.state_commands import ALLOWED
from voicepeer.voice.states import State
from voicepeer.voice.written_forms import forms_with_names

PEER_QUESTIONS: Mapping[State, str] = {
    State.NAMING: "Who would you like to write to? Say their name, or say cancel.",
    State.TITLING: "Say the title, or say cancel.",
    State.CATEGORY: "Which category? Say its name or its number, or say cancel.",
}
"""States here that wait for an answer, and how the question is asked again (SENDING: the
composer's, naming what is sent)."""

MIN_EARLY_TITLE_WORDS = 3
"""Words said at the question for a category are kept as the title from this many on."""
WORDS_MEANT_FOR_MESSAGE = 4
"""Said at "Did you mean Priya Nair?", this many words or more (no command) are words meant
for the message, not a misheard answer: kept to start it once its person is chosen."""

NO_MESSAGES = "Private messages are not available on this forum."
AUTHOR_WORDS = frozenset(
    {"her", "him", "them", "the author", "this person", "this author", "whoever wrote this"}
)
"""Who a message is for, said while reading a post: its author."""
PLAINLY_THE_AUTHOR = frozenset({"the author", "this author", "whoever wrote this"})
"""Of those, the ones that cannot mean anyone else: taken without asking."""


@dataclass
class PeerEngines:
    forum: Forum
    peer: PeerForum | None
    bookmarks: Bookmarks
    composer: NewConversationComposer
    interpreter: Interpreter
    """Decides which names and titles said are editing commands ("cancel", "help")."""


class PeerLoop:
    """Saved posts and new conversations, driven by the assistant's commands."""

    def __init__(self, reader: Reader, engines: PeerEngines, say: Say) -> None:
        self._reader = reader
        self._engines = engines
        self.bookmarks = engines.bookmarks
        self.composer = engines.composer
        self._say = say
        self._offered: tuple[ForumUser, ...] = ()
        self._categories: tuple[Category, ...] = ()
        self._category_offer = ""
        """The categories as offered, said again on "repeat"."""
        self._category_to_read = False
        """The category asked for is one to read ("categories"), not one for a new topic."""
        self._retitling = False
        """A title asked for again ("change the title"): cancel keeps the one it had."""
        self._early_title: str | None = None
        """A title said at the question for a category, kept for the topic chosen next."""
        self._held: list[Heard] = []
        """Words said at "Did you mean Priya Nair?" for the message: its first words once
        its person is chosen."""
        self._short_title: str | None = None
        """A title said too short, which the next words may go on ("Heat", "and fatigue")."""
        self._unfinished_title: str | None = None
        """A title that may go on ("I need advice about"), asked whether it is whole."""
        self._long_title: str | None = None
        """A title as long as a sentence, kept as the post's start while asked whether it
        is the post."""
        self._origin = State.BROWSING
        self._starting = "message"
        """What is being started: "message" or "new topic" (named when it is cancelled)."""

    # --- commands -----------------------------------------------------------------------

    def dispatch(self, state: State, command: Command) -> State | None:
        intent = command.intent
        if intent is Intent.BOOKMARK and state is State.READING:
            self.bookmarks.save_current_post()
            return State.READING
        if intent is Intent.BOOKMARKS:
            return State.BOOKMARKS if self.bookmarks.show() else state
        if intent is Intent.REMOVE_BOOKMARK:
            if state is State.BOOKMARKS:
                self.bookmarks.remove_listed()
            else:
                self.bookmarks.remove_for_current_post()
            return state
        if intent is Intent.MESSAGES:
            return State.BROWSING if self._inbox() else state
        if intent is Intent.MESSAGE:
            self._origin, self._starting = state, "message"
            return self._message(str(command.slots.get("name", "")))
        if intent is Intent.NEW_TOPIC:
            self._origin, self._starting = state, "new topic"
            title = command.slots.get(TOPIC_TITLE)
            return self._new_topic(
                str(command.slots.get(CATEGORY_NAMED, "")), str(title) if title else None
            )
        if intent is Intent.CATEGORIES:
            self._origin = state
            return self._offer_categories_to_read(str(command.slots.get(CATEGORY_NAMED, "")))
        handler = {
            State.BOOKMARKS: self._in_bookmarks,
            State.CHOOSING: self._choosing,
            State.SENDING: self._sending,
        }.get(state)
        return handler(command) if handler else None

    def hear(self, state: State, heard: Heard) -> State:
        """One utterance taken as text in a dictation state (what leaves the question is
        the voice loop's to tell: see :meth:`leave`)."""
        if state is State.COMPOSING:
            return self._follow(self.composer.hear(heard))
        if state is State.CATEGORY:
            return self._category_heard(heard)
        if state is State.NAMING:
            return self._look_for(heard.text)
        if self._engines.interpreter.editing(heard) is DictationAction.READ_BACK:
            # "Read it back" is no title (a message's may be two letters long): what is
            # written so far, if anything, and the question again.
            composer = self.composer
            title = composer.conversation.title
            said = f"The title is: {as_sentence(title)} " if title else ""
            read = read_back(composer.draft, composer.conversation.what)
            self._say(f"{said}{read} {PEER_QUESTIONS[State.TITLING]}")
            return State.TITLING
        if self._unfinished_title is not None and (whole := self._whole_title(heard)):
            return whole
        if self._long_title is not None:
            return self._long_title_answer(heard)
        if self._a_command(heard):
            # "Send it", "yes" or "next" said here became a message's title (two letters
            # are enough for one).
            self._say(
                f"I did not take {heard.text.strip()} as the title: it is a command. "
                f"{PEER_QUESTIONS[State.TITLING]}"
            )
            return State.TITLING
        return self._title(heard.text, answered=True)

    def _a_command(self, heard: Heard) -> bool:
        """Whether ``heard`` is, word for word, a command taking no words of its own (nor a
        title: "search for a neurologist" may well be one) or an editing command."""
        interpreter = self._engines.interpreter
        found = interpreter.command(heard)
        named = found.command is not None and not found.near and not found.command.slots
        return named or interpreter.editing(heard) is not None

    def help_for(self, state: State) -> str | None:
        """How to answer the question for a name, a title or a category; None elsewhere."""
        if state is State.CATEGORY:
            return (
                f"Say the name of the category, like {self._categories[0].name}, or its "
                "number. Or say cancel."
            )
        return {
            State.NAMING: "Say their name, or spell it. Or say cancel.",
            State.TITLING: (
                "Say a few words that tell people what it is about, like: tips for hot "
                "weather. Or say cancel."
            ),
        }.get(state)

    def leave(self, state: State) -> State:
        """Leave the question for a name, a title or a category ("cancel", "never mind")."""
        if state is State.CATEGORY and self._category_to_read:
            back = self._back_from_categories()
            lists = {
                State.BOOKMARKS: "Back to your bookmarks.",
                State.DRAFTS: "Back to your drafts.",
            }
            self._say(f"No category. {lists.get(back) or self._reader.where()}")
            return back
        if state is State.TITLING and self._retitling:
            self._retitling = False
            title = self.composer.conversation.title
            self._say(f"The title stays: {as_sentence(title)} {self.composer.go_on}")
            return State.COMPOSING
        if state is State.TITLING and not self.composer.draft.is_empty:
            # Words kept from a refused try wait for a title: put aside, not gone.
            return self._follow(self.composer.cancel())
        return self._cancelled()

    def command_instead_of_name(self, state: State, heard: Heard) -> tuple[State, Command] | None:
        """At the question for whom to write to, a command of the place the message was
        started from, said word for word: the message cancelled, said so, and the state to
        go back to with the command to follow there. None for anything else (a name)."""
        if state is not State.NAMING:
            return None
        back = self._back_to_origin()
        command = command_not_name(heard, self._engines.interpreter, ALLOWED[back])
        if command is None:
            return None
        self.composer.strand(None)
        self._say(f"{self._starting.capitalize()} cancelled.{self._words_not_kept()}")
        return back, command

    # --- saved posts --------------------------------------------------------------------

    def _in_bookmarks(self, command: Command) -> State | None:
        intent = command.intent
        if intent in (Intent.NEXT, Intent.PREVIOUS):
            self.bookmarks.step(+1 if intent is Intent.NEXT else -1)
            return State.BOOKMARKS
        if intent is Intent.OPEN and "number" not in command.slots:  # "the one about …"
            self._say(phrasing.OPEN_BY_NUMBER)
            return State.BOOKMARKS
        if intent is Intent.OPEN:
            return _opened(self.bookmarks.open_number(int(command.slots.get("number", 0))))
        if intent is Intent.READ:
            return _opened(self.bookmarks.open_current())
        if intent is Intent.BACK:
            self._reader.back_to_list()
            return State.BROWSING
        return None

    # --- private messages ---------------------------------------------------------------

    def _inbox(self) -> bool:
        found = self._reader.forum_call(self._engines.forum.private_messages)
        if found is None:
            return False
        if not found.topics:
            self._say("You have no private messages. Say message and a name to write to someone.")
            return False
        # New and unread conversations first, each group newest first as the forum sent it.
        # A conversation never opened (unseen) is new too; one just read aloud is not.
        heard = self._reader.as_heard(found).topics
        ordered = tuple(sorted(heard, key=lambda t: not t.has_new_posts))
        unread = sum(1 for t in ordered if t.has_new_posts)
        heading = phrasing.count_phrase(len(ordered), "private conversation").capitalize()
        heading += " or more" if found.has_more else ""
        heading += f", {unread} with new messages." if unread else "."
        # Older conversations follow from the forum's next pages, as it sends them.
        listed = TopicList(ordered, page=found.page, has_more=found.has_more)
        messages = self._engines.forum.private_messages
        return self._reader.show_list(listed, heading, messages, MESSAGES_LIST)

    def private_audience(self, topic: Topic) -> str | None:
        """Who else is in a private conversation, named for the question before sending."""
        peer = self._engines.peer
        if topic.archetype != "private_message" or peer is None:
            return None
        people = self._reader.forum_call(lambda: peer.participants(topic.id), quiet=True)
        return Conversation(recipients=people).names if people else None

    def _message(self, name: str) -> State:
        if self._engines.peer is None:
            self._say(NO_MESSAGES)
            return self._origin
        self.composer.strand(None)  # a message of its own, not one that lost its person
        self._held = []
        # "Message Sam about my infusion": the words after "about" are its title, asked
        # for again otherwise.
        name, about, title = name.partition(" about ")
        self._early_title = title.strip() if about and title.strip() else None
        if name.strip():
            return self._look_for(name)
        self._say("Who would you like to write to? Say their name.")
        return State.NAMING

    def _look_for(self, said: str) -> State:
        peer = self._engines.peer
        assert peer is not None
        name = heard_name(said)
        if not name:
            self._say("Please say their name, or spell it.")
            return State.NAMING
        first, joined, others = name.partition(" and ")
        if joined and first and others:
            # "Ruth and Sam": a message goes to one person; Sam was left out unsaid.
            self._say(
                f"I can write to one person at a time, so to {first.title()} now. To write "
                f"to {others.title()} as well, say message {others.title()} afterwards."
            )
            name = first
        here = self._named_here(name)
        if here is not None:
            return self._start(Conversation(recipients=(here,)))
        post = self._reader.loaded_current_post() if name in AUTHOR_WORDS else None
        if post is not None and phrasing.same_member(post.username, self._reader.me() or ""):
            self._say(
                "You wrote this post. To write to someone privately, say message and their "
                "name. Or say cancel."
            )
            return State.NAMING
        if post is not None:
            # "Send her a message" while reading her post: its author, asked about by name
            # ("her" may be someone the post is about); "the author" or "reply privately"
            # is the author plainly: asked, the words said next were dropped.
            author = self._reader.forum_call(lambda: member(peer, post.username))
            if author is not None and name in PLAINLY_THE_AUTHOR:
                return self._start(Conversation(recipients=(author,)))
            if author is not None:
                self._offered = (author,)
                return self._offer()
        found = self._reader.forum_call(lambda: find_people(peer, name))
        if found is None:
            return self._origin
        if not found:
            self._say(
                f"I could not find anyone called {name} on the forum. Please say their "
                "name again, or spell it. Or say cancel."
            )
            return State.NAMING
        self._offered = found
        return self._offer()

    def _named_here(self, name: str) -> ForumUser | None:
        """Who ``name`` plainly means in the topic being read (see :func:`named_here`)."""
        thread = self._reader.thread
        if thread is None:
            return None
        posts = [post for _, post in thread.loaded()]
        return named_here(name, self._reader.loaded_current_post(), posts, self._reader.me())

    def question_again(self, state: State) -> str | None:
        """The question ``state`` waits on, asked again; None when it asks none."""
        if state is State.CHOOSING and self._offered:
            return f"Did you mean {self._offered[0].display_name}? Please say yes or no."
        if state is State.SENDING:
            return self.composer.question_again()
        return PEER_QUESTIONS.get(state)

    def _offer(self) -> State:
        self._say(f"Did you mean {self._offered[0].display_name}? Say yes or no.")
        return State.CHOOSING

    def name_instead(self, heard: Heard) -> State | None:
        """Asked "Did you mean Priya Nair?", an answer with another name ("no, I meant Mei",
        "Mei Lin"): that person offered, as "no" and the name would; None (asked again)
        when it names nobody, or, without a no, nobody else on the forum."""
        peer = self._engines.peer
        name, no_first = named_instead(heard.text)
        if not self._offered or peer is None or not name:
            return None
        if no_first:
            return self._look_for(name)
        found = self._reader.forum_call(lambda: find_people(peer, name), quiet=True)
        if not found or found[0] == self._offered[0]:
            return None  # a misheard yes or no, or the offered name said again
        self._offered = found
        return self._offer()

    def yes_with_words(self, heard: Heard) -> State | None:
        """Asked "Did you mean Priya Nair?", a yes that went on ("yes, about my infusion"):
        that person chosen, and the words kept as the title or, too long for one, as the
        message's start; None when the answer is no such yes."""
        words = words_after_yes(heard.text)
        if not self._offered or not (words or says_only_yes(heard.text)):
            return None
        self._early_title = words or None
        return self._start(Conversation(recipients=self._offered[:1]))

    def hold_words(self, heard: Heard) -> State | None:
        """Asked "Did you mean Priya Nair?", words plainly meant for the message ("thank
        you for sharing your news"): kept to start it once its person is chosen, said so,
        and the question asked again; None for anything else (a command, a few words,
        words over talk in the room, which may be the television's)."""
        if not self._offered or heard.over_talk:
            return None
        if len(heard.text.split()) < WORDS_MEANT_FOR_MESSAGE:
            return None
        found = self._engines.interpreter.command(heard)
        if found.command is not None or found.ambiguous:
            return None
        self._held.append(heard)
        held = Draft()
        forms = forms_with_names(u.display_name for u in self._offered)
        for said in self._held:
            held.add(said.text, said.words, forms)
        self._say(
            f"I kept what you said: {as_sentence(held.read_out)} "
            f"Did you mean {self._offered[0].display_name}? Say yes or no."
        )
        return State.CHOOSING

    def _choosing(self, command: Command) -> State | None:
        if command.intent is Intent.CANCEL:
            return self._cancelled()
        if command.intent is Intent.NO:
            self._offered = self._offered[1:]
            if self._offered:
                return self._offer()
            self._say("Please say their name again, or spell it. Or say cancel.")
            return State.NAMING
        if command.intent is Intent.YES:
            return self._start(Conversation(recipients=self._offered[:1]))
        return None

    # --- new topics ---------------------------------------------------------------------

    def _new_topic(self, named: str = "", title: str | None = None) -> State:
        """A new topic: its category asked for, unless ``named`` ("new topic in good news")
        names one it can be started in; ``title`` is what it was said to be about ("new
        topic about heat"), its title once the category is chosen."""
        found = self._reader.forum_call(self._engines.forum.categories)
        if found is None:
            return self._origin
        startable = _startable(found)
        head, _in, tail = (title or "").rpartition(" in ")
        if head and not named and any(tail == c.name.lower() for c in startable):
            # "new topic about cooling vests in good news": a category's name, said whole.
            title, named = head, tail
        index = _category_named(named, startable) if named else None
        if index is not None:
            self._early_title = title
            return self._start(Conversation(category=startable[index]))
        state = self._offer_categories(found, unknown=named)
        self._early_title = title
        return state

    def _offer_categories(
        self, found: Sequence[Category], first: str | None = None, unknown: str = ""
    ) -> State:
        """Offer the forum's categories ``found`` to choose from (naming a saved topic that
        lost its own, ``first`` if that one did; after a name that fits none, ``unknown``)."""
        self._categories = _startable(found)
        self._category_to_read = False
        self._early_title = None
        if not self._categories:
            if not found:
                self._say("This forum has no categories to start a topic in.")
            elif not self._engines.forum.signed_in:
                self._say(not_signed_in())
            else:
                self._say("This forum has no categories you can start a topic in.")
            return self._origin
        lines = [f"I found no category called {unknown} to start a topic in."] if unknown else []
        lines.append("Which category is your topic for?")
        lines += [
            f"{number_word(i).capitalize()}: {c.name}." for i, c in enumerate(self._categories, 1)
        ]
        lines.append("Say its name or its number, or say cancel.")
        stranded = self.composer.stranded({c.id for c in self._categories}, first=first)
        if stranded is not None:
            lines.append(_stranded_line(stranded, found))
        else:
            # Taken up only once its category is chosen: said before, not after.
            saved = self.composer.saved_in({c.id for c in self._categories})
            lines += [_saved_line(saved_topic, self._categories) for saved_topic in saved[:2]]
        self._category_offer = " ".join(lines)
        self._say(self._category_offer)
        return State.CATEGORY

    def _offer_categories_to_read(self, named: str = "") -> State:
        """ "Categories": the forum's categories read as numbered choices with how many
        topics each has; the one chosen becomes the topic list. One ``named`` ("topics in
        good news") is read at once; a name that fits none is said, then they are offered."""
        found = self._reader.forum_call(self._engines.forum.categories)
        if found is None:
            return self._origin
        if not found:
            self._say("This forum has no categories: all its topics are in latest topics.")
            return self._origin
        self._categories, self._category_to_read = tuple(found), True
        lines = []
        if named:
            index = _category_named(named, found)
            if index is not None:
                return self._read_category(found[index])
            lines.append(f"I found no category called {named}.")
        lines.append(f"{phrasing.count_phrase(len(found), 'category').capitalize()}.")
        by_id = {c.id: c for c in found}
        for number, category in enumerate(found, 1):
            name = category_phrase(category, by_id.get(category.parent_category_id or -1))
            topics = phrasing.count_phrase(category.topic_count, "topic")
            lines.append(f"{number_word(number).capitalize()}: {name}: {topics}.")
        lines.append("Say the name or the number of the one to hear, or say cancel.")
        self._category_offer = " ".join(lines)
        self._say(self._category_offer)
        return State.CATEGORY

    def offer_again(self, state: State) -> str | None:
        """What "repeat" says at the question ``state`` asks, when not the last thing said:
        the categories, numbered, at the question for one; None elsewhere."""
        return self._category_offer if state is State.CATEGORY else None

    def category_words(self) -> list[str]:
        """What answers the question for a category, made likely while it waits."""
        return category_answers([c.name for c in self._categories])

    def _category_heard(self, heard: Heard) -> State:
        """The answer to "Which category?": a category's name ("good news") or its number
        ("two", "number two", "the second one"); else asked again (help, repeat and cancel
        are the voice loop's: see state_commands.said_over_words)."""
        interpreter = self._engines.interpreter
        command = interpreter.command(heard, ALLOWED[State.CATEGORY]).command
        names = [c.name for c in self._categories]
        if command is not None and command.intent is Intent.OPEN and "number" in command.slots:
            # All are said when asked, so the last one heard is the last.
            number = place(int(command.slots.get("number", 0)), len(names))
            if not 1 <= number <= len(names):
                self._say(
                    f"There is no category {number}. Say its name, or a number from 1 to "
                    f"{len(names)}."
                )
                return State.CATEGORY
            index: int | None = number - 1
        else:
            index = _category_named(heard.text, self._categories)
        if index is None and describes_a_choice(heard.text):
            # "The one for new people": a category described, never a title to keep.
            fitting = described(
                heard.text, [f"{c.name}. {c.description}" for c in self._categories]
            )
            if len(fitting) != 1:
                self._say(self._which_described(fitting))
                return State.CATEGORY
            index = fitting[0]
        if index is None:
            anywhere = interpreter.command(heard)  # a command of any state, near ones too
            command_like = anywhere.command is not None or anywhere.ambiguous
            title_said = not (command_like or self._category_to_read)
            kept = self._keep_title(heard.text) if title_said else ""
            self._say(f"Sorry, that is not one of them.{kept} {PEER_QUESTIONS[State.CATEGORY]}")
            return State.CATEGORY
        if self._category_to_read:
            return self._read_category(self._categories[index])
        return self._start(Conversation(category=self._categories[index]))

    def _which_described(self, fitting: Sequence[int]) -> str:
        """Asked again after a category described ("the one for new people"), naming the
        ones the description fits, if any."""
        if not fitting:
            return (
                "Sorry, I could not tell which category that is. Say its name or its number, "
                "or say cancel."
            )
        names = " or ".join(self._categories[i].name for i in fitting)
        return f"Did you mean {names}? Say the name of the one you mean, or its number."

    def _read_category(self, category: Category) -> State:
        if self._reader.category_topics(category):
            return State.BROWSING
        return self._back_from_categories()

    def _back_from_categories(self) -> State:
        """Where "categories" was said, when no category's topics are read: the person's
        own list stays theirs to go on with."""
        if self._origin in (State.BOOKMARKS, State.DRAFTS):
            return self._origin
        return self._back_to_origin()

    def unkept_words(self, state: State) -> str | None:
        """What would be lost by stopping in ``state``: the words said for a new topic
        before its category, or for a message before its person, or a title said and not
        taken yet (too short, or maybe not all of it), which nothing keeps; None when none."""
        if state is State.CATEGORY and self._early_title is not None:
            return (
                "What you said for your new topic is not kept until you choose its category: "
                "if I stop now, you will need to say it again."
            )
        if state is State.CHOOSING and self._held:
            return (
                "What you said for your message is not kept until you say whom it is for: "
                "if I stop now, you will need to say it again."
            )
        said = self._short_title or self._unfinished_title
        if state is not State.TITLING or said is None:
            return None
        if said == self._unfinished_title and self.composer.conversation.title == spoken_title(
            said, self.composer.forms
        ):
            return None  # a one-word title, kept while the rest may follow
        why = "too short to keep" if self._short_title else "not kept until it is whole"
        return (
            f"The title you said, {spoken_title(said)}, is {why}: if I stop now, you will "
            "need to say it again."
        )

    def _keep_title(self, said: str) -> str:
        """A title said before the category was chosen, kept for it rather than lost (what
        to say of it; "" when the words make no title). Only words the forum would take as
        a title, of a few words: a category's name misheard is short."""
        title = spoken_title(said)
        problem = title_problem(title, self.composer.limits(), private=False)
        if len(title.split()) < MIN_EARLY_TITLE_WORDS or (problem and not _too_long(problem)):
            return ""
        self._early_title = said
        if problem:  # a whole message, often: it starts the post once there is one
            return " I kept what you said."
        return f" I kept that as the title: {as_sentence(title)}"

    # --- saved drafts -------------------------------------------------------------------

    def take_up(self, draft: SavedDraft, origin: State) -> State:
        """Go on with a saved new topic or message chosen from the drafts; back to
        ``origin`` once it is sent or put aside."""
        self._origin = origin
        if draft.kind is DraftKind.TOPIC:
            self._starting = "new topic"
            categories = self._reader.forum_call(self._engines.forum.categories)
            if categories is None:
                return State.DRAFTS
            chosen = next((c for c in _startable(categories) if c.id == draft.category_id), None)
            if chosen is None:  # gone, or closed to the person: offer the others
                return self._offer_categories(categories, first=draft.key)
            return self._start(Conversation(category=chosen))
        self._starting = "message"
        peer = self._engines.peer
        if peer is None:
            self._say(NO_MESSAGES)
            return State.DRAFTS
        found = self._reader.forum_call(lambda: [(u, member(peer, u)) for u in draft.usernames])
        if found is None:
            return State.DRAFTS
        people = tuple(user for _, user in found if user is not None)
        gone = [username for username, user in found if user is None]
        if not gone:
            return self._start(Conversation(recipients=people))
        self.composer.strand(draft.key)
        missing = f"I cannot find {' or '.join(gone)} on the forum any more"
        if people:
            # The others are still there: the message goes on to them (asked before sending).
            self._say(f"{missing}, so your message cannot go to them.")
            return self._start(Conversation(recipients=people))
        titled = f", titled {draft.title}," if draft.title else ""
        self._say(
            f"{missing}, so your message{titled} cannot go to them. Its words are kept. Say "
            "the name of someone to send it to instead, or say cancel."
        )
        return State.NAMING

    # --- writing it ---------------------------------------------------------------------

    def _start(self, conversation: Conversation) -> State:
        self._retitling = False
        # A title said in part for a conversation left is no part of this one's.
        self._short_title = self._unfinished_title = self._long_title = None
        early, self._early_title = self._early_title, None
        held, self._held = self._held, []
        names = forms_with_names(u.display_name for u in conversation.recipients)
        title = spoken_title(early, names) if early is not None else ""
        problem = (
            title_problem(title, self.composer.limits(), private=conversation.private)
            if title
            else None
        )
        if held and early is not None and problem is not None and _too_long(problem):
            # Words kept at "Did you mean …?", then "yes, and …" going on with them: more
            # of the message, not its title.
            held, early, title, problem = [*held, Heard(early)], None, "", None
        begun = self.composer.begin(conversation, said_title="" if problem else title)
        had_words = not self.composer.draft.is_empty
        for said in held:
            self.composer.add_words(said.text, said.words)
        kept = as_sentence(self.composer.draft.read_out) if held and not had_words else ""
        added = "What you said before is added at its end." if held and had_words else ""
        if begun is Begun.SAVED and early is not None and problem is not None:
            if _too_long(problem):
                self.composer.add_words(early)
                self._say("What you said before is added at its end.")
            else:
                # Heard, and not made the title: why, so that it is not thought lost.
                self._say(
                    f"It keeps its own title: {title} is too short for a title here. To "
                    "change the title, say change the title."
                )
        if begun is Begun.SAVED:
            if added or kept:
                self._say(added or f"I added what you said before: {kept} {self.composer.go_on}")
            return State.COMPOSING
        if added:
            self._say(added)
        if early is not None:
            if begun is Begun.NEW:
                self._say(
                    f"Writing to {conversation.names}."
                    if conversation.private
                    else f"A new topic {conversation.place}."
                )
            return self._title(early)
        if conversation.private:
            opening = f"Writing to {conversation.names}. "
            if kept:
                opening += f"Your message starts with what you said: {kept} "
            ask = "What is your message about? Say a short title."
        else:
            minimum = self.composer.limits().min_topic_title_length
            opening = f"A new topic {conversation.place}. "
            # Nobody counts characters by ear: a few words, with the forum's rule after.
            ask = f"Say its title in a few words: at least {minimum} letters and spaces."
        self._say(ask if begun is Begun.UNTITLED else opening + ask)
        return State.TITLING

    @property
    def asking_if_whole(self) -> bool:
        """Whether "Is that the whole title?" (or "Is it your post?", of a long one) waits
        for its answer: "no" answers it, and leaves nothing."""
        return self._unfinished_title is not None or self._long_title is not None

    def _ask_if_post(self, text: str, short: str | None) -> State:
        """A title as long as a sentence ("I just wanted to say I am having a really hard
        week …"): kept at once as the start of the post, and asked whether it is that. A
        title too short said before (``short``) still waits for more words."""
        self._short_title, self._long_title = short, text
        self.composer.add_words(text)
        post = self._post_named()
        self._say(
            f"That is long for a title. Is it your {post}? Say yes, and it starts your {post}; "
            "then you say a short title. Say no, and it is the title."
        )
        return State.TITLING

    def _long_title_answer(self, heard: Heard) -> State:
        """The answer to "That is long for a title. Is it your post?": the words kept as
        the post's start (yes, or more words of it) or made the title (no)."""
        long = self._long_title
        assert long is not None
        found = self._engines.interpreter.command(heard).command
        intent = found.intent if found is not None else None
        post = self._post_named()
        if intent is Intent.NO:
            self._long_title = self._short_title = None
            self.composer.draft.scratch_last_phrase()
            self.composer.save()
            return self._title(long, whole=True)
        # "Send it": the post is said, and it still needs a title.
        answered = intent in (Intent.YES, Intent.SEND)
        if answered or len(heard.text.split()) > MAX_REST_OF_TITLE_WORDS:
            self._long_title = None
            if not answered:  # went on with the post: more of it
                self.composer.add_words(heard.text, heard.words)
            short = self._short_title
            limits, private = self.composer.limits(), self.composer.conversation.private
            minimum = (
                limits.min_personal_message_title_length
                if private
                else limits.min_topic_title_length
            )
            again = (
                f" {spoken_title(short, self.composer.forms)} was too short: a title needs at "
                f"least {minimum} letters and spaces."
                if short
                else ""
            )
            self._say(
                f"I kept it as the start of your {post}. Now say a short title: a few words "
                f"that tell people what it is about.{again}"
            )
            return State.TITLING
        self._say(
            f"I did not take that: first say yes or no. Is what you said before your {post}? "
            "Either way, it is kept."
        )
        return State.TITLING

    def _post_named(self) -> str:
        return "message" if self.composer.conversation.private else "post"

    def _whole_title(self, heard: Heard) -> State | None:
        """ "Yes" or "no" to "Is that the whole title?": the title as it was, or the rest of
        it asked for; None for anything else (the rest of it, or another title)."""
        found = self._engines.interpreter.command(heard).command
        intent = found.intent if found is not None else None
        if intent is Intent.YES:
            unfinished, self._unfinished_title = self._unfinished_title, None
            assert unfinished is not None
            return self._title(unfinished, whole=True)
        if intent is Intent.NO:
            self._say("Say the rest of the title.")
            return State.TITLING
        return None

    def _title(self, text: str, *, whole: bool = False, answered: bool = False) -> State:
        """The title said (``whole``: said to be all of it, though it may not sound so;
        ``answered``: said to the question for it, not with the command that started)."""
        short, self._short_title = self._short_title, None
        unfinished, self._unfinished_title = self._unfinished_title, None
        first = text.split()[0].lower() if text.split() else ""
        if not spoken_title(text) and (short or unfinished):
            # "Question about", "um", "cooling vests": what was said before still goes on.
            self._short_title, self._unfinished_title = short, unfinished
            self._say("I did not hear more of the title. Say the rest of it, or say cancel.")
            return State.TITLING
        if (
            not (whole or unfinished or self._retitling)
            and self.composer.draft.is_empty
            and len(text.split()) >= LONG_TITLE_WORDS
            and not _too_long_for_a_title(text, self.composer)
        ):
            # "Feeling low" refused as too short, then the whole post said: it had become
            # the title, and the title the first post.
            return self._ask_if_post(text, short)
        if unfinished and not _said_again(unfinished, text):
            if len(unfinished.split()) == 1 and _begins_a_message(text):
                # "Lunch", then "would you like to meet for lunch next week": the message
                # begun, not the rest of its title.
                self.composer.add_words(text)
                text, whole = unfinished, True
            else:
                # "I need advice about", a pause, then "starting work again": one title.
                text = f"{unfinished} {text}"
        elif (
            short
            and not _said_again(short, text)
            and (first in GOES_ON or not _shares_a_word(short, text))
        ):
            # "Heat", a pause, then "and fatigue in summer" (or "Walked", then "around the
            # park"): one title, said slowly. The rest alone had become the title. Said
            # again with more words ("Walking in the heat"), it shares one of them.
            text = f"{short} {text}"
        composer = self.composer
        title = spoken_title(text, composer.forms)
        if not title:
            self._say(f"I did not hear a title. {PEER_QUESTIONS[State.TITLING]}")
            return State.TITLING
        problem = title_problem(title, composer.limits(), private=composer.conversation.private)
        one_word = answered and len(title.split()) == 1  # "Open", a pause, "day at the …"
        if problem is None and not whole and (_may_go_on(title) or one_word):
            # Taken as it was, the rest became the first words of the post.
            self._unfinished_title = text
            if one_word and not self._retitling:
                # A title the forum takes, so kept as one at goodbye, as before it was asked
                # about; the rest, if said, goes on with it.
                composer.keep_title(title)
            self._say(
                f"I heard: {as_sentence(title)} Is that the whole title? Say yes, or say the "
                "rest of it."
            )
            return State.TITLING
        if problem and _too_long(problem) and composer.draft.is_empty:
            composer.start_with(text)
            return State.TITLING
        if problem is not None:
            if problem.problem is LengthProblem.TOO_SHORT:
                self._short_title = text
            self._say(f"I heard: {as_sentence(title)} {problem_line(problem)}")
            return State.TITLING
        self._retitling = False
        self.composer.titled(title)
        return State.COMPOSING

    def _sending(self, command: Command) -> State | None:
        if command.intent is Intent.YES:
            return State.TITLING if self.composer.send() else self._back_to_origin()
        if command.intent is Intent.NO:
            return self._follow(self.composer.decline())
        if command.intent is Intent.CANCEL:
            return self._follow(self.composer.cancel())
        if command.intent is Intent.READ_BACK:
            return self._follow(self.composer.ask_to_post())
        return None

    def _follow(self, step: Next) -> State:
        if step is Next.TITLING:
            self._retitling = True
            return State.TITLING
        if step is Next.DICTATING:
            return State.COMPOSING
        if step is Next.CONFIRMING:
            return State.SENDING
        return self._back_to_origin()

    def _cancelled(self) -> State:
        self.composer.strand(None)
        unkept = self._words_not_kept()
        self._say(f"{self._starting.capitalize()} cancelled.{unkept} {self._reader.where()}")
        return self._back_to_origin()

    def _words_not_kept(self) -> str:
        """The words held for a message whose person was never chosen, said not to be kept
        (they went unsaid with "Message cancelled"), and let go."""
        held, self._held = self._held, []
        if not held:
            return ""
        return " " + phrasing.not_kept(" ".join(h.text for h in held))

    def _back_to_origin(self) -> State:
        if self._origin is State.READING and self._reader.thread is not None:
            return State.READING
        return State.BROWSING

    # --- where am I ---------------------------------------------------------------------

    def where(self, state: State) -> str | None:
        if state is State.BOOKMARKS and self.bookmarks.items:
            index = self.bookmarks.index
            return (
                f"You are in your bookmarks, on {index + 1} of "
                f"{len(self.bookmarks.items)}: {as_sentence(self.bookmarks.items[index].title)}"
            )
        conversation = self.composer.conversation
        if state in (State.COMPOSING, State.SENDING, State.TITLING):
            words = phrasing.count_phrase(len(self.composer.draft.text.split()), "word")
            return (
                f"You are writing a {conversation.what} {conversation.place}. It has "
                f"{words} so far."
            )
        if state in (State.NAMING, State.CHOOSING):
            return "You are choosing whom to write to. Say cancel to stop."
        if state is State.CATEGORY and self._category_to_read:
            return "You are choosing a category to hear its topics. Say cancel to stop."
        if state is State.CATEGORY:
            return "You are choosing a category for a new topic. Say cancel to stop."
        return None


def category_answers(names: Sequence[str]) -> list[str]:
    """What answers "Which category?" among ``names``: a name, or its number ("number two",
    "the second one"), as sentences for the recognizer's dictation context."""
    places = range(1, len(names) + 1)
    numbers = [f"number {number_word(n)}" for n in places]
    numbers += [f"the {ORDINAL_WORDS[n - 1]} one" for n in places if n <= len(ORDINAL_WORDS)]
    return plain_sentences([*names, *numbers])


def _saved_line(saved: tuple[int, str], categories: Sequence[Category]) -> str:
    """A saved new topic in one of ``categories``: choosing it goes on with that one."""
    category_id, title = saved
    name = next(c.name for c in categories if c.id == category_id)
    titled = f", titled {title}," if title else ""
    return f"You have a saved new topic{titled} in {name}: choose {name} to go on with it."


def _stranded_line(stranded: tuple[int, str], categories: Sequence[Category]) -> str:
    """A saved new topic whose category can no longer be chosen: where it goes instead."""
    category_id, title = stranded
    name = next((c.name for c in categories if c.id == category_id), None)
    was_for = (
        f"was for {name}, where you can no longer start topics"
        if name
        else "was for a category that is no longer on the forum"
    )
    titled = f", titled {title}," if title else ""
    return (
        f"Your saved new topic{titled} {was_for}: it goes to the category you choose now, "
        "unless that one has a saved topic of its own."
    )


def _category_named(said: str, categories: Sequence[Category]) -> int | None:
    """The index of the category ``said`` names, by its name or its number; None when it
    names none clearly."""
    number = place_said(said, len(categories))
    return number - 1 if number is not None else name_said(said, [c.name for c in categories])


def _startable(categories: Sequence[Category]) -> tuple[Category, ...]:
    """Only where the forum lets the member start a topic: one dictated for an
    announcements category would be refused after all that effort."""
    return tuple(c for c in categories if c.can_start_topics is not False)


def _opened(outcome: ReadOutcome) -> State:
    return {
        ReadOutcome.READ: State.READING,
        ReadOutcome.HELD: State.CONTENT_NOTE,
        ReadOutcome.FAILED: State.BOOKMARKS,
    }[outcome]


LONG_TITLE_WORDS = 15
"""A title of this many words or more is a sentence, as often the post itself: asked
about, the words kept either way."""
MAX_REST_OF_TITLE_WORDS = 7
"""More words than this, said after a one-word title ("Lunch", asked whether that is the
whole title), are the start of what is written, not the rest of the title: titles run to a
handful of words."""


SENTENCE_OPENERS = frozenset(
    {"i", "i'm", "i've", "you", "we", "would", "could", "can", "will", "shall", "are", "is"}
    | {"do", "did", "see", "thanks", "thank", "hope", "hi", "hello", "dear", "please", "how"}
    | {"it's", "just", "let's", "what", "when", "where", "why", "have", "has"}
)
"""Words a sentence of a message begins with and the rest of a title seldom does: said
after a one-word title ("Coffee", then "see you soon"), they begin the message."""


def _begins_a_message(text: str) -> bool:
    """Whether ``text``, said after a one-word title, is the message begun: longer than a
    title runs, or opening as a sentence does."""
    words = text.lower().split()
    return len(words) > MAX_REST_OF_TITLE_WORDS or (bool(words) and words[0] in SENTENCE_OPENERS)


GOES_ON = frozenset({"and", "or", "in", "with", "for", "of", "at", "on", "after", "during", "when"})
"""Words a title said after a pause goes on with: what follows a title too short is more
of it ("heat", then "and fatigue in summer"), not a title of its own."""


GOES_ON_AFTER = frozenset(
    {"about", "and", "or", "but", "to", "for", "with", "of", "at", "from", "into", "after"}
    | {"before", "when", "because", "if", "the", "a", "an", "my", "your", "which"}
    | {"that"}
)
"""Words a title said before a pause seldom ends with: the rest may follow ("I need advice
about", then "starting work again"; "Cooling vests that", then "actually work"). Not "in",
"on" or "by", which end many ("Checking in"); a title that does end so ("Anyone else get
that") costs a yes."""


def _may_go_on(title: str) -> bool:
    words = title.lower().rstrip(".?!").split()
    return bool(words) and words[-1] in GOES_ON_AFTER


def _shares_a_word(before: str, then: str) -> bool:
    """Whether ``then`` has a word of ``before`` other than "and", "the" and their like, or
    one beginning alike ("walked", then "a walk around the park")."""
    common = GOES_ON | GOES_ON_AFTER
    stems = {word[:STEM] for word in set(before.lower().split()) - common}
    return any(word[:STEM] in stems for word in set(then.lower().split()) - common)


STEM = 4
"""Letters two words share at their start to count as one word said again."""


def _said_again(before: str, then: str) -> bool:
    """Whether ``then`` is the whole title said again, not the rest of ``before``."""
    first, again = before.lower().split()[:2], then.lower().split()[:2]
    return bool(first) and first == again


def _too_long(problem: DraftProblem) -> bool:
    return problem.problem is LengthProblem.TOO_LONG


def _too_long_for_a_title(text: str, composer: NewConversationComposer) -> bool:
    """Whether the forum refuses ``text`` as a title for being too long (it starts the
    post then, without asking)."""
    private = composer.conversation.private
    problem = title_problem(spoken_title(text, composer.forms), composer.limits(), private=private)
    return problem is not None and _too_long(problem)
