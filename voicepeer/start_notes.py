"""What voicepeer tells once as it starts about settings it goes on without, rather than
stopping the person over them: a helper reads the whole of it in the terminal (or the
service's log) and in the log file; the person hears a short line only about what they
would notice themselves."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

from voicepeer.settings import Settings
from voicepeer.speech.factory import lexicon_problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartNote:
    helper: str
    """What is not used, and how to mend it, for whoever set voicepeer up."""
    spoken: str = ""
    """The person's short line, when they would notice it; empty when they would not."""


def start_notes(settings: Settings) -> list[StartNote]:
    """Each setting voicepeer starts without, with what to do about it."""
    notes = []
    lexicon = lexicon_problem(settings.speech)
    if lexicon is not None:
        notes.append(StartNote(str(lexicon)))
    return notes


def tell_helper(notes: list[StartNote]) -> None:
    """Write each note once to the log and the terminal (stderr, which a service's log
    keeps), where the person's speech never goes."""
    for note in notes:
        log.warning("%s", note.helper)
        print(f"voicepeer: {note.helper}", file=sys.stderr, flush=True)
