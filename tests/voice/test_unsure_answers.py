"""Unsure answers to a question before something others can see: never "Did you mean …?"
(a yes to that was the question's own yes), never an end to the session from a clipped
word. Through the real voice loop against the demo forum."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from tests.voice.test_assistant import first_topic_id, topic_posts
from tests.voice.test_likes import ASKED, first_post_likes
from voicepeer.commands.interpreter import Interpreter
from voicepeer.demo_forum import DemoForum
from voicepeer.recognition.base import Heard
from voicepeer.voice.state_commands import interpret_in
from voicepeer.voice.states import ASKING_CONSENT, State

TOPIC = "Walked to the end of the pier today"


@pytest.mark.parametrize("unsure", ["know wait", "not help", "ye", "by", "no hold on"])
def test_an_unsure_answer_asks_the_question_again_and_nothing_is_done(
    forum: DemoForum, data: Path, unsure: str
) -> None:
    # "Know wait" asked "Did you mean no or help?", and the yes to it liked the post; "ye"
    # was near "bye" and ended the session; "no hold on" paused it.
    before = first_post_likes(forum)
    lines = ["open topic one", "like this post", unsure, "where am I"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[2] == ASKED
    assert not any("Did you mean" in line for line in talk.said), talk.transcript
    again = "Like this post by Dave Whitfield? Please say yes or no."
    # With a no or yes among its words, how to answer so that it counts is said too.
    unclear = "I could not be sure of your answer. Say just yes, or just no, on its own. "
    first = f"{unclear}{again}" if unsure == "no hold on" else again
    assert talk.said[3:] == [first, f"You are reading {TOPIC}, post 1 of 4. {again}"]
    assert talk.assistant is not None and talk.assistant.state is State.LIKING
    assert first_post_likes(forum) == before


def test_kinds_of_no_together_are_a_no(forum: DemoForum, data: Path) -> None:
    # "Nope never mind" asked "Did you mean cancel or no?", and a yes posted the reply.
    topic_id = first_topic_id(forum)
    before = len(topic_posts(forum, topic_id))
    lines = ["open topic one", "reply", "thanks for sharing this with us all full stop"]
    lines += ["send it", "nope never mind", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2].startswith("All right, I have not posted it."), talk.transcript
    assert len(topic_posts(forum, topic_id)) == before


def test_no_question_before_something_public_offers_two_meanings() -> None:
    interpreter = Interpreter()
    for state in ASKING_CONSENT:
        for said in ("know wait", "not help", "nope never mind", "don't read it back", "ye"):
            found = interpret_in(state, Heard(said, 1.0), interpreter)
            assert not found.ambiguous, (state, said)
            assert found.command is None or found.command.intent.value in ("no", "cancel"), (
                state,
                said,
            )


CLEAR_NOES = ("no no", "no no no", "nah", "no way", "definitely not", "of course not")


def test_clear_noes_are_a_no_at_every_question_before_something_public() -> None:
    # They were asked again, over and over, as if unsure.
    interpreter = Interpreter()
    for state in ASKING_CONSENT:
        for said in CLEAR_NOES:
            found = interpret_in(state, Heard(said, 1.0), interpreter)
            assert found.command is not None, (state, said)
            assert found.command.intent.value == "no", (state, said)


def test_nah_at_the_like_question_likes_nothing(forum: DemoForum, data: Path) -> None:
    before = first_post_likes(forum)
    lines = ["open topic one", "like this post", "nah"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == "Not liked.", talk.transcript
    assert first_post_likes(forum) == before


@pytest.mark.parametrize("unclear", ["um yes", "y yes", "no yes", "er yes please"])
def test_an_answer_with_other_words_at_shall_i_post_it_asks_for_just_yes_or_no(
    forum: DemoForum, data: Path, unclear: str
) -> None:
    # They got "I did not add that to your reply: to add to it, say no, then say the words".
    topic_id = first_topic_id(forum)
    before = len(topic_posts(forum, topic_id))
    lines = ["open topic one", "reply", "thanks for sharing this with us all full stop"]
    lines += ["send it", unclear]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == (
        "I could not be sure of your answer. Say just yes, or just no, on its own. Shall I "
        "post your reply? Please say yes or no."
    ), talk.transcript
    assert len(topic_posts(forum, topic_id)) == before


def test_an_answer_only_near_a_no_with_no_no_in_it_is_asked_again() -> None:
    # "Definitely" and "of course" were near "definitely not", and "post post it" near
    # "don't post it": each was a no, where the person meant yes.
    interpreter = Interpreter()
    for state in ASKING_CONSENT:
        for said in ("definitely", "of course", "post post it"):
            found = interpret_in(state, Heard(said, 1.0), interpreter)
            assert found.command is None, (state, said, found)


def test_a_cancel_said_twice_at_shall_i_post_it_cancels_and_a_yes_twice_is_no_yes() -> None:
    # "Cancel cancel" got "I did not add that to your reply: to add to it, say no".
    interpreter = Interpreter()
    found = interpret_in(State.CONFIRMING, Heard("cancel cancel", 1.0), interpreter)
    assert found.command is not None and found.command.intent.value == "cancel"
    for state in ASKING_CONSENT:
        assert interpret_in(state, Heard("yes yes", 1.0), interpreter).command is None, state
