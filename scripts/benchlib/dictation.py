"""Dictation word error rate of the bundled engine on synthetic read speech.

Two kinds of sentence, each split into ``tune`` and ``eval`` (other sentences, the eval
voices of scripts.benchlib._asr_data, never looked at while tuning):
- peer support: replies of the kind people write on MS forums, none of them in the
  dictation model's own corpus;
- general English: Harvard sentences (IEEE 1969 recommended practice, public domain).
The bundled engine decodes each with its dictation model (peer support mixed with everyday
English, ``mixed``), the peer-support model alone and the bundled generic model; with
``--voice-training`` again after training on each voice. With ``--engine vosk`` the
installed Vosk model decodes them instead (Vosk has no voice training).
Figures: word error rate, and the share of sentences heard with no error (needing no
correction). ``scripts/bench_asr --dictation`` prints them.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from scripts.benchlib._asr_data import CONDITIONS, DICTATION, VOICES, Item, render, training_items
from voicepeer.errors import ModelMissingError
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.engine import Recognizer, decode
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
        "i use a walker when i go to the shops",
        "has anyone had a reaction to their injections",
        "i try to rest every afternoon to save some energy",
        "my balance has been poor since christmas",
        "it took two years to get a proper answer from the doctors",
        "the physio showed me some stretches for my calves",
        "i have found that cold water helps with the stiffness",
        "please do not give up hope just yet",
        "my legs were shaking after the long walk",
        "i get very emotional when i am tired",
    ),
    "eval": (
        *DICTATION["eval"],
        "my first infusion of ocrelizumab went fine",
        "the spasticity gets worse when I am cold",
        "I had optic neuritis before I was diagnosed",
        "has anyone tried baclofen for stiff legs",
        "my nurse said the lumbar puncture results are back",
        "do you find the stairs hard on bad days",
        "welcome to the forum you will find plenty of support here",
        "my bladder has been a real problem lately",
        "the fog in my head makes it hard to concentrate at work",
        "i had steroids for my last relapse and they helped a lot",
        "my husband does most of the cooking now",
        "try not to worry too much before the scan",
        "i was nervous about starting treatment but it has been fine",
        "does anyone else struggle to sleep with leg spasms",
        "my sight went blurry for a few weeks last year",
        "i keep a diary of my symptoms for the clinic",
        "it is good to talk to people who understand",
        "the tingling in my fingers started last spring",
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
        "smoky fires lack flame and heat",
        "the soft cushion broke the man's fall",
        "the salt breeze came across from the sea",
        "the girl at the booth sold fifty bonds",
        "the small pup gnawed a hole in the sock",
        "the fish twisted and turned on the bent hook",
        "press the pants and sew a button on the vest",
        "the swan dive was far short of perfect",
        "the beauty of the view stunned the young boy",
        "two blue fish swam in the tank",
        "her purse was full of useless trash",
        "the colt reared and threw the tall rider",
        "a king ruled the state in the early days",
        "the ship was torn apart on the sharp reef",
        "the wide road shimmered in the hot sun",
        "the lazy cow lay in the cool grass",
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
        "hoist the load to your left shoulder",
        "take the winding path to reach the lake",
        "note closely the size of the gas tank",
        "wipe the grease off his dirty face",
        "mend the coat before you go out",
        "the wrist was badly strained and hung limp",
        "the stray cat gave birth to kittens",
        "the young girl gave no clear response",
        "the meal was cooked before the bell rang",
        "what joy there is in living",
        "the frosty air passed through the coat",
        "the crooked maze failed to fool the mouse",
        "the show was a flop from the very start",
        "a saw is a tool used for making boards",
        "the wagon moved on well oiled wheels",
        "march the soldiers past the next hill",
        "a cup of sugar makes sweet fudge",
        "place a rosebush near the porch steps",
        "both lost their lives in the raging storm",
        "adding fast leads to wrong sums",
    ),
}
SETS = {"peer_support": PEER_SUPPORT, "general": GENERAL}
MODELS: dict[str, dict[str, Any]] = {
    "mixed": {},
    "peer_support": {"generic_weight": 0.0},
    "general": {"dictation_model": "general"},
}
"""The bundled engine's dictation models, as SphinxRecognizer arguments."""


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


def score(recognizer: Recognizer, item: Item) -> Score:
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


def run(
    split: str = "eval",
    *,
    voice_training: bool = False,
    engine: str = "sphinx",
    generic_weights: Sequence[float] = (),
) -> dict[str, float]:
    """The figures of every model; ``generic_weights``: also the mixed model with each of
    these shares of everyday English (to choose the share on the tuning split)."""
    if engine == "vosk":
        return _vosk(split)
    out = start_times()
    models = dict(MODELS)
    models |= {f"mixed_{w:g}": {"generic_weight": w} for w in generic_weights}
    for model, arguments in models.items():
        recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook(), **arguments)
        for kind in SETS:
            scores = [score(recognizer, item) for item in items(split, kind)]
            out |= figures(scores, f"dictation_{kind}_{model}_lm")
        recognizer.close()
    if voice_training:
        out |= _trained(split)
    return out


def start_times() -> dict[str, float]:
    """Seconds to start the bundled engine the first time (the mixed dictation model built
    and saved), then as every later time (read from the data folder), and to decode the
    first dictated sentence after that start."""
    out: dict[str, float] = {}
    item = items("tune", "peer_support")[0]
    with tempfile.TemporaryDirectory() as folder, _data_home(Path(folder)):
        for when in ("first", "later"):
            started = time.perf_counter()
            recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
            out[f"asr_engine_start_{when}_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        score(recognizer, item)
        out["first_dictation_s"] = round(time.perf_counter() - started, 2)
        recognizer.close()
    return out


@contextlib.contextmanager
def _data_home(folder: Path) -> Iterator[None]:
    before = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            del os.environ["XDG_DATA_HOME"]
        else:
            os.environ["XDG_DATA_HOME"] = before


def _vosk(split: str) -> dict[str, float]:
    from voicepeer.recognition.vosk_engine import VoskRecognizer, locate_vosk_model

    try:
        recognizer = VoskRecognizer(locate_vosk_model(), phrasebook=voice_loop_phrasebook())
    except ModelMissingError as error:
        print(f"no Vosk dictation figures: {error}", file=sys.stderr)
        return {}
    out: dict[str, float] = {}
    for kind in SETS:
        scores = [score(recognizer, item) for item in items(split, kind)]
        out |= figures(scores, f"dictation_{kind}_vosk")
    recognizer.close()
    return out


def _trained(split: str) -> dict[str, float]:
    """The mixed and the generic model after voice training with each item's own voice."""
    all_items = {kind: items(split, kind) for kind in SETS}
    trained_models = ("mixed", "general")
    scores: dict[tuple[str, str], list[Score]] = {
        (kind, model): [] for kind in SETS for model in trained_models
    }
    with tempfile.TemporaryDirectory() as folder:
        for voice in sorted({i.voice for group in all_items.values() for i in group}):
            recordings = [
                TrainingRecording(t.text, render(t).tobytes()) for t in training_items(voice)
            ]
            profile = train_voice(recordings, Path(folder) / voice).path
            for model in trained_models:
                recognizer = SphinxRecognizer(
                    phrasebook=voice_loop_phrasebook(), voice_profile=profile, **MODELS[model]
                )
                for kind, group in all_items.items():
                    scores[kind, model] += [score(recognizer, i) for i in group if i.voice == voice]
                recognizer.close()
    out: dict[str, float] = {}
    for (kind, model), group_scores in scores.items():
        out |= figures(group_scores, f"trained_dictation_{kind}_{model}_lm")
    return out
