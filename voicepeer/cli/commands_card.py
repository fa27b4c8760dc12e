"""``voicepeer commands [--card FILE]``: what the person can say, on screen or as a
large-print card to print and keep by the computer.

The card's first page holds the essentials in very large print, with the keys; the pages
behind it list everything: all commands, the words for editing a reply and for punctuation,
and the person's own words, with any that clash with a built-in command marked.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicepeer.atomic import atomic_write_text
from voicepeer.commands.editing import DictationAction, card_phrases
from voicepeer.commands.intents import PHRASINGS, SLOT_INTENTS, Intent
from voicepeer.commands.interpreter import ASLEEP, wake_phrases
from voicepeer.commands.natural import unwrap
from voicepeer.commands.text import normalize
from voicepeer.config import load_settings
from voicepeer.config.aliases import AliasProblem, alias_problems, intent_for
from voicepeer.errors import ConfigError
from voicepeer.settings import Settings
from voicepeer.switches.settings import SwitchSettings
from voicepeer.voice.spoken_marks import SPOKEN_MARKS

GROUPS: tuple[tuple[str, tuple[Intent, ...]], ...] = (
    (
        "Moving around",
        (
            Intent.LATEST,
            Intent.UNREAD,
            Intent.CATEGORIES,
            Intent.MY_TOPICS,
            Intent.NEXT,
            Intent.PREVIOUS,
            Intent.OPEN,
            Intent.BACK,
            Intent.WHERE,
            Intent.SEARCH,
        ),
    ),
    (
        "Reading",
        (
            Intent.READ,
            Intent.REPEAT,
            Intent.STOP,
            Intent.NEXT_PARAGRAPH,
            Intent.PREVIOUS_PARAGRAPH,
            Intent.SKIP_TO_END,
            Intent.PAUSE,
            Intent.RESUME,
            Intent.WHO,
            Intent.NOTIFICATIONS,
            Intent.MARK_READ,
            Intent.LIKE,
            Intent.UNLIKE,
            Intent.DELETE_POST,
            Intent.RECOVER_POST,
            Intent.ADD_TO_REPLY,
            Intent.EDIT_POST,
            Intent.VOTE,
            Intent.REMOVE_VOTE,
            Intent.BOOKMARK,
        ),
    ),
    (
        "Replying",
        (
            Intent.REPLY,
            Intent.READ_BACK,
            Intent.SCRATCH,
            Intent.SEND,
            Intent.CANCEL,
            Intent.YES,
            Intent.NO,
        ),
    ),
    (
        "Voice",
        (Intent.FASTER, Intent.SLOWER, Intent.LOUDER, Intent.QUIETER, Intent.SLEEP, Intent.WAKE),
    ),
    ("Other", (Intent.HELP, Intent.QUIT)),
)
GROUP_NOTES: Mapping[str, str] = {
    "Replying": (
        "While you dictate, only the words under “While writing a reply” are commands: "
        "the others are written into your reply. Before anything others can see is posted, "
        "liked or sent, only “yes” itself counts as yes."
    ),
}
"""What a group's words do not do everywhere: "never mind" is written into a reply, and
"yeah" answers a name but never posts."""
ESSENTIALS: tuple[tuple[Intent, str], ...] = (
    (Intent.LATEST, "hear what is new"),
    (Intent.OPEN, "open one of them"),
    (Intent.NEXT, "go on"),
    (Intent.PREVIOUS, "go back one"),
    (Intent.REPEAT, "hear it again"),
    (Intent.REPLY, "answer, then say your reply"),
    (Intent.SEND, "post it — I ask first"),
    (Intent.PAUSE, "rest; your place is kept. Say “resume” to go on"),
    (Intent.HELP, "what you can say now"),
    (Intent.QUIT, "end for today"),
)
"""The first page: few enough to read from across the room."""
EDITING_MEANING: Mapping[DictationAction, str] = {
    DictationAction.SEND: "post your reply (I read it back and ask first)",
    DictationAction.READ_BACK: "hear your reply so far",
    DictationAction.SCRATCH: "remove the last part you said",
    DictationAction.DELETE_SENTENCE: "remove the last sentence you said",
    DictationAction.DELETE_WORD: "remove the last word",
    DictationAction.START_OVER: "begin your reply again",
    DictationAction.UNDO: "bring back what you just removed",
    DictationAction.RETITLE: "give a new topic, a message or your own topic another title",
    DictationAction.CANCEL: "put the reply aside (it is kept)",
    DictationAction.HELP: "hear these words",
}
MARK_NAMES: Mapping[str, str] = {"\n": "a new line", "\n\n": "a new paragraph"}


def marks_said(shown: int = len(SPOKEN_MARKS)) -> list[tuple[list[str], str]]:
    """Each mark with the first ``shown`` ways of saying it ("full stop", "period")."""
    names: dict[str, list[str]] = {}
    for word, mark in SPOKEN_MARKS:
        names.setdefault(mark, []).append(word)
    return [(words[:shown], MARK_NAMES.get(mark, mark)) for mark, words in names.items()]


_CAPITAL_I = re.compile(r"\bi\b")
SLOT_EXAMPLES: Mapping[str, str] = {"number": "3", "query": "tiredness"}
"""How a phrasing that takes a value is shown: "open topic 3", "search for tiredness"."""

CSS = """
body { font-family: "Atkinson Hyperlegible", Verdana, Arial, sans-serif; font-size: 16pt;
       color: #000; background: #fff; margin: 1.5em; line-height: 1.25; }
h1 { font-size: 26pt; margin: 0 0 0.2em; }
h2 { font-size: 20pt; border-bottom: 3px solid #000; margin: 0.6em 0 0.2em; }
.essentials h1 { font-size: 34pt; }
.essentials table { border-collapse: collapse; width: 100%; }
.essentials th { font-size: 30pt; text-align: left; padding: 0.08em 0.5em 0.08em 0;
                 white-space: nowrap; }
.essentials td { font-size: 20pt; }
.essentials .keys { font-size: 22pt; font-weight: bold; border: 4px solid #000;
                    padding: 0.2em 0.5em; margin-top: 0.5em; }
.essentials .keys p { margin: 0.15em 0; }
.intro { font-size: 16pt; margin: 0.2em 0 0.4em; }
dl { margin: 0; }
dt { font-size: 17pt; font-weight: bold; margin-top: 0.3em; }
dd { margin: 0 0 0 1.2em; font-size: 14pt; }
.punctuation th { font-size: 17pt; text-align: left; padding: 0 1.5em 0 0; }
.punctuation td { font-size: 20pt; font-weight: bold; }
.mine { font-weight: bold; }
.clash { font-weight: bold; border-left: 6px solid #000; padding-left: 0.4em; }
.keys, dt, dd { break-inside: avoid; page-break-inside: avoid; }
dt { break-after: avoid; page-break-after: avoid; }
.essentials { break-after: page; page-break-after: always; }
@media print {
  body { margin: 0; }
  @page { size: A4; margin: 12mm; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
"""


@dataclass(frozen=True)
class CardContent:
    """What goes on the card for one person."""

    aliases: Mapping[Intent, list[str]] = field(default_factory=dict)
    """Their own words that work, by the command they stand for."""
    problems: list[AliasProblem] = field(default_factory=list)
    """Their own words that clash with a built-in command or name none."""
    switches: SwitchSettings = field(default_factory=SwitchSettings)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "commands",
        help="list what can be said, or write a large-print command card",
        description="List the spoken commands, with the personal words set up for this person.",
    )
    parser.add_argument(
        "--card",
        metavar="FILE",
        type=Path,
        help="write a large-print HTML page to print, instead of listing",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="settings file with the personal command words",
    )
    parser.set_defaults(handler=run)


def card_content(settings: Settings) -> CardContent:
    raw: Mapping[str, str] = settings.recognition.aliases
    problems = alias_problems(raw)
    clashing = {p.phrase for p in problems}
    found: dict[Intent, list[str]] = {}
    for phrase, name in raw.items():
        intent = intent_for(str(name))
        if intent is not None and phrase not in clashing:
            found.setdefault(intent, []).append(str(phrase))
    return CardContent(found, problems, settings.switches)


def groups() -> list[tuple[str, tuple[Intent, ...]]]:
    """The card's groups; intents added to the catalogue later land in "Other"."""
    placed = {intent for _, intents in GROUPS for intent in intents}
    extra = tuple(intent for intent in Intent if intent not in placed)
    return [(title, intents + extra if title == "Other" else intents) for title, intents in GROUPS]


def shown(intent: Intent, phrase: str) -> str:
    """A phrasing as printed: "where am I", "open topic 3"."""
    phrase = _CAPITAL_I.sub("I", phrase)
    slot = SLOT_INTENTS.get(intent)
    return (
        f"{phrase} {SLOT_EXAMPLES[slot]}" if slot is not None and slot in SLOT_EXAMPLES else phrase
    )


def key_lines(switches: SwitchSettings) -> list[str]:
    """The stop key and, when set up, the push-to-talk key, as plain sentences."""
    key = switches.key.upper() if len(switches.key) <= 3 else switches.key
    if switches.mode == "off" or switches.any_key_stops_speech:
        lines = ["To stop me talking: press any key."]
    else:
        lines = [f"To stop me talking: press {key}."]
    if switches.mode == "tap":
        lines.append(f"To talk: press {key}, speak, then press {key} again.")
    elif switches.mode == "hold":
        lines.append(f"To talk: hold {key} down while you speak.")
    return lines


def asleep_note(content: CardContent) -> str:
    """Under "resume": which of its words, and of "wake up"'s, are heard after "pause" or
    "go to sleep" (the interpreter's own list), and which only while voicepeer listens —
    the card listed "continue" as a way to resume, and paused it does nothing."""
    own = {p: i for i, ps in content.aliases.items() if i in ASLEEP for p in ps}
    waking = {phrase for phrase, _ in wake_phrases(own)}
    card = [(i, p) for i in (Intent.RESUME, Intent.WAKE) for p in PHRASINGS[i]]
    heard = [shown(i, p) for i, p in card if unwrap(normalize(p)) in waking]
    not_heard = [shown(i, p) for i, p in card if unwrap(normalize(p)) not in waking]
    mine = " or your own words for them" if own else ""
    note = f"After “pause” or “go to sleep”, say {_either(heard)}{mine}"
    if not not_heard:
        return f"{note}, so that talk in the room does not wake me."
    return (
        f"{note}: {_both(not_heard)} work only while I am listening, so that talk in the "
        "room does not wake me."
    )


def _quoted(phrases: list[str]) -> list[str]:
    return [f"“{p}”" for p in phrases]


def _either(phrases: list[str]) -> str:
    words = _quoted(phrases)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _both(phrases: list[str]) -> str:
    words = _quoted(phrases)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def clash_note(problem: AliasProblem) -> str:
    return (
        f"“{problem.phrase}” = {problem.command}: {problem.problem}. Ask your helper to change it."
    )


def render_text(content: CardContent) -> str:
    lines = []
    for title, intents in groups():
        lines.append(title)
        if title in GROUP_NOTES:
            lines.append(f"  ({GROUP_NOTES[title]})")
        for intent in intents:
            first, *rest = PHRASINGS[intent]
            line = f"  {shown(intent, first)}"
            if rest:
                line += f"   (also: {', '.join(shown(intent, p) for p in rest)})"
            if content.aliases.get(intent):
                line += f"   (your words: {', '.join(content.aliases[intent])})"
            lines.append(line)
            if intent is Intent.RESUME:
                lines.append(f"    ({asleep_note(content)})")
    lines.append("While writing a reply")
    lines += [
        f"  {', '.join(phrases)}: {EDITING_MEANING[action]}"
        for action, phrases in card_phrases().items()
    ]
    lines.append("Punctuation while writing")
    lines += [f"  {', '.join(words)}: {mark}" for words, mark in marks_said()]
    lines.append("Keys")
    lines += [f"  {line}" for line in key_lines(content.switches)]
    if content.problems:
        lines.append("Your own words that do not work")
        lines += [f"  {clash_note(p)}" for p in content.problems]
    return "\n".join(lines) + "\n"


def _essentials(content: CardContent) -> list[str]:
    e = html.escape
    parts = [
        '<section class="essentials">',
        "<h1>Talking to voicepeer</h1>",
        '<p class="intro">Say one of these when I am listening. Take your time.</p>',
        "<table>",
    ]
    for intent, meaning in ESSENTIALS:
        phrase = shown(intent, PHRASINGS[intent][0])
        own = content.aliases.get(intent)
        also = f"<br>or: “{e('”, “'.join(own))}”" if own else ""
        parts.append(f"<tr><th>“{e(phrase)}”</th><td>{e(meaning)}{also}</td></tr>")
    parts += [
        "</table>",
        '<div class="keys">',
        *(f"<p>{e(line)}</p>" for line in key_lines(content.switches)),
        "</div>",
        "</section>",
    ]
    return parts


def _everything(content: CardContent) -> list[str]:
    e = html.escape
    parts = [
        '<section class="all-intro">',
        "<h1>Everything you can say</h1>",
        '<p class="intro">Say <b>help</b> at any time to hear what you can say there.</p>',
        "</section>",
    ]
    for title, intents in groups():
        parts += ["<section>", f"<h2>{e(title)}</h2>"]
        if title in GROUP_NOTES:
            parts.append(f'<p class="intro">{e(GROUP_NOTES[title])}</p>')
        parts.append("<dl>")
        for intent in intents:
            first, *rest = PHRASINGS[intent]
            parts.append(f"<dt>“{e(shown(intent, first))}”</dt>")
            if rest:
                parts.append(
                    "<dd>or: " + ", ".join(f"“{e(shown(intent, p))}”" for p in rest) + "</dd>"
                )
            if content.aliases.get(intent):
                parts.append(
                    '<dd class="mine">your words: '
                    + ", ".join(f"“{e(p)}”" for p in content.aliases[intent])
                    + "</dd>"
                )
            if intent is Intent.RESUME:
                parts.append(f"<dd>{e(asleep_note(content))}</dd>")
        parts += ["</dl>", "</section>"]
    parts += [
        '<section class="editing">',
        "<h2>While writing a reply</h2>",
        '<p class="intro">Say these on their own; anything else becomes your reply.</p>',
        "<dl>",
    ]
    for action, phrases in card_phrases().items():
        parts.append(
            "<dt>" + ", ".join(f"“{e(_CAPITAL_I.sub('I', p))}”" for p in phrases) + "</dt>"
        )
        parts.append(f"<dd>{e(EDITING_MEANING[action])}</dd>")
    parts += [
        "</dl>",
        "</section>",
        '<section class="punctuation">',
        "<h2>Punctuation while writing</h2>",
        "<table>",
    ]
    cells = [f"<th>“{e(words[0])}”</th><td>{e(mark)}</td>" for words, mark in marks_said(shown=1)]
    # One way of saying each, two marks a row: all, one a row, took the card to another page.
    parts += ["<tr>" + "".join(cells[i : i + 2]) + "</tr>" for i in range(0, len(cells), 2)]
    parts += [
        "</table>",
        "</section>",
        '<section class="keys">',
        "<h2>Keys</h2>",
        *(f"<p>{e(line)}</p>" for line in key_lines(content.switches)),
        "</section>",
    ]
    if content.aliases or content.problems:
        parts += ['<section class="own">', "<h2>Your own words</h2>", "<dl>"]
        for intent, own in content.aliases.items():
            parts += [
                f"<dt>{', '.join(f'“{e(p)}”' for p in own)}</dt>",
                f"<dd>means “{e(PHRASINGS[intent][0])}”</dd>",
            ]
        for problem in content.problems:
            parts += [
                f'<dt class="clash">“{e(problem.phrase)}” — does not work</dt>',
                f'<dd class="clash">{e(problem.problem)}. Ask your helper to change it.</dd>',
            ]
        parts += ["</dl>", "</section>"]
    return parts


def render_card(content: CardContent) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        CARD_TITLE,
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        *_essentials(content),
        *_everything(content),
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


CARD_TITLE = "<title>What you can say to voicepeer</title>"
"""In every card written: a file holding it may be written over by a new card."""
CARD_SUFFIXES = (".html", ".htm")


def run(args: argparse.Namespace) -> int:
    card: Path | None = args.card
    if card is not None:
        card = card_path(card)  # before anything is read: a wrong name changes nothing
    try:
        settings = load_settings(getattr(args, "config", None))
    except ConfigError as error:
        without = "written" if card else "shown"
        print(
            f"voicepeer: {error}\n(The card is {without} without the person's own words until "
            "that is fixed.)",
            file=sys.stderr,
        )
        settings = Settings()
    content = card_content(settings)
    if card is None:
        sys.stdout.write(render_text(content))
        return 0
    try:
        atomic_write_text(card, render_card(content), mode=0o644)
    except OSError as error:
        raise ConfigError(
            f"cannot write the command card to {card}: {error.strerror or error}"
        ) from None
    print(f"Command card written to {card}. Open it in a web browser and print it.")
    for problem in content.problems:
        print(f"Note: {problem}")
    return 0


def card_path(asked: Path) -> Path:
    """Where to write the card asked for as ``asked``, made absolute: in a folder named,
    commands.html; a name without an ending gets ".html". Refused (ConfigError) for another
    kind of file, or a file there that is not a card voicepeer wrote: a mistyped name must
    never write over the settings, the saved forum account or the carer's own files."""
    if asked.expanduser().is_dir():
        asked = asked / "commands.html"
    elif not asked.suffix:
        asked = asked.with_name(asked.name + ".html")
    path = asked.expanduser().resolve()
    if path.suffix.lower() not in CARD_SUFFIXES:
        raise ConfigError(
            f"{asked}: the command card is a web page, so its name ends in .html (for "
            "example commands.html). Nothing was written. To get a PDF, open the card in a "
            "web browser and print it to PDF; 'voicepeer commands > commands.txt' writes the "
            "list as plain text."
        )
    if path.is_dir():
        raise ConfigError(f"{path} is a folder: give a file name, such as commands.html.")
    if path.exists() and CARD_TITLE not in _start_of(path):
        raise ConfigError(
            f"{path} already exists and is not a command card voicepeer wrote, so it was "
            "left as it is. Choose another name, or move that file away first."
        )
    return path


def _start_of(path: Path) -> str:
    """The beginning of the file at ``path`` as text ("" when it cannot be read)."""
    try:
        with path.open("rb") as file:
            return file.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return ""
