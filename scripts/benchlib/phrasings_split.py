"""Split the natural phrasings (tests/data/phrasings_all.toml) into a tuning half, which
voicepeer may use, and an evaluation half, which nothing in voicepeer/ reads, so that the
figures on the evaluation half show how voicepeer does on phrasings it has never seen.

The rule is fixed and blind to how well anything is recognized: within each intent (all
sources together) the phrasings are ordered by the SHA-256 of their text; the first, third,
fifth … go to the tuning half, the second, fourth … to the evaluation half. The
state-dependent words of ``[context]`` are split the same way as one group, each with all
its states, so the same words never appear in both halves.

``python -m scripts.benchlib.phrasings_split`` writes both halves; the tests check that
they are what this rule makes of the collection.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ALL = ROOT / "tests" / "data" / "phrasings_all.toml"
TUNE = ROOT / "voicepeer" / "commands" / "data" / "phrasings_tune.toml"
EVAL = ROOT / "tests" / "data" / "phrasings_eval.toml"
SOURCES = ("ha", "builtin", "everyday")

HEADER = """\
# Natural phrasings, {half} half: {purpose}
# Made by scripts/benchlib/phrasings_split.py from the collection it names (edit that, not
# this file). Format:
#   [intents.NAME] state = where it is usually said; phrasings = what people say for it.
#   Placeholders: {{number}} a number in words, {{ordinal}} an ordinal word ("second"),
#   {{query}} a search word, {{name}} a member's first name; without it, the bare command.
#   [context] "words" = {{ state = "intent" }}: what those words mean in that state
#   ("none": they must do nothing there).
# Sources: Home Assistant intents (github.com/home-assistant/intents, sentences/en,
# CC BY 4.0, https://creativecommons.org/licenses/by/4.0/, (c) the Home Assistant intents
# contributors; templates expanded, media words left out), the documented common utterances
# of Alexa's and Amazon Lex's built-in intents, and everyday variants of voicepeer's own
# commands. Each phrasing's source is noted in the collection.
"""
PURPOSE = {
    "tuning": "voicepeer may use these to understand people.",
    "evaluation": "for measuring only. Nothing in voicepeer/ may read this file.",
}


def _order(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _halves(items: list[str]) -> tuple[list[str], list[str]]:
    ordered = sorted(items, key=_order)
    return ordered[0::2], ordered[1::2]


def split(collection: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The tuning and evaluation halves of the collection (same shape as the files)."""
    tune: dict[str, Any] = {"intents": {}, "context": {}}
    evaluation: dict[str, Any] = {"intents": {}, "context": {}}
    for name, entry in collection["intents"].items():
        phrasings = [p for source in SOURCES for p in entry.get(source, [])]
        first, second = _halves(phrasings)
        tune["intents"][name] = {"state": entry["state"], "phrasings": first}
        evaluation["intents"][name] = {"state": entry["state"], "phrasings": second}
    first, second = _halves(list(collection["context"]))
    tune["context"] = {words: collection["context"][words] for words in first}
    evaluation["context"] = {words: collection["context"][words] for words in second}
    return tune, evaluation


def render(half: dict[str, Any], name: str) -> str:
    """``half`` as TOML (strings written as JSON strings, which TOML reads alike)."""
    lines = [HEADER.format(half=name, purpose=PURPOSE[name])]
    for intent, entry in half["intents"].items():
        lines.append(f"[intents.{intent}]")
        lines.append(f"state = {json.dumps(entry['state'])}")
        lines.append("phrasings = [")
        lines += [f"    {json.dumps(p)}," for p in entry["phrasings"]]
        lines += ["]", ""]
    lines.append("[context]")
    for words, meanings in half["context"].items():
        inner = ", ".join(f"{state} = {json.dumps(i)}" for state, i in meanings.items())
        lines.append(f"{json.dumps(words)} = {{ {inner} }}")
    return "\n".join(lines) + "\n"


def expected_files() -> dict[Path, str]:
    tune, evaluation = split(tomllib.loads(ALL.read_text(encoding="utf-8")))
    return {TUNE: render(tune, "tuning"), EVAL: render(evaluation, "evaluation")}


def main() -> int:
    for path, text in expected_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
