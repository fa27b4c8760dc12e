"""Answers to "where am I", "I'm lost", "how long is this" and "help": where the person is,
what waits on their answer there, and what they can say next."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from voicepeer.commands.matcher import HOW_LONG, LOST
from voicepeer.recognition.base import Listener
from voicepeer.speech.text.sentences import as_sentence
from voicepeer.voice import phrasing
from voicepeer.voice.composer import Composer
from voicepeer.voice.help_list import help_list
from voicepeer.voice.how_to import how_to_asked
from voicepeer.voice.paragraphs import ParagraphReading
from voicepeer.voice.peer_loop import PeerLoop
from voicepeer.voice.reader import Reader
from voicepeer.voice.saved_drafts import SavedDraftsList
from voicepeer.voice.state_commands import EDITING_STATES, WRITING_STATES
from voicepeer.voice.states import State
from voicepeer.voice.text_input import TextListener


def in_a_topic(state: State, reader: Reader) -> bool:
    """Whether a topic is being read (a post of it heard, or its content note asked)."""
    return state in (State.READING, State.CONTENT_NOTE) and reader.thread is not None


class Orientation:
    """Says where the person is and what they can do there; reads the voice loop's state
    through ``state`` (and, asked whether to stop, where goodbye was said: ``quit_from``;
    asleep, where sleep came: ``asleep_from``)."""

    def __init__(
        self,
        reader: Reader,
        paragraphs: ParagraphReading,
        reply: Composer,
        saved_drafts: SavedDraftsList,
        peer_loop: PeerLoop,
        *,
        state: Callable[[], State],
        quit_from: Callable[[], State],
        asleep_from: Callable[[], State],
        open_question: Callable[[], str],
        writer: Callable[[], Composer],
        listener: Callable[[], Listener],
        last_said: Callable[[], str],
    ) -> None:
        self._reader = reader
        self._paragraphs = paragraphs
        self._reply = reply
        self._saved_drafts = saved_drafts
        self._peer_loop = peer_loop
        self._state = state
        self._quit_from = quit_from
        self._asleep_from = asleep_from
        self._open_question = open_question
        """The question the state waits on, asked again; "" when none."""
        self._writer = writer
        """What writes in the current state, one where something is written."""
        self._listener = listener
        self._last_said = last_said

    def asked(self, slots: Mapping[str, object]) -> str:
        """ "Where am I", "how much is left" (HOW_LONG) or "I'm lost" (LOST)."""
        if slots == HOW_LONG:
            return self._how_long()
        return self._lost() if slots == LOST else self.where_and_question()

    def _lost(self) -> str:
        """ "I'm lost": where the person is, and what they can do next there (the place
        alone left them as lost as before)."""
        if self._open_question():
            return self.where_and_question()  # its answer is what comes next
        state = self._state()
        if state is State.READING:
            return f"{self.where()} {self._reader.after_post()}"
        if state is State.BROWSING and self._reader.list_heard:
            return f"{self.where()} Say next to hear more, or open and its number."
        return f"{self.where()} Say help to hear what you can say."

    def where_and_question(self) -> str:
        """Where the person is, then the question waiting on their answer, if one is: asked
        "where am I" over a question, they may have lost it."""
        question = self._open_question()
        return f"{self.where()} {question}" if question else self.where()

    def where(self) -> str:
        topic = self._reader.topic
        state = self._state()
        if state is State.QUITTING:  # asked whether to stop, still where goodbye was said
            state = self._quit_from()
        if state is State.SLEEPING:  # still where the pause was said
            state = self._asleep_from()
        if state in (State.CONFIRMING, State.DICTATING) and topic is not None:
            words = phrasing.count_phrase(self._reply.words_so_far(), "word")
            return f"You are writing a reply to {as_sentence(topic.title)} It has {words} so far."
        if state in EDITING_STATES and topic is not None:
            return f"You are changing your post in {as_sentence(topic.title)}"
        if state in (State.DRAFTS, State.DELETING):
            return self._saved_drafts.where()
        where = self._peer_loop.where(state) or self._reader.where()
        paragraph = self._paragraphs.place() if state is State.READING else ""
        return f"{where} {paragraph}" if paragraph else where

    def _how_long(self) -> str:
        """ "How long is this": while reading, how long the post is and what is left of it
        and of the topic; at a topic list, how many topics are left in it; elsewhere where
        the person is, which says how many there are."""
        state, reader = self._state(), self._reader
        thread = reader.thread
        length = self._paragraphs.length() if in_a_topic(state, reader) else ""
        left = reader.left_in_list() if state is State.BROWSING else None
        if left is not None:
            return left
        if thread is None or not length:
            return self.where_and_question()
        ordinal, total = thread.position(reader.post_index)
        after = total - ordinal
        topic = (
            f"After it, {phrasing.count_phrase(after, 'more post')} in this topic."
            if after > 0
            else "It is the last post in this topic."
        )
        return f"{length} {topic}"

    def help(self, slots: Mapping[str, object]) -> str:
        """How to do what "help" asked about ("how do I reply"), or else what can be said
        here (while writing, the writer's own help)."""
        state = self._state()
        how_to = how_to_asked(slots, state)
        if how_to:
            return how_to
        if state in WRITING_STATES:
            return self._writer().help
        typing = isinstance(self._listener(), TextListener)
        # At the start, with no list heard yet, "next" and "open" would do nothing.
        list_heard = state is not State.BROWSING or self._reader.list_heard
        return help_list(
            state,
            asked=self._open_question(),
            last_said=self._last_said(),
            typing=typing,
            list_heard=list_heard,
        )
