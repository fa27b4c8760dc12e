"""The full recognition evaluation behind scripts/bench_asr."""

from __future__ import annotations

import argparse
import json
import sys

from scripts.benchlib.asr import Outcome, evaluate, evaluate_trained, full_set, summarize
from voicepeer.listening import make_recognizer
from voicepeer.recognition.settings import RecognitionSettings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/bench_asr", description=__doc__)
    parser.add_argument(
        "--split",
        choices=("eval", "tune", "both"),
        default="eval",
        help="eval: speech and phrasings never used for tuning (default); "
        "tune: the tuning set; both: each, figures prefixed tune_/eval_",
    )
    parser.add_argument(
        "--every-condition",
        action="store_true",
        help="say every natural phrasing in every condition, not in one "
        "chosen at random (about six times as long)",
    )
    parser.add_argument("--engine", choices=("sphinx", "vosk"), default="sphinx")
    parser.add_argument(
        "--voice-training",
        action="store_true",
        help="also decode each voice after voice training with it (bundled "
        "engine); adds the trained_* figures",
    )
    parser.add_argument(
        "--dictation",
        action="store_true",
        help="only dictation: word error rate and share needing no correction "
        "on peer-support replies and general English, with each model",
    )
    parser.add_argument(
        "--generic-weights",
        type=lambda text: [float(w) for w in text.split(",")],
        default=[],
        help="with --dictation: also the mixed model with each of these shares of "
        "everyday English (comma-separated), to choose the share on the tuning split",
    )
    parser.add_argument(
        "--post-words",
        action="store_true",
        help="only naming a word of one's posted post while changing it (correct my "
        "post), with and without the post's words given to the recognizer",
    )
    parser.add_argument(
        "--noise-kinds",
        action="store_true",
        help="only commands in a noisy room: the command card's wordings clean and over "
        "pink noise, a fan, a kettle and a television (scripts/benchlib/asr_noisy.py)",
    )
    parser.add_argument(
        "--per-state-grammar",
        action="store_true",
        help="decode each state with a grammar of its own commands "
        "([recognition] per_state_grammar = true; default: every command's grammar)",
    )
    parser.add_argument(
        "--no-everyday-wording",
        action="store_true",
        help="command models without everyday wordings ([recognition] everyday_wording = false)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--misses", action="store_true", help="list every item got wrong")
    parser.add_argument(
        "--features",
        action="store_true",
        help="print the rejection features of every command and chatter item",
    )
    parser.add_argument(
        "--noise-suppression",
        choices=("auto", "on", "off"),
        default="auto",
        help="[recognition] noise_suppression to measure with",
    )
    args = parser.parse_args(argv)
    splits = ("tune", "eval") if args.split == "both" else (args.split,)
    figures: dict[str, float] = {}
    for split in splits:
        prefix = f"{split}_" if len(splits) > 1 else ""
        figures |= {prefix + k: v for k, v in _figures(split, args).items()}
    return _print(figures, args.json)


def _figures(split: str, args: argparse.Namespace) -> dict[str, float]:
    if args.dictation:
        from scripts.benchlib import dictation

        return dictation.run(
            split,
            voice_training=args.voice_training,
            engine=args.engine,
            generic_weights=args.generic_weights,
        )
    if args.post_words:
        from scripts.benchlib import post_words

        return post_words.run(split, args.misses)
    if args.noise_kinds:
        from scripts.benchlib import asr_noisy

        return asr_noisy.run(split, "today", asr_noisy.noisy_items(split), args.misses)
    settings = RecognitionSettings(
        noise_suppression=args.noise_suppression,
        per_state_grammar=args.per_state_grammar,
        everyday_wording=not args.no_everyday_wording,
    )
    recognizer = make_recognizer(settings, engine=args.engine)
    outcomes = evaluate(full_set(split, args.every_condition), recognizer, settings)
    recognizer.close()
    figures = summarize(outcomes)
    runs = [("", outcomes)]
    if args.voice_training:
        trained = evaluate_trained(full_set(split, args.every_condition), settings)
        figures |= {f"trained_{k}": v for k, v in summarize(trained).items()}
        runs.append(("trained ", trained))
    for label, run in runs:
        for o in run:
            if args.features and o.item.kind != "dictation":
                print(
                    json.dumps(
                        {
                            "kind": o.item.kind,
                            "text": o.item.text,
                            "ok": o.correct,
                            "cond": o.item.condition.name,
                            "trained": bool(label),
                            "state": o.item.state,
                            **o.detail,
                        }
                    ),
                    file=sys.stderr,
                )
            if args.misses and not o.correct:
                print(
                    f"{split} {label}MISS {_what_happened(o):6} {o.item.kind:9} "
                    f"{o.item.phrasing:9} "
                    f"{o.item.state or '-':12} {o.item.condition.name:6} {o.item.voice:14} "
                    f"{o.item.text!r} -> {o.heard!r}",
                    file=sys.stderr,
                )
    return figures


def _what_happened(outcome: Outcome) -> str:
    """A miss's cost to the person: something else done (wrong), asked what was meant
    (asked), or nothing done and "Sorry" said (missed); words wrong in dictation (words)."""
    if outcome.item.kind == "dictation":
        return "words"
    if outcome.wrong:
        return "wrong"
    return "asked" if outcome.asked else "missed"


def _print(figures: dict[str, float], as_json: bool) -> int:
    if as_json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:40} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
