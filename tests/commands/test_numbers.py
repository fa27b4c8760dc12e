"""Numbers as people say them, and the rule that a number said alone is never a command:
misheard short commands ("reply") come out as numbers."""

from __future__ import annotations

import pytest

from voicepeer.commands import Command, Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.numbers import is_number_alone, parse_number, parse_ordinal, plain_number
from voicepeer.number_words import ordinal_word
from voicepeer.recognition.base import Heard
from voicepeer.voice.state_commands import ALLOWED
from voicepeer.voice.states import ASKING_CONSENT

INTERPRETER = Interpreter()
ALONE = ["thirty nine", "12", "second", "please thirty nine", "2nd"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twelve", 12),
        ("twenty one", 21),
        ("ninety-nine", 99),
        ("one hundred and five", 105),
        ("a hundred", 100),
        ("a hundred and twelve", 112),
        ("two hundred hundred", None),
        ("to", 2),
        ("12", 12),
        ("twelve one", None),
        ("", None),
        ("banana", None),
    ],
)
def test_spoken_numbers(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "value"), [("second", 2), ("twenty first", 21), ("2nd", 2)])
def test_ordinals(text: str, value: int) -> None:
    assert parse_ordinal(text) == value


@pytest.mark.parametrize("alone", ALONE)
def test_a_number_alone_is_not_enough_in_any_state(alone: str) -> None:
    assert is_number_alone(alone) or is_number_alone(alone.removeprefix("please "))
    assert INTERPRETER.command(Heard(alone)).command is None
    for state, allowed in ALLOWED.items():
        judge = INTERPRETER.answer if state in ASKING_CONSENT else INTERPRETER.command
        assert judge(Heard(alone), allowed).command is None, state


def test_a_number_alone_in_the_free_reading_is_no_confirmation() -> None:
    """A command the grammar was forced to pick is not confirmed by a free reading that
    heard only a number."""
    heard = Heard("open topic three", passes=("three",))
    assert INTERPRETER.command(heard).command is None


def test_a_number_with_its_prefix_opens_the_topic() -> None:
    verdict = INTERPRETER.command(Heard("open topic thirty nine"))
    assert verdict.command == Command(Intent.OPEN, {"number": 39})
    assert not is_number_alone("open topic thirty nine")


def test_ordinal_words_are_said_as_they_are_heard() -> None:
    # One table: what voicepeer says ("your ninth choice") is what it understands.
    for place in (*range(1, 20), *range(20, 100, 10)):
        word = ordinal_word(place)
        assert word is not None and parse_ordinal(word) == place
    assert ordinal_word(21) is None and ordinal_word(0) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("two", 2), ("Twelve.", 12), ("12", 12), ("second", 2), ("to", None), ("for", None)],
)
def test_a_plain_number_is_one_as_written_not_a_word_sounding_like_one(
    text: str, value: int | None
) -> None:
    assert plain_number(text) == value
