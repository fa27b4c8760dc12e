"""Answers to "Did you mean next or back?" and "Did you mean Priya Nair?": the place of a
meaning offered ("the first one", "the second"), and, when only one was offered, "that
one" or a yes.

Heard on their own, "the second one" opens a topic and "that one" is no command; right
after the question they answer it. The question itself is here too, and "which one?" for
a yes to two meanings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from voicepeer.commands import Command
from voicepeer.commands.choices import place_said
from voicepeer.commands.intents import Intent, canonical
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.matcher import Interpretation
from voicepeer.commands.natural import unwrap
from voicepeer.commands.text import normalize
from voicepeer.logs import transcript
from voicepeer.recognition.base import Heard
from voicepeer.voice.states import ASKING_CONSENT, State

THAT_ONE = frozenset(
    {"that one", "this one", "that's the one", "that's it", "the one", "yes that one"}
)
"""Words that point at the one meaning offered."""

Meaning = TypeVar("Meaning")


def meaning_chosen(said: str, offered: Sequence[Meaning], *, yes: bool) -> Meaning | None:
    """The one of ``offered`` that ``said`` picks by its place, or, when only one was
    offered, by pointing at it or (``yes``: the interpreter heard a yes) agreeing;
    ``None`` when it picks none."""
    if not offered:
        return None
    place = place_said(said, len(offered))
    if place is not None:
        return offered[place - 1]
    if len(offered) == 1 and (yes or unwrap(normalize(said)) in THAT_ONE):
        return offered[0]
    return None


def did_you_mean(meant: Sequence[Intent]) -> str:
    """The question "Did you mean like or who wrote this?" about the meanings offered."""
    return f"Did you mean {' or '.join(canonical(i) for i in meant)}?"


def which_one(
    state: State, heard: Heard, meant: Sequence[Intent], interpreter: Interpreter
) -> str | None:
    """A yes to "Did you mean like or who wrote this?" picks neither: which one is asked
    (the question stays); None when ``heard`` is no such yes."""
    if len(meant) < 2 or state in ASKING_CONSENT:
        return None
    if interpreter.word_for_word(heard, {Intent.YES}) is not Intent.YES:
        return None
    names = [canonical(i) for i in meant]
    first = ", ".join(names[:-1])
    return f"Which one? Say {first}, or {names[-1]}."


def answer_to_did_you_mean(
    state: State,
    heard: Heard,
    found: Interpretation,
    meant: tuple[Intent, ...],
    interpreter: Interpreter,
) -> Interpretation:
    """ "The second one" or "that one" said to "Did you mean …?" (``meant``: the meanings
    it offered): the command (or the member offered, as a yes) it picks, not a topic of
    the list or nothing; else ``found``. Never at a question before something public,
    where only a clear yes counts."""
    if state in ASKING_CONSENT:
        return found
    if state is State.CHOOSING and found.command is None and not found.ambiguous:
        meant = (Intent.YES,)
    if not meant:
        return found
    yes = interpreter.word_for_word(heard, {Intent.YES}) is Intent.YES
    chosen = meaning_chosen(heard.text, meant, yes=yes)
    if chosen is None:
        return found
    transcript.info("did: took it as the answer to did you mean")
    return Interpretation(Command(chosen), 1.0)
