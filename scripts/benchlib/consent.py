"""A clear yes, measured: the answer to "Shall I post your reply?" decoded exactly as the
voice loop does while it waits for that answer (ListenMode.ANSWER, then
voicepeer.commands.consent), over synthetic speech from scripts/benchlib/_asr_data.py.

- true_yes_rate: share of spoken "yes" / "yes please" (every voice of the split, every
  condition: normal, slow, noisy, quiet) taken as yes;
- false_yes_rate: share of everything else taken as yes — near-yes sounds ("yeah",
  "yes but", "hang on" …), every other command phrasing, room talk and bare noise.

``run()`` (part of ``scripts/bench --json``) reports the evaluation split.
``python -m scripts.benchlib.consent --split tune --features`` prints what tuning looks at.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from scripts.benchlib._asr_data import (
    CHATTER,
    CONDITIONS,
    SEEDS,
    VOICES,
    Condition,
    Item,
    numbered,
    pink_noise,
    render,
)
from voicepeer.audio.input import WavFileInput
from voicepeer.commands.consent import CLEAR_YES, judge_answer
from voicepeer.commands.intents import PHRASINGS, Intent
from voicepeer.commands.matcher import CommandMatcher
from voicepeer.listening import make_recognizer
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.engine import Recognizer
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.voice.assistant import ALLOWED
from voicepeer.voice.states import State

NEAR_YES = {
    "tune": (
        "yeah",
        "yep",
        "yes but",
        "yes and no",
        "hang on",
        "yes wait",
        "yet",
        "guess",
        "less",
        "okay",
        "yeah go on",
        "yes no",
    ),
    "eval": (
        "yeah",
        "yes but",
        "yes and no",
        "hang on",
        "yes wait",
        "mess",
        "yellow",
        "yes maybe",
        "yeah sure",
        "hold on",
        "yes sorry no",
        "send it",
    ),
}
"""Said where a yes is expected, none of them a clear yes. Both splits name the sounds a
person says in place of a yes; each adds its own."""


@dataclass(frozen=True)
class Answered:
    item: Item
    heard: list[str]
    yes: bool
    features: dict[str, Any]


def answer_items(split: str) -> list[Item]:
    rng = random.Random(SEEDS[split] + 7)
    voices = VOICES[split]
    items = [
        Item("yes", phrase, voice, condition)
        for phrase in CLEAR_YES
        for voice in voices
        for condition in CONDITIONS
    ]
    for phrase in NEAR_YES[split]:
        items += [
            Item("near_yes", phrase, v, rng.choice(CONDITIONS)) for v in rng.sample(voices, 2)
        ]
    for intent, phrases in PHRASINGS.items():
        if intent is not Intent.YES:
            items += [
                Item("command", p, rng.choice(voices), rng.choice(CONDITIONS)) for p in phrases
            ]
    items += [
        Item("chatter", t, rng.choice(voices), rng.choice(CONDITIONS)) for t in CHATTER[split]
    ]
    items += [
        Item("noise", "", "", Condition("noise", 0, snr_db=float(level)))
        for level in (-35, -30, -25, -20, -15)
    ]
    return numbered(items)


def _noise(item: Item) -> np.ndarray:
    """A burst of pink noise (a door, a fan switched on, a cough's rumble) with hiss."""
    rng = np.random.default_rng(item.seed)
    level = 32768 * 10 ** ((item.condition.snr_db or -30) / 20)
    burst = pink_noise(int(16000 * 0.8), rng) * level
    signal = np.concatenate([np.zeros(9600), burst, np.zeros(8000)])
    signal = signal + rng.normal(0, 6, signal.size)
    return np.clip(np.round(signal), -32768, 32767).astype(np.int16)


def evaluate(
    items: list[Item], recognizer: Recognizer, settings: RecognitionSettings | None = None
) -> list[Answered]:
    import wave

    settings = settings or RecognitionSettings()
    matcher = CommandMatcher()
    allowed = ALLOWED[State.CONFIRMING]
    answered = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answer.wav"
        for item in items:
            samples = _noise(item) if item.kind == "noise" else render(item)
            with wave.open(str(path), "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(16000)
                wav.writeframes(samples.tobytes())
            listener = AudioListener(WavFileInput(path), recognizer, settings)
            heard, yes = [], False
            while (result := listener.listen(ListenMode.ANSWER)) is not None:
                heard.append(result.text)
                command = judge_answer(result, matcher, allowed).command
                yes = yes or (command is not None and command.intent is Intent.YES)
            answered.append(
                Answered(item, heard, yes, dict(getattr(recognizer, "last_features", {})))
            )
    return answered


def summarize(answered: list[Answered]) -> dict[str, float | int]:
    yes = [a for a in answered if a.item.kind == "yes"]
    other = [a for a in answered if a.item.kind != "yes"]
    figures: dict[str, float | int] = {
        "true_yes_rate": round(sum(a.yes for a in yes) / len(yes), 4),
        "false_yes_rate": round(sum(a.yes for a in other) / len(other), 4),
        "yes_answers": len(yes),
        "not_yes_answers": len(other),
    }
    for kind in sorted({a.item.kind for a in other}):
        group = [a for a in other if a.item.kind == kind]
        figures[f"false_yes_rate_{kind}"] = round(sum(a.yes for a in group) / len(group), 4)
    for name in sorted({c.name for c in CONDITIONS}):
        group = [a for a in yes if a.item.condition.name == name]
        figures[f"true_yes_rate_{name}"] = round(sum(a.yes for a in group) / len(group), 4)
    return figures


def run() -> dict[str, float | int]:
    recognizer = make_recognizer(RecognitionSettings(), engine="sphinx")
    try:
        figures = summarize(evaluate(answer_items("eval"), recognizer))
    finally:
        recognizer.close()
    return {"true_yes_rate": figures["true_yes_rate"], "false_yes_rate": figures["false_yes_rate"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.benchlib.consent", description=__doc__)
    parser.add_argument("--split", choices=("eval", "tune"), default="eval")
    parser.add_argument(
        "--features",
        action="store_true",
        help="print what was heard for every item, with its scores",
    )
    args = parser.parse_args(argv)
    recognizer = make_recognizer(RecognitionSettings(), engine="sphinx")
    answered = evaluate(answer_items(args.split), recognizer)
    recognizer.close()
    for a in answered:
        if args.features or (a.yes != (a.item.kind == "yes")):
            print(
                json.dumps(
                    {
                        "kind": a.item.kind,
                        "text": a.item.text,
                        "voice": a.item.voice,
                        "cond": a.item.condition.name,
                        "yes": a.yes,
                        "heard": a.heard,
                        **a.features,
                    }
                ),
                file=sys.stderr,
            )
    print(json.dumps(summarize(answered)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
