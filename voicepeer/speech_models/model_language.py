"""Which language a speech model listens to: from its name as the Vosk project names models,
else from what the model says of itself (a Vosk model's README), else from the words it
knows (a Vosk model's word list, a PocketSphinx model's dictionary). A carer who copied a
model in by hand must not be told it is for English on a guess."""

from __future__ import annotations

import logging
import re
import struct
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {
    "en": "English",
    "ko": "Korean",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "uk": "Ukrainian",
    "cn": "Chinese",
    "ja": "Japanese",
    "pl": "Polish",
    "tr": "Turkish",
    "vn": "Vietnamese",
    "ar": "Arabic",
    "fa": "Persian",
    "hi": "Hindi",
    "el": "Greek",
    "ca": "Catalan",
    "sv": "Swedish",
    "cs": "Czech",
    "kz": "Kazakh",
    "uz": "Uzbek",
    "eo": "Esperanto",
    "tl": "Tagalog",
    "br": "Breton",
    "gu": "Gujarati",
    "te": "Telugu",
    "tg": "Tajik",
    "he": "Hebrew",
    "th": "Thai",
    "x-cyrillic": "a language written in Cyrillic letters",
}
"""Languages of speech models, by the code Vosk uses in their names."""

_LANGUAGE_IN_NAME = re.compile(r"^vosk-model-(?:small-)?([a-z]{2,3}(?:-[a-z]{2})?)(?:-|$)")

# In a README, the language is named before anything else ("US English model for mobile
# Vosk applications", "Small Korean for Vosk").
_README_NAMES = {
    "us english": "en-us",
    "indian english": "en-in",
    "brazilian portuguese": "pt",
    "farsi": "fa",
    "filipino": "tl",
    **{name.lower(): code for code, name in LANGUAGE_NAMES.items() if " " not in name},
}
_NAMED_LANGUAGE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _README_NAMES), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_README_FILES = ("README", "README.md", "README.txt", "readme.txt")

# Short, frequent words of each language that the others rarely have: most of them are in
# any vocabulary of that language, few in another's.
_COMMON_WORDS = {
    "en": "the and you with this what have would which their there about because people think",
    "de": "und nicht ist ich auch sind wir werden haben oder aber sehr noch schon wenn",
    "fr": "les des est pas vous nous avec dans sont mais être aussi très peut cette",
    "es": "los las por una pero también está porque muy cuando hay tiene hacer ahora sí",
    "it": "della che sono anche questo molto perché essere hanno loro quando sempre ancora",
    "nl": "het een niet ook zijn wordt maar heeft naar worden veel kunnen waar zoals geen",
    "pt": "não uma com para são também muito isso você ainda pode fazer então porque quando",
}
_ENOUGH_COMMON = 0.8
"""Share of a language's common words a vocabulary has when it is of that language."""

# Scripts that name a language (or a family) by themselves, by the first letter of a word.
_SCRIPTS = (
    ("ko", "\uac00", "\ud7a3"),  # Hangul syllables
    ("ja", "\u3040", "\u30ff"),  # Hiragana and Katakana
    ("cn", "\u4e00", "\u9fff"),  # Han
    ("x-cyrillic", "\u0400", "\u04ff"),
    ("ar", "\u0600", "\u06ff"),
    ("hi", "\u0900", "\u097f"),
    ("el", "\u0370", "\u03ff"),
    ("he", "\u0590", "\u05ff"),
    ("th", "\u0e00", "\u0e7f"),
)

_SYMBOL_TABLE_MAGIC = struct.pack("<i", 2125658996)
"""OpenFst's mark at the start of a word list kept inside a graph file."""
_GRAPH_HEAD_BYTES = 32_000_000
"""A Vosk graph keeps its word list at its start; a large vocabulary takes ~10 MB."""


def language_in_name(name: str) -> str:
    """The language code in a Vosk model's name ("en-us" of vosk-model-small-en-us-0.15),
    or "" when the name does not follow the Vosk project's pattern."""
    found = _LANGUAGE_IN_NAME.match(name.lower())
    return found[1] if found else ""


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, LANGUAGE_NAMES.get(code.split("-")[0], f'language "{code}"'))


