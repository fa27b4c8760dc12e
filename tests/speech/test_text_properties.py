"""Whatever a post contains, what reaches the speech engine is plain, safe text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from voicepeer.speech.text import (
    cooked_to_speech,
    is_speakable,
    load_lexicon,
    markdown_to_speech,
    plain_to_speech,
    split_sentences,
)

LEXICON = load_lexicon()

# Pieces that have broken text-to-speech front ends: markup, engine escapes, invisible
# and direction-changing characters, fullwidth look-alikes, emoji sequences.
NASTY = st.sampled_from(
    [
        "<speak>",
        "</speak>",
        "<prosody rate='x-slow'>",
        "[[h@'l@U]]",
        "\x1b[31m",
        "\x1b]0;t\x07",
        "\u202e",
        "\u2066",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\x00",
        "\x01",
        "\x7f",
        "\u0085",
        "＜speak＞",
        "［［",
        "&lt;break time='9s'/&gt;",
        "&#27;",
        "&#x202e;",
        "👩🏽‍🦽",
        "🇬🇧",
        "❤️",
        ":)",
        "<3",
        "2-3",
        "Dr.",
        "e.g.",
        "MS",
        "ocrelizumab",
        "<aside class='quote'>",
        "<pre>",
        "<a href='https://www.nhs.uk/x'>",
        "</a>",
        "<img class='emoji' title=':smile:'>",
        '[quote="sam"]',
        "[/quote]",
        "```",
        "> ",
        "- ",
        "\n",
        "\r\n",
        "\t",
        "\U0010ffff",
        "\ud7ff",
        "\U000e0041",
        "\u0301\u0301\u0301",
    ]
)
TEXT = st.lists(st.one_of(NASTY, st.text(max_size=20)), max_size=30).map("".join)


def assert_safe(spoken: str) -> None:
    for line in spoken.splitlines():
        assert is_speakable(line), repr(line)
        assert "[[" not in line and "<" not in line and "\x1b" not in line


@settings(max_examples=300, deadline=None)
@given(TEXT, st.booleans())
def test_cooked_html_never_crashes_and_is_safe(html: str, skip: bool) -> None:
    assert_safe(cooked_to_speech(html, skip_quotes=skip, lexicon=LEXICON))


@settings(max_examples=300, deadline=None)
@given(TEXT, st.booleans())
def test_markdown_never_crashes_and_is_safe(raw: str, skip: bool) -> None:
    assert_safe(markdown_to_speech(raw, skip_quotes=skip, lexicon=LEXICON))


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_plain_text_and_its_sentences_are_safe(text: str) -> None:
    spoken = plain_to_speech(text, lexicon=LEXICON)
    assert_safe(spoken)
    sentences = split_sentences(spoken, max_words=10)
    assert " ".join(sentences).split() == spoken.split()  # nothing lost when splitting
    for sentence in sentences:
        assert_safe(sentence)
        assert len(sentence.split()) <= 10
