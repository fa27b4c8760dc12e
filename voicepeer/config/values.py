"""Turning TOML values into typed field values, and typed values back into TOML text."""

from __future__ import annotations

import enum
import math
import os
import re
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voicepeer.config.schema import FieldSpec, unwrap_optional
from voicepeer.errors import ForumSetting, ForumSettingsError
from voicepeer.forum.credentials import (
    MAX_ADDRESS_LENGTH,
    WebAddressError,
    WebAddressFault,
    normalize_forum_url,
    web_address_fault,
    without_user_info,
)


class BadValue(ValueError):
    """A value that does not fit its field; the message says why in plain words."""


def convert(value: Any, spec: FieldSpec) -> Any:
    """The field value for a TOML ``value``, checked against type, range and choices."""
    result = _convert_type(value, spec.type)
    if spec.choices is not None:
        plain = result.value if isinstance(result, enum.Enum) else result
        if plain not in spec.choices:
            raise BadValue("that is not one of the choices")
    if isinstance(result, int | float) and not isinstance(result, bool):
        if isinstance(result, float) and math.isnan(result):
            raise BadValue("that is not a number")
        if spec.minimum is not None and result < spec.minimum:
            raise BadValue("that is too small")
        if spec.maximum is not None and result > spec.maximum:
            raise BadValue("that is too large")
    if spec.check is not None:
        problem = CHECKS[spec.check].problem(result)
        if problem is not None:
            raise BadValue(problem)
    return result


# --- further checks, named in a field's metadata as {"check": NAME} ----------------------


@dataclass(frozen=True)
class Check:
    allowed: str
    """What is allowed, in plain words for messages."""
    problem: Callable[[Any], str | None]
    """Why a (typed) value is not allowed, or ``None``."""


WEB_ADDRESS_WORDS: Mapping[WebAddressFault, str] = {
    WebAddressFault.TOO_LONG: f"a web address is at most {MAX_ADDRESS_LENGTH} characters",
    WebAddressFault.UNSAFE_CHARACTERS: (
        "a web address has no spaces, line breaks or control characters"
    ),
    WebAddressFault.USER_INFO: (
        "the address must not contain a user name or password (they "
        "would be kept in plain sight); connect the account with "
        "'voicepeer forum connect' instead"
    ),
    WebAddressFault.NOT_HTTP: "a web address here starts with https:// (or http://)",
    WebAddressFault.UNREADABLE: (
        "that is not a web address (an IPv6 address goes in square "
        "brackets, like https://[2001:db8::1])"
    ),
    WebAddressFault.BAD_PORT: (
        "the port after the colon must be a number from 0 to 65535, like forum.example.org:8443"
    ),
    WebAddressFault.NO_HOST: "the address has no host name, like forum.example.org",
    WebAddressFault.MISSING_COLON: (
        "the colon after http is missing: a web address starts with https:// (or http://)"
    ),
}


def web_address_words(fault: WebAddressFault) -> str:
    """Why an address cannot be the forum's, in words for the person setting voicepeer up."""
    return WEB_ADDRESS_WORDS[fault]


def forum_address(text: str) -> str:
    """``text`` as the forum's normalized address; a :class:`ForumSettingsError` saying why (and
    never repeating the address) when it is not a web address."""
    try:
        return normalize_forum_url(text)
    except WebAddressError as error:
        raise ForumSettingsError(
            f"not a forum web address: {web_address_words(error.fault)}",
            kind=ForumSetting.ADDRESS_MALFORMED,
        ) from None


def _web_address(value: str) -> str | None:
    fault = web_address_fault(value)
    return None if fault is None else web_address_words(fault)


def _web_address_or_empty(value: str) -> str | None:
    if value.strip().lower() == "demo":  # as 'voicepeer configure --forum-url' takes it
        return 'for the built-in demo forum, write "" (nothing between the quotes)'
    return _web_address(value) if value.strip() else None


#: Longest header value voicepeer sends (servers commonly refuse header lines over 8 kB).
MAX_HEADER_VALUE = 200


def _header_value(value: str) -> str | None:
    if not value.strip():
        return "it must not be empty"
    if len(value) > MAX_HEADER_VALUE:
        return f"it is longer than {MAX_HEADER_VALUE} characters"
    if any(not 0x20 <= ord(ch) < 0x7F for ch in value):
        return (
            "only plain letters, digits, spaces and punctuation can be sent to the forum "
            "(no line breaks, tabs or accented letters)"
        )
    if value != value.strip():
        return "it must not start or end with a space"
    return None


