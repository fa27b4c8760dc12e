"""Grammars in the engines' own formats, built from a :class:`Vocabulary` the interpreter
gives: JSGF for PocketSphinx, a phrase list for Vosk.

Rejection is not done with an out-of-grammar word loop in the JSGF grammar: PocketSphinx's
grammar search slows down by two orders of magnitude with one (measured: 12-140 s for a
3 s sentence with a 30-80 word loop) and the loop also swallows real commands. Instead
the PocketSphinx engine compares the grammar result with a free language-model reading
of the same audio (:mod:`voicepeer.recognition.sphinx`); Vosk has ``[unk]``.

Free text ("search for fatigue") cannot be held by a grammar: the grammar has the bare
text prefixes ("search for"), and the text comes from a free reading of the same audio.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from voicepeer.recognition.base import Vocabulary

_JSGF_TOKEN = re.compile(r"^[a-z][a-z']*$")


def _words(phrase: str) -> list[str]:
    return phrase.lower().replace("-", " ").split()


def _jsgf_word(word: str) -> str:
    if not _JSGF_TOKEN.match(word):
        raise ValueError(f"cannot put {word!r} in a grammar")
    return word


def _alternatives(phrases: Iterable[str]) -> str:
    return " | ".join(" ".join(_jsgf_word(w) for w in _words(p)) for p in sorted(set(phrases)))


def jsgf_grammar(vocabulary: Vocabulary, *, known_words: set[str] | None = None) -> str:
    """The grammar of ``vocabulary`` in JSGF: its phrases, its number prefixes each with a
    number, its bare text prefixes, and its garbage path (``other``: phrases a reading may
    be, which the interpreter then refuses, so that speech like them is not forced onto
    the nearest phrase). ``known_words`` (the recognizer's dictionary) drops
    phrases with words it cannot pronounce rather than failing to load."""

    def usable(phrases: Iterable[str]) -> list[str]:
        return [
            p for p in phrases if known_words is None or all(w in known_words for w in _words(p))
        ]

    rules = ["#JSGF V1.0;", "grammar voicepeer;"]
    branches = []
    plain = usable(vocabulary.phrases)
    if plain:
        branches.append(f"({_alternatives(plain)})")
    prefixes, numbers = usable(vocabulary.number_prefixes), usable(vocabulary.numbers)
    if prefixes and numbers:
        rules.append(f"<number> = ({_alternatives(numbers)});")
        rules.append(f"<numbered> = ({_alternatives(prefixes)}) <number>;")
        branches.append("<numbered>")
    bare = usable(vocabulary.text_prefixes)
    if bare:
        branches.append(f"({_alternatives(bare)})")
    garbage = usable(vocabulary.other)
    if garbage:
        branches.append(f"({_alternatives(garbage)})")
    if not branches:
        raise ValueError("a grammar needs at least one phrase")
    rules.append(f"public <utterance> = {' | '.join(branches)};")
    return "\n".join(rules) + "\n"


def vosk_grammar(vocabulary: Vocabulary) -> str:
    """``vocabulary`` as the JSON phrase list Vosk takes, with ``[unk]`` for everything else
    (Vosk returns ``[unk]`` for speech outside the list)."""
    phrases = [
        *vocabulary.phrases,
        *vocabulary.number_prefixes,
        *vocabulary.numbers,
        *vocabulary.text_prefixes,
        *vocabulary.other,
    ]
    return json.dumps(
        [*sorted({" ".join(_words(p)) for p in phrases}), "[unk]"], ensure_ascii=False
    )


def split_text(text: str, prefixes: Iterable[str]) -> tuple[str, str] | None:
    """("search for", "fatigue") when ``text`` starts with one of ``prefixes`` (the longest
    that fits) and goes on; ``None`` otherwise."""
    words = _words(text)
    if " ".join(words) in {" ".join(_words(p)) for p in prefixes}:
        return None  # a prefix said on its own ("search for"), with nothing after it
    for prefix in sorted(prefixes, key=len, reverse=True):
        head = _words(prefix)
        if words[: len(head)] == head and len(words) > len(head):
            return " ".join(head), " ".join(words[len(head) :])
    return None
