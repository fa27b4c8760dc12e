"""Read ``config.toml`` once at start into frozen settings, or say exactly what is wrong.

Every problem in the file is collected and reported together, each naming the file, the
line when it can be found, the key, the bad value and what is allowed, so a caregiver can
fix them all in one go. Nothing here raises anything but :class:`ConfigError`.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz import fuzz, process

from voicepeer import paths
from voicepeer.config.schema import field_specs, is_settings_class
from voicepeer.config.values import BadValue, convert, toml_value
from voicepeer.errors import ConfigError

log = logging.getLogger(__name__)

ENV_VAR = "VOICEPEER_CONFIG"
FILE_NAME = "config.toml"
SPOKEN_PROBLEM = (
    "My settings file has a mistake, so I cannot start. "
    "Please ask your helper to run voicepeer doctor, which says what to fix."
)
_SECRET_KEY = re.compile(r"(api[_-]?key|password|secret|token|private[_-]?key)", re.IGNORECASE)

T = TypeVar("T")


def default_config_path() -> Path:
    return paths.config_dir() / FILE_NAME


def config_path(explicit: Path | str | None = None) -> tuple[Path, bool]:
    """The file to use and whether the person chose it (``--config`` or ``VOICEPEER_CONFIG``)."""
    if explicit:
        return Path(explicit).expanduser(), True
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return Path(from_env).expanduser(), True
    return default_config_path(), False


def load_file(path: Path, root: type[T], *, required: bool = False) -> T:
    """Settings of type ``root`` from ``path``; all defaults when the file does not exist
    (unless ``required``)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if required:
            raise ConfigError(
                f"{path}: there is no configuration file here. "
                "Run 'voicepeer configure' to create it, or fix the path given with "
                f"--config or {ENV_VAR}.",
                spoken=SPOKEN_PROBLEM,
            ) from None
        log.info("no configuration file at %s; using the defaults", path)
        return root()
    except OSError as error:
        raise ConfigError(
            f"{path}: cannot read the configuration file ({error.strerror or error}). "
            "Check that it is a file and that this user may read it.",
            spoken=SPOKEN_PROBLEM,
        ) from None
    return load_text(raw, root, source=path)


def load_text(raw: bytes | str, root: type[T], *, source: Path | str = FILE_NAME) -> T:
    """Settings of type ``root`` from TOML text; ``source`` names it in messages."""
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"{source}: the file is not plain UTF-8 text (bad byte at position {error.start}). "
            "Save it as UTF-8 text, or run 'voicepeer configure' to write it again.",
            spoken=SPOKEN_PROBLEM,
        ) from None
    # Windows editors may start the file with a byte-order mark, which TOML does not allow.
    text = text.removeprefix("\ufeff")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            f"{source}: the file is not valid TOML: {error}. "
            'Each setting must look like  name = value  with text in "quotes", '
            "under a [section] heading.",
            spoken=SPOKEN_PROBLEM,
        ) from None
    problems: list[str] = []
    settings = _build(root, data, (), problems, _Locator(text, source, root))
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        raise ConfigError(
            f"{source}: {len(problems)} {noun} in the configuration file:\n  - "
            + "\n  - ".join(problems),
            spoken=SPOKEN_PROBLEM,
        )
    return settings


class _Locator:
    """Finds the line of ``key`` in ``[section]`` for messages (tomllib gives no positions)."""

    def __init__(self, text: str, source: Path | str, root: type) -> None:
        self.lines = text.splitlines()
        self.source = source
        self.root = root

    def line_of(self, table: tuple[str, ...], key: str | None) -> int | None:
        current: tuple[str, ...] = ()
        header = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
        for number, line in enumerate(self.lines, start=1):
            match = header.match(line)
            if match:
                current = tuple(part.strip().strip('"') for part in match.group(1).split("."))
                if key is None and current == table:
                    return number
                continue
            key_line = key is not None and re.match(rf'^\s*"?{re.escape(key)}"?\s*=', line)
            if key_line and current == table:
                return number
        return None

    def where(self, table: tuple[str, ...], key: str | None) -> str:
        line = self.line_of(table, key)
        if line is None and key is not None:
            # An unknown key may be a whole [section] of its own.
            line = self.line_of((*table, key), None)
            if line is not None:
                return f"line {line}, [{'.'.join((*table, key))}]"
        section = f"[{'.'.join(table)}]" if table else "top level"
        place = f"line {line}, " if line else ""
        return f"{place}{section}" + (f" {key}" if key else "")


