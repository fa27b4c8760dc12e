"""Edits said at "Shall I post it?" ("change brilliant to wonderful", "no, scratch that"):
made, and the question asked again, rather than taken for an unclear answer."""

from __future__ import annotations

from voicepeer.commands.editing import DictationAction, heard_action
from voicepeer.commands.text import normalize
from voicepeer.logs import transcript
from voicepeer.recognition.base import Heard
from voicepeer.voice.composer import Composer
from voicepeer.voice.states import State

WRITING_AT_QUESTION = {
    State.CONFIRMING: State.DICTATING,
    State.SENDING: State.COMPOSING,
    State.CHANGING_POST: State.EDITING_POST,
}
"""Where each question before words go to the forum goes back to, for an edit said at it."""
EDITS_AT_QUESTION = frozenset(
    {
        DictationAction.SCRATCH,
        DictationAction.DELETE_WORD,
        DictationAction.DELETE_SENTENCE,
        DictationAction.START_OVER,
        DictationAction.RETITLE,
    }
)
"""Editing commands said at such a question: made, not "Please say yes or no". Not "undo",
which there may as well mean "do not post it". "Change the title" was a no, and the new
title went into the post."""


class EditsAtQuestion:
    """Tells an edit said at a question before words go to the forum from an answer."""

    def __init__(self) -> None:
        self.asked_again = False
        """An edit said at a question before words go to the forum was made, and the
        question asked again: "undo" there takes it back."""
        self.undoable = True
        """The edit made last can be taken back by "undo" (a new title cannot)."""
        self.emptied_from: State | None = None
        """The question an edit said at it emptied the words at (so it was left): "undo"
        right after brings the words back, and the question with them."""
        self.waiting_from: State | None = None
        """The question an edit said at it left for a question of the edit's own ("Replace
        shop with what?", a spelling, a new title): asked again once that is answered. The
        question had been dropped, and the next "yes" written into the reply."""

    def edit_in(self, heard: Heard, question: State, writer: Composer | None) -> Heard | None:
        """The edit ``heard`` at ``question`` makes to what ``writer`` writes (a leading
        "no" left out), to be made before the question is asked again; None for anything
        else."""
        writing = WRITING_AT_QUESTION.get(question)
        edited_last, self.asked_again = self.asked_again, False
        if writing is None or writer is None:
            return None
        words = normalize(heard.text).split()
        edit = Heard(" ".join(words[1:]), heard.confidence) if words[:1] == ["no"] else heard
        action = heard_action(edit)
        if action is DictationAction.RETITLE and (
            "title" not in words or question is State.CHANGING_POST
        ):
            # "No, let me change it" is a no, near "change title" as it is. A posted topic's
            # title has a question of its own, which would be asked over this one.
            action = None
        # "Undo" straight after such an edit takes it back (it was only asked again).
        undoes = edited_last and action is DictationAction.UNDO
        edits = undoes or action in EDITS_AT_QUESTION
        if not edits and not writer.corrector.would_take(edit, writer.draft):
            return None
        transcript.info("did: an edit said at the question, made before asking again")
        # A title is no change to the words: "undo" after it would take out their last part.
        self.undoable = action is not DictationAction.RETITLE
        return edit
