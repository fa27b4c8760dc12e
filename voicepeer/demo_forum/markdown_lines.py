"""Which lines of member markdown make which block, as markdown-it (so Discourse) reads them:
the markers that start a block or end a paragraph, and the lines a list item or a footnote's
definition holds."""

from __future__ import annotations

import re

QUOTE_OPEN = re.compile(
    r'^\[quote(?:="([^",\]]+)(?:,\s*post:(\d+))?(?:,\s*topic:(\d+))?[^"]*")?\]\s*$'
)
POLL_OPEN = re.compile(r"^\[poll((?:\s+[A-Za-z]+=(?:\"[^\"]*\"|\S+?))*)\s*\]\s*$")
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# A list item's marker: its indent, a bullet or a number with "." or ")", and the spaces after.
LIST_ITEM = re.compile(r"^( {0,3})(?:([-*+])|(\d{1,9})([.)]))( +|$)(.*)$")
# A footnote's definition, "[^label]: words" (markdown-it-footnote).
DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:(.*)$")
SPOILER_OPEN = re.compile(r"^ {0,3}\[spoiler\]", re.IGNORECASE)
SPOILER_ALONE = re.compile(r"^ {0,3}\[spoiler\]\s*$", re.IGNORECASE)
SPOILER_CLOSE_ALONE = re.compile(r"^ {0,3}\[/spoiler\]\s*$", re.IGNORECASE)
# A spoiler's words on one line, the line ending with its close: still a block (bbcode-block.js).
SPOILER_LINE = re.compile(r"^ {0,3}\[spoiler\](.*)\[/spoiler\]\s*$", re.IGNORECASE)


def leading_tabs_as_spaces(line: str) -> str:
    stripped = line.lstrip(" \t")
    return line[: len(line) - len(stripped)].expandtabs(4) + stripped


def list_kind(item: re.Match[str]) -> str:
    """A list item's bullet, or its number's "." or ")": another starts another list."""
    return item.group(2) or item.group(4)


def starts_block(line: str) -> bool:
    """Whether ``line`` ends the paragraph before it (CommonMark's interruptions, and
    Discourse's bbcode blocks and footnote definitions)."""
    item = LIST_ITEM.match(line)
    return bool(
        line.lstrip().startswith(">")
        or (item and item.group(6).strip() and item.group(3) in {None, "1"})
        or HEADING.match(line)
        or QUOTE_OPEN.match(line.strip())
        or POLL_OPEN.match(line.strip())
        or SPOILER_OPEN.match(line)
        or DEFINITION.match(line)
    )


def item_lines(lines: list[str], i: int, item: re.Match[str]) -> tuple[list[str], int]:
    """A list item's lines from its marker line ``i`` and the line after them."""
    spaces = len(item.group(5))
    width = len(item.group(1)) + len(item.group(2) or item.group(3) + item.group(4))
    indent = width + (spaces if 1 <= spaces <= 4 else 1)
    return _contained(lines, i, item.group(6), indent, in_list=True)


def definition_lines(lines: list[str], i: int, rest: str) -> tuple[list[str], int]:
    """A footnote's definition from line ``i`` (``rest``: its words after the colon) and the
    line after it; markdown-it-footnote reads it as a block indented by four."""
    return _contained(lines, i, rest.strip(), 4, in_list=False)


def _contained(
    lines: list[str], i: int, first: str, indent: int, *, in_list: bool
) -> tuple[list[str], int]:
    """The lines of a block held in line ``i`` (whose words are ``first``), with ``indent``
    taken off, and the line after them: lines indented that far belong to it, blank lines
    between them too, and so does a line of words run on from a paragraph in it (a "lazy"
    line) unless it starts another block, or ``in_list``, the list's next item."""
    body = [first]
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if not line.strip():
            k = j
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k == len(lines) or _indent(lines[k]) < indent:
                break
            body.extend("" for _ in range(j, k))
            j = k
        elif _indent(line) >= indent:
            body.append(line[indent:])
            j += 1
        elif (
            body[-1].strip() and not (in_list and LIST_ITEM.match(line)) and not starts_block(line)
        ):
            body.append(line.lstrip())
            j += 1
        else:
            break
    return body, j


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
