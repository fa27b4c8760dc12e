"""Write settings back to ``config.toml`` so a caregiver can still read and edit it.

Every key gets its help text as a comment (from the field's docstring) and what is allowed.
Values that differ from the default are written as settings; defaults are written commented
out, so the file shows every choice without pinning today's defaults forever.
"""

from __future__ import annotations

import os
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from voicepeer import paths
from voicepeer.atomic import atomic_write_text
from voicepeer.config.encoding import settings_text
from voicepeer.config.own_comments import as_written_path, comment_in, own_comments
from voicepeer.config.schema import MISSING_DOC, FieldSpec, field_specs
from voicepeer.config.values import toml_key, toml_value

HEADER = """\
# voicepeer settings. Written by 'voicepeer configure'; you may edit it by hand.
# Lines starting with # are notes or unused defaults: remove the # to change a value.
# After editing, run 'voicepeer doctor' to check the file.
# Notes of your own: write them at the end, below the line '# --- Your notes'; voicepeer
# keeps them there each time it writes this file.
# Notes written anywhere else in this file are moved there.
# Account keys are NOT kept here: 'voicepeer forum connect' stores them privately.
"""
NOTES_MARKER = "# --- Your notes: voicepeer keeps every line below this one that starts with #"
"""Where the person's own notes begin. Above it the file is written afresh each time."""
LEFT_OUT = "# Left out as wrong"
"""How a note kept of a wrong line begins (see :func:`write_file`)."""
WIDTH = 88


def render(settings: object) -> str:
    """The whole file for root ``settings`` (a dataclass of section dataclasses)."""
    parts = [HEADER]
    for spec in field_specs(type(settings)):
        value = getattr(settings, spec.name)
        if spec.nested is None:
            raise TypeError(f"root settings field {spec.name} is not a section")
        parts.append(_render_table((spec.name,), value, spec.doc))
    return "\n".join(parts)


def _render_table(table: tuple[str, ...], settings: object, doc: str) -> str:
    lines = [""]
    if doc and doc != MISSING_DOC:
        lines += _comment(doc)
    lines.append(f"[{'.'.join(toml_key(t) for t in table)}]")
    nested_parts = []
    defaults = type(settings)()
    for spec in field_specs(type(settings)):
        value = getattr(settings, spec.name)
        if spec.nested is not None:
            nested_parts.append(_render_table((*table, spec.name), value, spec.doc))
            continue
        lines.append("")
        lines += _comment(spec.doc)
        lines += _comment(f"Allowed: {spec.allowed_text()}. Default: {_shown(spec)}.")
        key = toml_key(spec.name)
        if value is None:
            lines.append(f"# {key} =")
        elif value == getattr(defaults, spec.name):
            lines.append(f"# {key} = {toml_value(value)}")
        else:
            lines.append(f"{key} = {toml_value(value)}")
    return "\n".join(lines) + "\n" + "".join(nested_parts)


def _shown(spec: FieldSpec) -> str:
    return "none" if spec.default is None else toml_value(spec.default)


def _comment(text: str) -> list[str]:
    return ["# " + line for line in textwrap.wrap(text, WIDTH - 2)] or ["#"]


@dataclass(frozen=True)
class Written:
    """What writing the settings file did."""

    path: Path
    backup: Path | None
    """The previous file, if there was one."""
    moved: tuple[str, ...] = ()
    """The person's comments moved into the notes, each saying where it was."""
    secrets_left_out: int = 0
    """Comments holding a key or password, left out (kept only in the backup)."""

    def said(self) -> list[str]:
        """What a helper is told of their own comments, if anything happened to them."""
        told = []
        if self.moved:
            count = "comment" if len(self.moved) == 1 else f"{len(self.moved)} comments"
            told.append(
                f"Your {count} written among the settings "
                f"{'is' if len(self.moved) == 1 else 'are'} kept: moved to the notes at "
                "the end of the file, each saying where it was."
            )
        if self.secrets_left_out:
            told.append(
                "A comment with a key or password in it was left out: this file is not "
                "private. It is still in "
                f"{self.backup.name if self.backup else 'the old file'} until the next save."
            )
        return told


SETTINGS_MODE = 0o600
"""The settings file holds no keys (they are refused), but its words to mute and topics to
warn about may be the person's health: readable by them alone, as the account keys are."""


def write_file(path: Path, settings: Any, left_out: Sequence[str] = ()) -> Written:
    """Write ``settings`` to ``path`` atomically; the previous file is kept as ``.bak``.
    The notes below :data:`NOTES_MARKER` in the previous file are kept, the person's own
    comments elsewhere in it are moved to them, and ``left_out`` (lines of it that were
    wrong) added to them: a hand edit is never lost, though the next write replaces the
    ``.bak`` that has it.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=paths.PRIVATE_DIR_MODE)
    if path.parent == paths.config_dir():  # voicepeer's own folder: a chosen one is left be
        paths.make_private(path.parent)
    backup = None
    before = b""
    if path.exists():
        backup = path.with_name(path.name + ".bak")
        before = path.read_bytes()
        _write_private(backup, before)
    previous = settings_text(before)
    own = own_comments(
        previous.partition(NOTES_MARKER)[0], _as_written(path), _voicepeers_comments(settings)
    )
    notes = kept_notes(previous) + own.notes
    notes += [f"{LEFT_OUT} on {date.today().isoformat()}: {line}" for line in left_out]
    text = f"{render(settings)}\n{NOTES_MARKER}\n" + "".join(f"{note}\n" for note in notes)
    atomic_write_text(path, text, mode=SETTINGS_MODE)
    atomic_write_text(as_written_path(path), text.partition(NOTES_MARKER)[0], mode=SETTINGS_MODE)
    return Written(path, backup, tuple(own.notes), own.secrets_left_out)


def _write_private(path: Path, data: bytes) -> None:
    """``data`` in ``path``, readable by the person alone (an older copy made readable by
    others is made private too)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, SETTINGS_MODE)
    with os.fdopen(fd, "wb") as file:
        os.fchmod(file.fileno(), SETTINGS_MODE)
        file.write(data)


def _as_written(path: Path) -> str | None:
    try:
        return as_written_path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _voicepeers_comments(settings: Any) -> set[str]:
    """Every comment voicepeer writes in a settings file of ``settings``'s type."""
    lines = (HEADER + render(type(settings)())).split("\n")
    return {comment for comment in map(comment_in, lines) if comment is not None}


def kept_notes(text: str) -> list[str]:
    """The notes below :data:`NOTES_MARKER` in a settings file's ``text``: its lines that
    start with #. A setting written there was read with the rest (or left out as wrong)."""
    _, marker, notes = text.partition(NOTES_MARKER)
    if not marker:
        return []
    return [line.rstrip() for line in notes.splitlines()[1:] if line.lstrip().startswith("#")]


def left_out_notes(text: str) -> list[str]:
    """The notes in a settings file's ``text`` of lines left out as wrong, still to fix."""
    return [note for note in kept_notes(text) if note.startswith(LEFT_OUT)]