#: Longest path and path part Linux accepts (PATH_MAX, NAME_MAX), in bytes.
MAX_PATH_BYTES = 4096
MAX_NAME_BYTES = 255


_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)")
"""A drive letter ("C:\\…", "C:/…") or a network share ("\\\\server\\…")."""


def _folder_or_empty(value: str | os.PathLike[str]) -> str | None:
    text = os.fspath(value)
    if not text.strip():
        return None
    if "\0" in text:
        return "a folder path cannot contain a NUL character"
    encoded = os.fsencode(text)
    if len(encoded) >= MAX_PATH_BYTES or any(
        len(part) > MAX_NAME_BYTES for part in encoded.split(b"/")
    ):
        return "that path is too long"
    if _WINDOWS_PATH.match(text.strip()):
        # A Linux computer takes "C:\\Users\\…" as one odd folder name in the current one.
        return (
            "that is a Windows path; on this computer a folder path starts with / or ~/ "
            '(for example "~/voicepeer-models")'
        )
    folder = Path(text.strip()).expanduser()
    try:
        if folder.exists() and not folder.is_dir():
            return "that is a file, not a folder"
        if folder.is_dir() and not os.access(folder, os.R_OK | os.X_OK):
            return "this user may not read that folder"
    except OSError as error:
        return f"that folder cannot be read ({error.strerror or error})"
    return None


CHECKS: dict[str, Check] = {
    "web_address": Check('a web address in quotes, like "https://forum.example.org"', _web_address),
    "web_address_or_empty": Check(
        'a web address in quotes, like "https://forum.example.org", or ""',
        _web_address_or_empty,
    ),
    "header_value": Check(
        f"text in quotes of 1 to {MAX_HEADER_VALUE} plain characters (letters, digits, spaces, "
        "punctuation)",
        _header_value,
    ),
    "folder_or_empty": Check(
        'a folder path in quotes that this user may read, or "" for automatic', _folder_or_empty
    ),
}


def shown_value(value: Any, spec: FieldSpec) -> Any:
    """``value`` fit for a message: a web address loses any user name and password in it."""
    if spec.check in ("web_address", "web_address_or_empty") and isinstance(value, str):
        return without_user_info(value)
    return value


def _convert_type(value: Any, tp: Any) -> Any:
    inner, optional = unwrap_optional(tp)
    if optional:
        return _convert_type(value, inner)
    origin = typing.get_origin(inner)
    if inner is bool:
        if not isinstance(value, bool):
            raise BadValue("expected true or false (without quotes)")
        return value
    if inner is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadValue("expected a whole number without quotes")
        return value
    if inner is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadValue("expected a number without quotes")
        return float(value)
    if inner is str:
        if not isinstance(value, str):
            raise BadValue("expected text in quotes")
        return value
    if inner is Path:
        if not isinstance(value, str) or not value.strip():
            raise BadValue("expected a path in quotes")
        return Path(value).expanduser()
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        try:
            return inner(value)
        except ValueError:
            raise BadValue("that is not one of the choices") from None
    if origin is tuple:
        args = typing.get_args(inner)
        if not isinstance(value, list | tuple):
            raise BadValue('expected a list in square brackets, like ["a", "b"]')
        element = args[0] if args else str
        return tuple(_convert_type(item, element) for item in value)
    if origin in (Mapping, dict, typing.get_origin(Mapping[str, str])):
        key_type, value_type = typing.get_args(inner) or (str, str)
        if not isinstance(value, Mapping):
            raise BadValue('expected a table like { "name" = "value" }')
        return {_convert_type(k, key_type): _convert_type(v, value_type) for k, v in value.items()}
    raise BadValue(f"voicepeer cannot read settings of type {inner}")


# --- writing -------------------------------------------------------------------------

_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    return key if bare else toml_string(key)


def toml_value(value: Any) -> str:
    """``value`` as TOML text (one line)."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, Path):
        return toml_string(str(value))
    if isinstance(value, tuple | list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        pairs = ", ".join(f"{toml_key(str(k))} = {toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")
