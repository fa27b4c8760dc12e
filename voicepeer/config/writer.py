"""Write settings back to ``config.toml`` so a caregiver can still read and edit it.

Every key gets its help text as a comment (from the field's docstring) and what is allowed.
Values that differ from the default are written as settings; defaults are written commented
out, so the file shows every choice without pinning today's defaults forever.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from voicepeer.atomic import atomic_write_text
from voicepeer.config.schema import MISSING_DOC, FieldSpec, field_specs
from voicepeer.config.values import toml_key, toml_value

HEADER = """\
# voicepeer settings. Written by 'voicepeer configure'; you may edit it by hand.
# Lines starting with # are notes or unused defaults: remove the # to change a value.
# After editing, run 'voicepeer doctor' to check the file.
# Account keys are NOT kept here: 'voicepeer forum connect' stores them privately.
"""
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


def write_file(path: Path, settings: Any) -> Path | None:
    """Write ``settings`` to ``path`` atomically; the previous file is kept as ``.bak``.

    Returns the backup's path, if there was a previous file.
    """
    text = render(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    backup = None
    if path.exists():
        backup = path.with_name(path.name + ".bak")
        backup.write_bytes(path.read_bytes())
    # Readable by others on purpose: the settings file holds no secrets (they are refused).
    atomic_write_text(path, text, mode=0o644)
    return backup
