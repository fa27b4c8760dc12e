"""Grammars and language models generated from the intent catalogue."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pocketsphinx
import pytest

from voicepeer.commands.intents import PHRASINGS, Intent
from voicepeer.recognition.arpa import build_arpa, write_arpa
from voicepeer.recognition.grammar import (
    CommandShapes,
    command_sentences,
    jsgf_grammar,
    spoken_numbers,
    vosk_grammar,
)
from voicepeer.recognition.sphinx import EXTRA_PRONUNCIATIONS


def test_vosk_phrase_list_has_every_phrasing_and_unk() -> None:
    phrases = json.loads(vosk_grammar({"onwards": Intent.NEXT}))
    for intent, phrasings in PHRASINGS.items():
        for phrase in phrasings:
            assert phrase in phrases, (intent, phrase)
    assert "onwards" in phrases
    assert phrases[-1] == "[unk]"


def test_vosk_phrase_list_while_asleep_is_only_wake_up() -> None:
    phrases = json.loads(vosk_grammar(intents=[Intent.WAKE]))
    assert set(phrases) == {*PHRASINGS[Intent.WAKE], "[unk]"}


def test_jsgf_grammar_loads_into_pocketsphinx() -> None:
    decoder = pocketsphinx.Decoder(lm=None, loglevel="FATAL")
    for word, phones in EXTRA_PRONUNCIATIONS.items():
        decoder.add_word(word, phones, False)
    decoder.add_jsgf_string("commands", jsgf_grammar())
    decoder.activate_search("commands")


def test_jsgf_grammar_drops_phrasings_the_dictionary_cannot_say() -> None:
    grammar = jsgf_grammar({"zorblax now": Intent.NEXT}, known_words={"next", "now", "post"})
    assert "zorblax" not in grammar
    assert "next" in grammar


def test_jsgf_refuses_words_that_would_break_the_grammar() -> None:
    with pytest.raises(ValueError):
        jsgf_grammar({"next; public <x> = y": Intent.NEXT})


def test_command_shapes() -> None:
    shapes = CommandShapes()
    assert shapes.shape("next post") == "command"
    assert shapes.shape("open topic twenty one") == "open"
    assert shapes.shape("open topic") == "none"
    assert shapes.shape("search for") == "search"
    assert shapes.shape("the weather is nice") == "none"
    assert shapes.split_search("search for heat rash") == ("search for", "heat rash")
    assert shapes.split_search("search for") is None


def test_spoken_numbers_go_to_ninety_nine() -> None:
    numbers = spoken_numbers()
    assert len(numbers) == 99
    assert numbers[0] == "one" and numbers[20] == "twenty one" and numbers[-1] == "ninety nine"


def test_arpa_model_is_normalized_and_loads(tmp_path: Path) -> None:
    sentences = ["next post", "previous post", "open topic one", "next one"]
    text = build_arpa(sentences)
    unigrams = {}
    section = ""
    for line in text.splitlines():
        if line.startswith("\\"):
            section = line
            continue
        if section == "\\1-grams:" and line:
            fields = line.split("\t")
            unigrams[fields[1]] = 10 ** float(fields[0])
    del unigrams["<s>"]
    assert math.isclose(sum(unigrams.values()), 1.0, rel_tol=1e-3)
    path = write_arpa(sentences, tmp_path / "tiny.lm")
    decoder = pocketsphinx.Decoder(lm=str(path), loglevel="FATAL")
    assert decoder.lookup_word("next") is not None


def test_command_sentences_cover_every_intent() -> None:
    sentences = set(command_sentences())
    for intent in Intent:
        assert any(s.startswith(PHRASINGS[intent][0]) for s in sentences), intent


def test_goodbye_and_paragraph_phrasings_reach_both_grammars() -> None:
    vosk = json.loads(vosk_grammar())
    jsgf = jsgf_grammar()
    for phrase in ("goodbye", "quit voicepeer", "stop voicepeer", "next paragraph",
                   "previous paragraph", "skip to the end"):
        assert phrase in vosk
        assert phrase in jsgf
