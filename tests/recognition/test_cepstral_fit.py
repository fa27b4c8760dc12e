"""decode_whole's passes before the last fit the cepstral mean with a one-word search: real
espeak-ng speech decoded so is read as with every pass a full decode, from the same mean."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pocketsphinx
import pytest

from tests.support.speech_audio import utterances, with_hiss
from voicepeer.recognition.arpa import write_arpa
from voicepeer.recognition.sphinx import INITIAL_CMN, decode_whole
from voicepeer.recognition.sphinx_feed import feed
from voicepeer.recognition.sphinx_files import bundled_dictionary, write_dictionary_subset

COMMANDS = ["next post", "go back", "latest topics", "where am i", "open topic twelve"]


def decoder(tmp_path: Path) -> Any:
    words = {w for c in COMMANDS for w in c.split()}
    dictionary = write_dictionary_subset(bundled_dictionary(), words, tmp_path / "c.dict")
    engine = pocketsphinx.Decoder(lm=None, dict=str(dictionary), loglevel="FATAL")
    engine.add_lm_file("commands", str(write_arpa(COMMANDS, tmp_path / "commands.lm")))
    engine.set_cmn(INITIAL_CMN)
    return engine


def full_passes(engine: Any, audio: bytes, passes: int) -> tuple[str, float]:
    engine.activate_search("commands")
    for _ in range(passes):
        engine.start_utt()
        feed(engine, audio, whole=True)
        engine.end_utt()
    hyp = engine.hyp()
    return " ".join(hyp.hypstr.split()), float(hyp.score)


@pytest.mark.parametrize("passes", [2, 3])
def test_fitting_passes_leave_the_mean_and_reading_of_full_ones(
    tmp_path: Path, passes: int
) -> None:
    fitted, full = decoder(tmp_path), decoder(tmp_path)
    for number, command in enumerate(["latest topics", "where am i", "next post"]):
        audio = with_hiss(utterances([command, 0.3], voice="en-gb"), seed=number).tobytes()
        text, score = decode_whole(fitted, "commands", audio, passes)
        expected_text, expected_score = full_passes(full, audio, passes)
        assert text == expected_text == command
        assert fitted.get_cmn(False) == full.get_cmn(False) != INITIAL_CMN
        # The one-word search keeps other Gaussians in its shortlist, which the next
        # utterance starts from: the score moves in the fourth decimal at most.
        assert score == pytest.approx(expected_score, abs=1e-3)
