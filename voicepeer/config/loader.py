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
import stat
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz import fuzz, process

from voicepeer import paths
from voicepeer.config import encoding
from voicepeer.config.encoding import NotUtf8, not_utf8_error, settings_text
from voicepeer.config.schema import field_specs, is_settings_class
from voicepeer.config.toml_words import line_problem
from voicepeer.config.values import BadValue, convert, shown_value, toml_value
from voicepeer.errors import ConfigError, SettingsFileError

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


RETIRED_SETTINGS: Mapping[tuple[str, str], str] = {
    (
        "recognition",
        "wait_for_speech_s",
    ): "it never had any effect: voicepeer always waits for the person to speak",
    (
        "forum",
        "posts_chunk_size",
    ): "the forum decides how many posts come at a time (20 on Discourse)",
}
"""Settings earlier versions wrote, (section, key) → why they went. A file that still has
them loads as before: the line is skipped and named as one to remove."""

#: Largest configuration file read; a real one is a few kilobytes.
MAX_FILE_BYTES = 1_000_000
#: Deepest nesting of [ ] and { } accepted; voicepeer's settings need two levels at most.
MAX_NESTING = 20
#: Problems listed one by one; the rest are counted.
MAX_PROBLEMS_SHOWN = 30


def load_file(
    path: Path,
    root: type[T],
    *,
    required: bool = False,
    notes: list[str] | None = None,
    dropped: list[str] | None = None,
    not_utf8: list[NotUtf8] | None = None,
) -> T:
    """Settings of type ``root`` from ``path``; all defaults when the file does not exist
    (unless ``required``). Lines that are skipped harmlessly (settings no longer used) are
    described in ``notes``. With ``dropped``, settings that are wrong are left out (and
    described there) rather than refused, every other one kept. With ``not_utf8``, a file
    that is not UTF-8 text is read as Western European text, and its lines that are not
    UTF-8 added there."""
    try:
        raw = _read_regular_file(path)
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
    return load_text(raw, root, source=path, notes=notes, dropped=dropped, not_utf8=not_utf8)


