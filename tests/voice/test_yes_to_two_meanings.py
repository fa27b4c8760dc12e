"""A yes to "Did you mean like or who wrote this?" picks neither: which one is asked, and the
question stays, named by "where am I", until a meaning is chosen."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from voicepeer.demo_forum import DemoForum

ASKED = ["open topic two", "next", "likes"]


def test_yes_to_two_meanings_asks_which_one(forum: DemoForum, data: Path) -> None:
    talk = converse(forum.base_url, [*ASKED, "yes"], data)
    assert talk.said[-2] == "Did you mean like or who wrote this?", talk.transcript
    assert talk.said[-1] == "Which one? Say like, or who wrote this."


def test_where_am_i_names_the_waiting_question_and_it_can_still_be_answered(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(forum.base_url, [*ASKED, "yes", "where am i", "the second one"], data)
    assert talk.said[-2] == (
        "You are reading Stable MRI for three years! (celebration), post 2 of 6. Did you mean "
        "like or who wrote this?"
    ), talk.transcript
    assert "Sam Okafor" in talk.said[-1] and "Did you mean" not in talk.said[-1]


def test_after_another_command_the_question_is_gone(forum: DemoForum, data: Path) -> None:
    talk = converse(forum.base_url, [*ASKED, "next", "where am i"], data)
    assert (
        talk.said[-1] == "You are reading Stable MRI for three years! (celebration), post 3 of 6."
    )
