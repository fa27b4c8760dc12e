"""Choosing a topic of the list by words of its title: which titles are about the words
said, and "the one about heat" through the voice loop against the real demo forum."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.topic_titles import titles_about

TITLES = [
    "Walked to the end of the pier today",
    "Heat sensitivity: surviving the summer with MS",
    "Using a walking stick for the first time",
    "Telling my employer about my MS",
]


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("heat", [1]),
        ("the walking sticks", [2]),  # an article and a plural: still the one meant
        ("MS", [1, 3]),  # as likely: both named, none opened
        ("zebras", []),
        ("the", []),
    ],
)
def test_the_titles_about_the_words(words: str, found: list[int]) -> None:
    assert sorted(titles_about(words, TITLES)) == found


def test_the_one_about_opens_names_or_says_to_search(forum: DemoForum, data: Path) -> None:
    # Said before any list was heard, the latest topics are the list.
    lines = ["the one about heat", "back", "the one about MS", "the one about zebras"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[0].startswith("Heat sensitivity: surviving the summer with MS, in ")
    # Said back as written: the voice read the heard "ms" as a word.
    assert talk.said[3].startswith("More than one is about MS. ")
    assert talk.said[3].endswith(" Say open topic and its number.")
    assert "Eight: Telling my employer about my MS" in talk.said[3]
    assert talk.said[4] == (
        "No topic in the topic list has zebras in its title. Say search for zebras to look on "
        "the whole forum."
    )


def test_the_one_about_in_ones_own_lists_says_to_choose_by_number(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic one", "bookmark this", "my bookmarks", "the one about the pier"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == "Say open and its number."
