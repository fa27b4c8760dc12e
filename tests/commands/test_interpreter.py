"""The interpreter's acceptance rules on text: what wakes voicepeer, and when everyday
wording is taken as a command (the matching of phrasings is in test_matcher.py)."""

from __future__ import annotations

import pytest

from voicepeer.commands import Command, Intent
from voicepeer.commands.interpreter import ASLEEP, Interpreter
from voicepeer.commands.matcher import Interpretation, MatcherThresholds
from voicepeer.recognition.base import Heard, switch_press

INTERPRETER = Interpreter()


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("wake up", Intent.WAKE),
        ("start listening", Intent.WAKE),
        ("wake up please", Intent.WAKE),
        ("okay wake up", Intent.WAKE),
        ("resume", Intent.RESUME),
        ("please resume", Intent.RESUME),
        # Its name called: "voicepeer wake up" had not woken it.
        ("hey voicepeer", Intent.WAKE),
        ("voicepeer wake up", Intent.WAKE),
        # Coming back: left unanswered, the person could not tell whether it heard them.
        ("i'm back", Intent.RESUME),
        ("sorry I'm back", Intent.RESUME),
        ("ok I'm back now", Intent.RESUME),
    ],
)
def test_asleep_what_voicepeer_said_would_wake_it_does(text: str, intent: Intent) -> None:
    assert INTERPRETER.command(Heard(text), ASLEEP).command == Command(intent)


@pytest.mark.parametrize(
    "talk",
    [
        # Words whose meaning the state decides, everyday wording and other phrasings of
        # resuming: said to someone in the room as often as to voicepeer.
        "carry on",
        "carry on reading",
        "continue",
        "go on",
        "keep going",
        "where was i",
        "read it",
        "next post",
        "reply",
        # Near misses of "wake up".
        "make up",
        "take up",
        # Its name in talk about it.
        "is that voicepeer",
        "ask voicepeer",
    ],
)
def test_asleep_nothing_else_wakes_voicepeer(talk: str) -> None:
    assert INTERPRETER.command(Heard(talk), ASLEEP).command is None
    assert INTERPRETER.command(Heard(talk), {Intent.WAKE}).command is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("where was i", Intent.WHERE),
        ("um where am I", Intent.WHERE),
        ("carry on", Intent.RESUME),
        ("continue please", Intent.RESUME),
    ],
)
def test_asleep_where_was_i_and_carry_on_are_asked_of_voicepeer(text: str, intent: Intent) -> None:
    assert INTERPRETER.asked_asleep(Heard(text)) is intent


@pytest.mark.parametrize("talk", ["hello", "yes this is she", "go on", "where is it", "resume"])
def test_asleep_talk_and_what_wakes_are_asked_nothing_else(talk: str) -> None:
    assert INTERPRETER.asked_asleep(Heard(talk)) is None


def test_asleep_where_was_i_that_another_pass_heard_otherwise_is_not_asked() -> None:
    forced = Heard("where was i", 0.8, passes=("what forty i'm",))
    assert INTERPRETER.asked_asleep(forced) is None


def test_asleep_the_recognizer_takes_where_was_i_and_carry_on() -> None:
    book = INTERPRETER.phrasebook({"sleeping": ASLEEP})
    assert book.commands["sleeping"].accepts("where was i")
    assert book.commands["sleeping"].accepts("carry on")
    assert not book.commands["sleeping"].accepts("yes this is she")
    assert not book.commands[""].accepts("yes this is she")


def test_asleep_the_caregivers_wake_alias_wakes_it() -> None:
    interpreter = Interpreter({"hello computer": Intent.WAKE})
    assert interpreter.command(Heard("hello computer"), ASLEEP).command == Command(Intent.WAKE)


def test_how_strictly_asleep_hears_comes_from_its_threshold() -> None:
    lenient = Interpreter(thresholds=MatcherThresholds(wake_min_score=80.0))
    for near_miss in ("make up", "take up"):
        assert lenient.command(Heard(near_miss), ASLEEP).command == Command(Intent.WAKE)
    assert INTERPRETER.command(Heard("wake up", confidence=0.1), ASLEEP).command is None


def test_a_press_of_the_yes_switch_wakes_voicepeer_and_is_no_other_command() -> None:
    press = switch_press()
    assert INTERPRETER.command(press, ASLEEP) == Interpretation(Command(Intent.WAKE), 1.0)
    # Awake, a press is not "yes" taken as a command, nor anything else.
    assert INTERPRETER.command(press, READING).command is None
    assert INTERPRETER.command(press).command is None


