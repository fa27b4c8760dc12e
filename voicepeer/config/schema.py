"""What a settings dataclass looks like to the configuration file, found by introspection.

Each field becomes a key with a type (from the annotation), a default, a help text (the
string literal written right below the field) and, where the metadata gives them, a range
(``min``/``max``) or a list of ``choices``. Nothing here knows any particular section, so
packages can add fields without touching the configuration code.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import inspect
import itertools
import logging
import textwrap
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

MISSING_DOC = "(no description)"


@dataclass(frozen=True)
class FieldSpec:
    """One key of a configuration section."""

    name: str
    type: Any
    """The resolved annotation (``int``, ``tuple[str, ...]``, a nested dataclass …)."""
    default: Any
    doc: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] | None = None
    check: str | None = None
    """Name of a further check of the value (``voicepeer.config.values.CHECKS``)."""

    @property
    def nested(self) -> type | None:
        """The dataclass this field holds, for a nested table; ``None`` for plain values."""
        return self.type if is_settings_class(self.type) else None

    def allowed_text(self) -> str:
        """What values are accepted, in plain words for error messages and help."""
        if self.choices is not None:
            return "one of " + ", ".join(_show(c) for c in self.choices)
        if self.check is not None:
            from voicepeer.config.values import CHECKS

            return CHECKS[self.check].allowed
        parts = [describe_type(self.type)]
        if self.minimum is not None and self.maximum is not None:
            parts.append(f"from {_show(self.minimum)} to {_show(self.maximum)}")
        elif self.minimum is not None:
            parts.append(f"at least {_show(self.minimum)}")
        elif self.maximum is not None:
            parts.append(f"at most {_show(self.maximum)}")
        return " ".join(parts)


def is_settings_class(obj: object) -> bool:
    return isinstance(obj, type) and dataclasses.is_dataclass(obj)


def _show(value: object) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def unwrap_optional(tp: Any) -> tuple[Any, bool]:
    """``X | None`` → ``(X, True)``; anything else → ``(tp, False)``."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0], True
    return tp, False


def describe_type(tp: Any) -> str:
    """A caregiver-readable name for a field type."""
    inner, optional = unwrap_optional(tp)
    if optional:
        return describe_type(inner) + " (or leave it out)"
    origin = typing.get_origin(inner)
    if inner is bool:
        return "true or false"
    if inner is int:
        return "a whole number"
    if inner is float:
        return "a number"
    if inner is str:
        return "text in quotes"
    if inner is Path:
        return "a file or folder path in quotes"
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return "one of " + ", ".join(_show(m) for m in inner)
    if origin is tuple:
        return "a list like [" + ", ".join(['"…"'] * 2) + "]"
    if origin in (Mapping, dict) or inner is dict:
        return 'a table of "name" = "value" pairs'
    if is_settings_class(inner):
        return "a table"
    return str(inner)


_DOCS: dict[type, Mapping[str, str]] = {}
_SPECS: dict[type, tuple[FieldSpec, ...]] = {}


def field_docs(cls: type) -> Mapping[str, str]:
    """Field name → the string literal written right below it in the class body."""
    if cls not in _DOCS:
        _DOCS[cls] = _read_field_docs(cls)
    return _DOCS[cls]


def _read_field_docs(cls: type) -> Mapping[str, str]:
    try:
        source = textwrap.dedent(inspect.getsource(cls))
        tree = ast.parse(source)
    except (OSError, TypeError, SyntaxError):
        log.debug("no source for %s; fields have no help text", cls.__qualname__)
        return {}
    class_node = next((n for n in tree.body if isinstance(n, ast.ClassDef)), None)
    if class_node is None:
        return {}
    docs: dict[str, str] = {}
    body = class_node.body
    for node, following in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[node.target.id] = " ".join(following.value.value.split())
    return docs


def field_specs(cls: type) -> tuple[FieldSpec, ...]:
    """Every configurable field of a settings dataclass, in declaration order."""
    if cls not in _SPECS:
        _SPECS[cls] = _read_field_specs(cls)
    return _SPECS[cls]


def _read_field_specs(cls: type) -> tuple[FieldSpec, ...]:
    hints = typing.get_type_hints(cls)
    docs = field_docs(cls)
    specs = []
    for f in dataclasses.fields(cls):
        if not f.init or f.name.startswith("_"):
            continue
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        else:
            raise TypeError(f"{cls.__qualname__}.{f.name} has no default")
        meta = f.metadata
        choices = meta.get("choices")
        tp = hints[f.name]
        base, _ = unwrap_optional(tp)
        if choices is None and isinstance(base, type) and issubclass(base, enum.Enum):
            choices = tuple(m.value for m in base)
        specs.append(
            FieldSpec(
                name=f.name,
                type=tp,
                default=default,
                doc=docs.get(f.name, MISSING_DOC),
                minimum=meta.get("min"),
                maximum=meta.get("max"),
                choices=tuple(choices) if choices is not None else None,
                check=meta.get("check"),
            )
        )
    return tuple(specs)
