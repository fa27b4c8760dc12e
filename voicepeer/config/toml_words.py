"""What a line of the settings file that cannot be read does wrong, in a helper's words
rather than the TOML reader's ("Invalid value", "Cannot overwrite a value (at end of
document)"), and on which line."""

from __future__ import annotations

import re
import tomllib

_AT = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")
_HEADING = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")

_WORDS = (
    (
        "invalid value",
        'the value is not written as settings are: text goes in "quotes" (voice = '
        '"en-gb"); numbers, and true or false, go without',
    ),
    ("cannot overwrite a value", "the setting is given twice: keep one of the lines"),
    (
        "cannot declare",
        "the [section] heading is there twice: keep one, with all its settings under it",
    ),
    ("expected ']'", "a ] is missing at the end"),
    ("expected '=' after a key", "a setting needs an = between its name and its value"),
    ("unterminated string", 'a "quote" is opened and not closed'),
    ("illegal character '\\n'", 'a "quote" is opened and not closed'),
    ("unclosed array", "a [ list is opened and not closed with ]"),
    ("unclosed inline table", "a { table is opened and not closed with }"),
    ("invalid statement", "it is neither a setting (name = value) nor a [section] heading"),
    (
        "expected newline or end of document",
        'there is more after the value: one setting a line, and text in "quotes"',
    ),
    ("unescaped '\\'", "a \\ in \"quotes\" must be written \\\\ (or use 'single quotes')"),
)


def line_problem(error: tomllib.TOMLDecodeError, text: str) -> tuple[int | None, str]:
    """The line ``error`` is about (None when not known) and what is wrong there."""
    message = str(error)
    found = _AT.search(message)
    number = int(found[1]) if found and found[1] else None
    said = _AT.sub("", message).strip()
    words = next((plain for start, plain in _WORDS if said.lower().startswith(start)), None)
    if said.lower().startswith("cannot overwrite a value") and number is None:
        number = _repeated_setting(text)
    lines = text.split("\n")
    hint = _slip_in(lines[number - 1]) if number is not None and number <= len(lines) else None
    return number, hint or words or said[:1].lower() + said[1:]


_DECIMAL_COMMA = re.compile(r"=\s*([+-]?\d+),(\d+)\s*(?:#.*)?$")
_CURLY_QUOTES = "“”„‘’‚«»"


def _slip_in(line: str) -> str | None:
    """What a slip common in hand-typed values does wrong on ``line``, in words naming it:
    a decimal comma, or a word processor's curly quotes."""
    comma = _DECIMAL_COMMA.search(line)
    if comma:
        return f"a number is written with a dot, not a comma: write {comma[1]}.{comma[2]}"
    curly = sorted({mark for mark in line if mark in _CURLY_QUOTES}, key=line.index)
    if curly:
        return (
            f"the quotes {' '.join(curly)} are curly, as a word processor types them: "
            'use straight quotes " around text, and none around a number'
        )
    return None


def _repeated_setting(text: str) -> int | None:
    """The line of the first setting given a second time in its section."""
    section = ""
    seen: set[tuple[str, str]] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        heading = _HEADING.match(line)
        if heading:
            section = heading[1]
            continue
        key = _KEY.match(line)
        if key:
            name = (section, key[1].strip("\"'"))
            if name in seen:
                return number
            seen.add(name)
    return None
