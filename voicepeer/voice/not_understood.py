"""What is said when an utterance is nothing to do where the person is: why, and what
helps ("Sorry, I didn't catch that" alone would only make the person say it again,
louder). Unclear answers are counted, so that what helps is said once it is needed and
not again after every one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from voicepeer.commands.correction import deleted_words
from voicepeer.commands.editing import DictationAction
from voicepeer.commands.intents import (
    GREETINGS,
    LIST_ITEM_WORDINGS,
    THANKS,
    TIRED_OR_LEAVING,
    Intent,
    canonical,
)
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.numbers import plain_number
from voicepeer.commands.text import normalize
from voicepeer.logs import transcript
from voicepeer.recognition.base import Heard
from voicepeer.voice.beyond_reach import beyond_reach
from voicepeer.voice.cues import number_word
from voicepeer.voice.dictation import tokenize_dictation
from voicepeer.voice.reader import Reader
from voicepeer.voice.room_talk import unclear_over_talk
from voicepeer.voice.settings import VoiceSettings
from voicepeer.voice.split_commands import begins_an_edit
from voicepeer.voice.state_commands import ALLOWED, OWN_LISTS
from voicepeer.voice.states import ASKING_CONSENT, State

SORRY = "Sorry, I didn't catch that. Say help to hear what you can say."
DELETE_WHAT = (
    "Delete what? For a post of yours, say delete my post. In your drafts or your bookmarks, "
    "delete it removes the one you reached."
)
SORRY_TRAIN = (
    "Sorry, I keep mishearing you. Your helper can teach me your voice with "
    "voice training, which takes about three minutes."
)
TRAINING_HINT_AFTER = 6
"""Mishearings in a row before voice training is mentioned (once a session)."""
UNCLEAR_ANSWER = "I could not be sure of your answer. Say just yes, or just no, on its own."


def unclear_answer_help(yes_switch: bool) -> str:
    """Said once, with a question asked again after failed_hearing_hint_after unclear
    answers in a row: how to answer so that it counts (a clear yes is never guessed, so a
    person whose yes keeps failing must hear what else works)."""
    if yes_switch:
        return f"{UNCLEAR_ANSWER} Your yes switch answers yes too."
    return f"{UNCLEAR_ANSWER} If I keep missing it, your helper can set up a yes switch."


MOVING_ON = frozenset(
    {
        *(Intent.OPEN, Intent.NEXT, Intent.PREVIOUS, Intent.LATEST, Intent.UNREAD),
        *(Intent.SEARCH, Intent.CATEGORIES, Intent.NOTIFICATIONS, Intent.MESSAGES),
        *(Intent.BOOKMARKS, Intent.DRAFTS, Intent.MESSAGE, Intent.NEW_TOPIC, Intent.REPLY),
    }
)
"""Commands that go somewhere else: said over a question before something others can see,
they are named as not done yet ("send it" or "like it" said there are the question's own
matter, asked again as before)."""

WRITING_QUESTIONS = frozenset({State.CONFIRMING, State.SENDING, State.CHANGING_POST})
"""Questions before words written are posted, sent or changed on the forum."""
WORDS_MEANT_TO_ADD_AT_WRITING = 2
"""Said at a question before words written go to the forum, this many words or more (none
of them a yes) are words meant for what is written: "helps a lot" got only "Please say yes
or no", and the person never heard that it went nowhere."""
ANSWER_WORDS = frozenset({"yes", "yeah", "yep", "no", "nope"})
"""Words of an answer that is no clear one ("yes please post it", "um yes", "no yes")."""


