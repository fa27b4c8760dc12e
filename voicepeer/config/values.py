"""Turning TOML values into typed field values, and typed values back into TOML text."""

from __future__ import annotations

import enum
import math
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from voicepeer.config.schema import FieldSpec, unwrap_optional


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
    return result


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
        return {
            _convert_type(k, key_type): _convert_type(v, value_type) for k, v in value.items()
        }
    raise BadValue(f"voicepeer cannot read settings of type {inner}")


# --- writing -------------------------------------------------------------------------

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}


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
