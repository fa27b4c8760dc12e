"""Everyday ways of saying a command, brought back to its core.

People with cognitive fatigue do not remember the command card's wording. They wrap a
command in politeness and filler ("could you go to the next post please", "um, next"),
use everyday words for its core words ("the following post", "turn the volume up"), and
say numbers the way people do ("the second one"). :func:`core` removes the wrapping and
puts the card's words in place of the everyday ones; the matcher compares cores, of what
was heard and of every phrasing alike. The natural phrasings collected for tuning
(data/phrasings_tune.toml) are phrasings of their intents as well.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Collection, Mapping
from functools import cache
from importlib import resources

from voicepeer.commands.intents import LIST_ITEM_WORDINGS, SENSES, SLOT_INTENTS, Intent
from voicepeer.commands.numbers import ORDINAL_WORDS

LEADING: tuple[str, ...] = (
    # Before "would you": the first that fits is left out, and "mind" was left behind. (Not
    # "do you mind": its words in the command models made a spoken "help" heard "do up".)
    "would you mind",
    "could you please",
    "can you please",
    "would you please",
    "will you please",
    "could you",
    "can you",
    "would you",
    "will you",
    "please",
    "i would like to",
    "i'd like to",
    "i want to",
    "i wanna",
    "i need to",
    "i'd like",
    "i want",
    "let me",
    "let's",
    "let us",
    "go ahead and",
    "you can",
    "just",
    "now",
    "okay",
    "ok",
    "right",
    "so",
    "well",
    "oh",
    "hey",
    "alright",
    "all right",
    "go to the",
    "go to",
    "take me to the",
    "take me to",
    "show me the",
    "show me",
    "give me the",
    "give me",
    "play the",
    "tell me",
    "a little bit",
    "a little",
    "a bit",
)
"""Words said before a command that do not change it, longest first where they overlap."""
_ARTICLE_KEPT = tuple(dict.fromkeys(p.removesuffix(" the") for p in LEADING))
"""LEADING, each ending in "the" without it, which may begin the command itself."""
TRAILING: tuple[str, ...] = (
    "please",
    "thanks",
    "thank you",
    "now",
    "for me",
    "for now",
    "then",
    "right now",
    "if you can",
    "if you could",
    "if you don't mind",
    "to me",
    "for a moment",
    "for a minute",
    "for a second",
    "for a bit",
)
"""Words said after a command that do not change it."""
HESITATIONS = frozenset({"um", "uh", "er", "erm", "hmm", "ah", "mm", "uhm"})
"""Sounds of hesitation, dropped wherever they are."""
EMPTY_WORDS = HESITATIONS | {"the", "a", "an"}
"""Words that say nothing on their own: a reading of only these heard no words."""


def says_nothing(text: str) -> bool:
    """Whether ``text`` (normalized words) is only words that say nothing on their own."""
    return all(w in EMPTY_WORDS for w in text.split())


SYNONYMS: Mapping[str, str] = {
    # Whole expressions first (longest match wins), then single words.
    "the one after": "next one",
    "the one before": "previous one",
    "one back": "previous one",
    "back up": "previous",
    "move on": "next",
    "skip this one": "next one",
    "skip this": "next",
    "skip ahead": "next",
    "go forward": "next",
    "once more": "again",
    "wait a minute": "hold on",
    "wait a second": "hold on",
    "wait a moment": "hold on",
    "take me back": "go back",
    # A topic's last post is its newest, as "the last post" is: not the one before. The
    # person's own last post is the one they wrote last ("add it to my last post").
    "last post": "newest post",
    "my last post": "my previous post",
    "turn the sound up": "volume up",
    "turn the sound down": "volume down",
    "turn up the volume": "volume up",
    "turn the volume up": "volume up",
    "increase the volume": "volume up",
    "turn it up": "volume up",
    "turn down the volume": "volume down",
    "turn the volume down": "volume down",
    "lower the volume": "volume down",
    "decrease the volume": "volume down",
    "turn it down": "volume down",
    "more slowly": "slower",
    "too fast": "slower",
    "not so fast": "slower",
    "following": "next",
    "preceding": "previous",
    "prior": "previous",
    "earlier": "previous",
    "last": "previous",
    "thread": "topic",
    "discussion": "topic",
    "conversation": "topic",
    "threads": "topics",
    "discussions": "topics",
    "quicker": "faster",
    "hush": "quiet",
    "unpause": "resume",
    "proceed": "continue",
}
"""Everyday words for the card's words. Kept to words that mean the same in every state;
words whose meaning the state decides are in :data:`voicepeer.commands.intents.SENSES`."""
MATCHED_SYNONYMS: Mapping[str, str] = (
    {
        f"{said_of}{too}": card
        for said_of in ("", "that's ", "it's ", "you're ", "you are ", "you're talking ")
        for too, card in {
            "too quick": "slower",
            "too slow": "faster",
            "too loud": "volume down",
            "too quiet": "volume up",
        }.items()
    }
    | {f"{said_of}too fast": "slower" for said_of in ("that's ", "it's ", "you're talking ")}
    | {
        # Of a topic (or a list's topics): on to the next, as "skip this one" is for a post.
        "not interested": "next topic",
    }
)
"""Everyday words for the card's words, as :data:`SYNONYMS`, but kept out of the command
model's training text (see :func:`everyday_sentences`): there they made "put the kettle on
please" heard as "go to the go on please" (measured on the tuning half); words added since
are kept out of it too, so that the command models stay as measured."""
_EVERY_SYNONYM = {**SYNONYMS, **MATCHED_SYNONYMS}
_SYNONYM_ORDER = sorted(_EVERY_SYNONYM, key=lambda s: len(s.split()), reverse=True)

TUNING_PHRASINGS = "data/phrasings_tune.toml"
SLOT_MARKS = ("{number}", "{ordinal}", "{query}", "{name}")


def strip_phrases(words: list[str], phrases: tuple[str, ...], at_start: bool) -> list[str]:
    """``words`` without the ``phrases`` at their start (or end), repeatedly, as long as
    something is left."""
    changed = True
    while changed:
        changed = False
        for phrase in phrases:
            cut = phrase.split()
            n = len(cut)
            edge = words[:n] if at_start else words[-n:]
            if edge == cut and len(words) > n:
                words = words[n:] if at_start else words[:-n]
                changed = True
                break
    return words


def _substitute(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase in _SYNONYM_ORDER:
            cut = phrase.split()
            if words[i : i + len(cut)] == cut:
                out += _EVERY_SYNONYM[phrase].split()
                i += len(cut)
                break
        else:
            out.append(words[i])
            i += 1
    return out or words


def unwrap(text: str, leading: tuple[str, ...] = LEADING) -> str:
    """``text`` (normalized words) without the politeness, filler and hesitations around
    the command; ``text`` itself when nothing would be left."""
    words = [w for w in text.split() if w not in HESITATIONS]
    words = strip_phrases(words, leading, at_start=True)
    words = strip_phrases(words, TRAILING, at_start=False)
    words = strip_phrases(words, leading, at_start=True)
    return " ".join(words) or text


def core(text: str, leading: tuple[str, ...] = LEADING) -> str:
    """The command in ``text`` (normalized words): unwrapped, and with the card's words for
    everyday ones."""
    return " ".join(_substitute(unwrap(text, leading).split())) or text


def unwrappings(text: str) -> tuple[str, ...]:
    """``text`` unwrapped (see :func:`unwrap`) and, when different, with the "the" that a
    leading "go to the" took kept on it: "go to the third post" is "the third post"."""
    return tuple(dict.fromkeys((unwrap(text), unwrap(text, _ARTICLE_KEPT))))


def cores(text: str) -> tuple[str, ...]:
    """The command in ``text`` as :func:`core` finds it and, when different, with the "the"
    that a leading "go to the" (or the like) took kept on it: "go to the end" is "the end"
    (of the post), not "end"."""
    found = core(text)
    kept = core(text, _ARTICLE_KEPT)
    return (found,) if kept == found else (found, kept)


def slot_pattern(template: str) -> re.Pattern[str] | None:
    """A regular expression matching the unwrapped ``template`` ("choose number {number}",
    lower case), with one named group per slot, or ``None`` when it has no slot."""
    if not any(mark in template for mark in SLOT_MARKS):
        return None
    parts = []
    for word in unwrap(template).split():
        mark = word.removesuffix("'s")  # "like {name}'s post"
        if mark in SLOT_MARKS:
            parts.append(f"(?P<{mark.strip('{}')}>.+?){re.escape(word[len(mark) :])}")
        else:
            parts.append(re.escape(word))
    return re.compile("^" + " ".join(parts) + "$")


@cache
def tuning_phrasings() -> Mapping[Intent, tuple[str, ...]]:
    """The natural phrasings of each intent collected for tuning, lower case, with slot
    marks ("choose number {number}")."""
    data = resources.files("voicepeer.commands").joinpath(TUNING_PHRASINGS)
    if not data.is_file():
        return {}
    table = tomllib.loads(data.read_text("utf-8")).get("intents", {})
    known = {i.value for i in Intent}
    return {
        Intent(name): tuple(p.lower() for p in entry.get("phrasings", ()))
        for name, entry in table.items()
        if name in known
    }


WRAPPED_PER_WORDING = 1
"""How many card phrasings each politeness or filler wording is said around in the
command language model: enough for the model to carry on from it into any command, few
enough that the card's own phrasings still weigh most."""


