"""Where natural phrasings are lost: each one said in its state and decoded as
``scripts/bench_asr`` does, with what the free (language model) reading and the forced
(grammar) reading heard, and the cause of each miss:

- ``vocabulary``: a word said is not in the words the state's command model can say, so it
  can never be heard;
- ``interpreter``: every word can be heard, but the words themselves, heard exactly, are not
  understood as the command (no intent, or another one);
- ``acoustic``: the words can be heard and would be understood, but were misheard.

Usage: ``python -m scripts.benchlib.natural_losses [--split tune] [--limit N]``. Choosing on
the tuning split only: the evaluation split is for the figure reported.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter

from scripts.benchlib._asr_data import numbered
from scripts.benchlib.asr import evaluate
from scripts.benchlib.asr_phrasings import natural_items, room_talk_items
from scripts.benchlib.asr_states import act, expected_action
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.text import normalize
from voicepeer.listening import make_recognizer
from voicepeer.recognition.base import Heard
from voicepeer.recognition.settings import RecognitionSettings


def cause(said: str, state: str | None, model_words: set[str], understood: bool) -> str:
    """Why an item was missed (see the module's doc)."""
    if any(w not in model_words for w in normalize(said).split()):
        return "vocabulary"
    return "acoustic" if understood else "interpreter"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="natural_losses", description=__doc__)
    parser.add_argument("--split", choices=("tune", "eval"), default="tune")
    parser.add_argument("--limit", type=int, default=None, help="phrasings per intent")
    parser.add_argument("--json", action="store_true", help="one JSON line per item")
    parser.add_argument(
        "--room-talk", action="store_true", help="also count room talk taken for a command"
    )
    args = parser.parse_args(argv)
    settings = RecognitionSettings()
    recognizer = make_recognizer(settings)
    interpreter = Interpreter()
    items = numbered(
        natural_items(args.split, per_intent=args.limit)
        + (room_talk_items(args.split) if args.room_talk else [])
    )
    outcomes = evaluate(items, recognizer, settings, interpreter)
    searches = recognizer.phrasebook.commands
    causes: Counter[str] = Counter()
    for o in outcomes:
        item = o.item
        if item.kind == "chatter":
            causes["room talk taken"] += o.accepted
            causes["room talk"] += 1
            if o.accepted:
                print(f"TAKEN {item.state} {item.text!r} -> {o.heard}", file=sys.stderr)
            continue
        vocabulary = searches.get(item.state or "", searches[""])
        words = {w for s in vocabulary.sentences for w in re.findall(r"[\w']+", s)}
        expected = expected_action(item)
        by_text = act(Heard(normalize(item.text)), item.state, interpreter)
        text_ok = by_text == expected
        why = "" if o.correct else cause(item.text, item.state, words, text_ok)
        causes[why or "understood"] += 1
        causes[f"{item.phrasing}:{why or 'understood'}"] += 1
        row = {
            "said": item.text,
            "state": item.state,
            "kind": item.phrasing,
            "cond": item.condition.name,
            "ok": o.correct,
            "cause": why,
            "free": o.detail.get("lm", ""),
            "forced": o.detail.get("grammar", ""),
            "heard": o.heard,
            "text_understood": text_ok,
            "oov": [w for w in normalize(item.text).split() if w not in words],
        }
        print(json.dumps(row) if args.json else _line(row), file=sys.stderr)
    recognizer.close()
    print(json.dumps(dict(sorted(causes.items())), indent=1))
    return 0


def _line(row: dict[str, object]) -> str:
    mark = "ok " if row["ok"] else f"{str(row['cause'])[:5]:5}"
    return (
        f"{mark} {row['state']!s:10} {row['cond']!s:6} {row['said']!r:40} "
        f"free={row['free']!r} forced={row['forced']!r} oov={row['oov']}"
    )


if __name__ == "__main__":
    sys.exit(main())
