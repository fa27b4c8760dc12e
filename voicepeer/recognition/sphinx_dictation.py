"""Dictation helpers of the PocketSphinx engine: n-best readings, the words "correct …"
may name, and the dictation model rebuilt with a reply's context."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CORRECTION_SAMPLE_WORDS = (
    "fatigue",
    "walking",
    "tired",
    "relapse",
    "better",
    "legs",
    "today",
    "week",
    "ocrelizumab",
    "spasticity",
    "mri",
    "numbness",
)
"""Words shown after "correct" and in "replace … with …" in the dictation model, so those
commands are likely at the start of an utterance (the word itself may be any)."""
DICTATION_LANGUAGE_WEIGHT = 9.0
"""How much the dictation language model counts against the sounds while the search keeps
its candidate words (PocketSphinx's ``lw``, 6.5 by default and kept so for commands); chosen
on the tuning split."""
DICTATION_BEST_PATH_LANGUAGE_WEIGHT = 15.0
"""How much the dictation language model counts when the reading is chosen among the words
the search kept (PocketSphinx's ``bestpathlw``, 9.5 by default and kept so for commands):
PocketSphinx scales the final choice by it, not by ``lw``. Chosen on the tuning split, where
it got 75 of 161 words of peer-support replies wrong instead of 88 and 146 of 180 of general
English instead of 148 (more weight dropped more words); the word insertion penalty, silence
and filler probabilities and wider beams changed only a few words either way."""
TRAINED_DICTATION_LANGUAGE_WEIGHT = 6.5
""":data:`DICTATION_LANGUAGE_WEIGHT` when a voice profile (voice training) is loaded: the
weights above were chosen on untrained voices, whose sounds the bundled model matches badly
so the language model has to count more. Chosen on the tuning split after voice training
(mixed model): with ``bestpathlw`` 9.5, ``lw`` 5.5 to 7.5 got 17 of 161 reply words wrong
and 62 to 70 of 180 general words (6.5: 17 and 63), 9.0 got 22 and 74, 10 got 24 and 98."""
TRAINED_DICTATION_BEST_PATH_LANGUAGE_WEIGHT = 9.5
""":data:`DICTATION_BEST_PATH_LANGUAGE_WEIGHT` when a voice profile is loaded. Chosen with
:data:`TRAINED_DICTATION_LANGUAGE_WEIGHT` on the tuning split after voice training: with
``lw`` 6.5, 8 to 13 got 17 of 161 reply words wrong and 61 to 66 of 180 general words, 15
got 19 and 69 (with ``lw`` 9.0, 15 got 23 and 87, 9.5 to 13 got 22 and 74 to 80). These
are PocketSphinx's own defaults, named here so dictation does not depend on them."""
_DICTATION_DECODER = {
    "lw": DICTATION_LANGUAGE_WEIGHT,
    "bestpathlw": DICTATION_BEST_PATH_LANGUAGE_WEIGHT,
}
"""The decoder settings a dictation search is created with."""
_TRAINED_DICTATION_DECODER = {
    "lw": TRAINED_DICTATION_LANGUAGE_WEIGHT,
    "bestpathlw": TRAINED_DICTATION_BEST_PATH_LANGUAGE_WEIGHT,
}
"""The decoder settings a dictation search is created with when a voice profile is loaded."""
N_BEST = 20
"""Dictation readings compared for per-word alternatives ("correct fatigue")."""
RECENT_WORDS = 400
"""Dictated words kept (in memory only) to hear which one "correct …" names."""
_PLAIN_WORD = re.compile(r"[a-z][a-z']*")


def add_dictation_search(decoder: Any, name: str, lm: Path, *, trained: bool = False) -> None:
    """Add the dictation language model ``lm`` as search ``name``, weighted by
    :data:`DICTATION_LANGUAGE_WEIGHT` and :data:`DICTATION_BEST_PATH_LANGUAGE_WEIGHT`, or by
    :data:`TRAINED_DICTATION_LANGUAGE_WEIGHT` and
    :data:`TRAINED_DICTATION_BEST_PATH_LANGUAGE_WEIGHT` when the decoder's acoustic model is
    a voice profile (``trained``)."""
    settings = _TRAINED_DICTATION_DECODER if trained else _DICTATION_DECODER
    add_weighted_search(decoder, name, lm, settings)


def add_weighted_search(decoder: Any, name: str, lm: Path, settings: Mapping[str, float]) -> None:
    """Add ``lm`` as search ``name`` created with the decoder ``settings`` (a search takes
    the weights it is created with; the other searches keep the decoder's own)."""
    defaults = {key: decoder.config[key] for key in settings}
    for key, value in settings.items():
        decoder.config[key] = value
    try:
        decoder.add_lm_file(name, str(lm))
    finally:
        for key, value in defaults.items():
            decoder.config[key] = value


def nbest_readings(decoder: Any) -> list[str]:
    """The last decode's n-best readings, best first."""
    try:
        best = itertools.islice(decoder.nbest(), N_BEST)
        return [" ".join(h.hypstr.split()) for h in best if h is not None]
    except (RuntimeError, TypeError) as error:  # TypeError: the decode left no lattice
        log.debug("no n-best readings: %s", error)
        return []


def plain_words(text: str) -> list[str]:
    """The words of ``text`` a JSGF grammar can name."""
    return [w for w in text.split() if _PLAIN_WORD.fullmatch(w)]


def naming_verbs(readings: Sequence[str]) -> tuple[str, ...]:
    """The command words of a reading that names one word of the reply: "correct" or "fix"
    when any reading starts so; "replace" when the best one does and no reading has
    "with" ("replace walking", whose new words are asked for); none otherwise."""
    if any(r.split()[:1] in (["correct"], ["fix"]) for r in readings):
        return ("correct", "fix")
    replaces = bool(readings) and readings[0].split()[:1] == ["replace"]
    return ("replace",) if replaces and not any("with" in r.split() for r in readings) else ()


def correct_grammar(words: Iterable[str], verbs: Sequence[str] = ("correct", "fix")) -> str:
    """JSGF: one of ``verbs`` ("correct" or "fix") and one of ``words``."""
    choices = " | ".join(sorted(set(words)))
    said = " | ".join(verbs)
    return f"#JSGF V1.0;\ngrammar correct;\npublic <correct> = ({said}) ({choices});\n"


def known_runs(sentences: Iterable[str], known: set[str]) -> list[str]:
    """The runs of each sentence's words that are all in ``known``: a word with no
    pronunciation splits a sentence rather than join its ends."""
    runs = []
    for sentence in sentences:
        current: list[str] = []
        for word in [*sentence.split(), ""]:
            if word in known:
                current.append(word)
            elif current:
                runs.append(" ".join(current))
                current = []
    return runs
