"""What voicepeer answers of what it cannot do from the forum: the time and day told as
people say them, and for the rest, the nearest thing it can do (it was "Sorry, I didn't
catch that"); through the real voice loop over loopback HTTP too."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.support.conversation import converse
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.beyond_reach import beyond_reach

TUESDAY_NOON = datetime(2024, 5, 14, 12, 5)


@pytest.mark.parametrize(
    ("hour", "said"),
    [
        (0, "12:05 in the morning"),
        (9, "9:05 in the morning"),
        (12, "12:05 in the afternoon"),
        (19, "7:05 in the evening"),
    ],
)
def test_the_time_is_said_on_a_twelve_hour_clock(hour: int, said: str) -> None:
    assert beyond_reach("what's the time", TUESDAY_NOON.replace(hour=hour), False) == (
        f"It is {said}."
    )


def test_the_day_and_date() -> None:
    assert beyond_reach("what day is it", TUESDAY_NOON, False) == "It is Tuesday, 14 May."


def test_who_is_online_names_who_is_here_in_a_topic() -> None:
    assert beyond_reach("who is online", TUESDAY_NOON, True) == (
        "I can't tell who is online. To hear who has written in this topic, say who is here."
    )


@pytest.mark.parametrize(
    ("said", "word"),
    [("what does rrms mean", "RRMS"), ("what's a lesion", "lesion"), ("what is mri", "MRI")],
)
def test_a_word_asked_about_is_offered_as_a_search(said: str, word: str) -> None:
    answer = beyond_reach(said, TUESDAY_NOON, False)
    assert answer is not None and answer.endswith(f"say search for {word}.")


@pytest.mark.parametrize("said", ["what is it", "what's up", "hello", "what time"])
def test_anything_else_is_left_alone(said: str) -> None:
    assert beyond_reach(said, TUESDAY_NOON, False) is None


def test_what_voicepeer_cannot_do_is_answered_with_what_it_can(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url,
        [
            "what time is it",
            "what day is it",
            "who's online",
            "what does RRMS mean",
            "what's a lesion",
        ],
        data,
    )
    clock, day, online, rrms, lesion = talk.said
    assert re.fullmatch(r"It is \d{1,2}:\d\d in the (morning|afternoon|evening)\.", clock)
    today = datetime.now().astimezone()
    days = {(today - timedelta(days=n)).strftime("%A") for n in (0, 1)}
    assert day.removeprefix("It is ").split(",")[0] in days
    assert online.startswith("I can't tell who is online.")
    assert rrms == (
        "I can't explain words. To hear what people here have written about RRMS, say "
        "search for RRMS."
    )
    assert lesion.endswith("say search for lesion.")
