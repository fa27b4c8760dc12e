"""Words of multiple sclerosis care (medicines, symptoms, tests) with pronunciations, for
recognizers whose dictionaries lack them. PocketSphinx has no letter-to-sound rules of its
own, so the pronunciations are written by hand in CMUdict's ARPAbet."""

from __future__ import annotations

from importlib import resources

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
