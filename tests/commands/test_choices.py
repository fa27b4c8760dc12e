"""Choosing among named choices by the name said or the number alone."""

from __future__ import annotations

import pytest

from voicepeer.commands.choices import name_said, place_said

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