def _suggest(word: str, candidates: list[str]) -> str:
    found = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=60)
    return f' Did you mean "{found[0]}"?' if found else ""


def _build(
    cls: type[T],
    data: Mapping[str, Any],
    table: tuple[str, ...],
    problems: list[str],
    locator: _Locator,
) -> T:
    specs = {spec.name: spec for spec in field_specs(cls)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        spec = specs.get(key)
        if spec is None:
            where = locator.where(table, key)
            problems.append(_unknown_key(cls, key, table, where, list(specs), locator.root))
            continue
        nested = spec.nested
        if nested is not None:
            if not isinstance(value, dict):
                problems.append(
                    f"{locator.where(table, key)}: should be a "
                    f"[{'.'.join((*table, key))}] section, not {toml_value_safe(value)}."
                )
                continue
            values[key] = _build(nested, value, (*table, key), problems, locator)
            continue
        try:
            values[key] = convert(value, spec)
        except BadValue as error:
            problems.append(
                f"{locator.where(table, key)} = {toml_value_safe(value)}: {error}. "
                f"Allowed: {spec.allowed_text()}. ({spec.doc})"
            )
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:  # a dataclass's own __post_init__ check
        problems.append(f"{locator.where(table, None)}: {error}")
        return cls()


def _unknown_key(
    cls: type, key: str, table: tuple[str, ...], where: str, known: list[str], root: type
) -> str:
    if _SECRET_KEY.search(key):
        return (
            f"{where}: keys and passwords are not kept in this file (it is not private). "
            "Remove this line and run 'voicepeer forum connect' to connect the account."
        )
    kind = "section" if not table and is_settings_class(cls) and _all_sections(cls) else "setting"
    hint = _suggest(key, known)
    if not hint:
        elsewhere = _find_elsewhere(root, key)
        if elsewhere:
            hint = f" It belongs in the [{elsewhere}] section."
    return f"{where}: voicepeer has no {kind} called \"{key}\".{hint}"


def _all_sections(cls: type) -> bool:
    return all(spec.nested is not None for spec in field_specs(cls))


def _find_elsewhere(root: type, key: str) -> str | None:
    """The section of the root settings that has a field named ``key``, if any."""
    for spec in field_specs(root):
        nested = spec.nested
        if nested is not None and any(s.name == key for s in field_specs(nested)):
            return spec.name
    return None


def toml_value_safe(value: Any) -> str:
    try:
        shown = toml_value(value)
    except TypeError:
        shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def with_changes(settings: T, changes: Mapping[str, Mapping[str, Any]]) -> T:
    """A copy of root settings with ``{section: {field: value}}`` replaced, values validated."""
    replaced: dict[str, Any] = {}
    problems: list[str] = []
    for section, fields in changes.items():
        current = getattr(settings, section)
        specs = {spec.name: spec for spec in field_specs(type(current))}
        updates: dict[str, Any] = {}
        for name, value in fields.items():
            spec = specs.get(name)
            if spec is None:
                problems.append(f"[{section}] has no setting called {name}")
                continue
            try:
                updates[name] = convert(value, spec)
            except BadValue as error:
                problems.append(
                    f"[{section}] {name} = {toml_value_safe(value)}: {error}. "
                    f"Allowed: {spec.allowed_text()}."
                )
        replaced[section] = dataclasses.replace(current, **updates)
    if problems:
        raise ConfigError("; ".join(problems), spoken=SPOKEN_PROBLEM)
    return dataclasses.replace(settings, **replaced)  # type: ignore[type-var]