SAMPLE_NUMBERS = ("one", "five", "twenty")
"""Numbers said in the natural phrasings that pick a topic: the card's own "open topic"
and "number" phrasings already carry every number; with each number said after every
natural phrasing too, numbers crowded out short commands ("help" was heard as "two")."""
SAMPLE_ORDINALS = 10


def _filled(template: str) -> list[str]:
    """``template`` with its slot filled as it may be said: a few topic numbers and the
    first ordinals; free text (a search word, a name) is read by the dictation model, so only the
    words before it are kept."""
    if "{number}" in template:
        return [template.replace("{number}", n) for n in SAMPLE_NUMBERS]
    if "{ordinal}" in template:
        return [template.replace("{ordinal}", o) for o in ORDINAL_WORDS[:SAMPLE_ORDINALS]]
    for mark in SLOT_MARKS:
        if mark in template:
            before = template.split(mark)[0].split()
            return [" ".join(before)] if before else []
    return [template]


def free_text_prefixes(intents: Collection[Intent]) -> list[str]:
    """The words a free-text value follows in the natural phrasings of ``intents`` ("find
    topics about" fatigue), where the value ends the phrasing (politeness aside)."""
    prefixes = []
    for intent, templates in tuning_phrasings().items():
        if intent not in intents:
            continue
        for template in templates:
            words = strip_phrases(template.split(), TRAILING, at_start=False)
            if len(words) > 1 and words[-1] in ("{query}", "{name}"):
                prefixes.append(" ".join(words[:-1]))
    return sorted(set(prefixes))


