"""An emoji's words are set apart from the words around them, so a listener can tell the
feeling from the sentence: "I crash less often. Smiling face.", not "often smiling face"."""

from __future__ import annotations

import array
import shutil

import pytest

from voicepeer.forum.parse import excerpt_words
from voicepeer.speech.synth import EspeakSynthesizer
from voicepeer.speech.text import cooked_to_speech, markdown_to_speech, split_sentences
from voicepeer.voice.dictation import Draft

SLIGHT_SMILE = (
    '<img src="/images/emoji/twitter/slightly_smiling_face.png?v=12" '
    'title=":slightly_smiling_face:" class="emoji" alt=":slightly_smiling_face:">'
)


@pytest.mark.parametrize(
    ("post", "spoken"),
    [
        # Ending a sentence, an emoji is a sentence of its own, the sentence's mark before it.
        (f"<p>I crash less often {SLIGHT_SMILE}</p>", "I crash less often. Smiling face."),
        ("<p>I don't care any more 😂</p>", "I don't care any more. Tears of joy."),
        ("<p>Celebrate properly 🎊!</p>", "Celebrate properly! Confetti ball."),
        ("<p>Stable again! 🎉 See you soon</p>", "Stable again! Celebration. See you soon."),
        ("<p>Thanks, 🙂</p>", "Thanks. Smiling face."),
        # Inside a sentence, or standing for a word, it is in brackets.
        ("<p>So glad ❤️ you came</p>", "So glad (heart) you came."),
        ("<p>Proud of my 🏳️‍🌈</p>", "Proud of my (rainbow flag)."),
        ("<p>Feeling so 😴</p>", "Feeling so (sleeping face)."),
        ("<p>I love this 😍</p>", "I love this. Heart eyes."),
        # Alone, it is the sentence.
        ("<p>🎉</p>", "Celebration."),
    ],
)
def test_an_emoji_is_heard_apart_from_the_words_around_it(post: str, spoken: str) -> None:
    assert cooked_to_speech(post) == spoken


def test_raw_markdown_emoticons_and_search_blurbs_set_emoji_apart_too() -> None:
    assert markdown_to_speech("I crash less often :slightly_smiling_face:") == (
        "I crash less often. Smiling face."
    )
    assert markdown_to_speech("good day :-)\nglad :) you came") == (
        "Good day. Smiling face.\nGlad (smiling face) you came."
    )
    # A search blurb has the emoji's code written in.
    assert excerpt_words("What do you all do to cope? :hot_face:") == (
        "What do you all do to cope? Hot face."
    )


def test_a_reply_read_back_sets_its_emoji_apart() -> None:
    draft = Draft()
    draft.add("I crash less often 🙂")
    assert draft.read_out == "I crash less often. Smiling face."


def test_an_emoji_ending_a_sentence_is_said_as_a_sentence_of_its_own() -> None:
    # voicepeer says one sentence at a time: the emoji is heard after the sentence's end.
    spoken = cooked_to_speech(f"<p>It doesn't fix it, but I crash less often {SLIGHT_SMILE}</p>")
    assert split_sentences(spoken)[-1] == "Smiling face."


def _longest_pause(text: str) -> float:
    """The longest silence, in seconds, between the first and last sound of ``text`` as
    espeak-ng says it."""
    synth = EspeakSynthesizer("en-gb")
    try:
        speech = synth.synthesize(text, rate_wpm=160)
    finally:
        synth.close()
    samples = array.array("h", speech.pcm)
    window = speech.sample_rate // 100
    loud = [
        max(abs(s) for s in samples[i : i + window]) > 300
        for i in range(0, len(samples) - window, window)
    ]
    first, last = loud.index(True), len(loud) - loud[::-1].index(True)
    longest = run = 0
    for sound in loud[first:last]:
        run = 0 if sound else run + 1
        longest = max(longest, run)
    return longest / 100


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_pauses_at_an_emoji_inside_a_sentence() -> None:
    spoken = cooked_to_speech("<p>So glad ❤️ you came</p>")
    assert _longest_pause(spoken) >= 0.08
    assert _longest_pause("So glad heart you came.") < 0.08  # as it was read before
