"""Asked "Did you mean Priya Nair?", a yes that goes on ("yes, about my infusion") chooses
her and keeps the words: as the title, or, too long for one, as the message's start."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.people import words_after_yes


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("yes about my infusion", "my infusion"),
        ("Yes, please. About my infusion.", "my infusion."),
        ("yes I wanted to ask about your cooling vest", "I wanted to ask about your cooling vest"),
        ("yes", ""),
        ("yes please", ""),
        ("yes but wait", ""),
        ("yes, hang on", ""),
        ("yeah about my infusion", ""),
        ("no about my infusion", ""),
        ("yes yes", ""),
        ("yes yes about my infusion", "my infusion"),
        ("yes that's her", ""),
    ],
)
def test_the_words_a_yes_goes_on_with(said: str, words: str) -> None:
    assert words_after_yes(said).casefold() == words.casefold()


def test_yes_about_a_subject_chooses_and_keeps_it_as_the_title(
    forum: DemoForum, data: Path
) -> None:
    lines = ["message priya", "yes about my infusion", "where am i"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3:-1] == [
        "Writing to Priya Nair.",
        "The title is: My infusion. Now say your message, then say send it. Take your time.",
    ], talk.transcript


def test_a_yes_then_a_sentence_keeps_the_words(forum: DemoForum, data: Path) -> None:
    lines = ["message priya", "yes I wanted to ask about your cooling vest and how it fits"]
    talk = converse(forum.base_url, [*lines, "read it back"], data, credentials=signed_in(forum))
    assert "cooling vest" in talk.said[-1].lower(), talk.transcript
    assert "Did you mean Priya Nair? Please say yes or no." not in talk.transcript


def test_a_yes_taken_back_chooses_nobody(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url, ["message priya", "yes but wait"], data, credentials=signed_in(forum)
    )
    assert talk.said[-1] == "Did you mean Priya Nair? Please say yes or no."


def test_a_yes_said_twice_chooses_and_asks_for_the_title(forum: DemoForum, data: Path) -> None:
    # "Yes yes" made the message's title "Yes".
    lines = ["message priya", "yes yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == (
        "Writing to Priya Nair. What is your message about? Say a short title."
    ), talk.transcript