class NotUnderstood:
    """Says what helps when an utterance is nothing to do here, counting the mishearings
    in a row that decide what that is."""

    def __init__(
        self,
        reader: Reader,
        interpreter: Interpreter,
        say: Callable[[str], None],
        settings: VoiceSettings,
        *,
        open_question: Callable[[], str],
        where_and_question: Callable[[], str],
        what_is_written: Callable[[State], str],
        yes_switch: bool,
        voice_training_would_help: bool,
        say_sorry: Callable[[str], None],
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.reader = reader
        self.interpreter = interpreter
        self.say = say
        self.settings = settings
        self.open_question = open_question
        """The question the state waits on, asked again (while writing, how to go on)."""
        self.where_and_question = where_and_question
        self.what_is_written = what_is_written
        """What is written in a state, as said ("reply", "new topic", "post")."""
        self.yes_switch = yes_switch
        self.voice_training_would_help = voice_training_would_help
        self.say_sorry = say_sorry
        """Says a mishearing's sorry, which "repeat" does not say again."""
        self._misheard_in_a_row = 0
        self._talk_explained = False
        """Why an answer over talk in the room was unclear has been said since the last
        command understood."""
        self._answer_helped = False
        """How to answer a question so that it counts has been said since then."""
        self._training_mentioned = False
        self.now = now

    def understood(self) -> None:
        """A command was understood: mishearings are counted, and explained, afresh (voice
        training is mentioned once a session)."""
        self._misheard_in_a_row = 0
        self._talk_explained = self._answer_helped = False

    def respond(
        self, heard: Heard, state: State, put_aside: tuple[str, str] | None = None
    ) -> Intent | None:
        """Nothing to do for ``heard`` in ``state``: say so, and what helps (``put_aside``:
        how to go back to words just put aside, which these may have been meant for). What
        the loop does itself, when something is done after all: LATEST, go to the latest
        topics; SEND, go on to send what was being written; READ_BACK, read it back
        before asking again whether to stop; None when all was said."""
        asking = state in ASKING_CONSENT
        if put_aside is not None and tokenize_dictation(heard.text) and not heard.over_talk:
            if asking:
                # "Add it to my last reply", then "change nap to rest" at its question: "your
                # reply is put aside" was said, and a yes still changed the post.
                transcript.info("did: nothing, words said at a question, so asked again")
                self.say(f"I did not change anything. {self.open_question()}")
                return None
            # "Cancel" heard in the middle of a sentence: the rest was "didn't catch that".
            transcript.info("did: nothing, words said just after writing was put aside")
            what, how = put_aside
            self.say(
                f"I did not write that: your {what} is put aside. To go on with it, say "
                f"{how}, then say the words again."
            )
            return None
        words = normalize(heard.text).split()
        answer_with_words = (
            len(words) > 1 and bool(ANSWER_WORDS & set(words)) and not heard.over_talk
        )
        if state in ASKING_CONSENT and answer_with_words:
            # "Yes please post it", "um yes" and "no yes" got "I did not add that to your
            # reply: to add to it, say no", and never how to answer so that it counts.
            transcript.info("did: nothing, a yes with more words is no clear yes, asked again")
            self.say(f"{UNCLEAR_ANSWER} {self.open_question()}")
            return None
        if state in WRITING_QUESTIONS and self._said_at_writing_question(heard, state, words):
            return None
        if state in ASKING_CONSENT and self.interpreter.asks_for_time(heard):
            transcript.info("did: nothing, asked for a moment, so asked again")
            self.say(f"Take your time. {self.open_question()}")
            return None
        if state in ASKING_CONSENT and plain_number(heard.text) is not None:
            # "Three" at "Like this post by Sam?": another post meant, and a yes after the
            # question asked again plainly liked Sam's.
            transcript.info("did: nothing, a number said over a question, so asked again")
            self.say(f"Please answer this first, then say that again. {self.open_question()}")
            return None
        if state in ASKING_CONSENT and self._command_elsewhere(heard, state) in MOVING_ON:
            # A command said over the question was dropped with the question asked again,
            # and a yes after it could seem to answer that command.
            transcript.info("did: nothing, a command said over a question, so asked again")
            self.say(f"Please answer this first, then say that again. {self.open_question()}")
            return None
        if state in ASKING_CONSENT:  # the helper reading sees why it asked again
            transcript.info(
                "did: nothing, not a clear yes or no (%s%s), so asked again",
                self.interpreter.why_no_answer(heard),
                ", over talk in the room" if heard.over_talk else "",
            )
            self._misheard(state, over_talk=heard.over_talk)
            return None
        if self.interpreter.says_one_of(heard, LIST_ITEM_WORDINGS):
            transcript.info("did: nothing, %r deletes only in the person's lists", heard.text)
            self.say(DELETE_WHAT)
            return None
        if normalize(heard.text) in THANKS and (question := self.open_question()):
            # "Thank you" at "Did you mean Priya Nair?" is as often the message begun as
            # thanks: "You're welcome" there left the question seeming answered.
            transcript.info("did: nothing, thanks said at a question, so asked again")
            self.say(question)
            return None
        if normalize(heard.text) in THANKS:
            transcript.info("did: nothing, thanked")
            self.say("You're welcome.")
            return None
        if normalize(heard.text) in TIRED_OR_LEAVING:
            transcript.info("did: nothing, tiredness or leaving said, how to rest told")
            self.say("To rest, say pause. To stop for today, say goodbye.")
            return None
        if normalize(heard.text) in GREETINGS:
            transcript.info("did: nothing, greeted")
            self.say(f"Hello. I'm listening. {self.where_and_question()}")
            return None
        beyond = beyond_reach(
            normalize(heard.text), self.now().astimezone(), self.reader.topic is not None
        )
        if beyond is not None:
            transcript.info("did: nothing, asked what voicepeer cannot do, the nearest told")
            self.say(beyond)
            return None
        chosen = plain_number(heard.text)
        if chosen is not None and (self._numbered_list_heard(state) or state is State.READING):
            # Said after "Say open topic and a number": the number alone opens nothing (a
            # misheard short command may come out as one), so say how; while reading it
            # may mean a post of the topic as well as an item of the list heard before.
            transcript.info("did: nothing, a number alone opens nothing")
            said = number_word(chosen)
            if state is not State.READING:
                self.say(f"To open number {said}, say open {said}.")
            elif self.reader.topics is None:
                self.say(f"To hear post {said}, say post {said}.")
            else:
                self.say(post_or_topic(chosen))
            return None
        elsewhere = self._command_elsewhere(heard, state)
        if elsewhere is Intent.BACK and state is State.BROWSING and not self.reader.showing_latest:
            # Out of a search's results, the messages or the notifications: to the latest
            # topics, where the topic list starts (heard exactly: "back" is no command of
            # the topic list's command model).
            return Intent.LATEST
        if elsewhere is None and self.interpreter.editing(heard) in (
            DictationAction.UNDO,
            DictationAction.SCRATCH,
        ):
            elsewhere = Intent.SCRATCH  # "undo" alone names no command outside writing
        if elsewhere is None:
            transcript.info("did: nothing, not understood as a command")
            self._misheard(state)
            return None
        if elsewhere in (Intent.SEND, Intent.READ_BACK) and state is State.QUITTING:
            return elsewhere
        posted_here = state is State.READING and self.reader.own_reply_here() is not None
        if elsewhere is Intent.READ_BACK and posted_here:
            return elsewhere  # just posted: the reply as the forum has it
        transcript.info("did: nothing, %s is not a command here", elsewhere.value)
        self.say(f"{not_a_command_here(elsewhere, state)} {self.where_and_question()}")
        return None

    def _said_at_writing_question(self, heard: Heard, state: State, words: list[str]) -> bool:
        """At a question before words written go to the forum, what ``heard`` was instead
        of an answer, said with the question again; False when it is none of these."""
        what, elsewhere = self.what_is_written(state), self._command_elsewhere(heard, state)
        if self.interpreter.editing(heard) is DictationAction.UNDO:
            # Taken for a misheard answer, though "undo" may mean "do not post it".
            transcript.info("did: nothing, undo at the question")
            said = "Nothing was taken back. To keep it from going, say no."
        elif elsewhere is Intent.REMOVE_DRAFT:
            transcript.info("did: nothing, delete this draft at the question")
            said = "To delete it, say no, then say delete this draft."
        elif named := deleted_words(tuple(words)):
            # "Delete afternoon" where there is none was "I did not add that to your reply".
            transcript.info("did: nothing, words to delete not found at the question")
            said = f'I could not find "{" ".join(named)}" in your {what}, so nothing changed.'
        elif begins_an_edit(heard.text):
            # "Replace", a pause, "Tuesday with Wednesday": asked again each time, and a
            # yes then posted the word unchanged.
            transcript.info("did: nothing, the beginning of an edit said at the question")
            said = "To change it, say the whole change at once, like: change walk to talk."
        elif (
            len(words) >= WORDS_MEANT_TO_ADD_AT_WRITING
            and not heard.over_talk
            and not self.interpreter.asks_for_time(heard)
            and elsewhere is None
        ):
            # "Oh, and I forgot to say thank you" at "Shall I post it?": only asked again,
            # the person was not told the words went nowhere. Over talk in the room, the
            # words may be the television's: that is said instead.
            transcript.info("did: nothing, words said at the question are not added")
            said = f"I did not add that to your {what}: to add to it, say no, then say the words."
        else:
            return False
        self.say(f"{said} {self.open_question()}")
        return True

    def _numbered_list_heard(self, state: State) -> bool:
        """Whether a numbered list is current: topics or notifications, bookmarks, drafts."""
        if state is State.BROWSING:
            return self.reader.topics is not None or self.reader.notices is not None
        return state in OWN_LISTS

    def _command_elsewhere(self, heard: Heard, state: State) -> Intent | None:
        """The command ``heard`` is word for word in another state, if it is one; its name
        called, waking ("Sorry, I didn't catch that" to "voicepeer" left the person unsure
        it was listening at all)."""
        intent = self.interpreter.word_for_word(heard)
        if intent is None and self.interpreter.calls_voicepeer(heard):
            intent = Intent.WAKE
        return None if intent is None or intent in ALLOWED[state] else intent

    def _misheard(self, state: State, over_talk: bool = False) -> None:
        """Say so, and what helps. ``over_talk``: an answer unclear over talk in the room,
        where only a quieter room or the yes switch will do."""
        self._misheard_in_a_row += 1
        question = self.open_question()
        yes_switch = self.yes_switch
        if question and over_talk:
            explained = self._talk_explained
            self._talk_explained = True
            self.say(f"{unclear_over_talk(not explained, yes_switch)} {question}")
        elif (
            question
            and state in ASKING_CONSENT
            and not self._answer_helped
            and self._misheard_in_a_row >= self.settings.failed_hearing_hint_after
        ):
            self._answer_helped = True
            self.say(f"{unclear_answer_help(yes_switch)} {question}")
        elif question:
            self.say(question)
        elif (
            self.voice_training_would_help
            and not self._training_mentioned
            and self._misheard_in_a_row >= TRAINING_HINT_AFTER
        ):
            self._training_mentioned = True
            self.say_sorry(SORRY_TRAIN)
        elif self._misheard_in_a_row >= self.settings.failed_hearing_hint_after:
            self.say_sorry(SORRY)
        else:
            self.say_sorry("Sorry, I didn't catch that.")


def post_or_topic(number: int) -> str:
    """Said while reading, a number may name a post of the topic as well as a topic of
    the list heard before: how to say each."""
    said = number_word(number)
    return (
        f"To hear post {said} of this topic, say post {said}. To open number {said} of "
        f"the list, say open {said}."
    )


def not_a_command_here(elsewhere: Intent, state: State) -> str:
    """What to say of ``elsewhere``, a command of another state heard clearly in ``state``:
    "Sorry, I didn't catch that" would only make the person say it again, louder."""
    if elsewhere is Intent.WAKE:
        return "I am listening already."
    if elsewhere is Intent.SEND and state is State.CHOOSING:
        # "Nothing is being written" was said of a message whose first words were kept.
        return "Nothing is sent yet: first say whom your message is for."
    if elsewhere is Intent.SEND:
        # "I'm done" or "finished" while reading: "Send it does nothing here" sounded as
        # if something had nearly been posted.
        return "Nothing is being written, so nothing is sent. To end for today, say goodbye."
    if elsewhere in (Intent.YES, Intent.NO):
        # "Okay" was answered "Yes does nothing here", naming a word not said.
        return "No question is waiting for an answer."
    if elsewhere is Intent.SCRATCH and state not in (State.READING, State.BROWSING):
        # At "Did you mean Sam Okafor?" or in the drafts, the advice about posts and likes
        # below was beside the point.
        return "There is nothing to undo here."
    if elsewhere is Intent.SCRATCH:
        # "Undo" just after posting answered "Scratch that does nothing here": what it
        # undoes outside writing has commands of its own, each asking first.
        return (
            "Undo works while writing. To take back a post of yours, say delete my post; a "
            "like, say remove my like; a post you deleted, say bring back my post."
        )
    # "Who liked this" is the command "who wrote this" too: not named, lest it seem misheard.
    named = "That" if elsewhere is Intent.WHO else canonical(elsewhere).capitalize()
    # "Reply" or "like" at a list: what is missing is clear, so it is said. Not "back",
    # which at the latest topics has nowhere further to go.
    if (
        state is State.BROWSING
        and elsewhere in ALLOWED[State.READING]
        and elsewhere is not Intent.BACK
    ):
        return (
            f"{named} is for a post being read: open a topic first (say read, or open topic "
            "and a number)."
        )
    return f"{named} does nothing here."
