"""The beginning of a command said before a pause: "open" … "topic three", "reply to" …
"Priya", "can you" … "read it".

Slow speech comes in pieces: the recognizer ends an utterance at a long pause, and its
first piece is no command of its own. :func:`begun_commands` tells which commands such a
piece may begin, so that the voice loop keeps it for the rest instead of saying "Sorry"
(the person would have to start over). A piece that only trails off ("open the", "read
the um") begins one too: the rest, which says which, was not said.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from voicepeer.commands.editing import dictation_action
from voicepeer.commands.everyday import EVERYDAY_WORDINGS
from voicepeer.commands.intents import (
    MATCHED_ONLY,
    ORDINAL_PHRASINGS,
    PHRASINGS,
    SENSES,
    SLOT_INTENTS,
    Intent,
)
from voicepeer.commands.natural import HESITATIONS, LEADING, SLOT_MARKS, tuning_phrasings, unwrap
from voicepeer.commands.text import normalize

TOPIC_ABOUT_WORDINGS = (
    "new topic about {query}",
    "a new topic about {query}",
    "start a new topic about {query}",
    "start a topic about {query}",
)
"""How a new topic is begun with what it is about (matched by matcher.topic_about)."""
NOT_BEGUN_ALONE = frozenset({"what"})
"""A word that begins a command's phrasing but, said alone, asks something of its own."""
ARTICLES = frozenset({"a", "an", "the"})
"""Said last, the word that would have said which one is still to come ("open the")."""
LEAD_INS = frozenset(
    " ".join(words[:cut])
    for phrase in LEADING
    for words in (phrase.split(),)
    if len(words) > 1
    for cut in range(2, len(words) + 1)
)
"""Politeness of two words or more said before a command ("can you", "i'd like to"): said
alone, the command is still to come. (One word, "right" or "so", is as often room talk.)"""


def begun_commands(text: str) -> frozenset[Intent]:
    """The commands ``text`` (as heard) is the beginning of, without being one of them
    whole: "open topic" begins "open topic three", "mark as" "mark as read". Empty when it
    begins none. Whether it is one whole as well is the interpreter's to say."""
    words = [w for w in normalize(text).split() if w not in HESITATIONS]
    if not words:
        return frozenset()
    plain = unwrap(" ".join(words)).split()
    untrailed = list(plain)
    while len(untrailed) > 1 and untrailed[-1] in ARTICLES:
        untrailed.pop()
    found = _beginnings()
    for said in (words, plain, untrailed):
        begun = found.get(tuple(said))
        if begun:
            return begun
    return frozenset()


def without_trailing_off(text: str) -> str:
    """``text`` (normalized) without the articles and hesitations it trails off with: "open
    the um" and "open the one" are "open", so that "open the" … "three" opens three."""
    words = normalize(text).split()
    while len(words) > 1:
        if words[-1] in ARTICLES or words[-1] in HESITATIONS:
            words.pop()
        elif words[-1] == "one" and len(words) > 2 and words[-2] in ARTICLES:
            del words[-2:]  # "open the one": not "open one", which opens the first
        else:
            break
    return " ".join(words)


def is_lead_in(text: str) -> bool:
    """Whether ``text`` is only politeness said before a command ("can you", "could you
    please"): the command itself is still to come."""
    words = [w for w in normalize(text).split() if w not in HESITATIONS]
    return " ".join(words) in LEAD_INS


@cache
def _beginnings() -> Mapping[tuple[str, ...], frozenset[Intent]]:
    """Every beginning of a wording, with the commands it begins: the first words of each
    wording short of the whole, and a wording's words before its value ("reply to" of
    "reply to {query}")."""
    begun: dict[tuple[str, ...], set[Intent]] = {}
    card = {normalize(p).split()[0] for t in (PHRASINGS, MATCHED_ONLY) for p in _all(t)}
    # Nor "what" ("what?" asks for it again), nor an editing command's word ("undo"),
    # which alone is told where it works.
    card = {w for w in card if w not in NOT_BEGUN_ALONE and dictation_action(w) is None}
    for wording, intent in _wordings():
        cut = wording.split()
        value_at = next((at for at, w in enumerate(cut) if w in SLOT_MARKS), None)
        words = tuple(normalize(" ".join(cut[:value_at])).split())
        last = len(words) + 1 if value_at is not None else len(words)
        # One word alone only when it begins a card phrasing ("open", "mark"): "the" or
        # "I" alone is as often the start of a sentence said to someone in the room.
        for end in range(1 if words and words[0] in card else 2, last):
            begun.setdefault(words[:end], set()).add(intent)
    return {words: frozenset(intents) for words, intents in begun.items()}


def _all(table: Mapping[Intent, tuple[str, ...]]) -> list[str]:
    return [phrase for phrases in table.values() for phrase in phrases]


def _wordings() -> Iterable[tuple[str, Intent]]:
    """Every wording of every command, with slot marks where a value goes."""
    for intent, phrases in PHRASINGS.items():
        mark = {"number": " {number}", "query": " {query}"}.get(SLOT_INTENTS.get(intent, ""), "")
        for phrase in phrases:
            yield phrase + mark, intent
    for table in (MATCHED_ONLY, EVERYDAY_WORDINGS, tuning_phrasings()):
        for intent, phrases in table.items():
            for phrase in phrases:
                yield phrase.lower(), intent
    for phrase, meanings in SENSES.items():
        yield phrase, meanings[0]
    for phrase in ORDINAL_PHRASINGS:
        yield phrase, Intent.OPEN
    for phrase in TOPIC_ABOUT_WORDINGS:
        yield phrase, Intent.NEW_TOPIC
