"""Mixing, pruning and context of the dictation language models, checked against the
definitions (probabilities summing to one) and loaded by the real PocketSphinx."""

from __future__ import annotations

from pathlib import Path

import pocketsphinx
import pytest

from voicepeer.paths import cache_dir
from voicepeer.recognition.arpa import build_arpa, looks_like_language_model
from voicepeer.recognition.dictation_lm import (
    ContextMixer,
    DictationSources,
    generic_model,
    model_words,
    prepared_model,
)
from voicepeer.recognition.lm_mix import BOS, EOS, BackoffModel, mix, prune, read_arpa, to_arpa

PEER = ["my legs are tired today", "my fatigue is worse today", "thank you for the hug"]
OTHER = ["the boy kicked the ball", "the ball is red", "my dog kicked the cat"]


def total(model: BackoffModel, history: tuple[str, ...]) -> float:
    return sum(model.prob((*history, w)) for w in model.vocabulary() | {EOS} if w != BOS)


@pytest.fixture(scope="module")
def mixed() -> BackoffModel:
    return mix([(0.6, read_arpa(build_arpa(PEER))), (0.4, read_arpa(build_arpa(OTHER)))])


@pytest.mark.parametrize(
    "history", [(), ("my",), ("the",), ("my", "legs"), ("the", "cat"), (BOS,), ("ball", "tired")]
)
def test_a_mixture_sums_to_one_after_every_history(
    mixed: BackoffModel, history: tuple[str, ...]
) -> None:
    assert total(mixed, history) == pytest.approx(1.0, abs=1e-3)


def test_a_mixture_weighs_each_part(mixed: BackoffModel) -> None:
    peer, other = read_arpa(build_arpa(PEER)), read_arpa(build_arpa(OTHER))
    for gram in [("my", "legs"), ("kicked", "the"), ("my", "dog", "kicked"), ("ball",)]:
        assert mixed.prob(gram) == pytest.approx(
            0.6 * peer.prob(gram) + 0.4 * other.prob(gram), rel=1e-6
        )
    # A word only one part has keeps that part's share.
    assert mixed.prob(("ball",)) == pytest.approx(0.4 * other.prob(("ball",)), rel=1e-6)


def test_written_and_read_back_it_is_the_same_model(mixed: BackoffModel) -> None:
    again = read_arpa(to_arpa(mixed))
    for gram in [("my", "legs"), ("the", "ball", "is"), ("hug",), ("dog", "fatigue")]:
        assert again.prob(gram) == pytest.approx(mixed.prob(gram), rel=1e-3)


def test_pruning_keeps_the_likeliest_words_and_stays_normalized() -> None:
    model = read_arpa(build_arpa([*PEER, *OTHER]))
    pruned = prune(model, vocabulary_size=5, keep={"hug"}, max_bigrams=6)
    assert len(pruned.vocabulary() - {BOS, EOS}) == 6
    assert {"the", "my", "hug"} <= pruned.vocabulary()
    assert len(pruned.probs[2]) == 6
    assert total(pruned, ("the",)) == pytest.approx(1.0, abs=1e-3)


def test_the_mixed_dictation_model_is_built_once_and_loads(tmp_path: Path) -> None:
    path = prepared_model(DictationSources(tuple(PEER)), tmp_path)
    built = path.stat().st_mtime_ns
    assert prepared_model(DictationSources(tuple(PEER)), tmp_path) == path
    assert path.stat().st_mtime_ns == built
    # A model built for other sentences replaces the earlier one, which nothing uses now.
    other = prepared_model(DictationSources((*PEER, "one more reply")), tmp_path)
    assert other != path and sorted(tmp_path.glob("dictation-*.lm")) == [other]
    path = prepared_model(DictationSources(tuple(PEER)), tmp_path)
    words = model_words(path)
    # Everyday English the replies never use is in it, and so is every reply word.
    assert {"river", "salmon", "kitchen"} <= words
    assert {w for s in PEER for w in s.split()} <= words
    assert len(generic_model().vocabulary()) > 10_000
    model = pocketsphinx.NGramModel.readfile(str(path))
    assert model.prob(["fatigue", "my"]) > model.prob(["salmon", "my"])


def test_a_reply_context_makes_its_words_likelier_and_nothing_else(tmp_path: Path) -> None:
    base_path = tmp_path / "base.lm"
    base_path.write_text(to_arpa(read_arpa(build_arpa([*PEER, *OTHER]))), encoding="utf-8")
    base = read_arpa(base_path.read_text("utf-8"))
    boosted = read_arpa(
        ContextMixer(base_path, weight=0.3).with_context(
            ["my dog hates the heat", "the heat is bad"]
        )
    )
    kappa = 0.3 / 0.7
    assert boosted.prob(("dog", "hates")) > 10 * base.prob(("dog", "hates"))
    assert boosted.prob(("the", "heat")) > 10 * base.prob(("the", "heat"))
    # Words of the context the base model lacks come in with the context's share.
    assert "hates" not in base.vocabulary() and "hates" in boosted.vocabulary()
    assert boosted.prob(("legs",)) == pytest.approx(base.prob(("legs",)), rel=1e-3)
    # The histories the context has sum to 1 + kappa: a mixture scaled by a constant.
    assert total(boosted, ("the",)) == pytest.approx(1.0 + kappa, abs=0.02)
    assert read_arpa(ContextMixer(base_path).with_context([])).probs == base.probs


def test_models_an_earlier_voicepeer_left_in_the_cache_folder_are_removed(tmp_path: Path) -> None:
    earlier = cache_dir() / "models"
    earlier.mkdir(parents=True)
    (earlier / "dictation-0123456789abcdef.lm").write_text("\\data\\\n", encoding="utf-8")
    (earlier / "notes.txt").write_text("not a model", encoding="utf-8")
    # Without everyday English: nothing to mix, only building and removing are tested here.
    prepared_model(DictationSources(tuple(PEER), generic_weight=0.0), tmp_path)
    assert [p.name for p in earlier.iterdir()] == ["notes.txt"]


def test_a_damaged_language_model_is_told_from_every_kind_pocketsphinx_reads(
    tmp_path: Path,
) -> None:
    arpa = tmp_path / "small.lm"
    arpa.write_text(build_arpa(PEER))
    binary = Path(pocketsphinx.get_model_path("en-us/en-us.lm.bin"))
    assert looks_like_language_model(arpa) and looks_like_language_model(binary)
    mixed = prepared_model(DictationSources(tuple(PEER), generic_weight=0.0), tmp_path)
    assert looks_like_language_model(mixed)
    for damaged in ("this is not an ARPA file\n", "", "ngram 1=3\n"):
        broken = tmp_path / "broken.lm"
        broken.write_text(damaged)
        assert not looks_like_language_model(broken)
    assert not looks_like_language_model(tmp_path / "absent.lm")
