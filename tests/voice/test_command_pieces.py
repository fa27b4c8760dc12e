"""Commands said in pieces, with a long pause between them ("open" … "topic three"), and
commands that trail off ("open the"): typed sessions through the real voice loop against
the real demo forum. The first piece was "Sorry, I didn't catch that" and the second
meant nothing alone: the person had to start over."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.settings import VoiceSettings

TOPIC_THREE = "Hello from a new member, in Living with MS."
WHICH_ONE = "Open which one? Say its number."
GO_ON = "Yes? Go on."


@pytest.mark.parametrize(("first", "then"), [("open", "three"), ("open topic", "three")])
def test_an_open_said_in_two_pieces_opens(
    forum: DemoForum, data: Path, first: str, then: str
) -> None:
    said = converse(forum.base_url, ["latest", first, then], data).said
    assert said[1] == WHICH_ONE
    assert said[2].startswith(TOPIC_THREE)


@pytest.mark.parametrize("trailing", ["open the", "open a", "open the one", "open the um"])
def test_an_open_that_trails_off_asks_which_one(
    forum: DemoForum, data: Path, trailing: str
) -> None:
    # It opened the topic the list had reached: topic 1, or after "next" topic 6.
    said = converse(forum.base_url, ["latest", "next", trailing, "three"], data).said
    assert said[2] == WHICH_ONE
    assert said[3].startswith(TOPIC_THREE)


def test_read_the_and_go_to_at_a_list_do_nothing_yet(forum: DemoForum, data: Path) -> None:
    said = converse(forum.base_url, ["latest", "read the", "latest", "go to"], data).said
    assert said[1] == WHICH_ONE
    assert said[3] == "Yes? Take your time."  # "go to" went on to the next topics


def test_an_open_of_a_notification_that_trails_off_asks(forum: DemoForum, data: Path) -> None:
    lines = ["notifications", "open the", "one"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-3] == WHICH_ONE
    assert said[-2].startswith("Checking in after your first week")


def test_politeness_alone_waits_for_the_command(forum: DemoForum, data: Path) -> None:
    said = converse(forum.base_url, ["latest", "can you", "read it"], data).said
    assert said[1] == "Yes? Take your time."
    assert said[2].startswith("Walked to the end of the pier today, in Good news.")


@pytest.mark.parametrize(
    ("first", "then", "outcome"),
    [
        ("new", "topic", "Which category is your topic for?"),
        ("start a", "new topic", "Which category is your topic for?"),
        ("new topic in", "good news", "A new topic in Good news."),
        ("the one about", "the pier", "Walked to the end of the pier today, in Good news."),
        ("how do I", "reply", "Say reply while a post is being read."),
    ],
)
def test_commands_at_the_list_said_in_two_pieces(
    forum: DemoForum, data: Path, first: str, then: str, outcome: str
) -> None:
    lines = ["latest", first, then]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[1] == GO_ON
    assert said[2].startswith(outcome)


def test_a_new_topic_about_said_in_pieces_keeps_its_title(forum: DemoForum, data: Path) -> None:
    lines = ["latest", "new topic about", "cooling vests in summer", "living with ms"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-2].startswith("A new topic in Living with MS")
    assert said[-1].startswith("The title is: Cooling vests in summer.")


@pytest.mark.parametrize(
    ("topic", "first", "then", "outcome"),
    [
        ("two", "reply to", "priya", "Replying to Priya Nair in"),
        # "Reply to post" was a reply to someone called Post.
        ("one", "reply to post", "three", "Post 3 of 4, by Sam Okafor."),
        ("one", "go to post", "two", "Post 2 of 4, by Jo Baxter"),
        ("one", "mark", "as read", "Mark all of Walked to the end of the pier today as read"),
    ],
)
def test_commands_while_reading_said_in_two_pieces(
    forum: DemoForum, data: Path, topic: str, first: str, then: str, outcome: str
) -> None:
    lines = [f"open topic {topic}", first, then]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[2] == GO_ON
    assert said[3].startswith(outcome)


def test_mark_as_then_read_does_not_read_the_post_again(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "mark as", "read"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-1].startswith("Mark all of Walked to the end of the pier today as read")
    assert sum(line.startswith("Post 1 of 4") for line in said) == 1


def test_a_like_said_in_pieces_still_asks_first(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "like post", "three", "no"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[2:] == [
        "Like which post? Say its number.",
        "Post 3 of 4, by Sam Okafor.",
        "Like this post by Sam Okafor? Say yes or no.",
        "Not liked.",
    ]


@pytest.mark.parametrize(("first", "answer"), [("delete my", "yes"), ("mark as", "yeah")])
def test_a_yes_to_go_on_asks_for_the_rest_again(
    forum: DemoForum, data: Path, first: str, answer: str
) -> None:
    # Joined, "delete my" … "yes" was near "delete my post" and asked to delete it.
    lines = ["open topic one", first, answer]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-2:] == [GO_ON, GO_ON]


def test_say_that_again_in_pieces_repeats_what_came_before(forum: DemoForum, data: Path) -> None:
    said = converse(forum.base_url, ["latest", "say that", "again"], data).said
    assert said[1] == GO_ON and said[2] == said[0]


def test_a_second_piece_that_joins_nothing_is_taken_alone(forum: DemoForum, data: Path) -> None:
    lines = ["latest", "open", "wibble", "open topic one", "mark", "like this post", "no"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[1:3] == [WHICH_ONE, "Sorry, I didn't catch that."]
    assert said[-3:] == [GO_ON, "Like this post by Dave Whitfield? Say yes or no.", "Not liked."]


def test_while_writing_a_beginning_is_words(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", "open", "three", "read it back"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-1] == "Your reply says: Open three"
    assert WHICH_ONE not in said


def test_nothing_kept_joins_into_an_answer(forum: DemoForum, data: Path) -> None:
    # At the question before a like, "open" is no beginning kept: the yes after it is the
    # answer, and the like is made; nothing kept before the question joins into it.
    lines = ["open topic one", "mark", "like this post", "open", "yes"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert WHICH_ONE not in said
    assert said[-1] == "You liked this post by Dave Whitfield."


def test_a_beginning_is_kept_only_a_while(forum: DemoForum, data: Path) -> None:
    settings = VoiceSettings(greeting=False, command_piece_kept_s=0.05)
    lines = ["latest", "open", "three"]
    said = converse(
        forum.base_url, lines, data, settings=settings, before_line={2: lambda: time.sleep(0.2)}
    ).said
    assert said[1:] == [WHICH_ONE, "To open number three, say open three."]
    never = VoiceSettings(greeting=False, command_piece_kept_s=0)
    said = converse(forum.base_url, ["latest", "open"], data / "never", settings=never).said
    assert said[-1] == "Sorry, I didn't catch that."
