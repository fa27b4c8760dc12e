"""What recognizers are told may be said, built from the intent catalogue: the phrases of
each context's grammar and language model, and the interpreter's test of a reading.

A context is a set of intents understood together (the voice loop names one per state).
Its command model weighs its own phrasings and keeps the other commands as a garbage path,
so speech meant for another state, or room talk, is heard as what it is instead of being
forced onto the nearest allowed command.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from voicepeer.commands.consent import CLEAR_YES, NOT_YES
from voicepeer.commands.intents import (
    FREE_TEXT_INTENTS,
    NUMBER_INTENTS,
    PHRASINGS,
    SLOT_INTENTS,
    Intent,
)
from voicepeer.commands.natural import everyday_sentences, free_text_prefixes
from voicepeer.number_words import spoken_numbers
from voicepeer.recognition.base import Vocabulary

PLAIN_WEIGHT = 5
"""How many times each plain phrasing counts in a command model, so that, summed over its
numbers, "open topic N" does not crowd out the other commands."""
GARBAGE_WEIGHT = 1
"""How many times each phrasing of a command that does not apply counts in a narrowed
command model, against :data:`PLAIN_WEIGHT` for the commands that do."""
CHOICES = 20
"""The most choices a poll has on a stock forum (Discourse's ``poll_maximum_options``):
the command model says votes up to it, so that a vote weighs less than a topic number."""
ANSWER_WEIGHT = 3
"""How many times each answer counts against the other speech in the answer model (the
engine's own checks of the sounds keep "yeah" from passing as "yes")."""
ANSWER_INTENTS = frozenset({Intent.YES, Intent.NO, Intent.CANCEL, Intent.READ_BACK})
"""What a question before posting or liking is answered with (the commands that work
everywhere are understood too)."""


def _words(phrase: str) -> list[str]:
    return phrase.lower().replace("-", " ").split()


def command_phrasings(
    aliases: Mapping[str, Intent] | None = None,
) -> dict[Intent, tuple[str, ...]]:
    """Every phrasing per intent, with the caregiver's aliases added, lower case."""
    table = {i: [" ".join(_words(p)) for p in ps] for i, ps in PHRASINGS.items()}
    for phrase, intent in (aliases or {}).items():
        text = " ".join(_words(phrase))
        if text and text not in table[intent]:
            table[intent].append(text)
    return {intent: tuple(ps) for intent, ps in table.items()}


def command_sentences(
    phrasings: Mapping[Intent, tuple[str, ...]], intents: Collection[Intent]
) -> list[str]:
    """Training text for a command language model: every phrasing of ``intents``, those
    taking a number ("open topic", "vote for choice") with every number, each plain phrasing
    :data:`PLAIN_WEIGHT` times."""
    sentences: list[str] = []
    for intent, phrases in phrasings.items():
        if intent not in intents:
            continue
        for phrase in phrases:
            if intent in NUMBER_INTENTS:
                numbers = spoken_numbers(CHOICES if intent is Intent.VOTE else 99)
                sentences += [f"{phrase} {number}" for number in numbers]
            else:
                sentences += [phrase] * PLAIN_WEIGHT
    return sentences


def command_vocabulary(
    phrasings: Mapping[Intent, tuple[str, ...]],
    intents: Collection[Intent],
    accepts: Callable[[str], bool],
    refuses: Callable[[str], bool],
    in_play: Collection[Intent] | None = None,
    *,
    everyday: bool = True,
) -> Vocabulary:
    """The command vocabulary of ``intents`` with the interpreter's tests of a reading.

    Narrower than every command, it keeps the phrasings of the other commands, said once
    each and bare of their values, as its garbage path (:data:`GARBAGE_WEIGHT`): a
    command of another state, or room talk made of command words, is then heard as what
    it is instead of being forced onto the nearest command of this one. ``in_play``: the
    commands that can apply here (default: ``intents``), see ``Vocabulary.in_play``.
    ``everyday``: with the everyday wordings of the commands (``Vocabulary.everyday``)."""
    wanted = set(intents)
    own = {p for i, ps in phrasings.items() if i in wanted for p in ps}
    garbage = sorted({p for i, ps in phrasings.items() if i not in wanted for p in ps} - own)
    return Vocabulary(
        phrases=tuple(
            p for i, ps in phrasings.items() if i in wanted and i not in SLOT_INTENTS for p in ps
        ),
        number_prefixes=tuple(p for i in NUMBER_INTENTS if i in wanted for p in phrasings[i]),
        numbers=tuple(spoken_numbers()) if wanted & set(NUMBER_INTENTS) else (),
        text_prefixes=(
            *(p for i in FREE_TEXT_INTENTS if i in wanted for p in phrasings[i]),
            *free_text_prefixes(wanted),
        ),
        other=tuple(garbage),
        sentences=(*command_sentences(phrasings, wanted), *garbage * GARBAGE_WEIGHT),
        everyday=tuple(everyday_sentences(phrasings, wanted)) if everyday else (),
        in_play=frozenset(i.value for i in (wanted if in_play is None else in_play)),
        accepts=accepts,
        refuses=refuses,
    )


def answer_vocabulary(
    phrasings: Mapping[Intent, tuple[str, ...]], accepts: Callable[[str], bool]
) -> Vocabulary:
    """The vocabulary of answers: a clear yes and the other answers; as other speech every
    other command phrasing, the slot commands without their value, and the near-yes sounds
    (:data:`voicepeer.commands.consent.NOT_YES`), so that speech like them is heard as what
    it is instead of being forced onto an answer."""
    answer: list[str] = list(CLEAR_YES)
    other: list[str] = list(NOT_YES)
    for intent, phrases in phrasings.items():
        if intent is not Intent.YES:
            (answer if intent in ANSWER_INTENTS else other).extend(phrases)
    answers = sorted(set(answer))
    others = sorted(set(other) - set(answer))
    return Vocabulary(
        phrases=tuple(answers),
        other=tuple(others),
        sentences=(*answers * ANSWER_WEIGHT, *others),
        accepts=accepts,
    )
