"""``voicepeer commands [--card FILE]``: what the person can say, on screen or as a
large-print page to print and keep by the computer."""

from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from voicepeer.commands.intents import PHRASINGS, SLOT_INTENTS, Intent
from voicepeer.config import load_settings
from voicepeer.config.wizard import find_target, intent_for
from voicepeer.errors import ConfigError
from voicepeer.settings import Settings

GROUPS: tuple[tuple[str, tuple[Intent, ...]], ...] = (
    ("Moving around", (Intent.LATEST, Intent.NEXT, Intent.PREVIOUS, Intent.OPEN, Intent.BACK,
                       Intent.WHERE, Intent.SEARCH)),
    ("Reading", (Intent.READ, Intent.REPEAT, Intent.STOP, Intent.PAUSE, Intent.RESUME,
                 Intent.WHO, Intent.NOTIFICATIONS, Intent.LIKE, Intent.BOOKMARK)),
    ("Replying", (Intent.REPLY, Intent.READ_BACK, Intent.SCRATCH, Intent.SEND, Intent.CANCEL,
                  Intent.YES, Intent.NO)),
    ("Voice", (Intent.FASTER, Intent.SLOWER, Intent.LOUDER, Intent.QUIETER, Intent.SLEEP,
               Intent.WAKE)),
    ("Other", (Intent.HELP,)),
)
SLOT_EXAMPLES: Mapping[str, str] = {"number": "3", "query": "tiredness"}
"""How a phrasing that takes a value is shown: "open topic 3", "search for tiredness"."""

CSS = """
body { font-family: "Atkinson Hyperlegible", Verdana, Arial, sans-serif; font-size: 22pt;
       color: #000; background: #fff; margin: 1.5em; line-height: 1.35; }
h1 { font-size: 34pt; margin: 0 0 0.3em; }
h2 { font-size: 28pt; border-bottom: 4px solid #000; margin: 1em 0 0.3em; }
.intro { font-size: 20pt; }
dl { margin: 0; }
dt { font-size: 26pt; font-weight: bold; margin-top: 0.5em; }
dd { margin: 0 0 0 1.2em; font-size: 18pt; }
.mine { font-weight: bold; }
section { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { margin: 0; font-size: 20pt; }
  @page { size: A4; margin: 15mm; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
"""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "commands", help="list what can be said, or write a large-print command card",
        description="List the spoken commands, with the personal words set up for this person.",
    )
    parser.add_argument("--card", metavar="FILE", type=Path,
                        help="write a large-print HTML page to print, instead of listing")
    parser.add_argument("--config", metavar="FILE", default=argparse.SUPPRESS,
                        help="settings file with the personal command words")
    parser.set_defaults(handler=run)


def personal_aliases(settings: Settings) -> dict[Intent, list[str]]:
    """The caregiver's phrasings, grouped by the intent they stand for."""
    target = find_target("aliases")
    found: dict[Intent, list[str]] = {}
    if target is None:
        return found
    aliases = getattr(getattr(settings, target.section), target.name) or {}
    for phrase, name in aliases.items():
        intent = intent_for(str(name))
        if intent is not None:
            found.setdefault(intent, []).append(str(phrase))
    return found


def groups() -> list[tuple[str, tuple[Intent, ...]]]:
    """The card's groups; intents added to the catalogue later land in "Other"."""
    placed = {intent for _, intents in GROUPS for intent in intents}
    extra = tuple(intent for intent in Intent if intent not in placed)
    return [(title, intents + extra if title == "Other" else intents)
            for title, intents in GROUPS]


def shown(intent: Intent, phrase: str) -> str:
    slot = SLOT_INTENTS.get(intent)
    return f"{phrase} {SLOT_EXAMPLES[slot]}" if slot is not None and slot in SLOT_EXAMPLES \
        else phrase


def render_text(aliases: Mapping[Intent, list[str]]) -> str:
    lines = []
    for title, intents in groups():
        lines.append(title)
        for intent in intents:
            first, *rest = PHRASINGS[intent]
            line = f"  {shown(intent, first)}"
            if rest:
                line += f"   (also: {', '.join(shown(intent, p) for p in rest)})"
            if aliases.get(intent):
                line += f"   (your words: {', '.join(aliases[intent])})"
            lines.append(line)
    return "\n".join(lines) + "\n"


def render_card(aliases: Mapping[Intent, list[str]]) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        "<title>What you can say to voicepeer</title>", f"<style>{CSS}</style>", "</head>",
        "<body>", "<h1>What you can say to voicepeer</h1>",
        '<p class="intro">Say any of these when voicepeer is listening. Take your time: '
        'pauses are fine. Say <b>help</b> at any time.</p>',
    ]
    for title, intents in groups():
        parts += ["<section>", f"<h2>{e(title)}</h2>", "<dl>"]
        for intent in intents:
            first, *rest = PHRASINGS[intent]
            parts.append(f"<dt>“{e(shown(intent, first))}”</dt>")
            if rest:
                parts.append("<dd>or: " + ", ".join(f"“{e(shown(intent, p))}”" for p in rest)
                             + "</dd>")
            if aliases.get(intent):
                parts.append('<dd class="mine">your words: '
                             + ", ".join(f"“{e(p)}”" for p in aliases[intent]) + "</dd>")
        parts += ["</dl>", "</section>"]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(getattr(args, "config", None))
    except ConfigError as error:
        print(f"voicepeer: {error}\n(Showing the card without personal words.)",
              file=sys.stderr)
        settings = Settings()
    aliases = personal_aliases(settings)
    if args.card is None:
        sys.stdout.write(render_text(aliases))
        return 0
    try:
        args.card.write_text(render_card(aliases), encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot write the command card to {args.card}: "
                          f"{error.strerror or error}") from None
    print(f"Command card written to {args.card}. Open it in a web browser and print it.")
    return 0
