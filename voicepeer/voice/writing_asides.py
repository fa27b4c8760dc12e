"""Things said about the words being written that are no editing command of their own, and
must not be written in: throwing them away ("delete this draft", the drafts list's
command), asked about first, and asking to fix them ("fix it", "edit it"), answered with
how to change a word.
"""

from __future__ import annotations

from enum import Enum

from voicepeer.commands.intents import Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.natural import unwrap
from voicepeer.commands.text import normalize
from voicepeer.recognition.base import Heard

FIX_WORDS = frozenset(
    {"fix it", "fix that", "edit it", "edit that", "fix my reply", "edit my reply", "fix this"}
)
"""Asking to change what is written without saying what: most likely a word heard wrong.
"Correct it" is not among them: the corrector takes "it" as the word to correct."""
NOT_SENDING = frozenset(
    {"unsend it", "unsend", "don't send it", "do not send it", "don't post it"}
    | {"do not post it", "don't send", "don't post", "don't send that", "don't post that"}
)
"""Said while writing, a wish that it is not sent: nothing is (it was heard as "send it", or
written in with advice to say send it)."""
PUT_ASIDE_WHILE_WRITING = frozenset(
    {"save it as a draft", "save this as a draft", "save my reply", "save the draft"}
    | {"keep it for later", "i'll finish this tomorrow", "i'll finish it tomorrow"}
    | {"i'll finish it later", "i'll finish this later", "save it for tomorrow"}
)
"""Said whole while writing a reply, topic or message, they put it aside, saved (as
"cancel" does): written in, "I'll finish this tomorrow" was posted with the reply next day."""


LOST_THE_THREAD = frozenset(
    {"where was i", "what was i saying", "where was i up to", "what was i saying again"}
)
"""Said while writing, a wish to hear how the words end so far: answered with their last
words (it was written in, with advice to cancel the reply)."""
MAX_ANSWER_WORDS = 4
"""Said after "Delete your reply?", longer utterances are more of it, not an answer."""


def fix_help(what: str) -> str:
    """How to change a word of the ``what`` ("reply") being written."""
    return (
        f"To change a word, say correct and the word, like: correct walk, then choose the "
        f"right one or spell it. Or say replace and the words, like: replace walk with talk. "
        f"To hear your {what}, say read it back."
    )


class Answer(Enum):
    YES = "yes"
    NO = "no"
    AGAIN = "again"
    """No answer (a few words that are neither): the question is asked again."""
    TALK = "talk"
    """More words of what is written: the question is dropped, nothing thrown away."""


class Discarding:
    """ "Delete this draft" while writing: asked about, and done only after a clear yes."""

    def __init__(self, interpreter: Interpreter) -> None:
        self._interpreter = interpreter
        self.asked = False

    def meant(self, heard: Heard) -> bool:
        """Whether ``heard`` asks, word for word, to throw away what is written."""
        return self._interpreter.word_for_word(heard, {Intent.REMOVE_DRAFT}) is not None

    def answer(self, heard: Heard) -> Answer:
        """The answer to the question asked; the question is over unless asked again. Only
        a clear yes deletes, as before anything public: the words are gone for good once the
        person leaves ("yeah", "sure" and "go ahead" deleted them)."""
        found = self._interpreter.answer(heard, {Intent.YES, Intent.NO, Intent.CANCEL})
        intent = found.command.intent if found.command is not None and not found.near else None
        if intent is None and len(heard.text.split()) <= MAX_ANSWER_WORDS:
            return Answer.AGAIN
        self.asked = False
        if intent is Intent.YES:
            return Answer.YES
        return Answer.TALK if intent is None else Answer.NO


def asks_not_to_send(heard: Heard) -> bool:
    """Whether ``heard`` is, as a whole, a wish that what is written is not sent."""
    return unwrap(normalize(heard.text)) in NOT_SENDING


def lost_the_thread(heard: Heard) -> bool:
    """Whether ``heard`` is, as a whole, a wish to hear where the words got to."""
    return unwrap(normalize(heard.text)) in LOST_THE_THREAD


def asks_to_fix(heard: Heard) -> bool:
    """Whether ``heard`` is, as a whole, a wish to fix what is written ("fix it please")."""
    return unwrap(normalize(heard.text)) in FIX_WORDS


def puts_aside(heard: Heard) -> bool:
    """Whether ``heard`` asks, whole, to keep what is being written for later."""
    return unwrap(normalize(heard.text)) in PUT_ASIDE_WHILE_WRITING
