"""Looking on the whole forum for words: "search for heat" at once, or "search for", a pause,
and the words on their own after "what shall I look for?"."""

from __future__ import annotations

from collections.abc import Callable

from voicepeer.commands.interpreter import Interpreter
from voicepeer.recognition.base import Heard
from voicepeer.voice.ports import Say
from voicepeer.voice.questions import ASK_SEARCH_WORDS
from voicepeer.voice.reader import Reader, Searched
from voicepeer.voice.states import State
from voicepeer.voice.written_forms import WRITTEN_FORMS, as_written

SEARCH_WORDS_HELP = "Say what to look for, for example: heat. Or say cancel."

LONGER_WORDS = {"ms": "multiple sclerosis", "ot": "occupational therapy"}
"""Short words of the forums' talk, too short for a forum to look for, and the longer words
that mean the same, offered instead."""


class Searching:
    """Runs a search and the question for its words; moves the voice loop with ``go``."""

    def __init__(
        self,
        reader: Reader,
        interpreter: Interpreter,
        say: Say,
        state: Callable[[], State],
        go: Callable[[State], None],
    ) -> None:
        self._reader = reader
        self._interpreter = interpreter
        self._say = say
        self._state = state
        self._go = go
        self._search_from = State.BROWSING
        """Where "search for" was said, to go back to when nothing is looked for."""

    def search(self, query: str) -> None:
        """ "Search for" and ``query``, or, with no words, the question for them."""
        if query.strip():
            self._show_search(query)
            return
        # "search for" and a pause: the words may come next, on their own.
        self._search_from = self._state()
        self._go(State.SEARCHING)
        self._say(ASK_SEARCH_WORDS)

    def cancel(self, where: Callable[[], str]) -> None:
        """Cancel at the question: back where "search for" was said, told where that is."""
        self._go(self._search_from)
        self._say("No search. " + where())

    def hear(self, heard: Heard) -> None:
        """The answer to "what shall I look for?" (when it does not leave the question)."""
        action = self._interpreter.editing(heard)
        words = "" if action is not None else self._interpreter.search_words(heard)
        if not words:
            self._say(SEARCH_WORDS_HELP)
        else:
            self._show_search(words)

    def _show_search(self, query: str) -> None:
        searched = self._reader.show_search(query)
        state = self._state()
        if searched is Searched.SHOWN:
            self._go(State.BROWSING)
        elif searched is Searched.TOO_SHORT and state is State.SEARCHING:
            # Asked again: a longer word is looked for as said, without "search for" again.
            self._say(f"Say {longer_words(query)}, or say cancel.")
        elif searched is Searched.TOO_SHORT:
            # Not asked here: what the person says next may well be a command, not a word.
            self._say(f"Say search for, and {longer_words(query)}.")
        elif state is State.SEARCHING:  # nothing found, or no forum: said so
            self._go(self._search_from)


def longer_words(query: str) -> str:
    """What to say instead of ``query``, too short to look for: the longer words for it
    ("a longer word, like multiple sclerosis"), or it with another word ("MS nurse" is
    looked for: one word long enough is)."""
    longer = LONGER_WORDS.get(query.strip().lower())
    if longer is not None:
        return f"a longer word, like {longer}"
    words = query.split()
    if len(words) > 1:
        return "a longer word, or another word with them"
    return f"a longer word, or {' '.join(as_written(words, WRITTEN_FORMS))} with another word"
