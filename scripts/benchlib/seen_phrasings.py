"""Natural phrasings of the evaluation half that voicepeer has word for word among its own.

Everyday wordings were added to voicepeer after the collection was split, some of them ones
people were heard to use that the evaluation half has too ("come again", "too loud"). Those
phrasings no longer measure how voicepeer does on words it has never seen, so the figures
are also given without them (``natural_unseen_*``, see asr.py), and tests/
test_bench_phrasings.py keeps more from being added (:data:`ADDED_AFTER_THE_SPLIT`).

"Has word for word" is read broadly: any string written in voicepeer's command modules that
is the phrasing itself, placeholder and all. A phrasing that counts by mistake only makes the
unseen share smaller, never less clean.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

COMMANDS = Path(__file__).resolve().parents[2] / "voicepeer" / "commands"

ADDED_AFTER_THE_SPLIT = 56
"""How many evaluation phrasings voicepeer had word for word when this was first counted;
the count may fall, never rise."""


@cache
def voicepeer_wordings() -> frozenset[str]:
    """Every string written in voicepeer's command modules, in lower case."""
    found = set()
    for module in sorted(COMMANDS.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(" ".join(node.value.lower().split()))
    return frozenset(found)


def seen(phrasing: str) -> bool:
    """Whether voicepeer has ``phrasing`` (as the collection writes it) word for word."""
    return " ".join(phrasing.lower().split()) in voicepeer_wordings()
