"""Command grammars generated from the intent catalogue: JSGF for PocketSphinx, a word
list for Vosk, and :class:`CommandShapes` to tell whether a decoded text is a whole command.

Rejection is not done with an out-of-grammar word loop in the JSGF grammar: PocketSphinx's
grammar search slows down by two orders of magnitude with one (measured: 12-140 s for a
3 s sentence with a 30-80 word loop) and the loop also swallows real commands. Instead
the PocketSphinx engine compares the grammar result with a free language-model reading
of the same audio (:mod:`voicepeer.recognition.sphinx`); Vosk has ``[unk]``.

``search`` takes free text, which no grammar can hold: the grammar has the bare search
phrasings ("search for"), and a query comes from the free reading of the same audio
("search for fatigue"). A bare "search for" gives a search without a query; the voice loop
then asks "Search for what?" and takes the answer as dictation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

from voicepeer.commands.intents import FREE_TEXT_INTENTS, PHRASINGS, SLOT_INTENTS, Intent
from voicepeer.commands.numbers import NUMBER_WORDS, parse_number


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


def vocabulary(aliases: Mapping[str, Intent] | None = None) -> set[str]:
    """All words the command grammar can produce (without the filler words)."""
    words = {w for ps in command_phrasings(aliases).values() for p in ps for w in _words(p)}
    return words | set(NUMBER_WORDS)


_DIGITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_JSGF_TOKEN = re.compile(r"^[a-z][a-z']*$")


def _jsgf_word(word: str) -> str:
    if not _JSGF_TOKEN.match(word):
        raise ValueError(f"cannot put {word!r} in a grammar")
    return word


def _alternatives(phrases: Iterable[str]) -> str:
    return " | ".join(" ".join(_jsgf_word(w) for w in _words(p)) for p in sorted(set(phrases)))


def jsgf_grammar(
    aliases: Mapping[str, Intent] | None = None,
    *,
    known_words: set[str] | None = None,
    intents: Iterable[Intent] | None = None,
) -> str:
    """The command grammar in JSGF.

    ``known_words`` (the recognizer's dictionary) drops phrasings with words it cannot
    pronounce rather than failing to load. ``intents`` restricts the grammar (e.g. only
    ``wake`` while asleep).
    """
    phrasings = command_phrasings(aliases)
    wanted = set(intents) if intents is not None else set(Intent)

    def usable(phrase: str) -> bool:
        return known_words is None or all(w in known_words for w in _words(phrase))

    plain: list[str] = []
    for intent, phrases in phrasings.items():
        if intent in wanted and intent not in SLOT_INTENTS:
            plain += [p for p in phrases if usable(p)]
    numbers = [w for w in NUMBER_WORDS if known_words is None or w in known_words]
    rules = [
        "#JSGF V1.0;",
        "grammar voicepeer;",
        f"<digit> = ({_alternatives(n for n in numbers if n in _DIGITS)});",
        f"<teen> = ({_alternatives(n for n in numbers if n in _TEENS)});",
        f"<tens> = ({_alternatives(n for n in numbers if n in _TENS)});",
        "<below100> = <digit> | <teen> | <tens> [<digit>];",
        # Up to 99: topic lists are read a page (30) at a time, and hundreds only add
        # paths that short commands get mistaken for.
        "<number> = <below100>;",
    ]
    branches = [f"({_alternatives(plain)})"] if plain else []
    if Intent.OPEN in wanted:
        opens = [p for p in phrasings[Intent.OPEN] if usable(p)]
        # The prefix is required: bare numbers would compete with every short command.
        rules.append(f"<open> = ({_alternatives(opens)}) <number>;")
        branches.append("<open>")
    for intent in FREE_TEXT_INTENTS:
        # Said bare ("search for", "message"): the value comes from the free reading, or
        # the voice loop asks for it.
        bare = [p for p in phrasings[intent] if usable(p)] if intent in wanted else []
        if bare:
            branches.append(f"({_alternatives(bare)})")
    rules.append(f"public <utterance> = {' | '.join(branches)};")
    return "\n".join(rules) + "\n"


def vosk_grammar(
    aliases: Mapping[str, Intent] | None = None, intents: Iterable[Intent] | None = None
) -> str:
    """The command grammar as the JSON phrase list Vosk takes, with ``[unk]`` for
    everything else (Vosk returns ``[unk]`` for speech outside the list)."""
    wanted = set(intents) if intents is not None else set(Intent)
    phrases = [p for i, ps in command_phrasings(aliases).items() if i in wanted for p in ps]
    if Intent.OPEN in wanted:
        phrases += list(NUMBER_WORDS)
    return json.dumps([*sorted(set(phrases)), "[unk]"])


class CommandShapes:
    """Tells whether a decoded text is one whole command phrasing, and splits searches."""

    def __init__(
        self, aliases: Mapping[str, Intent] | None = None, intents: Iterable[Intent] | None = None
    ) -> None:
        wanted = set(intents) if intents is not None else set(Intent)
        table = {i: ps for i, ps in command_phrasings(aliases).items() if i in wanted}
        self._plain = {p for i, ps in table.items() if i not in SLOT_INTENTS for p in ps}
        self._open = tuple(sorted(table.get(Intent.OPEN, ()), key=len, reverse=True))
        self._search = tuple(sorted(table.get(Intent.SEARCH, ()), key=len, reverse=True))
        self._free = {p for i in FREE_TEXT_INTENTS for p in table.get(i, ())}

    def shape(self, text: str) -> str:
        """"command", "open", "search" (a bare free-text command such as "search for" or
        "message") or "none" (not a whole command)."""
        text = " ".join(_words(text))
        if text in self._plain:
            return "command"
        if text in self._free:
            return "search"
        for prefix in self._open:
            if text.startswith(prefix + " ") and parse_number(text[len(prefix) + 1 :]):
                return "open"
        return "none"

    def split_search(self, text: str) -> tuple[str, str] | None:
        """("search for", "fatigue") when ``text`` starts with a search phrasing and goes
        on; ``None`` otherwise."""
        words = _words(text)
        if " ".join(words) in self._search:
            return None
        for prefix in self._search:
            head = prefix.split()
            if words[: len(head)] == head and len(words) > len(head):
                return prefix, " ".join(words[len(head) :])
        return None


def spoken_numbers(limit: int = 99) -> list[str]:
    """Topic numbers as said aloud, 1 to ``limit`` (at most 99)."""
    below20 = [*_DIGITS, *_TEENS]
    out = below20[: min(limit, 19)]
    for tens_index, tens in enumerate(_TENS):
        for unit in ("", *_DIGITS):
            value = 20 + 10 * tens_index + (_DIGITS.index(unit) + 1 if unit else 0)
            if value <= limit:
                out.append(f"{tens} {unit}".strip())
    return out


def command_sentences(
    aliases: Mapping[str, Intent] | None = None,
    *,
    known_words: set[str] | None = None,
    intents: Iterable[Intent] | None = None,
) -> list[str]:
    """Training text for the command language model: every phrasing, "open" phrasings
    with every topic number, each plain phrasing repeated so that, summed over numbers,
    "open" does not crowd out the other commands."""
    wanted = set(intents) if intents is not None else set(Intent)
    sentences: list[str] = []
    for intent, phrases in command_phrasings(aliases).items():
        if intent not in wanted:
            continue
        for phrase in phrases:
            if known_words is not None and not all(w in known_words for w in _words(phrase)):
                continue
            if intent is Intent.OPEN:
                sentences += [f"{phrase} {number}" for number in spoken_numbers()]
            else:
                sentences += [phrase] * 5
    return sentences


ANSWER_INTENTS = frozenset({Intent.YES, Intent.NO, Intent.CANCEL, Intent.READ_BACK})
"""What a question before posting or liking is answered with (the commands that work
everywhere are understood too)."""


def answer_phrases(
    aliases: Mapping[str, Intent] | None = None, *, known_words: set[str] | None = None
) -> dict[str, list[str]]:
    """The vocabulary of answers: ``"answer"`` — a clear yes and the other answers;
    ``"other"`` — every other command phrasing, the slot commands without their value, and
    the near-yes sounds (:data:`voicepeer.commands.consent.NOT_YES`), so that speech like
    them is heard as what it is instead of being forced onto an answer."""
    from voicepeer.commands.consent import CLEAR_YES, NOT_YES

    def usable(phrase: str) -> bool:
        return known_words is None or all(w in known_words for w in _words(phrase))

    answer: list[str] = list(CLEAR_YES)
    other: list[str] = list(NOT_YES)
    for intent, phrases in command_phrasings(aliases).items():
        if intent is Intent.YES:
            continue
        (answer if intent in ANSWER_INTENTS else other).extend(phrases)
    return {"answer": sorted({p for p in answer if usable(p)}),
            "other": sorted({p for p in other if usable(p)} - set(answer))}


def answer_sentences(
    aliases: Mapping[str, Intent] | None = None, *, known_words: set[str] | None = None
) -> list[str]:
    """Training text for the answer language model: the answers weigh more than the rest
    (the engine's own checks of the sounds keep "yeah" from passing as "yes")."""
    phrases = answer_phrases(aliases, known_words=known_words)
    return phrases["answer"] * 3 + phrases["other"]
