"""Comments a person wrote into the settings file outside the notes at its end.

The part of the file above the notes is written afresh each time, so these comments would
be lost: they are found here to be moved into the notes. A comment is the person's when
voicepeer did not write it: the file as voicepeer last wrote it is kept beside it (hidden),
so what was added since is known exactly, even when voicepeer's own help text has changed
since; without that copy (a file from an earlier version, or written by hand), every
comment that is not voicepeer's help as it is now counts as the person's.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

_HEADING = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+")
_KEY = re.compile(r'^\s*#?\s*"?([A-Za-z0-9_.-]+)"?\s*=')
"""A setting's line, or a default written commented out."""
_SECRET_SETTING = re.compile(
    r"(api[_-]?key|password|secret|token|private[_-]?key)\W*\s*[=:]", re.IGNORECASE
)
"""A key or password written down: never kept, the file is readable by others."""


@dataclass
class OwnComments:
    notes: list[str] = field(default_factory=list)
    """The person's comments, each as a note saying where it was."""
    secrets_left_out: int = 0
    """Comments holding a key or password, not kept."""


def as_written_path(path: Path) -> Path:
    """Where the copy of ``path`` as voicepeer last wrote it is kept."""
    return path.with_name(f".{path.name}.as-written")


def own_comments(text: str, written: str | None, voicepeers: Collection[str]) -> OwnComments:
    """The comments in ``text`` (a settings file without its notes) that the person wrote:
    those not in ``written`` (the file as voicepeer last wrote it, if known) and not among
    ``voicepeers`` (the comment lines voicepeer writes now)."""
    lines = text.split("\n")
    added: Sequence[int]
    if written is None:
        added = range(len(lines))
    else:
        matcher = difflib.SequenceMatcher(None, written.split("\n"), lines, autojunk=False)
        added = [
            j
            for tag, _, _, j1, j2 in matcher.get_opcodes()
            if tag in ("insert", "replace")
            for j in range(j1, j2)
        ]
    found = OwnComments()
    for number in added:
        comment = comment_in(lines[number])
        if comment is None or comment in voicepeers:
            continue
        if _SECRET_SETTING.search(comment):
            found.secrets_left_out += 1
            continue
        found.notes.append(f"{comment}   (moved here from {_place(lines, number)})")
    return found


def comment_in(line: str) -> str | None:
    """The comment in ``line`` (``# …``, alone or after a setting), or ``None``."""
    quote = ""
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            comment = line[index:].rstrip()
            return comment if comment.strip("# ") else None
        index += 1
    return None


def _place(lines: list[str], number: int) -> str:
    """Where line ``number`` is: the setting it is on or above, or the section it is above,
    with the section it is in."""
    section = next((h[1] for h in map(_HEADING.match, reversed(lines[:number])) if h), None)
    within = f"[{section}] " if section else ""
    for line in lines[number:]:
        heading = _HEADING.match(line)
        if heading:
            return f"above [{heading[1]}]"
        key = _KEY.match(line)
        if key:
            return f"{within}{key[1]}"
    return f"[{section}]" if section else "the top of the file"
