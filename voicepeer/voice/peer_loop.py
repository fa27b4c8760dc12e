"""The voice loop's commands for saved posts and new conversations.

The assistant offers each command here first; :meth:`PeerLoop.dispatch` returns the state
to move to when it handled the command, ``None`` when it is the assistant's to handle.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from voicepeer.commands import Command, Intent
from voicepeer.recognition.base import Heard
from voicepeer.voice.bookmarks import Bookmarks
from voicepeer.voice.reader import Reader, ReadOutcome
from voicepeer.voice.states import State

_LISTING = frozenset({
    Intent.HELP, Intent.WHERE, Intent.REPEAT, Intent.STOP, Intent.FASTER, Intent.SLOWER,
    Intent.LOUDER, Intent.QUIETER, Intent.SLEEP, Intent.PAUSE, Intent.LATEST,
})

PEER_ALLOWED: Mapping[State, frozenset[Intent]] = {
    State.BROWSING: frozenset({Intent.BOOKMARKS}),
    State.READING: frozenset({Intent.BOOKMARKS, Intent.REMOVE_BOOKMARK}),
    State.BOOKMARKS: _LISTING | {
        Intent.OPEN, Intent.NEXT, Intent.PREVIOUS, Intent.READ, Intent.BACK,
        Intent.REMOVE_BOOKMARK, Intent.BOOKMARKS,
    },
}
"""Intents understood in each state, added to the assistant's own."""

PEER_QUESTIONS: Mapping[State, str] = {}
"""States here that wait for an answer, and how the question is asked again."""

DICTATION_STATES: frozenset[State] = frozenset()
"""States whose next utterance is text (a name, a title, a message), not a command."""


class PeerLoop:
    """Saved posts and new conversations, driven by the assistant's commands."""

    def __init__(self, reader: Reader, bookmarks: Bookmarks, say: Callable[[str], None]) -> None:
        self._reader = reader
        self.bookmarks = bookmarks
        self._say = say

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
        if state is State.BOOKMARKS:
            return self._in_bookmarks(command)
        return None

    def _in_bookmarks(self, command: Command) -> State | None:
        intent = command.intent
        if intent in (Intent.NEXT, Intent.PREVIOUS):
            self.bookmarks.step(+1 if intent is Intent.NEXT else -1)
            return State.BOOKMARKS
        if intent is Intent.OPEN:
            return _after_open(self.bookmarks.open_number(int(command.slots.get("number", 0))))
        if intent is Intent.READ:
            return _after_open(self.bookmarks.open_current())
        if intent is Intent.BACK:
            self._reader.close_topic()
            self._say("Back to the topic list. " + self._reader.current_list_line())
            return State.BROWSING
        return None

    def hear(self, state: State, heard: Heard) -> State:
        """One utterance taken as text in a dictation state."""
        raise AssertionError(f"{state.value} takes no dictation")

    def where(self, state: State) -> str | None:
        if state is State.BOOKMARKS and self.bookmarks.items:
            index = self.bookmarks.index
            return (f"You are in your bookmarks, on {index + 1} of "
                    f"{len(self.bookmarks.items)}: {self.bookmarks.items[index].title}.")
        return None


def _after_open(outcome: ReadOutcome) -> State:
    return {ReadOutcome.READ: State.READING, ReadOutcome.HELD: State.CONTENT_NOTE,
            ReadOutcome.FAILED: State.BOOKMARKS}[outcome]
