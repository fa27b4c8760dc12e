"""Words of multiple sclerosis care (medicines, symptoms, tests) with pronunciations, for
recognizers whose dictionaries lack them. PocketSphinx has no letter-to-sound rules of its
own, so the pronunciations are written by hand in CMUdict's ARPAbet."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

MS_VOCABULARY = "data/ms_vocabulary.dict"


def ms_pronunciations() -> list[tuple[str, str]]:
    """(word, phones) pairs; a word with several pronunciations is listed as "word(2)"
    after its first, as in CMUdict."""
    text = resources.files("voicepeer.recognition").joinpath(MS_VOCABULARY).read_text("utf-8")
    pairs = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, phones = line.split(maxsplit=1)
            pairs.append((word, " ".join(phones.split())))
    return pairs


def ms_words() -> set[str]:
    """The words themselves (without "(2)" variants)."""
    return {word.split("(")[0] for word, _ in ms_pronunciations()}


def dictionary_pronunciations(path: Path, words: set[str]) -> list[tuple[str, str]]:
    """(entry, phones) of ``words`` in a CMUdict-style dictionary, variants included."""
    found = []
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            head, _, phones = line.partition(" ")
            if head.split("(")[0] in words and phones.strip():
                found.append((head, " ".join(phones.split())))
    return found
