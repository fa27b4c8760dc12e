"""PocketSphinx's binary trie language model read back exactly as the ARPA text it was
made from, which is how the everyday English part is taken from the bundled generic model."""

from __future__ import annotations

import math
from pathlib import Path

import pocketsphinx
import pytest

from scripts.sphinx_trie import read_trie
from voicepeer.recognition.arpa import write_arpa
from voicepeer.recognition.dictation_lm import generic_model
from voicepeer.recognition.lm_mix import read_arpa

SENTENCES = [
    "my legs are weak today",
    "my fatigue is bad today",
    "the heat makes my legs weak",
    "i am tired of the heat",
]


def log10(p: float) -> float:
    return math.log10(max(p, 1e-99))


def test_a_trie_model_reads_back_as_the_arpa_text_it_was_made_from(tmp_path: Path) -> None:
    arpa = write_arpa(SENTENCES, tmp_path / "small.arpa")
    model = pocketsphinx.NGramModel(pocketsphinx.Config(), pocketsphinx.LogMath(), str(arpa))
    model.write(str(tmp_path / "small.bin"), pocketsphinx.NGramModel.str_to_type("bin"))
    expected = read_arpa(arpa.read_text("utf-8"))
    trie = read_trie(tmp_path / "small.bin")
    assert [set(p) for p in trie.probs] == [set(p) for p in expected.probs]
    for n in range(1, expected.order + 1):
        for gram, p in expected.probs[n].items():
            # Quantized to 16 bits in the trie.
            assert log10(trie.probs[n][gram]) == pytest.approx(log10(p), abs=0.01), gram
    for gram, weight in expected.backoffs.items():
        assert log10(trie.backoffs.get(gram, 1.0)) == pytest.approx(log10(weight), abs=0.01)


def test_something_else_is_no_trie_model(tmp_path: Path) -> None:
    path = write_arpa(SENTENCES, tmp_path / "small.arpa")
    with pytest.raises(ValueError, match="not a PocketSphinx trie"):
        read_trie(path)


def test_the_bundled_everyday_english_has_word_triples() -> None:
    model = generic_model()
    assert model.order == 3 and len(model.probs[3]) >= 50_000
    assert model.prob(("one", "of", "the")) > model.prob(("one", "of", "is"))
