"""Where voicepeer asks for a few words (whom to write to, a title, what to look for), the
everyday ways of declining ("never mind", "go back", "no") leave the question as "cancel"
does, "where am I" asks where the person is, and "repeat" asks the question again: nobody
means them as a name, a title or a search; nor "help" or "what do I say", which say how
to answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.states import State

WHERE = "You are in the topic list, on topic 1 of "


@pytest.mark.parametrize("leaving", ["never mind", "go back", "no"])
@pytest.mark.parametrize(
    ("asked", "left"),
    [
        (["message"], "Message cancelled. "),
        (["start a new topic", "number one"], "New topic cancelled. "),
        (["search for"], "No search. "),
    ],
)
def test_declining_leaves_the_question(
    forum: DemoForum, data: Path, asked: list[str], left: str, leaving: str
) -> None:
    talk = converse(
        forum.base_url, ["latest topics", *asked, leaving], data, credentials=signed_in(forum)
    )
    assert talk.said[-1].startswith(left + WHERE), talk.said
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING


@pytest.mark.parametrize(
    ("asked", "question"),
    [
        (["message"], "Who would you like to write to? Say their name, or say cancel."),
        (["start a new topic", "number one"], "Say the title, or say cancel."),
        (["search for"], "What shall I look for? Say the words, or say cancel."),
    ],
)
def test_where_am_i_says_where_and_asks_again(
    forum: DemoForum, data: Path, asked: list[str], question: str
) -> None:
    talk = converse(
        forum.base_url, ["latest topics", *asked, "where am i"], data, credentials=signed_in(forum)
    )
    assert talk.said[-1].startswith("You are ") and talk.said[-1].endswith(question)
    assert talk.assistant is not None and talk.assistant.state is not State.BROWSING


@pytest.mark.parametrize("again", ["repeat", "say that again"])
@pytest.mark.parametrize(
    ("asked", "state"),
    [
        (["message"], State.NAMING),
        (["start a new topic", "number one"], State.TITLING),
        (["search for"], State.SEARCHING),
    ],
)
def test_repeat_says_the_question_again(
    forum: DemoForum, data: Path, asked: list[str], state: State, again: str
) -> None:
    # Nobody is called "repeat", and nobody looks for it: it was looked up as a name.
    talk = converse(
        forum.base_url, ["latest topics", *asked, again], data, credentials=signed_in(forum)
    )
    assert talk.said[-1] == talk.said[-2], talk.said
    assert talk.assistant is not None and talk.assistant.state is state


@pytest.mark.parametrize(
    "asking",
    ["help", "what do i say", "what can i do here", "what should the title be", "i don't know"],
)
@pytest.mark.parametrize(
    ("asked", "answer", "state"),
    [
        (["message"], "Say their name, or spell it. Or say cancel.", State.NAMING),
        (
            ["start a new topic"],
            "Say the name of the category, like Living with MS, or its number. Or say cancel.",
            State.CATEGORY,
        ),
        (
            ["start a new topic", "number one"],
            "Say a few words that tell people what it is about, like: tips for hot weather. "
            "Or say cancel.",
            State.TITLING,
        ),
        (
            ["search for"],
            "Say what to look for, for example: heat. Or say cancel.",
            State.SEARCHING,
        ),
    ],
)
def test_asking_for_help_says_how_to_answer(
    forum: DemoForum, data: Path, asked: list[str], answer: str, state: State, asking: str
) -> None:
    # "What do I say" was taken as a title, looked for, or looked up as a name.
    talk = converse(
        forum.base_url, ["latest topics", *asked, asking], data, credentials=signed_in(forum)
    )
    assert talk.said[-1] == answer
    assert talk.assistant is not None and talk.assistant.state is state
