"""What voicepeer tells once as it starts about settings it goes on without, rather than
stopping the person over them: a helper reads the whole of it in the terminal (or the
service's log) and in the log file; the person hears a short line only about what they
would notice themselves."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass

from voicepeer.config.aliases import closest_command, unknown_commands
from voicepeer.settings import Settings
from voicepeer.speech.factory import lexicon_problem
from voicepeer.voice.phrasing import and_list

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartNote:
    helper: str
    """What is not used, and how to mend it, for whoever set voicepeer up."""
    to_the_person: str = ""
    """The person's short line, when they would notice it; empty when they would not."""


def start_notes(settings: Settings) -> list[StartNote]:
    """Each setting voicepeer starts without, with what to do about it."""
    notes = []
    unknown = unknown_commands(settings.recognition.aliases)
    if unknown:
        notes.append(_words_left_out(unknown))
    lexicon = lexicon_problem(settings.speech)
    if lexicon is not None:
        notes.append(StartNote(str(lexicon)))
    return notes


def _words_left_out(unknown: dict[str, str]) -> StartNote:
    named = []
    for phrase, command in unknown.items():
        close = closest_command(command)
        named.append(f'"{phrase} = {command}"' + (f' (did you mean "{close}"?)' if close else ""))
    words = and_list(list(unknown))
    one = len(unknown) == 1
    return StartNote(
        "personal command words left out, as they name no voicepeer command: "
        + ", ".join(named)
        + ". In [recognition] aliases of the settings file, change each to a command as "
        "'voicepeer commands' lists it, or remove the line; then start voicepeer again. The "
        "person can still say the commands' own words.",
        f"I will not know your own command word{'' if one else 's'} {words}: "
        f"{'it is' if one else 'they are'} not set up right. Please ask your helper to fix "
        f"{'it' if one else 'them'}.",
    )


def tell_helper(notes: list[StartNote]) -> None:
    """Write each note once to the log and the terminal (stderr, which a service's log
    keeps), where the person's speech never goes."""
    for note in notes:
        log.warning("%s", note.helper)
        print(f"voicepeer: {note.helper}", file=sys.stderr, flush=True)
