"""Personal command words checked before they are used: a personal word must not take over
a built-in command, and must name a command voicepeer has.

``back = next`` would make "back" both "back" and "next", and the person would be asked
"Did you mean next or back?" every time; an alias to an unknown command is left out when
voicepeer starts, which says so then. Both are refused in ``configure`` and reported by
``doctor``.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from voicepeer.commands.intents import PHRASINGS, Intent, canonical
from voicepeer.commands.text import normalize


@dataclass(frozen=True)
class AliasProblem:
    phrase: str
    command: str
    problem: str
    """What is wrong, in plain words."""
    change: str
    """What to change it to, wherever it was written."""

    @property
    def fix(self) -> str:
        """What the caregiver can do about it in the settings file."""
        return f"{self.change}, or remove the line."

    def __str__(self) -> str:
        return f'"{self.phrase} = {self.command}": {self.problem}. {self.fix}'


def builtin_meaning(phrase: str) -> Intent | None:
    """The command ``phrase`` already says without any alias ("back" → back)."""
    text = normalize(phrase)
    for intent, phrasings in PHRASINGS.items():
        if text in (normalize(p) for p in phrasings):
            return intent
    return None


def intent_for(name: str) -> Intent | None:
    """``next``, ``NEXT`` or any phrasing ("next post") → the intent, else ``None``."""
    text = " ".join(name.lower().replace("_", " ").split())
    for intent in Intent:
        if text in (intent.value.replace("_", " "), *PHRASINGS[intent]):
            return intent
    return None


def command_names() -> list[str]:
    """Every command as the card says it ("latest topics"), for messages listing them."""
    return sorted({canonical(intent) for intent in Intent})


def closest_command(name: str) -> str | None:
    """The command ``name`` most likely misspells ("nxt" → "next"), if one is close."""
    close = difflib.get_close_matches(name.lower(), command_names(), n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_commands(aliases: Mapping[str, str]) -> dict[str, str]:
    """The personal words whose command is none voicepeer has, with what they name: left
    out when voicepeer starts (see :func:`usable_aliases`)."""
    return {phrase: str(command) for phrase, command in aliases.items() if not intent_for(command)}


def alias_problem(phrase: str, command: str) -> AliasProblem | None:
    """Why ``phrase = command`` would not work as the caregiver expects, or ``None``.
    ``command`` may be said as the command card says it ("latest topics"), in any case."""
    meant = intent_for(command)
    if meant is None:
        return AliasProblem(
            phrase,
            command,
            f'"{command}" is not a voicepeer command',
            f"Change it to one of: {', '.join(command_names())}",
        )
    taken = builtin_meaning(phrase)
    if taken is not None and taken is not meant:
        said = canonical(meant)
        return AliasProblem(
            phrase,
            command,
            f'"{phrase}" already means "{canonical(taken)}", so the person would be asked '
            f"which one they meant every time",
            f'Choose other words for "{said}", ones that are not a command already',
        )
    return None


def usable_aliases(aliases: Mapping[str, str]) -> dict[str, Intent]:
    """The personal words that name a command, with the command each names; the others
    are left out (``doctor`` names them, and ``voicepeer run`` as it starts), so that one
    mistyped line never keeps the person from using voicepeer."""
    named = {phrase: intent_for(command) for phrase, command in aliases.items()}
    return {phrase: intent for phrase, intent in named.items() if intent is not None}


def alias_problems(aliases: Mapping[str, str]) -> list[AliasProblem]:
    """Every personal word that conflicts with a built-in command or names none."""
    found = (alias_problem(phrase, str(command)) for phrase, command in aliases.items())
    return [problem for problem in found if problem is not None]
