"""A command said in pieces, with a long pause between them: "open" … "topic three",
"reply to" … "Priya", "can you" … "read it".

The recognizer ends an utterance at a long pause, so a slow speaker's command may come in
two. The first piece, no command of its own but the beginning of one, is kept a while
(:attr:`VoiceSettings.command_piece_kept_s`) and put before the next: a tired person need
not start over. Only where commands are listened for: never while writing (words are
words) nor at a question before something public, where nothing may join into a yes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from voicepeer.commands.beginnings import (
    ARTICLES,
    begun_commands,
    is_lead_in,
    without_trailing_off,
)
from voicepeer.commands.editing import BARE_ANSWERS
from voicepeer.commands.intents import Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.matcher import Interpretation
from voicepeer.commands.text import normalize
from voicepeer.recognition.base import Heard
from voicepeer.voice.state_commands import interpret_in
from voicepeer.voice.states import State

KEPT_IN = frozenset({State.BROWSING, State.READING, State.BOOKMARKS, State.DRAFTS})
"""Where a beginning is kept for the rest: where commands, not answers or words, are
listened for."""
TAKE_YOUR_TIME = "Yes? Take your time."
GO_ON = "Yes? Go on."
WHICH_ONE = "Open which one? Say its number."
WHICH_POST = "Like which post? Say its number."


@dataclass(frozen=True)
class _Piece:
    text: str
    state: State
    at: float


class CommandPieces:
    """Keeps the beginning of a command heard, to put before what is said next."""

    def __init__(
        self, interpreter: Interpreter, monotonic: Callable[[], float], kept_s: float
    ) -> None:
        self.interpreter = interpreter
        self.monotonic = monotonic
        self.kept_s = kept_s
        self._piece: _Piece | None = None

    def asked_again(self, heard: Heard, state: State) -> str | None:
        """ "Yes" (or another bare answer) said to "Yes? Go on.": the beginning kept longer,
        and its question again; None when nothing is kept or ``heard`` is something else.
        Joined, "delete my" … "yes" was near "delete my post", and asked to delete it."""
        piece = self._piece
        if piece is None or piece.state is not state or normalize(heard.text) not in BARE_ANSWERS:
            return None
        self._piece = replace(piece, at=self.monotonic())
        return invitation(piece.text)

    def joined(self, heard: Heard, state: State) -> tuple[Heard, Interpretation] | None:
        """``heard`` after the beginning kept, with what the two mean together, when that
        is a command word for word, or else when ``heard`` alone is none and the two are
        near one (or still a beginning); None when nothing is kept for it or the two mean
        nothing together: then ``heard`` is taken on its own. What was kept is let go
        either way."""
        piece, self._piece = self._piece, None
        if (
            piece is None
            or piece.state is not state
            or self.monotonic() - piece.at > self.kept_s
            or heard.by_switch
        ):
            return None
        # "Open the" … "three": "open the three" is no command, "open three" is.
        readings = []
        for before in dict.fromkeys((piece.text, without_trailing_off(piece.text))):
            together = replace(
                heard, text=f"{before} {heard.text}", alternatives=(), words=(), passes=()
            )
            found = interpret_in(state, together, self.interpreter)
            if found.command is not None and not found.near:
                return together, found
            readings.append((together, found))
        alone = interpret_in(state, heard, self.interpreter)
        if alone.command is not None and not alone.near:
            # "Mark" … "like this post": a whole command said after all, not a muddle of two.
            return None
        for together, found in readings:
            if found.command is not None or found.ambiguous or self._begins(together.text):
                return together, found
        return None

    def keep(self, heard: Heard, state: State, found: Interpretation) -> str | None:
        """Keep ``heard`` when it is the beginning of a command and not one understood as
        said; what to say to ask for the rest, or None when it is not kept."""
        if state not in KEPT_IN or heard.by_switch or self.kept_s <= 0:
            return None
        if found.command is not None and not found.near:
            return None
        if not self._begins(heard.text) or self.interpreter.word_for_word(heard) is not None:
            # A whole command of another state ("yes" with no question, "back" at the
            # latest topics) is told it does nothing here, not asked for more.
            return None
        self._piece = _Piece(heard.text, state, self.monotonic())
        return invitation(heard.text)

    def _begins(self, text: str) -> bool:
        return bool(begun_commands(text)) or is_lead_in(text)


def invitation(text: str) -> str:
    """What asks for the rest of the beginning ``text``: short, and for "open the" what is
    missing."""
    if is_lead_in(text):
        return TAKE_YOUR_TIME
    words = normalize(text).split()
    begun = begun_commands(text)
    if words[0] == "open" or (words[0] == "read" and words[-1] in ARTICLES):
        return WHICH_ONE
    if begun == {Intent.LIKE}:
        return WHICH_POST
    return GO_ON
