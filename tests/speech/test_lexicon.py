"""Pronunciation lexicon: MS vocabulary, drug names checked with espeak-ng's phoneme output."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from voicepeer.errors import ConfigError
from voicepeer.speech.text import load_lexicon


def test_acronyms_match_case_exactly() -> None:
    lexicon = load_lexicon()
    assert lexicon.apply("My MS and SPMS, not 5 ms or Ms. Smith") == (
        "My M S and S P M S, not 5 ms or Ms. Smith"
    )
    assert lexicon.apply("PPMS CIS DMTs MRI's") == "P P M S C I S D M T's M R I's"
    # Spelt out, a post defining one was heard as the same words twice.
    assert lexicon.apply("relapsing remitting MS (RRMS)") == ("relapsing remitting M S (R R M S)")


def test_drug_names_match_in_any_case_and_across_spaces() -> None:
    lexicon = load_lexicon()
    assert lexicon.apply("Ocrelizumab or DIMETHYL  fumarate?") == (
        "ocker-lizzyoomab or dye-methyl few-marate?"
    )


def test_caregiver_file_adds_and_overrides(isolated_home: Path) -> None:
    extra = isolated_home / "lexicon.toml"
    extra.write_text(
        '[words]\n"MS" = "multiple sclerosis"\n"Wendy" = "Wen-dee"\n', encoding="utf-8"
    )
    lexicon = load_lexicon(extra)
    assert lexicon.apply("Wendy has MS") == "Wen-dee has multiple sclerosis"
    assert lexicon.apply("RRMS") == "R R M S"  # the rest is kept


def test_missing_caregiver_file_is_fine_and_broken_one_is_explained(isolated_home: Path) -> None:
    assert load_lexicon(isolated_home / "absent.toml").apply("MS") == "M S"
    broken = isolated_home / "broken.toml"
    broken.write_text('[words]\n"MS" = \n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_lexicon(broken)
    assert "lexicon" in caught.value.spoken
    wrong_shape = isolated_home / "shape.toml"
    wrong_shape.write_text("[words]\nMS = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_lexicon(wrong_shape)


def phonemes(text: str) -> str:
    return subprocess.run(
        ["espeak-ng", "-v", "en-gb", "-q", "-x", text], check=True, capture_output=True, text=True
    ).stdout.strip()


# The syllable that carries the main stress, as espeak-ng phonemes right after its ' mark.
STRESSED = {
    "ocrelizumab": "'Iz",  # ok-ruh-LIZ-yoo-mab
    "natalizumab": "'Iz",  # nat-uh-LIZ-yoo-mab
    "fingolimod": "'0l",  # fin-GOL-i-mod
    "teriflunomide": "'u:",  # te-ri-FLOO-no-mide
    "alemtuzumab": "'u:",  # al-em-TOO-zoo-mab
    "cladribine": "'i:n",  # CLAD-ri-been
    "ofatumumab": "'u:",  # oh-fa-TOO-myoo-mab
    "glatiramer": "'i@",  # gla-TEER-a-mer
    "siponimod": "'0n",  # si-PON-i-mod
    "ozanimod": "'an",  # oh-ZAN-i-mod
}


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
@pytest.mark.parametrize("drug", sorted(STRESSED))
def test_drug_respelling_moves_stress_where_people_put_it(drug: str) -> None:
    respelled = load_lexicon().apply(drug)
    assert respelled != drug
    said = phonemes(respelled)
    assert STRESSED[drug] in said, said


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_acronyms_are_spelled_out_by_espeak() -> None:
    said = phonemes(load_lexicon().apply("MS"))
    assert said.split() == ["'Em", "'Es"]
