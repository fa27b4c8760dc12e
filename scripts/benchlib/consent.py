"""A clear yes, measured: the answer to "Shall I post your reply?" decoded exactly as the
voice loop does while it waits for that answer (ListenMode.ANSWER, then
voicepeer.commands.consent), over synthetic speech from scripts/benchlib/_asr_data.py.

- true_yes_rate: share of spoken "yes" / "yes please" (every voice of the split, every
  condition: normal, slow, noisy, quiet) taken as yes;
- false_yes_rate: share of everything else taken as yes — near-yes sounds ("yeah",
  "yes but", "hang on" …), a yes taken back after a 1.5 s pause ("yes … but"), every other
  command phrasing, room talk and bare noise; and answers over a television (TV_ON),
  and the programme alone;
- yes_over_television_told_why: of the yeses over a television not taken, the share whose
  question was asked again saying why (the talk in the room), and
  told_of_talk_without_television: how many answers with no television were told so.

The tuning split adds yeses (and near-yes sounds) in eight more voices and five more ways of
speaking (see WIDER_TUNE_VOICES): its own four voices were too easy to tune on.

``run()`` (part of ``scripts/bench --json``) reports the evaluation split.
``python -m scripts.benchlib.consent --split tune --features`` prints what tuning looks at.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from dataclasses import dataclass, replace
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
    at_microphone,
    espeak,
    numbered,
    pink_noise,
    render,
)
from voicepeer.audio.input import WavFileInput
from voicepeer.commands.consent import CLEAR_YES
from voicepeer.commands.intents import PHRASINGS, Intent
from voicepeer.commands.interpreter import Interpreter
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

TAKEN_BACK = {
    "tune": ("yes … but", "yes … hang on", "yes please … no wait", "yes … wait"),
    "eval": ("yes … no", "yes … hold on", "yes please … but", "yes … sorry no"),
}
"""A yes taken back after a pause (" … ", TAKE_BACK_PAUSE_S) longer than the silence that
ends a command: never a yes."""
TAKE_BACK_PAUSE_S = 1.5

AFTER_PAUSE = (
    "but",
    "wait",
    "no",
    "hang on",
    "hold on",
    "sorry",
    "no wait",
    "not yet",
    "maybe",
    "actually no",
    "please wait",
    "please don't",
    "leave it",
    "police",
    "these",
    "cheese",
    "stop",
    "cancel",
    "read it back",
    "um",
    "peace",
    "pleased",
    "freeze",
    "please no",
)
"""Said after "yes" and a pause, for ``--after-pause``: none of them is "please"."""
PLEASE_RHYMES = frozenset({"police", "these", "cheese", "peace", "pleased", "freeze"})
"""Those of AFTER_PAUSE that differ from "please" only in how they begin or end: reported
as their own kind ("rhyme"), the others are take-backs."""

WIDER_TUNE_VOICES = (
    "en-gb-x-gbclan",
    "en-gb-x-gbcwmd",
    "en-us+m4",
    "en-gb+f5",
    "en-us+klatt",
    "en-gb+croak",
    "en-us+m7",
    "en-gb+f1",
)
"""More voices for the tuning split's yes answers (none of them the evaluation split's,
nor variants of its accents): its four voices all said yes the way the model hears best."""
WIDER_TUNE_CONDITIONS = (
    Condition("fast", 210),
    Condition("slow", 80, gap_ms=40),
    Condition("noisy", 130, snr_db=5.0),
    Condition("quiet", 140, gain_db=-34.0),
    Condition("loud", 170, gain_db=10.0),
)
"""More ways of saying yes for the tuning split: faster, slower, in louder noise, quieter,
and loud enough to clip."""


TV_ON = Condition("tv_on", 150, snr_db=10.0, noise="tv", lead_s=12.0, tail_s=3.0)
"""A television on before the answer (longer than background_talk_s, so voicepeer has
found it) and after, 10 dB under the person: yeses must still be taken, and neither the
programme nor anything else said over it be a yes."""
TV_ALONE = replace(TV_ON, lead_s=40.0, tail_s=0.0)
"""The programme alone, with nobody answering."""


@dataclass(frozen=True)
class Answered:
    item: Item
    heard: list[str]
    yes: bool
    features: dict[str, Any]
    told_why: bool = False
    """An answer was unclear over talk in the room: the question was asked again with why
    (voicepeer.voice.room_talk.unclear_over_talk)."""


def answer_items(split: str) -> list[Item]:
    rng = random.Random(SEEDS[split] + 7)
    voices = VOICES[split]
    items = [
        Item("yes", phrase, voice, condition)
        for phrase in CLEAR_YES
        for voice in voices
        for condition in CONDITIONS
    ]
    if split == "tune":
        items += [
            Item("yes", phrase, voice, condition)
            for phrase in CLEAR_YES
            for voice in WIDER_TUNE_VOICES
            for condition in (*CONDITIONS, *WIDER_TUNE_CONDITIONS)
        ]
    for phrase in NEAR_YES[split]:
        items += [
            Item("near_yes", phrase, v, rng.choice(CONDITIONS)) for v in rng.sample(voices, 2)
        ]
        if split == "tune":
            items += [
                Item("near_yes", phrase, v, rng.choice(WIDER_TUNE_CONDITIONS))
                for v in rng.sample(WIDER_TUNE_VOICES, 2)
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
    rng = random.Random(SEEDS[split] + 8)
    for phrase in TAKEN_BACK[split]:
        items += [
            Item("taken_back", phrase, v, rng.choice(CONDITIONS)) for v in rng.sample(voices, 2)
        ]
    return numbered(items + _over_television(split))


def _over_television(split: str) -> list[Item]:
    """Yeses and what is not a yes said over a television (TV_ON), and the programme
    alone."""
    rng = random.Random(SEEDS[split] + 9)
    voices = VOICES[split]
    items = [Item("yes", phrase, voice, TV_ON) for phrase in CLEAR_YES for voice in voices]
    items += [Item("near_yes", phrase, rng.choice(voices), TV_ON) for phrase in NEAR_YES[split]]
    items += [Item("taken_back", phrase, rng.choice(voices), TV_ON) for phrase in TAKEN_BACK[split]]
    items += [
        Item("command", phrase, rng.choice(voices), TV_ON)
        for phrase in (PHRASINGS[Intent.NO][0], PHRASINGS[Intent.CANCEL][0], "read it back")
    ]
    return [*items, Item("television", "", "", TV_ALONE)]


def after_pause_items() -> list[Item]:
    """ "yes … <AFTER_PAUSE>" in every voice of the tuning split, normal and very slow by
    turns: what may follow a yes and a pause, beyond the few take-backs of TAKEN_BACK.
    Tuning voices only, as rules are chosen with them."""
    voices = (*VOICES["tune"], *WIDER_TUNE_VOICES)
    ways = (CONDITIONS[0], WIDER_TUNE_CONDITIONS[1])
    pairs = [(then, voice) for then in AFTER_PAUSE for voice in voices]
    return numbered(
        [
            Item(
                "rhyme" if then in PLEASE_RHYMES else "taken_back",
                f"yes … {then}",
                voice,
                ways[n % 2],
            )
            for n, (then, voice) in enumerate(pairs)
        ]
    )


def _noise(item: Item) -> np.ndarray:
    """A burst of pink noise (a door, a fan switched on, a cough's rumble) with hiss."""
    rng = np.random.default_rng(item.seed)
    level = 32768 * 10 ** ((item.condition.snr_db or -30) / 20)
    burst = pink_noise(int(16000 * 0.8), rng) * level
    signal = np.concatenate([np.zeros(9600), burst, np.zeros(8000)])
    signal = signal + rng.normal(0, 6, signal.size)
    return np.clip(np.round(signal), -32768, 32767).astype(np.int16)


def spoken(item: Item) -> np.ndarray:
    """The item's audio: bare noise, the television alone, or its words with
    TAKE_BACK_PAUSE_S at each " … "."""
    if item.kind == "noise":
        return _noise(item)
    if item.kind == "television":
        return at_microphone(np.zeros(0), item)
    if " … " not in item.text:
        return render(item)
    gap = np.zeros(int(16000 * TAKE_BACK_PAUSE_S), dtype=np.int16)
    pieces: list[np.ndarray] = []
    for part in item.text.split(" … "):
        c = item.condition
        speech = espeak(part, item.voice, c.wpm, c.gap_ms)
        # espeak-ng ends slow speech with up to 1.5 s of silence of its own.
        sounding = np.flatnonzero(np.abs(speech) > 100)
        pieces += [speech[sounding[0] : sounding[-1] + 1] if sounding.size else speech, gap]
    return at_microphone(np.concatenate(pieces[:-1]), item)


def evaluate(
    items: list[Item], recognizer: Recognizer, settings: RecognitionSettings | None = None
) -> list[Answered]:
    import wave

    settings = settings or RecognitionSettings()
    interpreter = Interpreter()
    allowed = ALLOWED[State.CONFIRMING]
    answered = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answer.wav"
        for item in items:
            samples = spoken(item)
            with wave.open(str(path), "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(16000)
                wav.writeframes(samples.tobytes())
            listener = AudioListener(WavFileInput(path), recognizer, settings)
            heard, yes, told_why = [], False, False
            while (result := listener.listen(ListenMode.ANSWER)) is not None:
                heard.append(result.text)
                command = interpreter.answer(result, allowed).command
                yes = yes or (command is not None and command.intent is Intent.YES)
                told_why = told_why or (command is None and result.over_talk)
            features = dict(getattr(recognizer, "last_features", {}))
            answered.append(Answered(item, heard, yes, features, told_why))
    return answered


def _share(flags: list[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else float("nan")


def _rate(group: list[Answered]) -> float:
    return _share([a.yes for a in group])


def summarize(answered: list[Answered]) -> dict[str, float | int]:
    yes = [a for a in answered if a.item.kind == "yes"]
    other = [a for a in answered if a.item.kind != "yes"]
    figures: dict[str, float | int] = {
        "true_yes_rate": _rate(yes),
        "false_yes_rate": _rate(other),
        "yes_answers": len(yes),
        "not_yes_answers": len(other),
    }
    for kind in sorted({a.item.kind for a in other}):
        figures[f"false_yes_rate_{kind}"] = _rate([a for a in other if a.item.kind == kind])
    over_tv = [a for a in other if a.item.condition.name == TV_ON.name]
    figures["false_yes_rate_over_television"] = _rate(over_tv)
    # Of the yeses over a television not taken, how many heard why; elsewhere, how many
    # were told of talk in the room when there was none.
    missed = [a for a in yes if a.item.condition.name == TV_ON.name and not a.yes]
    figures["yes_over_television_told_why"] = _share([a.told_why for a in missed])
    quiet_room = [a for a in answered if a.item.condition.noise != "tv"]
    figures["told_of_talk_without_television"] = sum(a.told_why for a in quiet_room)
    for name in sorted({a.item.condition.name for a in yes}):
        figures[f"true_yes_rate_{name}"] = _rate([a for a in yes if a.item.condition.name == name])
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
    parser.add_argument(
        "--kind",
        action="append",
        help="only items of this kind (yes, near_yes, taken_back, command, chatter, noise)",
    )
    parser.add_argument(
        "--after-pause",
        action="store_true",
        help='"yes … but" and the like in every tuning voice (after_pause_items), not --split',
    )
    args = parser.parse_args(argv)
    recognizer = make_recognizer(RecognitionSettings(), engine="sphinx")
    chosen = after_pause_items() if args.after_pause else answer_items(args.split)
    items = [i for i in chosen if not args.kind or i.kind in args.kind]
    answered = evaluate(items, recognizer)
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
                        "told_why": a.told_why,
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