def _read_regular_file(path: Path) -> bytes:
    """The bytes of ``path``, refusing anything but a regular file of sensible size. Opened
    without blocking and checked before reading: a named pipe or device would wait forever."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ConfigError(not_a_file_but_a_folder(path), spoken=SPOKEN_PROBLEM)
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(
                f"{path}: cannot read the configuration file (it is a "
                f"{_file_kind(info.st_mode)}, not a plain file). It must be an ordinary text "
                "file; run 'voicepeer configure' to write one.",
                spoken=SPOKEN_PROBLEM,
            )
        if info.st_size > MAX_FILE_BYTES:
            raise ConfigError(
                f"{path}: the file is {info.st_size} bytes; a configuration file is at most "
                f"{MAX_FILE_BYTES}. Run 'voicepeer configure' to write it again.",
                spoken=SPOKEN_PROBLEM,
            )
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    finally:
        os.close(fd)


def not_a_file_but_a_folder(path: Path) -> str:
    """What to do when the settings file named is a folder: name a file in it (running
    'voicepeer configure' with the same folder would only say this again)."""
    return (
        f"{path} is a folder, not a settings file. Name the file itself, such as "
        f"{path / 'config.toml'}, with --config or {ENV_VAR}; 'voicepeer configure "
        f"--config {path / 'config.toml'}' writes it there."
    )


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def load_text(
    raw: bytes | str,
    root: type[T],
    *,
    source: Path | str = FILE_NAME,
    notes: list[str] | None = None,
    dropped: list[str] | None = None,
    not_utf8: list[NotUtf8] | None = None,
) -> T:
    """Settings of type ``root`` from TOML text; ``source`` names it in messages, ``notes``
    receives the lines skipped harmlessly, ``dropped`` (when given) the wrong settings left
    out rather than refused, ``not_utf8`` (when given) the lines that are not UTF-8, read
    as Western European text rather than refused. Text that is not TOML is always refused."""
    if isinstance(raw, bytes):
        lines = encoding.not_utf8(raw)
        if lines and not_utf8 is None:
            raise not_utf8_error(source, lines, SPOKEN_PROBLEM)
        if not_utf8 is not None:
            not_utf8.extend(lines)
        text = settings_text(raw)
    else:
        text = raw
    # Windows editors may start the file with a byte-order mark, which TOML does not allow.
    text = text.removeprefix("\ufeff")
    deep = _too_deep_at(text)
    if deep is not None:
        raise ConfigError(
            f"{source}: line {deep}: brackets [ ] or braces {{ }} are nested more than "
            f'{MAX_NESTING} deep. Settings are single values, lists like ["a", "b"] or '
            'tables like { name = "value" }; remove the extra brackets.',
            spoken=SPOKEN_PROBLEM,
        )
    problems: list[str] = []
    try:
        data = _parsed(text, problems if dropped is not None else None)
    except RecursionError:  # nesting the scan above missed; never a traceback
        raise ConfigError(
            f"{source}: the file is nested too deeply to read.", spoken=SPOKEN_PROBLEM
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsFileError(
            f"{source}: {_unreadable_line(error, text)}.",
            spoken=SPOKEN_PROBLEM,
        ) from None
    skipped: list[str] = []
    settings = _build(root, data, (), problems, _Locator(text, source, root), skipped)
    for note in skipped:
        log.warning("%s: %s; the line can be removed", source, note)
    if notes is not None:
        notes.extend(skipped)
    if problems and dropped is not None:
        dropped.extend(problems)
        return settings
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        shown = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > len(shown):
            shown.append(f"… and {len(problems) - len(shown)} more")
        raise SettingsFileError(
            f"{source}: {len(problems)} {noun} in the configuration file:\n  - "
            + "\n  - ".join(shown),
            spoken=SPOKEN_PROBLEM,
        )
    return settings


_PROBLEM_AT = re.compile(r"^line (\d+)\b")
_HEADING = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+\s*(#.*)?$")
_USER_IN_ADDRESS = re.compile(r"://[^/\s\"']*@")
_KEY_LIKE = re.compile(r"key|pass|secret|token|auth", re.IGNORECASE)
"""Words of lines never kept as notes: broader than refusing (a "key" of any kind)."""


def lines_left_out(text: str, problems: Sequence[str]) -> list[str]:
    """The lines of ``text`` that ``problems`` (from ``dropped=``) name, each with the
    [section] it was under: what writing the file again would otherwise lose of a hand
    edit. Never a line with a key, password or token in it: they are only removed."""
    lines = text.removeprefix("\ufeff").split("\n")
    found: list[str] = []
    for problem in problems:
        at = _PROBLEM_AT.match(problem)
        if at is None or not 0 < int(at[1]) <= len(lines):
            continue
        number = int(at[1])
        line = lines[number - 1].strip()
        # The whole line: a key may hide in a value too ("…/?api_key=…").
        if not line or _KEY_LIKE.search(line) or _USER_IN_ADDRESS.search(line):
            continue
        own = _HEADING.match(line)
        if own is not None:
            # An unknown section: its settings go with it, kept to move by hand.
            found.append(line)
            found += [f"[{own[1]}] {kept}" for kept in _lines_under(lines, number)]
            continue
        heading = next(
            (h[1] for h in map(_HEADING.match, reversed(lines[: number - 1])) if h), None
        )
        found.append(f"[{heading}] {line}" if heading else line)
    return list(dict.fromkeys(found))


def _lines_under(lines: Sequence[str], heading: int) -> list[str]:
    """The settings under the heading on line ``heading`` (counted from 1), up to the next
    heading; never one that may hold a key."""
    under: list[str] = []
    for line in (text.strip() for text in lines[heading:]):
        if _HEADING.match(line):
            break
        kept = line and not line.startswith("#")
        if kept and not _KEY_LIKE.search(line) and not _USER_IN_ADDRESS.search(line):
            under.append(line)
    return under


MAX_LINES_LEFT_OUT = 20
"""Lines that are not TOML left out of a file at most before it is refused whole."""
_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")


def _unreadable_line(error: tomllib.TOMLDecodeError, text: str) -> str:
    """Which line cannot be read, as it reads (unless it may hold a key), and why."""
    number, words = line_problem(error, text)
    if number is None:
        return f"a line cannot be read: {words}"
    line = text.split("\n")[number - 1].strip()
    shown = "" if not line or _KEY_LIKE.search(line) else f", {line[:80]}"
    return f"line {number}{shown}: {words}"


def _parsed(text: str, left_out: list[str] | None) -> dict[str, Any]:
    """The TOML in ``text``. With ``left_out`` given, a line that is not TOML (a typo in a
    hand edit, such as ``transcript = yes``) is left out, and named there, rather than
    losing every other setting of the file with it; without, it raises TOMLDecodeError."""
    lines = text.split("\n")
    for _ in range(MAX_LINES_LEFT_OUT):
        try:
            return tomllib.loads("\n".join(lines))
        except tomllib.TOMLDecodeError as error:
            found = _AT_LINE.search(str(error))
            if left_out is None or found is None or not lines[int(found[1]) - 1].strip():
                raise
            number = int(found[1])
            name = lines[number - 1].split("=", 1)[0].strip()[:40]
            _, reason = line_problem(error, text)
            left_out.append(f"line {number} ({name}): not a setting as written: {reason}")
            lines[number - 1] = ""  # the lines after it keep their numbers
    return tomllib.loads("\n".join(lines))


def _too_deep_at(text: str) -> int | None:
    """The line where [ ] and { } nest deeper than :data:`MAX_NESTING` outside strings and
    comments, or ``None``. tomllib recurses once per level and would overflow the stack."""
    depth = 0
    line = 1
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            line += 1
        elif char == "#":
            newline = text.find("\n", index)
            if newline < 0:
                break
            index = newline
            continue
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, index) else char
            end = index + len(quote)
            while end < length and not text.startswith(quote, end):
                if char == '"' and text[end] == "\\":
                    end += 1
                elif len(quote) == 1 and text[end] == "\n":
                    break
                end += 1
            line += text.count("\n", index, end)
            index = end + len(quote)
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return None


class _Locator:
    """Finds the line of ``key`` in ``[section]`` for messages (tomllib gives no positions)."""

    _HEADER = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
    _KEY = re.compile(r'^\s*"?([^"=]*?)"?\s*=')

    def __init__(self, text: str, source: Path | str, root: type) -> None:
        self.source = source
        self.root = root
        # Indexed once: looking each problem up line by line is quadratic in a long file.
        self._tables: dict[tuple[str, ...], int] = {}
        self._keys: dict[tuple[tuple[str, ...], str], int] = {}
        current: tuple[str, ...] = ()
        for number, line in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(line)
            if header:
                current = tuple(part.strip().strip('"') for part in header.group(1).split("."))
                self._tables.setdefault(current, number)
                continue
            key = self._KEY.match(line)
            if key:
                self._keys.setdefault((current, key.group(1)), number)

    def line_of(self, table: tuple[str, ...], key: str | None) -> int | None:
        if key is None:
            return self._tables.get(table)
        return self._keys.get((table, key))

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
    skipped: list[str],
) -> T:
    specs = {spec.name: spec for spec in field_specs(cls)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        spec = specs.get(key)
        retired = RETIRED_SETTINGS.get((".".join(table), key))
        if spec is None and retired is not None:
            skipped.append(f"{locator.where(table, key)}: no longer used ({retired})")
            continue
        if spec is None:
            where = locator.where(table, key)
            problems.append(
                _unknown_key(cls, key, table, where, list(specs), locator.root)
                + _unused_under(value)
            )
            continue
        nested = spec.nested
        if nested is not None:
            if not isinstance(value, dict):
                problems.append(
                    f"{locator.where(table, key)}: should be a "
                    f"[{'.'.join((*table, key))}] section, not {toml_value_safe(value)}."
                )
                continue
            values[key] = _build(nested, value, (*table, key), problems, locator, skipped)
            continue
        try:
            values[key] = convert(value, spec)
        except BadValue as error:
            problems.append(
                f"{locator.where(table, key)} = {toml_value_safe(shown_value(value, spec))}: "
                f"{error}. "
                f"Allowed: {spec.allowed_text()}. ({spec.doc})"
            )
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:  # a dataclass's own __post_init__ check
        problems.append(f"{locator.where(table, None)}: {error}")
        return cls()


def _unused_under(section: object) -> str:
    """For an unknown [section]: the settings under it, which voicepeer does not use until
    its heading is fixed (a misspelt heading took them all out of sight). Not guessed into
    the section it may mean: the carer decides. Keys and passwords are never repeated."""
    if not isinstance(section, dict) or not section:
        return ""
    shown = [
        f"{name} = {toml_value_safe(value)}"
        for name, value in section.items()
        if not isinstance(value, dict) and not _KEY_LIKE.search(f"{name} {value}")
    ]
    if not shown:
        return ""
    return f" Until its heading is fixed, the settings under it are not used: {', '.join(shown)}."


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
            # "has no setting called rate_wpm. It belongs in [speech]" read as a contradiction.
            return f'{where}: "{key}" is a setting of the [{elsewhere}] section: move it there.'
    return f'{where}: voicepeer has no {kind} called "{key}".{hint}'


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
                    f"[{section}] {name} = {toml_value_safe(shown_value(value, spec))}: {error}. "
                    f"Allowed: {spec.allowed_text()}."
                )
        replaced[section] = dataclasses.replace(current, **updates)
    if problems:
        raise ConfigError("; ".join(problems), spoken=SPOKEN_PROBLEM)
    return dataclasses.replace(settings, **replaced)  # type: ignore[type-var]
