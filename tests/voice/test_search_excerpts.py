"""A search's results are read with the sentence of each post that has the words looked
for, short, and a heading the forum ran into the text set apart from it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.search_excerpts import EXCERPT_WORDS, SENTENCE_WORDS, found_words


@pytest.mark.parametrize(
    ("blurb", "query", "said"),
    [
        # A stock forum's blurb runs a heading into the paragraph after it.
        (
            "… pass when the cause passes. Choosing a treatment This was the hardest part "
            "for me. I was given three …",
            "hardest",
            "This was the hardest part for me.",
        ),
        (
            "… my legs go to jelly. My neuro says it's heat, then it settles. What do you "
            "all do? Hot face.",
            "heat",
            "My neuro says it's heat, then it settles. What do you all do? Hot face.",
        ),
        # The words only in the title: the first whole sentence.
        (
            "… ends here. Cooling vests help. They are cheap.",
            "summer",
            "Cooling vests help. They are cheap.",
        ),
        # The forum cut the sentence with the words: "…" says so.
        (
            "… cold showers and fans help with heat",
            "heat",
            "… cold showers and fans help with heat",
        ),
        ("Heat wipes me out and then I …", "heat", "Heat wipes me out and then I …"),
    ],
)
def test_the_sentence_with_the_words_looked_for_is_said(blurb: str, query: str, said: str) -> None:
    assert found_words(blurb, query) == said


def test_a_long_sentence_is_cut_around_the_words_looked_for() -> None:
    words = [f"word{n}" for n in range(SENTENCE_WORDS * 2)]
    words[40] = "heated"
    said = found_words(" ".join(words) + ".", "heat").split()
    assert said[0] == "…" and said[-1] == "…"
    assert "heated" in said and len(said) == EXCERPT_WORDS + 2


def test_search_results_are_named_by_title_and_one_stepped_to_says_its_words(
    forum: DemoForum, data: Path
) -> None:
    said = converse(forum.base_url, ["search for heat", "next", "previous"], data).said
    # Named together, a title each: a piece of every post in one go was too much to hold.
    assert said[0] == (
        "2 topics about heat. One: Heat sensitivity: surviving the summer with MS. Two: My "
        "first year with MS: a long letter to anyone newly diagnosed. Say open topic and a number."
    )
    after_ruth = said[1].split("ruth wrote: ")[1].removesuffix(" Say read to open it.")
    assert "heat" in after_ruth and len(after_ruth.split()) <= SENTENCE_WORDS
    assert "Choosing a treatment" not in after_ruth
    assert said[2] == (
        "One: Heat sensitivity: surviving the summer with MS. dave wrote: My neuro says it's "
        "Uhthoff's phenomenon: symptoms flaring with heat, then settling when I cool down. "
        "Say read to open it."
    )


def test_a_list_item_found_is_said_on_its_own(forum: DemoForum, data: Path) -> None:
    # The forum's plain text runs list items together ("Cold flannel on the back of the
    # neck Frozen grapes as a snack ..."): the post itself has them apart.
    said = converse(forum.base_url, ["search for fan", "next"], data).said
    assert said[1] == (
        "Two: Heat sensitivity: surviving the summer with MS. mei wrote: Item four: A small "
        "USB fan clipped to the wheelchair. Say read to open it."
    )


def test_without_the_post_the_forums_excerpt_is_said(forum: DemoForum, data: Path) -> None:
    found = httpx.get(f"{forum.base_url}/search.json", params={"q": "fan"}).json()["posts"]
    mei = next(p for p in found if p["username"] == "mei")
    forum.faults.malform(f"/posts/{mei['id']}.json", "html")
    talk = converse(forum.base_url, ["search for fan", "next", "open topic two"], data)
    assert talk.said[1].startswith(
        "Two: Heat sensitivity: surviving the summer with MS. mei wrote: "
    )
    assert "A small USB fan clipped to the wheelchair." in talk.said[1]
    opened = [line for line in talk.said[2:] if line.startswith("Heat sensitivity: ")]
    assert opened, talk.said  # opening it still works
