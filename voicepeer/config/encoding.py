"""The settings file's text: UTF-8, as voicepeer writes it, or a file a text editor saved in
a Western European encoding (Windows-1252 or Latin-1: "é" as the single byte 0xE9), which
'voicepeer configure' reads so that it can write it again as UTF-8 with every setting."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from voicepeer.errors import SettingsFileError

OTHER_ENCODING = "Western European (Windows or Latin-1)"
LINES_SHOWN = 5


@dataclass(frozen=True)
class NotUtf8:
    """Where a settings file first stops being UTF-8 text."""

    line: int
    text: str
    """That line, read as Western European text."""

    def said(self) -> str:
        return f"line {self.line} ({self.text.strip()})"


class NotUtf8Error(SettingsFileError):
    """The settings file is not UTF-8 text; 'voicepeer configure' can write it again."""


def not_utf8(raw: bytes) -> list[NotUtf8]:
    """The lines of ``raw`` that are not UTF-8 (the first few): none when it all is."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return []
    found = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            found.append(NotUtf8(number, western_text(line)))
    return found[:LINES_SHOWN]


def said(lines: list[NotUtf8]) -> str:
    return ", ".join(line.said() for line in lines)


def not_utf8_error(source: Path | str, lines: list[NotUtf8], spoken: str) -> NotUtf8Error:
    return NotUtf8Error(
        f"{source}: the file is not plain UTF-8 text: {said(lines)} "
        f"{'was' if len(lines) == 1 else 'were'} saved in another encoding, probably by a "
        "text editor. Run 'voicepeer configure' to write it again as UTF-8, keeping every "
        "setting (or save it as UTF-8 text in the editor).",
        spoken=spoken,
    )


def settings_text(raw: bytes) -> str:
    """``raw`` as text: UTF-8, else Western European."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return western_text(raw)


def western_text(raw: bytes) -> str:
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves out are Latin-1's
        return raw.decode("latin-1")
