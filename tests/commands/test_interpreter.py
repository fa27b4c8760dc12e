"""The interpreter's acceptance rules on text: what wakes voicepeer, and when everyday
wording is taken as a command (the matching of phrasings is in test_matcher.py)."""

from __future__ import annotations

import pytest

from voicepeer.commands import Command, Intent
from voicepeer.commands.interpreter import ASLEEP, Interpreter
from voicepeer.commands.matcher import MatcherThresholds
from voicepeer.recognition.base import Heard

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
        "i'm back",
        "read it",
        "next post",
        "reply",
        # Near misses of "wake up".
        "make up",
        "take up",
    ],
)
def test_asleep_nothing_else_wakes_voicepeer(talk: str) -> None:
    assert INTERPRETER.command(Heard(talk), ASLEEP).command is None
    assert INTERPRETER.command(Heard(talk), {Intent.WAKE}).command is None


def test_asleep_the_caregivers_wake_alias_wakes_it() -> None:
    interpreter = Interpreter({"hello computer": Intent.WAKE})
    assert interpreter.command(Heard("hello computer"), ASLEEP).command == Command(Intent.WAKE)


def test_how_strictly_asleep_hears_comes_from_its_threshold() -> None:
    lenient = Interpreter(thresholds=MatcherThresholds(wake_min_score=80.0))
    for near_miss in ("make up", "take up"):
        assert lenient.command(Heard(near_miss), ASLEEP).command == Command(Intent.WAKE)
    assert INTERPRETER.command(Heard("wake up", confidence=0.1), ASLEEP).command is None
