"""Natural phrasings and room talk as synthetic speech, each said in a state of the voice loop.

The phrasings come from the tuning half (voicepeer/commands/data/phrasings_tune.toml) or the
evaluation half (tests/data/phrasings_eval.toml) — see scripts/benchlib/phrasings_split.py.
Each split uses its own voices, seeds, numbers, search words and names (_asr_data.py), so
the evaluation figures come from speech never heard while tuning.
"""

from __future__ import annotations

import random
import re
import tomllib
from dataclasses import replace
from typing import Any

from scripts.benchlib._asr_data import (
    CHATTER,
    CONDITIONS,
    NUMBER_VALUES,
    SEARCH_QUERIES,
    VOICES,
    Condition,
    Item,
    chatter_item,
    command_items,
    item_rng,
    numbers_for,
)
from scripts.benchlib.phrasings_split import EVAL, TUNE
from scripts.benchlib.seen_phrasings import seen
from voicepeer.commands.intents import Intent

ORDINALS = {"tune": ("first", "third", "twelfth"), "eval": ("second", "fifth", "ninth")}
ORDINAL_VALUES = {"first": 1, "third": 3, "twelfth": 12, "second": 2, "fifth": 5, "ninth": 9}
NAMES = {"tune": ("sam", "mary"), "eval": ("david", "joan")}
ROOM_TALK_STATES = ("browsing", "reading", "sleeping")
"""Where room talk is measured: the states voicepeer spends most of its time listening in."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def load_half(split: str) -> dict[str, Any]:
    path = {"tune": TUNE, "eval": EVAL}[split]
    return tomllib.loads(path.read_text(encoding="utf-8"))


def usual_states(split: str) -> dict[Intent, str]:
    """The state each intent is usually said in."""
    return {Intent(name): e["state"] for name, e in load_half(split)["intents"].items()}


def fill(
    phrasing: str, split: str, rng: random.Random, intent: Intent | None = None
) -> tuple[str, dict[str, int | str]]:
    """``phrasing`` (of ``intent``) with its placeholder replaced by a value of ``split``,
    and the slot that value is expected in."""
    match = _PLACEHOLDER.search(phrasing)
    if match is None:
        return phrasing, {}
    kind = match.group(1)
    slot: tuple[str, int | str]
    if kind == "number":
        word = rng.choice(numbers_for(intent, split))
        slot = ("number", NUMBER_VALUES[word])
    elif kind == "ordinal":
        word = rng.choice(ORDINALS[split])
        slot = ("number", ORDINAL_VALUES[word])
    elif kind == "query":
        word = rng.choice(SEARCH_QUERIES[split])
        slot = ("query", word)
    else:
        word = rng.choice(NAMES[split])
        slot = ("name", word)
    return phrasing.replace(match.group(0), word), dict([slot])


def _said(
    text: str, split: str, rng: random.Random, every_condition: bool
) -> list[tuple[str, Condition]]:
    conditions = CONDITIONS if every_condition else (rng.choice(CONDITIONS),)
    return [(rng.choice(VOICES[split]), condition) for condition in conditions]


def canonical_items(split: str, per_intent: int | None = None) -> list[Item]:
    """The command card's phrasings (voicepeer.commands.intents), each in its usual state."""
    states = usual_states(split)
    return [
        replace(item, state=states[item.intent])
        for item in command_items(split, per_intent)
        if item.intent is not None
    ]


def natural_items(
    split: str, per_intent: int | None = None, every_condition: bool = False
) -> list[Item]:
    """The split's natural phrasings in their usual state, then the state-dependent words
    in each state they are listed for. ``every_condition``: each one in every condition,
    not in one chosen at random."""
    half = load_half(split)
    items = []
    for name, entry in half["intents"].items():
        phrasings = list(entry["phrasings"])
        if per_intent is not None:
            phrasings = item_rng(split, "natural", name).sample(
                phrasings, min(per_intent, len(phrasings))
            )
        for phrasing in phrasings:
            rng = item_rng(split, "natural", name, phrasing)
            text, slots = fill(phrasing, split, rng, Intent(name))
            items += [
                Item(
                    "command",
                    text,
                    voice,
                    condition,
                    Intent(name),
                    slots,
                    state=entry["state"],
                    phrasing="natural",
                    seen=seen(phrasing),
                )
                for voice, condition in _said(text, split, rng, every_condition)
            ]
    contexts = list(half["context"].items())
    if per_intent is not None:
        contexts = item_rng(split, "context").sample(contexts, min(per_intent, len(contexts)))
    for words, meanings in contexts:
        for state, meaning in meanings.items():
            rng = item_rng(split, "context", words, state)
            text, slots = fill(words, split, rng)
            intent = None if meaning == "none" else Intent(meaning)
            items += [
                Item(
                    "command",
                    text,
                    voice,
                    condition,
                    intent,
                    slots if intent is not None else {},
                    state=state,
                    phrasing="context",
                )
                for voice, condition in _said(text, split, rng, every_condition)
            ]
    return items


def room_talk_items(split: str, limit: int | None = None) -> list[Item]:
    """Talk not meant for voicepeer (radio, people in the room), heard in each state of
    ROOM_TALK_STATES."""
    return [
        replace(chatter_item(text, split, item_rng(split, "room talk", text, state)), state=state)
        for text in CHATTER[split][:limit]
        for state in ROOM_TALK_STATES
    ]
