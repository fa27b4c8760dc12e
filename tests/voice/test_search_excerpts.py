"""A search's results are read with the sentence of each post that has the words looked
for, short, and a heading the forum ran into the text set apart from it."""

from __future__ import annotations

from pathlib import Path

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


def test_search_results_are_read_short_without_headings_run_in(
    forum: DemoForum, data: Path
) -> None:
    said = converse(forum.base_url, ["search for heat"], data).said[0]
    assert (
        "dave wrote: My neuro says it's Uhthoff's phenomenon: symptoms flaring with heat, then "
        "settling when I cool down. Two:"
    ) in said
    assert "Choosing a treatment This" not in said
    after_ruth = said.split("ruth wrote: ")[1].split(" Say open topic")[0]
    assert "heat" in after_ruth and len(after_ruth.split()) <= SENTENCE_WORDS
