""" "How long is this" and "how much is left": how long the post being read is, what is left
of it and of the topic; real voice loop, typed, against the demo forum."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.key_press import KeyPressedDuring
from tests.support.members import signed_in
from tests.voice.test_long_posts import OPEN_LETTER, STOPPED_AT
from voicepeer.demo_forum import DemoForum
from voicepeer.speech.printed import PrintedSpeech


@pytest.mark.parametrize("asked", ["how long is this", "how long is this post", "how much is left"])
def test_a_short_post_heard_to_its_end(forum: DemoForum, data: Path, asked: str) -> None:
    # "How long is this" was answered as "who wrote this"; "how much is left" not at all.
    talk = converse(forum.base_url, ["open topic one", asked], data)
    assert talk.said[-1] == (
        "This post takes less than a minute to hear. You have heard all of it. After it, 3 more "
        "posts in this topic."
    )


def test_a_long_post_stopped_part_way(forum: DemoForum, data: Path) -> None:
    speech = KeyPressedDuring([STOPPED_AT])
    converse(forum.base_url, [*OPEN_LETTER, "how much is left"], data, speech=speech.tracked)
    said = [line.removeprefix(PrintedSpeech.PREFIX) for line in speech.out.getvalue().splitlines()]
    answer = said[-1]
    assert answer.startswith("This post takes about 13 minutes to hear. About ")
    left = int(answer.split("About ")[1].split()[0])
    assert 1 <= left < 13
    assert answer.endswith(" minutes of it left. After it, 2 more posts in this topic.")


def test_at_the_topic_list_it_says_how_many_topics_are_left(forum: DemoForum, data: Path) -> None:
    # It said only the place: "You are in the topic list, on topic 1 of 14".
    talk = converse(
        forum.base_url,
        ["latest topics", "how much is left", "next", "next", "how long is this"],
        data,
    )
    assert talk.said[1] == "9 more topics after the 5 you have heard. Say next to hear them."
    assert talk.said[-1] == (
        "You have heard all 14 topics in this list. Say open topic and a number."
    )


def test_before_any_list_it_says_where_the_person_is(forum: DemoForum, data: Path) -> None:
    talk = converse(forum.base_url, ["how much is left"], data)
    assert talk.said[-1] == "You are at the start. Say latest topics."


def test_while_writing_it_says_how_long_the_reply_is(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", "thank you for this it helps a lot", "how long is this"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == (
        "You are writing a reply to Walked to the end of the pier today. It has 8 words so "
        "far. Go on with your reply, or say send it."
    )
