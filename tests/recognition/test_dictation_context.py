"""MS vocabulary and the reply's context in the bundled engine's dictation, checked on
espeak-ng speech decoded by the real PocketSphinx engine."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pocketsphinx
import pytest

from tests.support.speech_audio import espeak, silence, utterances
from voicepeer.forum.base import Post, Topic
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition import sphinx
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.engine import decode
from voicepeer.recognition.sphinx import INITIAL_CMN, SphinxRecognizer, decode_whole
from voicepeer.recognition.sphinx_dictation import (
    DICTATION_BEST_PATH_LANGUAGE_WEIGHT,
    DICTATION_LANGUAGE_WEIGHT,
    TRAINED_DICTATION_BEST_PATH_LANGUAGE_WEIGHT,
    TRAINED_DICTATION_LANGUAGE_WEIGHT,
    add_weighted_search,
    known_runs,
)
from voicepeer.recognition.sphinx_files import bundled_dictionary, bundled_model_dir
from voicepeer.recognition.vocabulary import ms_pronunciations, ms_words
from voicepeer.voice.peer_loop import category_answers
from voicepeer.voice.reply_context import reply_context

# Dictionary words that sound somewhat like the MS words, as distractors.
SOUND_ALIKES = ("bladder", "option", "topic", "symptom", "body", "reading", "tablets", "mind")
SPOKEN_AS = {"edss": "E D S S", "lhermitte's": "lhermittes"}
MIN_TOLD_APART = 0.9


@pytest.fixture(scope="module")
def recognizer() -> SphinxRecognizer:
    return SphinxRecognizer(phrasebook=voice_loop_phrasebook())


def test_each_ms_word_is_told_apart_by_its_pronunciation() -> None:
    decoder = pocketsphinx.Decoder(
        hmm=str(bundled_model_dir()), dict=str(bundled_dictionary()), lm=None, loglevel="FATAL"
    )
    for entry, phones in ms_pronunciations():
        decoder.add_word(entry, phones, False)
    words = sorted(ms_words() - {"ms"})
    decoder.add_jsgf_string(
        "words",
        "#JSGF V1.0;\ngrammar words;\npublic <w> = " + " | ".join([*words, *SOUND_ALIKES]) + ";\n",
    )
    decoder.activate_search("words")
    missed = []
    for word in words:
        decoder.start_utt()
        decoder.process_raw(utterances([SPOKEN_AS.get(word, word)]).tobytes(), False, True)
        decoder.end_utt()
        heard = decoder.hyp().hypstr if decoder.hyp() else ""
        # Two spellings of one word share a pronunciation.
        if heard.replace("paraes", "pares") != word.replace("paraes", "pares"):
            missed.append((word, heard))
    assert len(missed) <= (1 - MIN_TOLD_APART) * len(words), missed


@pytest.mark.parametrize(
    "sentence",
    [
        "i hope ocrelizumab works for you",
        "my spasticity is worse in the evening",
        "the lumbar puncture was not as bad as i feared",
    ],
)
def test_ms_words_are_heard_in_dictation(recognizer: SphinxRecognizer, sentence: str) -> None:
    heard = decode(recognizer, utterances([sentence]).tobytes(), ListenMode.DICTATION).text
    named = [w for w in sentence.split() if w in ms_words() or w in ("lumbar", "puncture")]
    assert all(w in heard.split() for w in named), heard


def test_the_post_answered_makes_its_words_heard(recognizer: SphinxRecognizer) -> None:
    post = Post(
        id=2,
        topic_id=1,
        post_number=1,
        username="dave",
        name="Dave Whitfield",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        cooked="<p>I managed the whole pier with my walker!</p>",
    )
    topic = Topic(
        id=1,
        title="Walked to the end of the pier today",
        slug="walked",
        posts_count=1,
        post_ids=(2,),
        loaded_posts=(post,),
    )
    context = reply_context(topic, post)
    assert context == [
        "walked to the end of the pier today",
        "i managed the whole pier with my walker",
        "thank you dave whitfield",
    ]
    audio = utterances(["did you get to the end of the pier with your walker"]).tobytes()
    before = decode(recognizer, audio, ListenMode.DICTATION).text.split()
    recognizer.use_dictation_context(context)
    after = decode(recognizer, audio, ListenMode.DICTATION).text.split()
    recognizer.use_dictation_context([])
    again = decode(recognizer, audio, ListenMode.DICTATION).text.split()
    assert "pier" not in before and "walker" not in before
    assert "pier" in after and "walker" in after, after
    assert "pier" not in again and "walker" not in again, again


def test_the_title_is_reused_as_written_not_as_said() -> None:
    topic = Topic(
        id=1,
        title="Those censored stairs",  # as it is said: the forum censors a word of it
        slug="stairs",
        posts_count=0,
        post_ids=(),
        loaded_posts=(),
        written_title="Those darn stairs",
    )
    assert reply_context(topic, None) == ["those darn stairs"]


@pytest.mark.parametrize("trained", [False, True], ids=["untrained", "voice_profile"])
def test_dictation_is_decoded_with_its_own_language_weights(trained: bool, tmp_path: Path) -> None:
    # A PocketSphinx search keeps the weights it was created with: the dictation search,
    # when the engine starts and when the reply's context rebuilds it, must be created with
    # voicepeer's (those for trained voices when a voice profile is loaded), and the command
    # searches keep PocketSphinx's defaults. A copy of the bundled model stands for a voice
    # profile: which weights apply depends only on whether one loaded.
    profile = None
    if trained:
        profile = tmp_path / "voice"
        shutil.copytree(bundled_model_dir(), profile)
    engine = SphinxRecognizer(phrasebook=voice_loop_phrasebook(), voice_profile=profile)
    assert (engine.voice_profile is not None) is trained
    decoder = engine._decoder
    assert engine._context_mixer is not None
    weights = {
        False: {"lw": DICTATION_LANGUAGE_WEIGHT, "bestpathlw": DICTATION_BEST_PATH_LANGUAGE_WEIGHT},
        True: {
            "lw": TRAINED_DICTATION_LANGUAGE_WEIGHT,
            "bestpathlw": TRAINED_DICTATION_BEST_PATH_LANGUAGE_WEIGHT,
        },
    }
    audio = utterances(["my legs are weak when it is hot"]).tobytes()

    def heard(search: str) -> tuple[str, float]:
        decoder.set_cmn(INITIAL_CMN)  # the same cepstral mean for every decode compared
        return decode_whole(decoder, search, audio)

    def compare_with(lm: Path) -> None:
        for which, settings in weights.items():
            add_weighted_search(decoder, f"weighted_{which}", lm, settings)
        add_weighted_search(decoder, "lw_only", lm, {"lw": DICTATION_LANGUAGE_WEIGHT})
        heard("dictation")  # the first decode after starting scores a little differently
        dictation = heard("dictation")
        assert dictation == heard(f"weighted_{trained}")
        assert dictation[1] != heard(f"weighted_{not trained}")[1]
        assert dictation[1] != heard("lw_only")[1]

    compare_with(engine._context_mixer.base)
    context = ["my legs are weak and my feet are hot when it is warm"]
    engine.use_dictation_context(context)
    with_context = tmp_path / "context.lm"
    with_context.write_text(
        engine._context_mixer.with_context(known_runs(context, engine._decoder_words)),
        encoding="utf-8",
    )
    compare_with(with_context)
    assert (decoder.config["lw"], decoder.config["bestpathlw"]) == (6.5, 9.5)
    engine.close()


def test_a_word_of_ones_own_post_is_heard_when_named() -> None:
    # A recognizer of its own: the words dictated earlier in the module would count.
    recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    post = "my legs were shaking after the long walk home"
    audio = utterances(["correct shaking"]).tobytes()
    recognizer.use_dictation_context([post])
    before = decode(recognizer, audio, ListenMode.DICTATION)
    recognizer.use_dictation_context([post], own_words=post.split())
    after = decode(recognizer, audio, ListenMode.DICTATION)
    recognizer.close()
    assert "correct shaking" not in (before.text, *before.alternatives), before
    assert "correct shaking" in (after.text, *after.alternatives), after


def test_a_named_words_weak_last_sound_is_not_trimmed_away(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    post = "the numbness in my hands comes and goes"
    # A quiet microphone: its faint hiss puts the trimming level below the word's end.
    spoken = np.concatenate([silence(0.6), espeak("correct numbness", wpm=160), silence(0.4)])
    hiss = np.random.default_rng(41).normal(0, 6, spoken.size)
    audio = np.round(spoken + hiss).astype(np.int16).tobytes()
    kept = sphinx.NAMED_WORD_KEEP_S

    def heard(keep_s: float) -> tuple[str, ...]:
        monkeypatch.setattr(sphinx, "NAMED_WORD_KEEP_S", keep_s)
        recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
        recognizer.use_dictation_context([post], own_words=post.split())
        said = decode(recognizer, audio, ListenMode.DICTATION)
        recognizer.close()
        return (said.text, *said.alternatives)

    # Trimmed as closely as commands are, the grammar ends on "correct" alone.
    assert "correct numbness" not in heard(0.15)
    assert "correct numbness" in heard(kept)


CATEGORIES = ["Living with MS", "Newly diagnosed", "Treatments and medication", "Good news"]


@pytest.mark.parametrize(
    "answer", ["newly diagnosed", "good news", "treatments and medication", "number two", "four"]
)
def test_a_categorys_name_or_number_is_heard_with_the_categories_made_likely(
    recognizer: SphinxRecognizer, answer: str
) -> None:
    recognizer.use_dictation_context(category_answers(CATEGORIES))
    try:
        heard = decode(recognizer, utterances([answer]).tobytes(), ListenMode.DICTATION).text
    finally:
        recognizer.use_dictation_context(())
    assert heard == answer
