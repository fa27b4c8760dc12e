""" "Search for" and a pause: voicepeer asks what to look for and takes the next words on
their own, as a person who paused would say them. Against the real demo forum."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.questions import ASK_SEARCH_WORDS
from voicepeer.voice.searching import SEARCH_WORDS_HELP
from voicepeer.voice.states import State

FOUND = "1 topic about chips earned. One: Walked to the end of the pier"


def test_the_words_after_a_pause_are_what_is_looked_for(forum: DemoForum, data: Path) -> None:
    lines = ["search for", "chips earned", "how many did you find", "open topic one"]
    talk = converse(forum.base_url, lines, data)
    assert talk.said[0] == ASK_SEARCH_WORDS
    assert talk.said[1].startswith(FOUND)
    assert talk.said[2] == (
        "You are in the topics about chips earned, on topic 1 of 1: Walked to the end of the "
        "pier today."
    )
    assert talk.said[-1].startswith("Post 2 of 4, by Jo Baxter")


def test_the_whole_search_said_again_or_politely_looks_for_its_words(
    forum: DemoForum, data: Path
) -> None:
    again = converse(forum.base_url, ["search", "search for chips earned"], data)
    assert again.said[-1].startswith(FOUND)
    polite = converse(forum.base_url, ["look for", "chips earned please"], data)
    assert polite.said[-1].startswith(FOUND)
    # Said with words around it, at the question too: the forum looks for every word.
    around = converse(forum.base_url, ["search", "posts about chips earned"], data)
    assert around.said[-1].startswith(FOUND)


def test_a_search_said_with_a_stammer_or_trailing_off_looks_for_its_words(
    forum: DemoForum, data: Path
) -> None:
    # "Search search for …" looked for "search for chips earned", "… chips earned and" for
    # "and" too, and "can you" at the question for "can you" (8 topics).
    for lines in (["search search for chips earned"], ["search for chips earned and"]):
        talk = converse(forum.base_url, lines, data / str(len(lines[0])))
        assert talk.said[-1].startswith(FOUND), talk.transcript
    waiting = converse(forum.base_url, ["search for", "can you", "chips earned"], data / "w")
    assert waiting.said[1:] == [SEARCH_WORDS_HELP, waiting.said[2]]
    assert waiting.said[2].startswith(FOUND)


def test_a_search_asked_as_a_question_looks_for_its_words(forum: DemoForum, data: Path) -> None:
    # "Is anyone talking about chips earned" and "topics about …" were not understood.
    for index, said in enumerate(
        ("is anyone talking about chips earned", "topics about chips earned")
    ):
        talk = converse(forum.base_url, ["latest topics", said], data / str(index))
        assert talk.said[-1].startswith(FOUND), talk.transcript


def test_search_again_asks_for_the_new_words(forum: DemoForum, data: Path) -> None:
    # "Search again" looked for the word "again" and found nothing.
    talk = converse(
        forum.base_url,
        ["search for fatigue", "search again", "chips earned", "new search", "chips earned"],
        data,
    )
    assert talk.said[1] == ASK_SEARCH_WORDS
    assert talk.said[2].startswith(FOUND)
    assert talk.said[3] == ASK_SEARCH_WORDS
    assert talk.said[4].startswith(FOUND)


def test_nothing_to_look_for_is_asked_again_and_cancel_goes_back(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url,
        ["latest topics", "open topic one", "search for", "um", "read it back", "cancel", "next"],
        data,
    )
    asked = talk.said.index(ASK_SEARCH_WORDS)
    assert talk.said[asked + 1 : asked + 3] == [SEARCH_WORDS_HELP, SEARCH_WORDS_HELP]
    assert talk.said[asked + 3].startswith("No search. You are reading ")
    assert talk.said[-1].startswith("Post 2 of "), talk.said  # reading on where it was
    assert talk.assistant is not None and talk.assistant.state is State.READING


def test_nothing_found_goes_back_to_the_list(forum: DemoForum, data: Path) -> None:
    talk = converse(forum.base_url, ["latest topics", "search for", "zebra crossings"], data)
    # What to say next to try again: other words alone would be taken for a command.
    assert (
        talk.said[-1] == "I found nothing about zebra crossings. Say search for, and other words."
    )
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING


TOO_SHORT = "That is too short to search for: the forum needs a word of at least 3 characters."


def test_a_word_too_short_is_asked_for_again_where_the_words_were_asked_for(
    forum: DemoForum, data: Path
) -> None:
    # "MS" is shorter than a stock forum searches for: asked what to look for, the person
    # says only a longer word. Said with "search for", it is a command like any other, and
    # what comes next may be another command.
    asked = ["latest topics", "search for", "ms", "chips earned", "open topic one"]
    talk = converse(forum.base_url, asked, data)
    refused = talk.said.index(TOO_SHORT)
    assert talk.said[refused + 1] == "Say a longer word, like multiple sclerosis, or say cancel."
    assert talk.said[refused + 2].startswith(FOUND)
    left = converse(forum.base_url, ["open topic one", "search for", "ms", "cancel"], data)
    assert left.said[-1].startswith("No search. You are reading")
    said = converse(forum.base_url, ["search for ms", "latest topics"], data)
    assert said.said[-2] == "Say search for, and a longer word, like multiple sclerosis."
    assert "latest topics. One: " in said.said[-1]


def test_the_words_looked_for_are_said_back_as_written(forum: DemoForum, data: Path) -> None:
    # Heard in lower case, "ms" may be spoken "miss": said back as it is written.
    talk = converse(forum.base_url, ["search for ms nurse", "where am i"], data)
    assert talk.said[0].startswith("4 topics about MS nurse. One: ")
    assert talk.said[1].startswith("You are in the topics about MS nurse, on topic 1 of 4")
    nothing = converse(forum.base_url, ["search for mri zebra crossings"], data)
    assert nothing.said[-1].startswith("I found nothing about MRI zebra crossings.")


@pytest.mark.parametrize(
    ("said", "instead"),
    [
        ("search for ms", "a longer word, like multiple sclerosis"),
        ("search for ms uk", "a longer word, or another word with them"),
        ("search for MS UK", "a longer word, or another word with them"),
        ("search for ot", "a longer word, like occupational therapy"),
        ("search for ra", "a longer word, or ra with another word"),
    ],
)
def test_words_all_too_short_are_refused_before_asking(
    forum: DemoForum, data: Path, said: str, instead: str
) -> None:
    # "ms uk" is long enough as a whole, but a stock forum searches for no word in it: it
    # found "nothing about MS UK", as if the forum had none.
    talk = converse(forum.base_url, [said], data)
    assert talk.said[-2:] == [TOO_SHORT, f"Say search for, and {instead}."]


def test_what_a_short_word_is_said_with_is_found(forum: DemoForum, data: Path) -> None:
    # The way out offered for a word too short: a stock forum looks for "MS nurse", one
    # word of it long enough, and finds the posts with both.
    talk = converse(forum.base_url, ["search for", "ms", "ms nurse"], data)
    assert talk.said[-2] == "Say a longer word, like multiple sclerosis, or say cancel."
    assert talk.said[-1].startswith("4 topics about MS nurse. One: ")


@pytest.mark.parametrize("said", ["goodbye", "quit"])
def test_goodbye_at_what_to_look_for_ends_the_session(
    forum: DemoForum, data: Path, said: str
) -> None:
    # It was looked for: "I found nothing about goodbye", and the session went on.
    talk = converse(forum.base_url, ["search for", said], data)
    assert talk.said[-1] == "Goodbye. Your place is kept for next time.", talk.transcript
    assert talk.assistant is not None and talk.assistant.finished
