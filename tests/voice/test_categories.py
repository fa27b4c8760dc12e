"""'Categories': the forum's categories read as numbered choices, and the one chosen by its
name or number read as a topic list, through the real voice loop over loopback HTTP."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.seed_reading import add_subcategory

OFFER = (
    "4 categories. One: Living with MS: 5 topics. Two: Newly diagnosed: 4 topics. Three: "
    "Treatments and medication: 3 topics. Four: Good news: 2 topics. Say the name or the "
    "number of the one to hear, or say cancel."
)


def test_a_category_chosen_by_number_or_name_becomes_the_topic_list(
    forum: DemoForum, data: Path
) -> None:
    lines = [
        "what are the categories",
        "repeat",
        "two",
        "where am I",
        "open topic 2",
        "back",
        "categories",
        "good news",
    ]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[0] == OFFER
    assert talk.said[1] == OFFER
    newly = httpx.get(f"{forum.base_url}/c/newly-diagnosed/2.json").json()
    titles = [t["title"] for t in newly["topic_list"]["topics"]]
    assert talk.said[2].startswith(f"4 topics in Newly diagnosed. One: {titles[0]}, by ")
    assert talk.said[3] == (
        f"You are in the topics in Newly diagnosed, on topic 1 of 4: {titles[0]}."
    )
    assert talk.said[4].startswith(f"{titles[1]}, in Newly diagnosed.")
    assert talk.said[-3].startswith("Back to the topics in Newly diagnosed. Two: ")
    assert talk.said[-1].startswith(
        "2 topics in Good news, 1 with new posts. One: Walked to the end of the pier today"
    )


def test_cancel_another_answer_and_an_empty_category(forum: DemoForum, data: Path) -> None:
    add_subcategory(forum.store, "living-with-ms", "Fatigue")
    lines = ["latest", "categories", "the weather", "cancel", "categories", "five"]
    talk = converse(forum.base_url, lines, data)
    offer = talk.said[1]
    assert (
        offer.startswith("5 categories.")
        and "Five: Fatigue, in Living with MS: no topics." in offer
    )
    # Not a category: asked again, and nothing kept as a title (nothing is being started).
    assert talk.said[2] == (
        "Sorry, that is not one of them. Which category? Say its name or its number, or say cancel."
    )
    assert talk.said[3] == (
        "No category. You are in the topic list, on topic 1 of 14: Walked to the end of the "
        "pier today."
    )
    assert talk.said[-1] == "There are no topics in Fatigue yet."


def test_a_category_named_at_once_is_read_without_the_question(
    forum: DemoForum, data: Path
) -> None:
    lines = ["topics in good news", "what's new in the newly diagnosed category", "category 3"]
    lines += ["topics in gardening", "four"]
    talk = converse(forum.base_url, lines, data)
    assert talk.said[0].startswith("2 topics in Good news. One: Walked to the end of the pier")
    assert talk.said[1].startswith("4 topics in Newly diagnosed. One: ")
    assert talk.said[2].startswith("3 topics in Treatments and medication. One: ")
    # A name that fits none is said, and the categories offered.
    assert talk.said[3] == f"I found no category called gardening. {OFFER}"
    assert talk.said[4].startswith("2 topics in Good news.")


def test_from_the_persons_own_lists_cancel_goes_back_to_them(forum: DemoForum, data: Path) -> None:
    lines = ["latest", "open topic 2", "bookmark this", "my bookmarks", "categories", "cancel"]
    lines += ["where am I", "categories", "two", "where am I"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[6:8] == [
        "No category. Back to your bookmarks.",
        "You are in your bookmarks, on 1 of 1: Stable MRI for three years! (celebration).",
    ]
    assert talk.said[-2].startswith("4 topics in Newly diagnosed.")
    assert talk.said[-1].startswith("You are in the topics in Newly diagnosed, on topic 1")
