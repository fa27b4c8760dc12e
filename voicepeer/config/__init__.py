"""The configuration file: reading it into :class:`voicepeer.settings.Settings`, checking
it, and writing it back readably.

Call :func:`load_settings` once at start (``path`` from ``--config``; ``None`` means
``$VOICEPEER_CONFIG`` or the default file). Errors are :class:`voicepeer.errors.ConfigError`
with a message naming the file, line, key, value and what is allowed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from voicepeer.config.loader import (
    ENV_VAR,
    config_path,
    default_config_path,
    lines_left_out,
    load_file,
    load_text,
    with_changes,
)
from voicepeer.config.schema import FieldSpec, field_specs
from voicepeer.config.writer import Written, render, write_file

if TYPE_CHECKING:
    # voicepeer.settings imports the [general] section from this package: import it only
    # when called, so either module can be imported first.
    from voicepeer.settings import Settings


def load_settings(path: Path | str | None = None, *, notes: list[str] | None = None) -> Settings:
    """The settings from the configuration file (defaults when there is none yet).

    A file named explicitly (argument or ``VOICEPEER_CONFIG``) must exist. Lines skipped
    harmlessly (settings no longer used) are described in ``notes``.
    """
    from voicepeer.settings import Settings

    chosen, explicit = config_path(path)
    return load_file(chosen, Settings, required=explicit, notes=notes)


def save_settings(
    settings: Settings, path: Path | str | None = None, *, left_out: Sequence[str] = ()
) -> Written:
    """Write ``settings`` to the configuration file and return where it went and what
    became of the person's notes; the lines ``left_out`` of the file before (being wrong)
    are kept in it as notes."""
    chosen, _ = config_path(path)
    return write_file(chosen, settings, left_out)


__all__ = [
    "ENV_VAR",
    "FieldSpec",
    "Written",
    "config_path",
    "default_config_path",
    "field_specs",
    "lines_left_out",
    "load_file",
    "load_settings",
    "load_text",
    "render",
    "save_settings",
    "with_changes",
]
