"""Dictation word error rate of the bundled engine on synthetic read speech.

Two kinds of sentence, each split into ``tune`` and ``eval`` (other sentences, the eval
voices of scripts.benchlib._asr_data, never looked at while tuning):
- peer support: replies of the kind people write on MS forums, none of them in the
  dictation model's own corpus;
- general English: Harvard sentences (IEEE 1969 recommended practice, public domain).
Each is decoded with the peer-support dictation model and with the bundled generic one.
Figures: word error rate, and the share of sentences heard with no error (needing no
correction). ``scripts/bench_asr --dictation`` prints them.
"""

from __future__ import annotations

import random
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from scripts.benchlib._asr_data import CONDITIONS, DICTATION, VOICES, Item, render, training_items
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.engine import decode
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.recognition.voice_training import TrainingRecording, train_voice

PEER_SUPPORT = {
    "tune": (
        *DICTATION["tune"],
        "the cooling vest helped my fatigue last summer",
        "my neurologist wants me to have another mri scan",
        "walking with a stick has made a big difference",
        "i started fingolimod after my second relapse",
        "the numbness in my hands comes and goes",
    ),
    "eval": (
        *DICTATION["eval"],
        "my first infusion of ocrelizumab went fine",
        "the spasticity gets worse when I am cold",
        "I had optic neuritis before I was diagnosed",
        "has anyone tried baclofen for stiff legs",
        "my nurse said the lumbar puncture results are back",
        "do you find the stairs hard on bad days",
    ),
}
GENERAL = {
    "tune": (
        "the boy was there when the sun rose",
        "a rod is used to catch pink salmon",
        "the source of the huge river is the clear spring",
        "kick the ball straight and follow through",
        "help the woman get back to her feet",
        "a pot of tea helps to pass the evening",
    ),
    "eval": (
        "the birch canoe slid on the smooth planks",
        "glue the sheet to the dark blue background",
        "it's easy to tell the depth of a well",
        "these days a chicken leg is a rare dish",
        "rice is often served in round bowls",
        "the juice of lemons makes fine punch",
        "the box was thrown beside the parked truck",
        "the hogs were fed chopped corn and garbage",
        "four hours of steady work faced us",
        "a large size in stockings is hard to sell",
    ),
}
SETS = {"peer_support": PEER_SUPPORT, "general": GENERAL}
MODELS = ("peer_support", "general")


@dataclass(frozen=True)
class Score:
    errors: int
    words: int


def items(split: str, kind: str) -> list[Item]:
    rng = random.Random(f"{split}-{kind}")
    plain = CONDITIONS[0]
    return [
        Item("dictation", text, rng.choice(VOICES[split]), plain, seed=rng.randrange(10**6))
        for text in SETS[kind][split]
    ]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def score(recognizer: SphinxRecognizer, item: Item) -> Score:
    heard = decode(recognizer, render(item).tobytes(), ListenMode.DICTATION).text
    said = _words(item.text)
    return Score(Levenshtein.distance(said, _words(heard)), len(said))


def figures(scores: list[Score], prefix: str) -> dict[str, float]:
    words = sum(s.words for s in scores)
    return {
        f"{prefix}_wer": round(sum(s.errors for s in scores) / max(1, words), 3),
        f"{prefix}_no_correction_share": round(
            sum(s.errors == 0 for s in scores) / max(1, len(scores)), 3
        ),
    }


def run(split: str = "eval", *, voice_training: bool = False) -> dict[str, float]:
    out: dict[str, float] = {}
    for model in MODELS:
        recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook(), dictation_model=model)
        for kind in SETS:
            scores = [score(recognizer, item) for item in items(split, kind)]
            out |= figures(scores, f"dictation_{kind}_{model}_lm")
        recognizer.close()
    if voice_training:
        out |= _trained(split)
    return out


def _trained(split: str) -> dict[str, float]:
    """The peer-support model after voice training with each item's own voice."""
    all_items = {kind: items(split, kind) for kind in SETS}
    scores: dict[str, list[Score]] = {kind: [] for kind in SETS}
    with tempfile.TemporaryDirectory() as folder:
        for voice in sorted({i.voice for group in all_items.values() for i in group}):
            recordings = [
                TrainingRecording(t.text, render(t).tobytes()) for t in training_items(voice)
            ]
            profile = train_voice(recordings, Path(folder) / voice).path
            recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook(), voice_profile=profile)
            for kind, group in all_items.items():
                scores[kind] += [score(recognizer, i) for i in group if i.voice == voice]
            recognizer.close()
    out: dict[str, float] = {}
    for kind, group_scores in scores.items():
        out |= figures(group_scores, f"trained_dictation_{kind}_peer_support_lm")
    return out