def model_language(folder: Path, name: str) -> str:
    """The language code of the model in ``folder`` (called ``name``), or "" when neither
    its name, its README nor its words tell."""
    return language_in_name(name) or _language_in_readme(folder) or _language_of_words(folder)


def named_for(language: str, name: str) -> str:
    """``name`` as a Vosk model's name that says ``language`` ("my-model" → "vosk-model-en-
    us-my-model"), so the language of a model renamed so is known."""
    rest = re.sub(r"^vosk-model-(?:small-)?", "", name.lower())
    return f"vosk-model-{language}-{rest}"


def _language_in_readme(folder: Path) -> str:
    for file_name in _README_FILES:
        try:
            with (folder / file_name).open(encoding="utf-8", errors="replace") as readme:
                text = readme.read(2000)
        except OSError:
            continue
        found = _NAMED_LANGUAGE.search(text)
        if found:
            return _README_NAMES[found[1].lower()]
    return ""


def _language_of_words(folder: Path) -> str:
    words = _model_words(folder)
    if not words:
        return ""
    by_script = dict.fromkeys([code for code, _, _ in _SCRIPTS] + ["latin"], 0)
    for word in words:
        first = word[:1]
        script = next((code for code, low, high in _SCRIPTS if low <= first <= high), None)
        if script is not None:
            by_script[script] += 1
        elif first.isascii() and first.isalpha():
            by_script["latin"] += 1
    script, count = max(by_script.items(), key=lambda item: item[1])
    if count * 2 < sum(by_script.values()):
        return ""
    if script != "latin":
        return script
    known = {word.lower() for word in words}
    languages = [
        code
        for code, common in _COMMON_WORDS.items()
        if len(known.intersection(common.split())) >= _ENOUGH_COMMON * len(common.split())
    ]
    return languages[0] if len(languages) == 1 else ""


def _model_words(folder: Path) -> list[str]:
    """The words a model knows: a Vosk model's word list (a file of its own, or kept inside
    its graph), else a PocketSphinx model's pronouncing dictionary."""
    for relative in ("graph/words.txt", "words.txt"):
        words = _first_fields(folder / relative)
        if words:
            return words
    for relative in ("graph/Gr.fst", "graph/HCLG.fst"):
        words = _graph_words(folder / relative)
        if words:
            return words
    for dictionary in sorted([*folder.glob("*.dict"), *folder.glob("*/*.dict")]):
        words = [re.sub(r"\(\d+\)$", "", word) for word in _first_fields(dictionary)]
        if words:
            return words
    return []


def _first_fields(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8", errors="replace") as lines:
            return [line.split(maxsplit=1)[0] for line in lines if line.strip()]
    except OSError:
        return []


def _graph_words(path: Path) -> list[str]:
    """The output words of an OpenFst graph, from the symbol table written after its header."""
    try:
        with path.open("rb") as graph:
            head = graph.read(_GRAPH_HEAD_BYTES)
    except OSError:
        return []
    start = head.find(_SYMBOL_TABLE_MAGIC, 0, 4096)
    if start < 0:
        return []
    try:
        return list(_symbols(head, start + len(_SYMBOL_TABLE_MAGIC)))
    except struct.error:  # cut off by the read, or not a symbol table after all
        log.debug("no readable word list in %s", path)
        return []


def _symbols(data: bytes, at: int) -> Iterable[str]:
    (length,) = struct.unpack_from("<i", data, at)
    at += 4 + length  # the table's name
    _, size = struct.unpack_from("<qq", data, at)
    at += 16
    words = []
    for _ in range(size):
        (length,) = struct.unpack_from("<i", data, at)
        if length < 0 or at + 4 + length + 8 > len(data):
            raise struct.error("symbol runs past the data read")
        words.append(data[at + 4 : at + 4 + length].decode("utf-8", errors="replace"))
        at += 4 + length + 8
    return words
