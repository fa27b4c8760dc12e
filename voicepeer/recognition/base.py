"""What the voice loop hears: utterances as text, from a recognizer or typed in."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol, runtime_checkable


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
    """Independent readings of the same audio by the recognizer's other decoding passes
    (answers only); a clear yes needs every one to agree. Empty for typed text."""
    by_switch: bool = False
    """The person pressed their yes switch instead of speaking."""


class Listener(Protocol):
    """Yields the user's utterances one at a time."""

    def listen(self, mode: ListenMode) -> Heard | None:
        """Block until the user has said something; ``None`` when input has ended for good.

        An empty ``Heard.text`` means speech was heard but nothing usable recognized.
        """
        ...

    def use_dictation_context(self, sentences: Sequence[str]) -> None:
        """Make the words a reply likely reuses more likely: bias dictation towards
        ``sentences`` (lower case, plain words) until the next call; an empty sequence goes
        back to no context. A listener whose engine cannot be biased ignores it."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class ExpectsCommands(Protocol):
    """A listener that can be told which commands can apply in what follows."""

    def expect_commands(self, intents: Collection[str] | None) -> None:
        """Only these commands (intent names) can apply, ``None`` for all: a command that
        only a longer one of another kind would change ("next" of "next paragraph") is
        whole where the longer one cannot apply, and is answered without waiting."""
        ...
