"""Grammars in the engines' formats, built from the interpreter's vocabulary."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pocketsphinx
import pytest

from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.arpa import build_arpa, write_arpa
from voicepeer.recognition.base import Vocabulary
from voicepeer.recognition.grammar import jsgf_grammar, split_text, vosk_grammar
from voicepeer.recognition.sphinx import EXTRA_PRONUNCIATIONS
from voicepeer.recognition.sphinx_files import bundled_dictionary, write_dictionary_subset

EVERY_COMMAND = voice_loop_phrasebook().commands[""]
SMALL = Vocabulary(
    phrases=("next post", "go back"),
    number_prefixes=("open topic",),
    numbers=("one", "twenty one"),
    text_prefixes=("search for",),
)


def test_vosk_phrase_list_has_every_phrase_and_unk() -> None:
    phrases = json.loads(vosk_grammar(SMALL))
    assert set(phrases) == {
        "next post",
        "go back",
        "open topic",
        "one",
        "twenty one",
        "search for",
        "[unk]",
    }
    assert phrases[-1] == "[unk]"


def test_vosk_phrase_list_has_the_garbage_path() -> None:
    phrases = json.loads(vosk_grammar(Vocabulary(phrases=("wake up",), other=("yeah",))))
    assert set(phrases) == {"wake up", "yeah", "[unk]"}


def test_jsgf_grammar_loads_into_pocketsphinx() -> None:
    decoder = pocketsphinx.Decoder(lm=None, loglevel="FATAL")
    for word, phones in EXTRA_PRONUNCIATIONS.items():
        decoder.add_word(word, phones, False)
    decoder.add_jsgf_string("commands", jsgf_grammar(EVERY_COMMAND))
    decoder.activate_search("commands")


def test_jsgf_numbers_need_their_prefix() -> None:
    grammar = jsgf_grammar(SMALL)
    assert "<numbered> = (open topic) <number>;" in grammar
    assert "public <utterance> = (go back | next post) | <numbered> | (search for);" in grammar


def test_a_states_jsgf_grammar_has_its_garbage_path_and_loads() -> None:
    asleep = voice_loop_phrasebook(per_state=True).commands["sleeping"]
    grammar = jsgf_grammar(asleep)
    assert "(carry on reading | continue | resume | start listening | wake | wake up" in grammar
    assert "| next post |" in grammar
    assert "<numbered>" not in grammar  # "open topic" only bare, as garbage
    decoder = pocketsphinx.Decoder(lm=None, loglevel="FATAL")
    for word, phones in EXTRA_PRONUNCIATIONS.items():
        decoder.add_word(word, phones, False)
    decoder.add_jsgf_string("asleep", grammar)
    decoder.activate_search("asleep")


def test_jsgf_grammar_drops_phrasings_the_dictionary_cannot_say() -> None:
    vocabulary = Vocabulary(phrases=("zorblax now", "next post"))
    grammar = jsgf_grammar(vocabulary, known_words={"next", "now", "post"})
    assert "zorblax" not in grammar
    assert "next" in grammar


def test_jsgf_refuses_words_that_would_break_the_grammar() -> None:
    with pytest.raises(ValueError):
        jsgf_grammar(Vocabulary(phrases=("next; public <x> = y",)))


def test_free_text_is_split_after_the_longest_prefix() -> None:
    prefixes = ("search", "search for")
    assert split_text("search for heat rash", prefixes) == ("search for", "heat rash")
    assert split_text("search for", prefixes) is None
    assert split_text("next post", prefixes) is None


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
    # With the words of the model only: the whole dictionary took seconds to load.
    words = {w for s in sentences for w in s.split()}
    dictionary = write_dictionary_subset(bundled_dictionary(), words, tmp_path / "tiny.dict")
    decoder = pocketsphinx.Decoder(lm=str(path), dict=str(dictionary), loglevel="FATAL")
    assert decoder.lookup_word("next") is not None


def test_goodbye_and_paragraph_phrasings_reach_both_grammars() -> None:
    vosk = json.loads(vosk_grammar(EVERY_COMMAND))
    jsgf = jsgf_grammar(EVERY_COMMAND)
    for phrase in (
        "goodbye",
        "quit voicepeer",
        "stop voicepeer",
        "next paragraph",
        "previous paragraph",
        "skip to the end",
    ):
        assert phrase in vosk
        assert phrase in jsgf
