"""Strange text in posts gives sensible speech: emoji floods, zalgo, other scripts, RTL,
emoji sequences, fullwidth letters — checked as text and, where the voice is the point,
through the real espeak-ng synthesizer."""

from __future__ import annotations

import shutil

import pytest

from voicepeer.speech.synth import EspeakSynthesizer
from voicepeer.speech.text import (
    cooked_to_speech,
    markdown_to_speech,
    plain_to_speech,
    split_sentences,
)
from voicepeer.speech.text.emoji import emoji_run_words
from voicepeer.speech.text.sanitize import MAX_COMBINING_MARKS, speakable

SMILE = (
    '<img src="/images/emoji/twitter/smile.png?v=12" title=":smile:" class="emoji" alt=":smile:">'
)
HEART = (
    '<img src="/images/emoji/twitter/heart.png?v=12" title=":heart:" class="emoji" alt=":heart:">'
)
ZALGO = "Z" + "\u0301\u0336\u0358\u0317" * 60 + "algo"

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed"
)


def seconds_spoken(text: str) -> float:
    """How long the real voice takes to say ``text``, sentence by sentence as voicepeer does."""
    synth = EspeakSynthesizer("en-gb")
    try:
        return sum(
            synth.synthesize(speakable(s), rate_wpm=160).duration_s for s in split_sentences(text)
        )
    finally:
        synth.close()


def test_three_thousand_emoji_pictures_are_summed_up() -> None:
    assert cooked_to_speech(f"<p>Good news {SMILE * 3000} for all</p>") == (
        "Good news (many smiling face emoji) for all."
    )


def test_a_mixed_flood_says_what_most_of_it_is() -> None:
    html = f"<p>{(SMILE * 3 + HEART) * 750}</p>"
    assert cooked_to_speech(html) == "Many emoji, mostly smiling face."
    assert cooked_to_speech(f"<p>{(SMILE + HEART) * 6}</p>") == (
        "12 emoji, among them smiling face and heart."
    )


def test_a_few_emoji_are_said_one_by_one() -> None:
    assert cooked_to_speech(f"<p>Thanks {SMILE} {HEART}{HEART}!</p>") == (
        "Thanks! Emoji: smiling face, heart."
    )


def test_emoji_floods_in_markdown_and_unicode_are_summed_up() -> None:
    assert markdown_to_speech("thanks " + ":smile: " * 3000 + "all") == (
        "Thanks (many smiling face emoji) all."
    )
    assert markdown_to_speech("wow " + "😀🙂😭" * 1000) == (
        "Wow. Many emoji, among them grinning face, smiling face and sobbing face."
    )
    spoken = cooked_to_speech("<p>" + "🧡" * 3000 + "</p>")
    assert spoken == "Many orange heart emoji."


def test_a_run_of_emoji_never_grows_with_its_length() -> None:
    for count in (10, 100, 10_000):
        assert len(emoji_run_words(["heart", "smiling face"] * count).split()) <= 10


