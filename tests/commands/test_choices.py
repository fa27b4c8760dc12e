"""Choosing among named choices by the name said or the number alone."""

from __future__ import annotations

import pytest

from voicepeer.commands.choices import described, describes_a_choice, name_said, place_said

NAMES = ["Living with MS", "Newly diagnosed", "Treatments and medication", "Good news"]


@pytest.mark.parametrize(
    ("said", "index"),
    [
        ("good news", 3),
        ("Good News.", 3),
        ("the good news one please", 3),
        ("treatments", 2),
        ("medication", 2),
        ("newly diagnosed", 1),
        ("living with ms", 0),
        ("the one about living with ms", 0),
    ],
)
def test_a_name_said_whole_or_in_part_picks_it(said: str, index: int) -> None:
    assert name_said(said, NAMES) == index


@pytest.mark.parametrize(
    "said", ["", "the", "and", "with", "good morning", "my walking stick", "latest topics"]
)
def test_small_words_and_other_words_pick_nothing(said: str) -> None:
    assert name_said(said, NAMES) is None


def test_a_word_two_names_share_picks_neither() -> None:
    assert name_said("news", ["MS news", "Good news"]) is None
    assert name_said("good news", ["MS news", "Good news"]) == 1


@pytest.mark.parametrize(
    ("said", "place"),
    [
        ("two", 2),
        ("number two", 2),
        ("the second one", 2),
        ("fourth", 4),
        ("4", 4),
        # "One" is a word around choices too: alone, it was no number.
        ("one", 1),
        ("one please", 1),
    ],
)
def test_a_number_alone_picks_its_place(said: str, place: int) -> None:
    assert place_said(said, 4) == place


@pytest.mark.parametrize(
    "said", ["five", "zero", "the fifth", "good news", "two tired", "that one", "the one"]
)
def test_a_number_out_of_range_or_words_pick_no_place(said: str) -> None:
    assert place_said(said, 4) is None


DESCRIBED = [
    "Living with MS. Day-to-day life: energy, heat, work, home and everything in between.",
    "Newly diagnosed. Just been told, or waiting to be? Ask anything here: nobody minds.",
    "Treatments and medication. Experiences of DMTs, injections, infusions and scans.",
    "Good news. Wins of every size. Share them and let us cheer.",
]


@pytest.mark.parametrize(
    ("said", "fitting"),
    [
        ("the one about scans", [2]),
        ("the category for work", [0]),
        ("the one for people just told", [1]),
        ("the one with wins", [3]),
        # "New" is as much of "news" as of "newly": both are offered.
        ("the one for new people", [1, 3]),
        ("the one for my cat", []),
    ],
)
def test_a_choice_described_is_found_by_its_name_and_what_it_is_for(
    said: str, fitting: list[int]
) -> None:
    assert describes_a_choice(said)
    assert described(said, DESCRIBED) == fitting


@pytest.mark.parametrize(
    "said", ["tips for sleeping in the heat", "the one thing I wish I had known", "day one"]
)
def test_a_title_is_no_description_of_a_choice(said: str) -> None:
    assert not describes_a_choice(said)
