"""Match what was heard against the intent catalogue with fuzzy scoring and rejection."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

from voicepeer.commands.intents import MATCHED_ONLY, PHRASINGS, SLOT_INTENTS, Command, Intent
from voicepeer.commands.numbers import parse_number
from voicepeer.recognition.base import Heard

_NON_WORD = re.compile(r"[^\w' ]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalize(text: str) -> str:
    """Lower case, compatibility forms folded (full-width letters, ligatures), curly
    apostrophes straightened, punctuation and control characters removed, single spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    return " ".join(_NON_WORD.sub(" ", folded).replace("_", " ").split())


def is_number_alone(text: str) -> bool:
    """A number said on its own ("thirty nine"): never a command. Misheard short commands
    ("reply") come out as numbers, so a topic is opened only with its prefix ("open topic
    thirty nine", "number thirty nine")."""
    return parse_number(normalize(text)) is not None


@dataclass(frozen=True)
class Interpretation:
    """The matcher's verdict on one utterance."""

    command: Command | None
    """The command to run, or ``None`` when the utterance was rejected or ambiguous."""
    confidence: float = 0.0
    ambiguous: tuple[Intent, ...] = ()
    """Two or more intents that scored too close to tell apart: ask the user which."""


@dataclass(frozen=True)
class MatcherThresholds:
    min_score: float = 80.0
    """Lowest fuzzy score (0-100) accepted as a command."""
    ambiguity_margin: float = 6.0
    """Two intents scoring within this many points of each other are ambiguous."""
    min_engine_confidence: float = 0.3
    """Recognizer confidence (0-1) below which an utterance is rejected outright."""
    wake_min_score: float = 90.0
    """Stricter fuzzy score while asleep (only "wake up" allowed), so chatter cannot wake."""


class CommandMatcher:
    """Scores an utterance against every phrasing (and the caregiver's aliases)."""

    def __init__(
        self,
        aliases: Mapping[str, Intent] | None = None,
        thresholds: MatcherThresholds | None = None,
    ) -> None:
        self.thresholds = thresholds or MatcherThresholds()
        self._phrasings: list[tuple[str, Intent]] = [
            (normalize(p), intent) for intent, ps in PHRASINGS.items() for p in ps
        ]
        self._phrasings += [
            (normalize(p), Intent(intent)) for p, intent in (aliases or {}).items() if normalize(p)
        ]
        self._phrasings += [(normalize(p), i) for i, ps in MATCHED_ONLY.items() for p in ps]

    def interpret(self, heard: Heard, allowed: Collection[Intent] | None = None) -> Interpretation:
        text = normalize(heard.text)
        if (not text or heard.confidence < self.thresholds.min_engine_confidence
                or is_number_alone(text)):
            return Interpretation(None)
        slot_command = self._match_slot(text, allowed)
        if slot_command is not None:
            return Interpretation(slot_command, confidence=heard.confidence)
        best: dict[Intent, float] = {}
        for phrase, intent in self._phrasings:
            if allowed is not None and intent not in allowed:
                continue
            score = fuzz.ratio(text, phrase)
            if score > best.get(intent, -1.0):
                best[intent] = score
        ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
        # Asleep (or paused), only "wake up" / "resume" are allowed: chatter must not wake.
        asleep = allowed is not None and set(allowed) <= {Intent.WAKE, Intent.RESUME}
        min_score = self.thresholds.wake_min_score if asleep else self.thresholds.min_score
        if not ranked or ranked[0][1] < min_score:
            return Interpretation(None)
        top_intent, top_score = ranked[0]
        close = tuple(
            intent
            for intent, score in ranked[1:]
            if score >= self.thresholds.min_score
            and top_score - score < self.thresholds.ambiguity_margin
        )
        if close:
            return Interpretation(None, confidence=top_score / 100, ambiguous=(top_intent, *close))
        return Interpretation(Command(top_intent), confidence=heard.confidence * top_score / 100)

    def _match_slot(self, text: str, allowed: Collection[Intent] | None) -> Command | None:
        words = text.split()
        for intent, slot in SLOT_INTENTS.items():
            if allowed is not None and intent not in allowed:
                continue
            if text in PHRASINGS[intent]:
                # The bare phrasing ("search for"): no value given, the loop asks for it.
                return Command(intent) if slot != "number" else None
            # Longest phrasing first, so "open topic three" is not read as "open" + "topic three".
            for phrase in sorted(PHRASINGS[intent], key=len, reverse=True):
                prefix = phrase.split()
                if words[: len(prefix)] != prefix or len(words) == len(prefix):
                    continue
                rest = " ".join(words[len(prefix) :])
                if slot == "number":
                    number = parse_number(rest)
                    if number is not None:
                        return Command(intent, {slot: number})
                else:
                    return Command(intent, {slot: rest})
        return None
