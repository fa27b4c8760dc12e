"""Editing commands and marks said in two parts, as a slow speaker says them: "delete" …
"last word", "question" … "mark", "change shop to" … "store".

Each part alone is written in as words (or, for "scratch" … "that", the first part is the
command): together they are what was meant. Only when the first part is the beginning of
one, so that words of a reply are never taken for a command: "I will post" … "it" stays.
"""

from __future__ import annotations

from enum import Enum

from voicepeer.commands.correction import MAX_ASKED_WORDS, begins_a_deletion
from voicepeer.commands.editing import (
    DICTATION_PHRASES,
    EVERYDAY_EDITING,
    DictationAction,
    begins_a_command,
    words_to_delete,
)
from voicepeer.commands.text import normalize

JOINED_ACTIONS = frozenset(
    {
        DictationAction.DELETE_WORD,
        DictationAction.DELETE_SENTENCE,
        DictationAction.START_OVER,
        DictationAction.READ_BACK,
        DictationAction.RETITLE,
        DictationAction.SCRATCH,
    }
)
"""Editing commands taken from two parts. Not sending, cancelling or undoing: words of a
reply ("I will post" … "it") must not end up posted, put aside or taken out."""
MAX_PART_WORDS = 3
"""Longer parts are words of the reply."""
CORRECTION_LEADS = frozenset({"change", "replace"})
"""How a correction said in two parts begins ("change shop to" … "store"). Not "correct",
an everyday word ("the correct dose"), nor "change" alone ("I should change" … "my diet")."""
SEPARATORS = frozenset({"to", "into", "with", "by"})
"""How the first part of a correction said in two parts ends: the new words come next."""


_ALL_PHRASINGS = {
    action: frozenset((*DICTATION_PHRASES.get(action, ()), *EVERYDAY_EDITING.get(action, ())))
    for action in DictationAction
}
"""Each editing command's own wordings."""
_PHRASINGS = frozenset().union(*(_ALL_PHRASINGS[action] for action in JOINED_ACTIONS))
"""The wordings of the commands taken from two parts."""


def joined_command(first: str, second: str) -> str | None:
    """The editing command ``first`` and ``second`` make, said one after the other ("delete",
    "last word"), when ``first`` begins one; None otherwise."""
    before, after = normalize(first), normalize(second)
    if not before or not after:
        return None
    joined = f"{before} {after}"
    if words_to_delete(joined) > 1:
        return joined  # "delete" … "the last three words": a command as a whole, or none
    return joined if len(after.split()) <= MAX_PART_WORDS and joined in _PHRASINGS else None


class Join(Enum):
    """How a correction said in two parts is taken."""

    AS_SAID = "as said"
    """As the whole would be: "change shop to" … "store"."""
    ASKED = "asked"
    """A change it makes asked about first: the first part is as likely a sentence's
    beginning ("I want to" … "change my diet" … "to lose weight")."""


def joins_a_correction(first: str, then: str) -> Join | None:
    """How ``first``, written in as words, and ``then`` may be a correction said in two
    parts: "change shop to" … "store", "delete" … "afternoon" (words not found are words
    of the reply, so there is nothing to ask); asked about, "change sister" … "to brother"
    and "replace" … "shop with market"; "correct" … "shop" (which only asks). None when they
    may not: "change" alone is too often a sentence's ("then I had to" … "change" … "from
    Tecfidera to Ocrevus")."""
    words, rest = normalize(first).split(), normalize(then).split()
    if not words or not rest:
        return None
    if words in (["replace"], ["correct"]):
        return Join.ASKED
    if begins_a_deletion(tuple(words)):
        return Join.AS_SAID
    if words[0] not in CORRECTION_LEADS or len(words) > MAX_ASKED_WORDS + 2:
        return None
    if len(words) > 2 and words[-1] in SEPARATORS:
        return Join.AS_SAID
    return Join.ASKED if len(words) > 1 and rest[0] in SEPARATORS else None


def begins_an_edit(text: str) -> bool:
    """Whether ``text`` is only the beginning of an editing command or a correction, the
    rest not said yet: "replace", "delete the", "change Tuesday to"."""
    words = normalize(text).split()
    if len(words) == 1:
        return words[0] in {*CORRECTION_LEADS, "correct", "delete", "remove", "scratch"}
    if begins_a_deletion(tuple(words), naming=True):
        return True
    if words and words[0] in CORRECTION_LEADS and words[-1] in SEPARATORS:
        return True
    return begins_a_command(text)


def finishes(command: str, action: DictationAction, then: str) -> bool:
    """Whether ``then`` is the rest of ``command``, heard as the editing command ``action``
    and carried out on its first words ("scratch", then "that"): nothing more to do. Word
    for word only: "send it", then "thank you" is words to add."""
    joined = f"{normalize(command)} {normalize(then)}"
    return joined in _ALL_PHRASINGS.get(action, frozenset())