@pytest.mark.parametrize(
    ("html", "spoken"),
    [
        (
            "<p>Me 👩🏽‍🦽 and my family 👨‍👩‍👧‍👦</p>",
            "Me (woman in a wheelchair) and my family. Family.",
        ),
        ("<p>Proud 🏳️‍🌈 and ❤️‍🩹</p>", "Proud (rainbow flag) and (mending heart)."),
        ("<p>Home 🇬🇧</p>", "Home. Flag of the United Kingdom."),
        # Each letter of a flag was once a flag of its own ("6 flag emoji").
        (
            "<p>From 🇮🇪 🇺🇸 🇳🇿 to 🇦🇶</p>",
            "From (emoji: flag of Ireland, flag of the United States, flag of New Zealand) "
            "to (flag).",
        ),
        (
            "<p>Wales 🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f</p>",
            "Wales. Flag of Wales.",
        ),
        # Letters made to look like symbols, read as letters, not by their code names.
        ("<p>🅷🅴🅻🅻🅾 and 🄷🄸 all</p>", "HELLO and HI all."),
        ("<p>ʜᴜɢꜱ ᴀ ʟᴏᴛ</p>", "Hugs a lot."),
        ("<p>Step 1️⃣ then 2️⃣</p>", "Step 1 then 2."),
        ("<p>Take 1½ tablets or ½ a dose</p>", "Take 1 and a half tablets or a half a dose."),
        # Raised figures: powers after a number or a short symbol ("x²" was "2 times",
        # "10³" was "103"), a footnote's number after a word, left out.
        (
            "<p>x² and 10³ m³, 10⁻⁶ and 2⁴</p>",
            "X squared and 10 cubed m cubed, 10 to the power of minus 6 and 2 to the power of 4.",
        ),
        ("<p>As the study¹ says, H₂O</p>", "As the study says, H2O."),
        # Unicode's names for older symbols, said as what they show.
        (
            "<p>Done ✔ and booked ✅ ♥</p>",
            "Done (check mark) and booked. Emoji: check mark, heart.",
        ),
        ("<p>Right ✓ wrong ✗</p>", "Right (check mark) wrong. Cross."),
        ("<p>Thumbs 👍🏿 and 👋🏼 hi</p>", "Thumbs (thumbs up) and (waving hand) hi."),
        ("<p>ＨＥＬＬＯ ｆｒｉｅｎｄｓ</p>", "HELLO friends."),
        (
            "<p>\u202eevil\u202c and \u2067right to left\u2069 text</p>",
            "Evil and right to left text.",
        ),
        (
            "<p>She said שלום עולם to me, then Привет!</p>",
            "She said some Hebrew text to me, then some Cyrillic text!",
        ),
        ("<p>مرحبا بكم جميعا</p>", "Some Arabic text."),
        ("<p>你好 everyone</p>", "Some Chinese text everyone."),
        (
            "<p>take β-interferon, café au lait, naïve Straße</p>",
            "Take β-interferon, café au lait, naïve Straße.",
        ),
        (f"<p>{ZALGO} is here</p>", None),
        # A word the forum censored (Discourse puts a black square for each letter), and a
        # square used as a bullet.
        ("<p>My ■■■■■■ neurologist</p>", "My censored neurologist."),
        ("<p>■■■■ this week, honestly</p>", "Censored this week, honestly."),
        ("<p>■ Rest first</p>", "■ Rest first."),
    ],
)
def test_strange_unicode_reads_sensibly(html: str, spoken: str | None) -> None:
    result = cooked_to_speech(html)
    if spoken is not None:
        assert result == spoken
    else:
        assert result.endswith("algo is here.")
        assert len(result) < len("Zalgo is here.") + 2 * MAX_COMBINING_MARKS


@needs_espeak
def test_zalgo_takes_as_long_to_say_as_plain_text() -> None:
    plain = seconds_spoken(cooked_to_speech("<p>Zalgo is here</p>"))
    flooded = seconds_spoken(cooked_to_speech(f"<p>{ZALGO} is here</p>"))
    assert plain > 0.5
    assert flooded < plain * 1.5


@needs_espeak
def test_a_paragraph_in_hebrew_is_named_not_spelled_out() -> None:
    hebrew = " ".join(["שלום לכולם, אני חדשה בפורום"] * 10)
    assert seconds_spoken(cooked_to_speech(f"<p>{hebrew}</p>")) < 3.0
    # As espeak-ng's English voice reads it letter by letter: minutes.
    assert seconds_spoken(speakable(hebrew[:60])) > 10.0


@needs_espeak
def test_an_emoji_flood_is_said_in_a_few_seconds() -> None:
    assert seconds_spoken(cooked_to_speech(f"<p>{SMILE * 3000}</p>")) < 4.0


def test_a_row_of_emoticons_is_summed_up_like_emoji() -> None:
    assert markdown_to_speech("thanks :) and " + ":-) " * 3000 + "<3") == (
        "Thanks (smiling face) and (many emoji, mostly smiling face)."
    )
    assert markdown_to_speech("at 10:30 :( but :D") == "At 10:30 (sad face) but (laughing face)."


def test_a_censored_title_is_said_as_censored() -> None:
    assert plain_to_speech("What a ■■■■ week") == "What a censored week."