READING = {Intent.NEXT, Intent.PREVIOUS, Intent.REPEAT, Intent.RESUME, Intent.READ, Intent.OPEN}


def test_a_command_the_free_reading_also_heard_is_taken() -> None:
    heard = Heard("next post", 0.8, passes=("next",))
    assert INTERPRETER.command(heard, READING).command == Command(Intent.NEXT)


@pytest.mark.parametrize(
    ("forced", "free", "intent"),
    [
        # Everyday wording the recognizer does not know, forced onto the card's words.
        ("where was i", "what forty i'm", Intent.RESUME),
        ("read the topic", "any not again", Intent.READ),
        # Room talk.
        ("previous topic", "please", Intent.PREVIOUS),
    ],
)
def test_a_command_the_free_reading_did_not_hear_is_asked_about(
    forced: str, free: str, intent: Intent
) -> None:
    verdict = INTERPRETER.command(Heard(forced, 0.8, passes=(free,)), READING)
    assert verdict.command is None and verdict.ambiguous == (intent,)


def test_passes_hearing_different_topic_numbers_are_asked_about() -> None:
    verdict = INTERPRETER.command(Heard("topic eighty two", 0.8, passes=("topic eight",)), READING)
    assert verdict.command is None and verdict.ambiguous == (Intent.OPEN,)
    same = INTERPRETER.command(Heard("open topic eight", 0.8, passes=("topic eight",)), READING)
    assert same.command == Command(Intent.OPEN, {"number": 8})


def test_typed_text_and_a_pass_that_heard_nothing_need_no_confirmation() -> None:
    assert INTERPRETER.command(Heard("next"), READING).command == Command(Intent.NEXT)
    assert INTERPRETER.command(Heard("next", passes=("",)), READING).command == Command(Intent.NEXT)


def test_asleep_every_pass_must_hear_a_wake_phrase() -> None:
    assert INTERPRETER.command(Heard("wake up", passes=("wake up please",)), ASLEEP).command
    forced = INTERPRETER.command(Heard("wake up", passes=("make a cup",)), ASLEEP)
    assert forced.command is None and forced.ambiguous == ()


@pytest.mark.parametrize("lone_word", ["volume", "volume please", "repeater", "previously"])
def test_a_lone_word_only_close_to_a_phrasing_is_no_command(lone_word: str) -> None:
    assert INTERPRETER.matcher.interpret(Heard(lone_word), READING | {Intent.LOUDER}).command
    assert INTERPRETER.command(Heard(lone_word), READING | {Intent.LOUDER}).command is None


def test_a_lone_word_of_the_card_and_a_near_longer_phrasing_are_taken() -> None:
    assert INTERPRETER.command(Heard("next"), READING).command == Command(Intent.NEXT)
    near = INTERPRETER.command(Heard("go to the next posts"), READING)
    assert near.command == Command(Intent.NEXT)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("continue reading", Intent.RESUME),
        ("resume reading", Intent.RESUME),
        ("time to wake up", Intent.WAKE),
        ("start listening again", Intent.WAKE),
    ],
)
def test_asleep_wake_and_resume_phrasings_naming_voicepeer_wake_it(
    text: str, intent: Intent
) -> None:
    assert INTERPRETER.command(Heard(text), ASLEEP).command == Command(intent)


def test_a_free_reading_of_only_empty_words_does_not_count_against_a_command() -> None:
    # The free model also hears everyday wording: a short "back" came out as "the".
    allowed = {Intent.BACK, Intent.NEXT}
    heard = Heard("back", passes=("the",))
    assert INTERPRETER.command(heard, allowed).command == Command(Intent.BACK)
    disagreeing = Heard("back", passes=("the end",))
    assert INTERPRETER.command(disagreeing, allowed).command is None


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("fatigue", "fatigue"),
        ("cooling vests please", "cooling vests"),
        ("search for cooling vests", "cooling vests"),  # the whole search said again
        ("look for heat", "heat"),
        ("um", ""),
        ("search", ""),
    ],
)
def test_the_words_of_a_search_said_on_their_own(said: str, words: str) -> None:
    assert INTERPRETER.search_words(Heard(said)) == words


def test_only_a_command_said_word_for_word_counts_as_one() -> None:
    assert INTERPRETER.word_for_word(Heard("go back")) is Intent.BACK
    assert INTERPRETER.word_for_word(Heard("never mind"), {Intent.CANCEL}) is Intent.CANCEL
    assert INTERPRETER.word_for_word(Heard("go back"), {Intent.CANCEL}) is None
    assert INTERPRETER.word_for_word(Heard("never mine"), {Intent.CANCEL}) is None  # near
