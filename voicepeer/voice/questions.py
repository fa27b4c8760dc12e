"""Questions the voice loop waits on an answer to: what is asked about with a yes or no,
the changes a clear yes makes, and how each question is asked again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from voicepeer.voice.saved_drafts import DRAFT_QUESTIONS
from voicepeer.voice.states import State

ASK_SEARCH_WORDS = "What shall I look for? Say the words, or say cancel."
OPEN_QUESTIONS: dict[State, str] = {
    State.CONTENT_NOTE: "Shall I read this post? Please say yes or no.",
    State.VOTING: "Shall I cast this vote? Please say yes or no.",
    **DRAFT_QUESTIONS,
    State.SEARCHING: ASK_SEARCH_WORDS,
}
"""States that wait for an answer, and how the question is asked again (after a
mishearing, after "stop" cut voicepeer short, or after "where am I"). CONFIRMING asks its
composer, since a private reply is sent, not posted; VOTING names the choice again; the
questions of a new conversation are the peer loop's (naming the person offered); QUITTING
names what stays saved."""


class Asked(Protocol):
    """Something asked about with a yes or no (a like, a vote, a change to one's own post):
    the question, the question again after an unclear answer, and what to say when the
    answer is no."""

    @property
    def question(self) -> str: ...

    @property
    def question_again(self) -> str: ...

    @property
    def declined(self) -> str: ...


AskedT = TypeVar("AskedT", bound=Asked)


@dataclass(frozen=True)
class Change:
    """A change asked about (the person's own post deleted, brought back or added to;
    topics marked read), and what makes it on a clear yes."""

    asked: Asked
    make: Callable[[], None]
    back_to: State = State.READING
    """Where the answer leads: where the question was asked."""


CHANGES = frozenset(
    {State.DELETING_POST, State.RECOVERING_POST, State.ADDING_TO_REPLY, State.MARKING_READ}
)
"""The states asking about a change (one Change at a time)."""
