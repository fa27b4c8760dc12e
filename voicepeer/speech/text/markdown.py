"""Read raw Discourse markdown (drafts, posts without cooked HTML) as plain spoken lines."""

from __future__ import annotations

import re

from voicepeer.speech.text.emoji import shortcode_words
from voicepeer.speech.text.html import item_label, spoken_name
from voicepeer.speech.text.links import spoken_bare_urls, spoken_link, spoken_picture

# Every pattern stops at the next opening bracket: a pattern that scans on to the end of
# the text from each of thousands of unclosed "[" or "<" takes time growing with the square
# of the text's length.
_FENCE = re.compile(r"^\s*(```|~~~)")
_QUOTE_TAG = re.compile(r"\[quote(?:=\"?([^\[\]\"]*)\"?)?\]|\[/quote\]", re.IGNORECASE)
_SPOILER_OPEN = re.compile(r"\[spoiler\]", re.IGNORECASE)
_SPOILER_CLOSE = re.compile(r"\[/spoiler\]", re.IGNORECASE)
_DETAILS = re.compile(r"\[details=\"?([^\[\]\"]*)\"?\]", re.IGNORECASE)
_BBCODE = re.compile(
    r"\[/?(?:b|i|u|s|details|center|size|color|wrap|date)(?:=[^\[\]]*)?\]", re.IGNORECASE
)
_TARGET = r"\(([^()\[\]\s]*)(?:\s+\"[^\"()\[\]]*\")?\)"
_IMAGE = re.compile(r"!\[([^\[\]]*)\]" + _TARGET)
_LINK = re.compile(r"\[([^\[\]]*)\]" + _TARGET)
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^<>\s]+)>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_INLINE_CODE = re.compile(r"`+([^`]*)`+")
# Emphasis marks at the edge of a word (not inside one, as in snake_case); pairing them
# up would search the rest of the line from every unpaired mark.
_EMPHASIS = re.compile(r"(?<!\w)[*_~]+(?=\S)|(?<=\S)[*_~]+(?!\w)")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")


def _quote_blocks(text: str, skip_quotes: bool) -> str:
    """``[quote="sam, post:3, topic:5"]…[/quote]`` -> "Sam wrote:" … "End of quote."."""
    out: list[str] = []
    skipping = 0
    depth = 0
    position = 0
    for match in _QUOTE_TAG.finditer(text):
        if not skipping:
            out.append(text[position : match.start()])
        position = match.end()
        if match.group(0).lower() == "[/quote]":
            if depth == 0:
                continue
            depth -= 1
            if skipping:
                skipping -= 1
            else:
                out.append("\nEnd of quote.\n")
            continue
        depth += 1
        name = spoken_name((match.group(1) or "").split(",")[0].strip())
        if skipping:
            skipping += 1
        elif skip_quotes:
            skipping = 1
            out.append(f"\nA quote from {name}, skipped.\n" if name else "\nA quote, skipped.\n")
        else:
            out.append(f"\n{name} wrote:\n" if name else "\nQuote:\n")
    if not skipping:
        out.append(text[position:])
    return "".join(out)


def _inline(line: str) -> str:
    line = _IMAGE.sub(lambda m: f" {spoken_picture(m.group(1))} ", line)
    line = _LINK.sub(lambda m: f" {spoken_link(m.group(2), m.group(1))} ", line)
    line = _AUTOLINK.sub(lambda m: f" {spoken_link(m.group(1), '')} ", line)
    line = spoken_bare_urls(line)
    line = _TAG.sub(" ", line)
    line = _INLINE_CODE.sub(r"\1", line)
    line = shortcode_words(line)  # before emphasis, which would eat the underscores
    return _EMPHASIS.sub("", line)


def _mark_spoilers(text: str) -> str:
    """``[spoiler]…[/spoiler]`` read after a warning, as in cooked posts: in brackets
    within a line, between "Hidden text, may spoil:" and "End of hidden text." as a block."""
    out: list[str] = []
    position = 0
    while (opening := _SPOILER_OPEN.search(text, position)) is not None:
        closing = _SPOILER_CLOSE.search(text, opening.end())
        if closing is None:
            break  # no end after this one, so none after any later one either
        hidden = text[opening.end() : closing.start()]
        out.append(text[position : opening.start()])
        if "\n" in hidden.strip():
            out.append(f"\nHidden text, may spoil:\n{hidden.strip()}\nEnd of hidden text.\n")
        else:
            out.append(f" (hidden text, may spoil: {hidden.strip()}) ")
        position = closing.end()
    out.append(text[position:])
    return "".join(out)


def markdown_lines(raw: str, *, skip_quotes: bool = False) -> list[str]:
    """Lines to speak for raw markdown, before pronunciation clean-up."""
    text = _mark_spoilers(raw.replace("\r\n", "\n"))
    text = _DETAILS.sub(lambda m: f"\n{m.group(1)}\n", text)
    text = _BBCODE.sub(" ", text)
    text = _quote_blocks(text, skip_quotes)
    lines: list[str] = []
    in_code = False
    in_blockquote = False
    item_number = 0
    for line in text.split("\n"):
        if _FENCE.match(line):
            if not in_code:
                lines.append("A block of code, skipped.")
            in_code = not in_code
            continue
        if in_code:
            continue
        quoted = _BLOCKQUOTE.match(line)
        if quoted and not in_blockquote:
            if skip_quotes:
                lines.append("A quote, skipped.")
            else:
                lines.append("Quote:")
            in_blockquote = True
        elif not quoted and in_blockquote:
            if not skip_quotes:
                lines.append("End of quote.")
            in_blockquote = False
        if quoted:
            if skip_quotes:
                continue
            line = quoted.group(1)
        if _RULE.match(line):
            continue
        heading = _HEADING.match(line)
        bullet = _BULLET.match(line)
        if heading:
            line = heading.group(1).rstrip().rstrip("#").rstrip()
        elif bullet:
            item_number += 1
            line = item_label(item_number) + bullet.group(1)
        elif line.strip():
            item_number = 0 if not line.startswith((" ", "\t")) else item_number
        spoken = " ".join(_inline(line).split())
        if spoken:
            lines.append(spoken)
    if in_blockquote and not skip_quotes:
        lines.append("End of quote.")
    return lines
