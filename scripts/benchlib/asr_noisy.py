"""Commands in a noisy room, per kind of noise, and the front-end choices tried for it.

The command card's wordings of a split (scripts.benchlib.asr_phrasings.canonical_items), each
in its state, said once clean and once over each kind of background (_asr_data.NOISES: pink,
a fan's brown rumble, a kettle's white hiss, a television's talk; and the television long
on, TV_ON) at 10 or 15 dB signal-to-noise, and judged as the voice loop would
(scripts.benchlib.asr.evaluate).

    python -m scripts.benchlib.asr_noisy --split tune --variant today --variant level3

``scripts/bench_asr --noise-kinds`` measures the front end as it is (``today``).

Each ``--variant`` (see VARIANTS) changes one part of the front end for the run; the
figures are ``<variant>_accuracy_<kind>`` and ``<variant>_accuracy_clean``. Choose on the
tuning split; measure the choice once on the evaluation split.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from typing import Any
from unittest import mock

from scripts.benchlib._asr_data import NOISES, Condition, Item, numbered
from scripts.benchlib.asr import evaluate
from scripts.benchlib.asr_phrasings import canonical_items
from voicepeer.audio.noise import NoiseSuppressor
from voicepeer.listening import make_recognizer
from voicepeer.recognition.barge_in import NOISE_FLOOR_RMS, with_noise_floor
from voicepeer.recognition.settings import RecognitionSettings

SNRS_DB = (10.0, 15.0)
TV_ON = "tv_on"
"""A television on for a while before the person speaks (12 s, longer than voicepeer takes
to tell its talk from a person's; RecognitionSettings.background_talk_s) and after (3 s):
the "tv" kind has it come on 0.6 s before, as if switched on just then."""
KINDS = (*NOISES, TV_ON)


def noisy_items(split: str, kinds: tuple[str, ...] = KINDS, every: int = 1) -> list[Item]:
    """Every ``every``-th command card wording clean, and over each of ``kinds`` of noise
    (the signal-to-noise ratio taking each of SNRS_DB in turn)."""
    items = []
    for index, item in enumerate(canonical_items(split)):
        said = [replace(item, condition=Condition("clean", 150))]
        for number, kind in enumerate(NOISES):
            snr = SNRS_DB[(index // every + number) % len(SNRS_DB)]
            condition = Condition(kind, 145, snr_db=snr, noise=kind)
            said.append(replace(item, condition=condition))
            if kind == "tv":  # and the same television long on
                long_on = replace(condition, name=TV_ON, lead_s=12.0, tail_s=3.0)
                said.append(replace(item, condition=long_on))
        items += said if index % every == 0 else [replace(i, kind="skipped") for i in said]
    # Numbered before choosing, so that an item sounds the same in every subset.
    return [
        i for i in numbered(items) if i.kind != "skipped" and i.condition.name in ("clean", *kinds)
    ]


@dataclass(frozen=True)
class Variant:
    settings: dict[str, Any] = field(default_factory=dict)
    """RecognitionSettings fields."""
    patches: dict[str, Any] = field(default_factory=dict)
    """Module attributes replaced for the run (dotted path -> value)."""


class _BedSuppressor(NoiseSuppressor):
    """The suppressor with barge-in's faint noise bed under what it leaves."""

    def process(self, pcm: bytes) -> bytes:
        return with_noise_floor(super().process(pcm), NOISE_FLOOR_RMS)


def _decoder_with(**options: Any) -> Any:
    import pocketsphinx

    original = pocketsphinx.Decoder

    def make(*args: Any, **kwargs: Any) -> Any:
        return original(*args, **kwargs, **options)

    return make


def _no_detector(sample_rate: int = 16_000) -> None:
    return None


VARIANTS: dict[str, Variant] = {
    "today": Variant(),
    "off": Variant({"noise_suppression": "off"}),
    "on": Variant({"noise_suppression": "on"}),
    "level1": Variant(patches={"voicepeer.audio.noise.SUPPRESSION_LEVEL": 1}),
    "level3": Variant(patches={"voicepeer.audio.noise.SUPPRESSION_LEVEL": 3}),
    "level4": Variant(patches={"voicepeer.audio.noise.SUPPRESSION_LEVEL": 4}),
    "gain3": Variant(patches={"voicepeer.audio.noise.AUTO_GAIN_DBFS": 3}),
    "gain9": Variant(patches={"voicepeer.audio.noise.AUTO_GAIN_DBFS": 9}),
    "bed": Variant(patches={"voicepeer.recognition.listener.NoiseSuppressor": _BedSuppressor}),
    "remove_noise": Variant(patches={"pocketsphinx.Decoder": _decoder_with(remove_noise=True)}),
    "cmn_batch": Variant(patches={"pocketsphinx.Decoder": _decoder_with(cmn="batch")}),
    "no_silero": Variant(patches={"voicepeer.recognition.listener.neural_detector": _no_detector}),
}


@contextmanager
def applied(variant: Variant) -> Iterator[RecognitionSettings]:
    with ExitStack() as stack:
        for target, value in variant.patches.items():
            stack.enter_context(mock.patch(target, value))
        yield RecognitionSettings(**variant.settings)


def run(split: str, name: str, items: list[Item], misses: bool = True) -> dict[str, float]:
    with applied(VARIANTS[name]) as settings:
        recognizer = make_recognizer(settings)
        try:
            outcomes = evaluate(items, recognizer, settings)
        finally:
            recognizer.close()
    groups: dict[str, list[bool]] = defaultdict(list)
    for outcome in outcomes:
        kind = outcome.item.condition.name
        groups[kind].append(outcome.correct)
        if kind != "clean":
            groups["noisy"].append(outcome.correct)
            groups[f"{kind}{outcome.item.condition.snr_db:.0f}"].append(outcome.correct)
        if misses and not outcome.correct:
            print(
                f"{split} {name} MISS {kind:6} {outcome.item.condition.snr_db} "
                f"{outcome.item.voice:12} {outcome.item.state or '-':10} "
                f"{outcome.item.text!r} -> {outcome.heard!r}",
                file=sys.stderr,
            )
    figures = {f"{name}_accuracy_{k}": round(sum(v) / len(v), 4) for k, v in groups.items()}
    figures[f"{name}_commands"] = len(groups["clean"])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.benchlib.asr_noisy")
    parser.add_argument("--split", choices=("tune", "eval"), default="tune")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS), default=[])
    parser.add_argument("--kind", action="append", choices=sorted(KINDS), default=[])
    parser.add_argument(
        "--every", type=int, default=1, help="only every N-th wording (a quicker screen)"
    )
    args = parser.parse_args(argv)
    items = noisy_items(args.split, tuple(args.kind or NOISES), args.every)
    figures: dict[str, float] = {}
    for name in args.variant or ["today"]:
        figures |= run(args.split, name, items)
        print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