def _wrapped(wording: str, plain: list[str]) -> list[str]:
    """The card phrasings one politeness or filler wording is said around: those that hash
    lowest with it (rendezvous hashing), so that each wording lands on a phrasing of its
    own choosing, spread over the commands, and a phrasing added or removed moves only the
    wordings that land on it — the models and the figures measured with them stay put."""

    def rank(phrasing: str) -> bytes:
        return hashlib.blake2b(f"{wording}|{phrasing}".encode(), digest_size=8).digest()

    return sorted(plain, key=rank)[:WRAPPED_PER_WORDING]


def everyday_sentences(
    phrasings: Mapping[Intent, tuple[str, ...]], intents: Collection[Intent]
) -> list[str]:
    """Everyday ways of saying the commands of ``intents`` (``phrasings``: the card's
    phrasings per intent), as training text for the command language model: the natural
    phrasings collected for tuning, the words whose meaning the state decides, every
    politeness and filler wording around card phrasings, and the card phrasings with each
    everyday word in place of the card's word it stands for."""
    sentences: list[str] = []
    for intent, templates in tuning_phrasings().items():
        if intent in intents:
            sentences += [s for t in templates for s in _filled(t)]
    sentences += [
        p
        for p, meanings in SENSES.items()
        if set(meanings) & set(intents) and p not in LIST_ITEM_WORDINGS  # matched only
    ]
    plain = [p for i, ps in phrasings.items() if i in intents and i not in SLOT_INTENTS for p in ps]
    if not plain:
        return sentences
    wrappings = [(lead, "") for lead in LEADING] + [("", trail) for trail in TRAILING]
    for lead, trail in wrappings:
        sentences += [f"{lead} {p} {trail}".strip() for p in _wrapped(f"{lead}|{trail}", plain)]
    for word, card in SYNONYMS.items():
        target = f" {card} "
        said = next((p for p in plain if target in f" {p} "), None)
        if said is not None:
            sentences.append(f" {said} ".replace(target, f" {word} ").strip())
    return sentences
