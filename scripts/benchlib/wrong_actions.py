"""Commands heard as another command and acted on: each one said in its state and decoded as
``scripts/bench_asr`` does, with what was heard, the action taken, the state, and what the
engine reported about it (its confidence, the free and forced readings and their scores in
``last_features``), so the wrong actions can be grouped by why they happened.

Usage: ``python -m scripts.benchlib.wrong_actions [--split tune] [--save FILE]``; ``--load
FILE`` reads the utterances saved by ``--save`` instead of decoding again and replays them
through the interpreter as it is now (for trying interpreter rules without the minutes of
decoding). Choosing on the tuning split only.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from typing import Any

from scripts.benchlib._asr_data import numbered
from scripts.benchlib.asr import evaluate
from scripts.benchlib.asr_phrasings import canonical_items, natural_items, room_talk_items
from scripts.benchlib.asr_states import act, asked, expected_action, verdict
from voicepeer.commands.interpreter import Interpreter
from voicepeer.listening import make_recognizer
from voicepeer.recognition.settings import RecognitionSettings


def decoded(split: str) -> list[dict[str, Any]]:
    """Every command and room-talk item of ``split``, decoded: the item and the utterances
    as the interpreter got them, with the engine's features of the last one."""
    settings = RecognitionSettings()
    recognizer = make_recognizer(settings)
    items = numbered(canonical_items(split) + natural_items(split) + room_talk_items(split))
    outcomes = evaluate(items, recognizer, settings)
    recognizer.close()
    return [{"item": o.item, "heard": o.heard_as, "features": o.detail} for o in outcomes]


def judge_all(rows: list[dict[str, Any]], interpreter: Interpreter) -> Counter[str]:
    """Each row judged again by ``interpreter`` (see asr_states.verdict), printed when it
    was wrong or asked about; the counts of each verdict, commands and room talk apart."""
    counts: Counter[str] = Counter()
    for row in rows:
        item, heard = row["item"], row["heard"]
        actions = [act(h, item.state, interpreter) for h in heard]
        questions = [asked(h, item.state, interpreter) for h in heard]
        expected = expected_action(item)
        taken = [a for a in actions if a is not None]
        judged = verdict(expected, actions, questions)
        counts[f"{item.kind}:{judged}"] += 1
        if judged in ("wrong", "asked"):
            f = row["features"]
            print(
                f"{judged:6} {item.state or '-':12} {item.condition.name:6} "
                f"{item.phrasing:9} {item.text!r:32} -> "
                f"{[(h.text, round(h.confidence, 2), h.passes) for h in heard]} "
                f"did={[a.name for a in taken]} lm={f.get('lm', '')!r}:"
                f"{f.get('lm_score', 0):.2f} gr={f.get('grammar', '')!r}:{f.get('score', 0):.2f}",
                file=sys.stderr,
            )
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="wrong_actions", description=__doc__)
    parser.add_argument("--split", choices=("tune", "eval"), default="tune")
    parser.add_argument("--save", help="keep the decoded utterances in this file")
    parser.add_argument("--load", help="replay utterances kept with --save")
    args = parser.parse_args(argv)
    if args.load:
        with open(args.load, "rb") as file:
            rows = pickle.load(file)  # a file this tool wrote
    else:
        rows = decoded(args.split)
    if args.save:
        with open(args.save, "wb") as file:
            pickle.dump(rows, file)
    for key, value in sorted(judge_all(rows, Interpreter()).items()):
        print(f"{key:20} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
