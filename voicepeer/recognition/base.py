"""What the voice loop hears: utterances as text, from a recognizer or typed in, and what
the interpreter (voicepeer.commands) tells recognizers about what may be said.

This module is the one meeting point of the two packages: recognizers report what they
heard and never decide what it means; the interpreter decides and never decodes. It
imports nothing of voicepeer's own.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol


class ListenMode(Enum):
    """Recognizer configuration the voice loop asks for."""

    COMMAND = "command"
    """Short spoken commands, restricted to the command grammar."""
    DICTATION = "dictation"
    """Free text for a reply, with longer pauses allowed."""
    ANSWER = "answer"
    """The answer to a question asked before something others can see (posting, liking):
    decoded narrowly — yes, no, cancel, read it back and the commands that work
    everywhere, with near-yes sounds, other commands and room talk heard as what they are
    rather than forced onto an answer."""


@dataclass(frozen=True)
class HeardWord:
    """One word of an utterance as a recognizer heard it, for correcting it later."""

    text: str
    confidence: float = 1.0
    """How sure the recognizer was of this word, 0.0 to 1.0."""
    alternatives: tuple[str, ...] = ()
    """Other words (or word runs) it considered in this place, best first, without ``text``."""


@dataclass(frozen=True)
class Heard:
    """One utterance as recognized."""

    text: str
    confidence: float = 1.0
    """0.0 (a guess) to 1.0 (certain); typed text is 1.0."""
    alternatives: tuple[str, ...] = ()
    """Other readings the recognizer considered, best first (n-best), without ``text``."""
    words: tuple[HeardWord, ...] = ()
    """The words of ``text`` with per-word confidence and alternatives, when the recognizer
    gives them (dictation); empty for typed text."""
    passes: tuple[str, ...] = ()
    """Independent readings of the same audio by the recognizer's other decoding passes,
    where they differ from ``text``: a clear yes needs every one to agree; a command forced
    out of a grammar needs the free reading to be a command too. Empty for typed text."""
    by_switch: bool = False
    """The person pressed their yes switch instead of speaking."""
    over_talk: bool = False
    """Talk in the room (a television, people talking) was heard while this was said: what
    is unclear may be unclear because of it, which the person can do something about."""
    said_at: float | None = None
    """When it was said (``time.monotonic``), where that may be before voicepeer listened
    for it: a line typed while voicepeer was still busy. None: said when listened for."""


def switch_press() -> Heard:
    """A press of the person's yes switch, heard where a press counts (see
    :class:`SwitchPresses`): it answers a question yes, and wakes voicepeer asleep."""
    return Heard("yes", 1.0, by_switch=True)


@dataclass(frozen=True)
class SwitchPresses:
    """Where a listener hears a press of the yes switch: always at a question's answer,
    and in the contexts named here (the voice loop's: asleep, where a press wakes it)."""

    contexts: frozenset[str] = frozenset()

    def count(self, mode: ListenMode, context: str) -> bool:
        """Whether a press made while listening in ``mode`` and ``context`` is heard."""
        return mode is ListenMode.ANSWER or context in self.contexts


class Listener(Protocol):
    """Yields the user's utterances one at a time."""

    def listen(self, mode: ListenMode, context: str = "") -> Heard | None:
        """Block until the user has said something; ``None`` when input has ended for good.

        ``context`` names the phrase set to decode with and the commands that can apply
        (the voice loop passes the name of its state, see :class:`Phrasebook`); "" means
        every command. In DICTATION mode a
        context of ``Phrasebook.correction_answers`` says a correction waits for its answer.
        An empty ``Heard.text`` means speech was heard but nothing usable recognized.
        """
        ...

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        """Make the words a reply likely reuses more likely: bias dictation towards
        ``sentences`` (lower case, plain words) until the next call; an empty sequence goes
        back to no context. ``own_words``: the words of the person's own text being changed
        (a posted post), which "correct …" and "replace …" may name as if dictated just
        now. A listener whose engine cannot be biased ignores it."""
        ...

    def close(self) -> None: ...


class Completeness(Enum):
    """Whether what was heard so far is a whole command that nothing longer would change."""

    COMPLETE = "complete"
    """A whole command; anything said after it would not change what it does."""
    UNFINISHED = "unfinished"
    """The start of a longer command (or of a command and its value)."""
    UNKNOWN = "unknown"
    """Neither: not a command as heard so far."""


class CompletenessCheck(Protocol):
    """The interpreter's judgement, at a pause, of what was heard so far (for endpointing)."""

    def judge(self, text: str, in_play: Collection[str] | None = None) -> Completeness:
        """``in_play``: the meanings that can apply now (``None``: all)."""
        ...

    def meaning(self, text: str) -> str | None:
        """What a complete command does ("next", "open 12"), to compare two readings."""
        ...

    def is_short_answer(self, meaning: str | None) -> bool:
        """A meaning ("yes", "no") that a grammar forced to pick often picks for other
        short speech, so readings must agree on it."""
        ...


def _takes_nothing(text: str) -> bool:
    return False


@dataclass(frozen=True)
class Vocabulary:
    """What may be said in one situation, as the interpreter tells recognizers: the phrases
    their grammars and language models are built from, and the interpreter's test of a
    reading. Recognizers decode with it; what a reading means is never theirs to decide."""

    phrases: tuple[str, ...] = ()
    """Whole phrasings said on their own ("next post"), lower case."""
    number_prefixes: tuple[str, ...] = ()
    """Phrasings said with a number after them ("open topic")."""
    numbers: tuple[str, ...] = ()
    """Numbers as they are said after ``number_prefixes`` ("twenty one")."""
    text_prefixes: tuple[str, ...] = ()
    """Phrasings followed by free text ("search for" fatigue); also said on their own."""
    other: tuple[str, ...] = ()
    """Speech to be heard as what it is but never taken here (near-yes sounds, commands of
    other states, room talk): the garbage path that keeps it off the nearest phrase."""
    sentences: tuple[str, ...] = ()
    """Training text for a language model of this situation, weighted by repetition."""
    everyday: tuple[str, ...] = ()
    """Everyday ways of saying the commands (politeness, fillers, other words for their
    core words), for the command language model only: its words can then be heard, so the
    interpreter gets what was said instead of the nearest command card wording."""
    accepts: Callable[[str], bool] = _takes_nothing
    """Whether the interpreter takes this reading (lower case words) here."""
    in_play: frozenset[str] | None = None
    """The commands (intent names) that can apply in this situation, ``None`` for all: a
    command that only a longer one of another kind would change ("next" of "next
    paragraph") is whole where the longer one cannot apply, and is answered at once."""
    refuses: Callable[[str], bool] = _takes_nothing
    """Whether this reading rules out the utterance altogether, so that no other reading of
    the same audio is taken in its place (a number alone: misheard short commands come out
    as numbers, and a grammar's forced guess is no better)."""

    def words(self) -> set[str]:
        """Every word the vocabulary can say."""
        texts = (
            *self.phrases,
            *self.number_prefixes,
            *self.numbers,
            *self.text_prefixes,
            *self.other,
            *self.sentences,
            *self.everyday,
        )
        return {w for t in texts for w in t.split()}


@dataclass(frozen=True)
class Phrasebook:
    """Everything recognizers are told about what may be said, built by the interpreter."""

    commands: Mapping[str, Vocabulary]
    """Commands per context (the voice loop's state, by name); "" is every command.
    Contexts whose phrases are the same share one grammar and model in the engines."""
    answers: Mapping[str, Vocabulary]
    """Answers to a question before something others see, per context; "" for any."""
    editing: Vocabulary
    """Editing commands said while dictating ("send it", "scratch that")."""
    correction: Vocabulary
    """Correction commands while dictating ("none of those", "number two", letters)."""
    correction_sentences: Callable[[Sequence[str]], list[str]]
    """Correction sentences using these words of replies ("correct fatigue"), for the
    dictation language model."""
    correction_answers: Mapping[str, Vocabulary] = field(default_factory=dict)
    """What a correction waits for (a choice, letters), by the context the voice loop
    then listens in (DICTATION mode): exactly those answers and the editing commands, with
    other commands as the garbage path. Dictated speech is decoded with it first, so an
    answer is not heard as the likelier words of free dictation."""
    completeness: Mapping[ListenMode, CompletenessCheck] = field(default_factory=dict)
    """How to judge a pause in command and answer mode (none: wait the usual silence)."""

    def command_vocabulary(self, mode: ListenMode, context: str = "") -> Vocabulary:
        """The command or answer vocabulary of ``context``, or the general one."""
        table = self.answers if mode is ListenMode.ANSWER else self.commands
        return table.get(context) or table[""]
