"""Sentence splitting: the unit of streaming, stopping and resuming."""

from __future__ import annotations

from voicepeer.speech.text import split_sentences


def test_abbreviations_and_decimals_do_not_end_sentences() -> None:
    text = (
        "Dr. Patel said e.g. fatigue is common. I take 1.5 mg daily! Is that a lot? "
        "Ms. Jones agreed, i.e. rest more. I have MS. It is hard etc. Yes."
    )
    assert split_sentences(text) == [
        "Dr. Patel said e.g. fatigue is common.",
        "I take 1.5 mg daily!",
        "Is that a lot?",
        "Ms. Jones agreed, i.e. rest more.",
        "I have MS.",
        "It is hard etc.",
        "Yes.",
    ]


def test_line_breaks_always_end_a_sentence() -> None:
    assert split_sentences("Sam wrote:\nhello there\n\nEnd of quote.") == [
        "Sam wrote:",
        "hello there",
        "End of quote.",
    ]


def test_long_sentences_break_at_commas() -> None:
    clause = "and then I rested for a while in the garden"  # 10 words
    sentence = ", ".join([clause] * 8) + "."
    parts = split_sentences(sentence, max_words=40)
    assert len(parts) > 1
    assert all(len(p.split()) <= 40 for p in parts)
    assert " ".join(parts).split() == sentence.split()
    assert all(p.endswith((",", ".")) for p in parts)


def test_long_sentence_without_commas_breaks_at_the_word_limit() -> None:
    words = " ".join(f"w{i}" for i in range(95))
    parts = split_sentences(words, max_words=40)
    assert [len(p.split()) for p in parts] == [40, 40, 15]


def test_quotes_after_full_stop_stay_with_the_sentence() -> None:
    assert split_sentences('She said "rest." Then left.') == ['She said "rest."', "Then left."]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n \n") == []
