"""Words said twice or begun twice, and numbers taken back as they are said: the rules,
and the interpreter taking what was meant only when that is a whole command."""

from __future__ import annotations

import pytest

from voicepeer.commands import Command, Intent
from voicepeer.commands.choices import place_said
from voicepeer.commands.editing import DictationAction, heard_action
from voicepeer.commands.interpreter import ASLEEP, Interpreter
from voicepeer.commands.number_corrections import last_number_meant
from voicepeer.commands.repeats import without_repeats
from voicepeer.recognition.base import Heard

INTERPRETER = Interpreter()


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("back back", "back"),
        ("where where am I", "where am i"),
        ("open open topic three", "open topic three"),
        ("re reply", "reply"),
        ("w-wake up", "wake up"),
        ("bookmark bookmark this", "bookmark this"),
        # A no is never taken for the start of the next word.
        ("no notifications", "no notifications"),
        # Nor is a number: "six sixteen" is no sixteen begun twice.
        ("like post six sixteen", "like post six sixteen"),
        # A whole command said again, unsure it was heard.
        ("scratch that scratch that", "scratch that"),
        ("send it, send it", "send it"),
    ],
)
def test_a_word_said_twice_or_cut_off_is_said_once(said: str, meant: str) -> None:
    assert without_repeats(said) == meant


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("open topic three no four", "open topic four"),
        ("open topic three, no, four", "open topic four"),
        ("reply to post three no four no five", "reply to post five"),
        ("open topic three sorry four", "open topic four"),
        ("open topic three I mean four", "open topic four"),
        ("like post two no three", "like post three"),
        ("two no three", "three"),
        ("open topic twenty one no twenty two", "open topic twenty two"),
        # Numbers of four and five words, taken back and meant, whole: "two fifty" was left.
        ("two hundred and forty sorry fifty", "fifty"),
        ("open topic two no one hundred and twenty one", "open topic one hundred and twenty one"),
        (
            "change forty to two hundred and forty no two hundred and fifty five",
            "change forty to two hundred and fifty five",
        ),
    ],
)
def test_the_last_number_said_is_the_one_meant(said: str, meant: str) -> None:
    assert last_number_meant(said) == meant


@pytest.mark.parametrize("said", ["open topic three", "no thanks", "say no", "three no"])
def test_without_a_number_taken_back_nothing_changes(said: str) -> None:
    assert last_number_meant(said) is None


@pytest.mark.parametrize(
    ("said", "command"),
    [
        ("where where am I", Command(Intent.WHERE)),
        ("help help", Command(Intent.HELP)),
        ("repeat repeat", Command(Intent.REPEAT)),
        ("notifications notifications", Command(Intent.NOTIFICATIONS)),
        ("new new topic", Command(Intent.NEW_TOPIC)),
        ("back back", Command(Intent.BACK)),
        ("re reply", Command(Intent.REPLY)),
        ("read read it", Command(Intent.READ)),
        ("open open topic three", Command(Intent.OPEN, {"number": 3})),
        ("open topic three no four", Command(Intent.OPEN, {"number": 4})),
        ("open two sorry three", Command(Intent.OPEN, {"number": 3})),
        ("like post two no three", Command(Intent.LIKE, {"number": 3})),
    ],
)
def test_a_command_said_with_a_word_twice_or_a_number_taken_back_is_the_command(
    said: str, command: Command
) -> None:
    assert INTERPRETER.command(Heard(said)).command == command


@pytest.mark.parametrize("said", ["wake wake up", "w-wake up", "resume resume"])
def test_asleep_a_wake_up_said_with_a_word_twice_wakes(said: str) -> None:
    assert INTERPRETER.command(Heard(said), ASLEEP).command is not None


def test_asleep_talk_with_a_word_twice_still_wakes_nothing() -> None:
    assert INTERPRETER.command(Heard("carry carry on"), ASLEEP).command is None


def test_search_words_keep_a_number_taken_back_as_said() -> None:
    found = INTERPRETER.command(Heard("search for two no three")).command
    assert found == Command(Intent.SEARCH, {"query": "two no three"})


@pytest.mark.parametrize(
    ("said", "action"),
    [
        ("scratch scratch that", DictationAction.SCRATCH),
        ("cancel cancel", DictationAction.CANCEL),
        ("start start over", DictationAction.START_OVER),
        ("undo undo", DictationAction.UNDO),
        ("send send it", DictationAction.SEND),
        ("read read it back", DictationAction.READ_BACK),
    ],
)
def test_an_editing_command_said_with_a_word_twice_is_the_command(
    said: str, action: DictationAction
) -> None:
    assert heard_action(Heard(said)) is action


@pytest.mark.parametrize("said", ["I said that that was fine", "it was very very good"])
def test_a_word_twice_in_a_sentence_is_words(said: str) -> None:
    assert heard_action(Heard(said)) is None


def test_a_choice_taken_back_is_the_last_one() -> None:
    assert place_said("two no three", 4) == 3
    assert place_said("two sorry I mean four", 4) == 4
    assert place_said("two no nine", 4) is None


def test_a_command_taken_back_at_its_end_is_not_done() -> None:
    # "Reply to Sam no" replied to Sam.
    for said in ("reply to sam no", "reply to post five no", "like post two sorry"):
        assert INTERPRETER.command(Heard(said)).command is None, said
    assert INTERPRETER.command(Heard("no no no")).command == Command(Intent.NO)
