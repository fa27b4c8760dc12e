"""Pronunciation lexicon: the shipped MS vocabulary plus the caregiver's own entries."""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from voicepeer.errors import ConfigError

log = logging.getLogger(__name__)

_BUILT_IN = "lexicon.toml"


def _entries_from_toml(text: str, source: str) -> dict[str, str]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(
            f"pronunciation file {source} is not valid TOML: {error}",
            spoken="My pronunciation list has a mistake in it. "
            "Please ask your helper to check the lexicon file.",
        ) from error
    words = data.get("words", {})
    if not isinstance(words, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in words.items()
    ):
        raise ConfigError(
            f"pronunciation file {source}: [words] must map words to how they are said, "
            'e.g. "MS" = "M S"',
            spoken="My pronunciation list has a mistake in it. "
            "Please ask your helper to check the lexicon file.",
        )
    return {k.strip(): v for k, v in words.items() if k.strip()}


def _pattern(keys: list[str], flags: int) -> re.Pattern[str] | None:
    if not keys:
        return None
    # Longest first so "interferon beta" wins over "interferon"; spaces match any whitespace.
    parts = [r"\s+".join(map(re.escape, k.split())) for k in sorted(keys, key=len, reverse=True)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", flags)


class Lexicon:
    """Whole-word replacements applied to text just before it is spoken."""

    def __init__(self, entries: Mapping[str, str]) -> None:
        self._exact = {k: v for k, v in entries.items() if k != k.lower()}
        self._folded = {k.lower(): v for k, v in entries.items() if k == k.lower()}
        self._exact_re = _pattern(list(self._exact), 0)
        self._folded_re = _pattern(list(self._folded), re.IGNORECASE)

    @property
    def entries(self) -> dict[str, str]:
        return {**self._folded, **self._exact}

    def apply(self, text: str) -> str:
        if self._exact_re is not None:
            text = self._exact_re.sub(lambda m: self._exact[m.group(0)], text)
        if self._folded_re is not None:
            text = self._folded_re.sub(
                lambda m: self._folded[" ".join(m.group(0).lower().split())], text
            )
        return text


def built_in_entries() -> dict[str, str]:
    text = resources.files(__package__).joinpath(_BUILT_IN).read_text(encoding="utf-8")
    return _entries_from_toml(text, "built into voicepeer")


def load_lexicon(extra_path: Path | None = None) -> Lexicon:
    """The built-in lexicon, with entries from ``extra_path`` added or overriding.

    A missing extra file is normal (most people never need one); a broken one is a
    ConfigError so the caregiver learns about their typo.
    """
    entries = built_in_entries()
    if extra_path is not None and extra_path.is_file():
        try:
            text = extra_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(
                f"cannot read pronunciation file {extra_path}: {error}",
                spoken="I cannot read the pronunciation list. "
                "Please ask your helper to check the lexicon file.",
            ) from error
        extra = _entries_from_toml(text, str(extra_path))
        # An override replaces the built-in entry whatever its case ("ms" overrides "MS").
        for key in extra:
            for old in [k for k in entries if k.lower() == key.lower()]:
                del entries[old]
        entries.update(extra)
        log.info("loaded %d pronunciation entries from %s", len(extra), extra_path)
    return Lexicon(entries)
