"""Whether what was heard so far is a whole command that nothing longer would change.

"latest" is complete: "latest topics" means the same. "open topic", "search for" and "go
to" are unfinished: a number, a query or "sleep" may follow and change what happens. So is
"next" wherever "next paragraph" can apply: only the voice loop's state tells whether it can
(see ``in_play``). So is "unread": "unread topics" means the same, but its end alone
("topics") is another command, which a pause after "unread" would leave to be heard. The
endpointer ends an utterance quickly after a complete command and waits patiently after an
unfinished one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from voicepeer.commands.intents import NUMBER_INTENTS, PHRASINGS, SLOT_INTENTS, Intent
from voicepeer.commands.numbers import parse_number
from voicepeer.commands.text import normalize
from voicepeer.number_words import TENS
from voicepeer.recognition.base import Completeness

NOT_COMMANDS = frozenset({Intent.SEND, Intent.SCRATCH, Intent.READ_BACK, Intent.CANCEL})
"""Said only while dictating or answering "Shall I post it?", never as a command: "read" is
complete although "read it back" is longer."""
_SHORT_ANSWERS = frozenset({Intent.YES.value, Intent.NO.value})

__all__ = ["Completeness", "CompletenessJudge"]


class CompletenessJudge:
    """Judges texts against every phrasing (with the caregiver's aliases), or against
    ``phrases`` when given (e.g. the answers to a question, where "yes" is unfinished
    because "yes but" and "yes wait" take it back)."""

    def __init__(
        self,
        aliases: Mapping[str, Intent] | None = None,
        phrases: Iterable[tuple[str, str]] | None = None,
    ) -> None:
        if phrases is None:
            table = [
                (normalize(p), i.value)
                for i, ps in PHRASINGS.items()
                if i not in NOT_COMMANDS
                for p in ps
            ]
            table += [(normalize(p), Intent(i).value) for p, i in (aliases or {}).items()]
        else:
            table = [(normalize(p), meaning) for p, meaning in phrases]
        self._meaning = {p: m for p, m in table if p}
        self._slots = {normalize(p) for i in SLOT_INTENTS for p in PHRASINGS[i]}
        # Longest first, so "open topic three" is not read as "open" + "topic three".
        self._number_prefixes = sorted(
            ((p.split(), i) for i in NUMBER_INTENTS for p in PHRASINGS[i]),
            key=lambda item: len(item[0]),
            reverse=True,
        )
        self._slot_meanings = {i.value for i in SLOT_INTENTS}

    @classmethod
    def for_answers(cls, aliases: Mapping[str, Intent] | None = None) -> CompletenessJudge:
        """Answers to a yes-or-no question: a clear yes is never complete ("yes but")."""
        from voicepeer.commands.consent import CLEAR_YES, NOT_YES, TAKE_BACKS

        phrases = [(p, "yes") for p in CLEAR_YES] + [(p, "not yes") for p in NOT_YES]
        phrases += [(f"{y} {t}", "not yes") for y in CLEAR_YES for t in TAKE_BACKS]
        phrases += [(p, i.value) for i, ps in PHRASINGS.items() if i is not Intent.YES for p in ps]
        phrases += [
            (p, Intent(i).value) for p, i in (aliases or {}).items() if Intent(i) is not Intent.YES
        ]
        return cls(phrases=phrases)

    def judge(self, text: str, in_play: Collection[str] | None = None) -> Completeness:
        """``in_play``: the meanings (intent names) that can apply now, ``None`` for all.
        A longer command that cannot apply ("next paragraph" in a topic list) leaves its
        beginning ("next") complete."""
        words = normalize(text).split()
        if not words:
            return Completeness.UNKNOWN
        heard = " ".join(words)
        if self._is_slot_start(words):
            return Completeness.UNFINISHED
        longer = {
            m
            for p, m in self._meaning.items()
            if p.startswith(heard + " ") and (in_play is None or m in in_play)
        }
        meaning = self._meaning.get(heard)
        if meaning is not None and meaning not in self._slot_meanings:
            whole = longer <= {meaning} and self._rests(heard, in_play) <= {meaning}
            return Completeness.COMPLETE if whole else Completeness.UNFINISHED
        if self._numbered(words) is not None:
            # "open topic twenty" may go on: "twenty one".
            return Completeness.UNFINISHED if words[-1] in TENS else Completeness.COMPLETE
        return Completeness.UNFINISHED if longer else Completeness.UNKNOWN

    def meaning(self, text: str) -> str | None:
        """What a complete command does ("next", "open 12"), to compare two readings."""
        words = normalize(text).split()
        numbered = self._numbered(words)
        if numbered is not None:
            return f"{numbered[0].value} {numbered[1]}"
        if self._is_slot_start(words):
            return None  # "open topic": its number is still to come
        return self._meaning.get(" ".join(words))

    def is_short_answer(self, meaning: str | None) -> bool:
        """ "yes" or "no": a command grammar forced to pick a phrasing often picks one of
        them for other short speech ("next" as "yep")."""
        return meaning in _SHORT_ANSWERS

    def _rests(self, heard: str, in_play: Collection[str] | None) -> set[str]:
        """What the rest of each longer phrasing means alone, when it is a whole command:
        "unread topics" cut after "unread" would leave "topics" to be heard as "latest
        topics". ("next topic" leaves "topic", which does nothing without its number.)"""
        rests = (p[len(heard) + 1 :] for p in self._meaning if p.startswith(heard + " "))
        return {
            m
            for rest in rests
            if (m := self._meaning.get(rest)) is not None
            and m not in self._slot_meanings
            and (in_play is None or m in in_play)
        }

    def _is_slot_start(self, words: list[str]) -> bool:
        """A slot phrasing with its value still to come ("open topic", "search for")."""
        return " ".join(words) in self._slots

    def _numbered(self, words: list[str]) -> tuple[Intent, int] | None:
        """The intent and N of "open topic N" or "vote for choice N" (longest prefix
        first), or ``None``."""
        for prefix, intent in self._number_prefixes:
            if words[: len(prefix)] == prefix and len(words) > len(prefix):
                number = parse_number(" ".join(words[len(prefix) :]))
                return None if number is None else (intent, number)
        return None
