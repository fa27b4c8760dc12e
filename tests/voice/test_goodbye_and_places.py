"""Ending a session by voice, and the place kept across restarts as "pause" promises.

Each ``converse`` call is a fresh Assistant over the same data folder, as after switching the
computer off and on: real demo forum over loopback, real on-disk places, drafts and outbox.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from tests.support.voicepeer_run import run_voicepeer
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.settings import VoiceSettings
from voicepeer.voice.states import State

REPLY = "thank you for this it helps a lot to know I am not alone"


@pytest.mark.parametrize(
    "goodbye", ["goodbye", "quit voicepeer", "Stop voicepeer.", "turn off voicepeer"]
)
def test_goodbye_ends_the_session_at_once_without_an_unsent_reply(
    forum: DemoForum, data: Path, goodbye: str
) -> None:
    talk = converse(
        forum.base_url, ["latest topics", goodbye, "open topic one"], data, settings=VoiceSettings()
    )
    assert "Say resume" not in talk.said[0]  # nothing read yet, so nothing to go back to
    assert talk.said[-1] == "Goodbye. Your place is kept for next time."
    assert not any(
        "Walked to the end of the pier today" in line and "Post" in line for line in talk.said
    )  # "open topic one" was never heard
    assert talk.assistant is not None and talk.assistant.finished


def test_goodbye_with_an_unsent_reply_asks_first_and_keeps_the_draft(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "reply",
            REPLY,
            "goodbye",
            "quit voicepeer",
            "no",
            "read it back",
            "quit voicepeer",
            "yes",
            "latest topics",
        ],
        data,
        credentials=signed_in(forum),
    )
    said = talk.transcript
    # A lone "goodbye" while dictating may be part of the reply: it is text.
    assert "Your reply is not posted yet. It stays saved either way" in said
    assert "All right, I am staying." in said
    assert (
        "Your reply says: Thank you for this it helps a lot to know I am not alone goodbye" in said
    )
    assert talk.said[-1] == "Goodbye. Your reply is saved. Your place is kept for next time."
    again = converse(
        forum.base_url, ["open topic one", "reply"], data, credentials=signed_in(forum)
    )
    assert any("You have a saved reply" in line and "not alone" in line for line in again.said)


def test_stop_said_to_shall_i_stop_now_says_how_to_answer(forum: DemoForum, data: Path) -> None:
    # "Stop" only stops voicepeer speaking: the question says which answer stops the session.
    lines = ["open topic one", "reply", REPLY, "goodbye voicepeer", "stop", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2] == (
        "Stopped. Shall I stop now? Your reply stays saved. Say yes to stop, or no to go on."
    )
    assert talk.said[-1] == "Goodbye. Your reply is saved. Your place is kept for next time."


def test_never_mind_to_shall_i_stop_now_stays(forum: DemoForum, data: Path) -> None:
    # It was "Never mind does nothing here": a no in other words, and staying loses nothing.
    lines = ["open topic one", "reply", REPLY, "goodbye voicepeer", "never mind", "send it"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2] == "All right, I am staying. Go on with your reply, or say send it."
    assert talk.said[-1].startswith("Your reply says: Thank you for this")
    assert talk.assistant is not None and talk.assistant.state is State.CONFIRMING


def test_goodbye_while_asked_to_post_says_no_and_never_posts(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", REPLY, "send it", "goodbye", "yes"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.assistant is not None and talk.assistant.state is State.QUITTING
    assert "is posted" not in talk.transcript
    again = converse(
        forum.base_url, ["open topic one", "reply"], data, credentials=signed_in(forum)
    )
    assert any("You have a saved reply" in line for line in again.said)


def test_goodbye_naming_voicepeer_while_writing_a_new_message_asks_first_and_keeps_it(
    forum: DemoForum, data: Path
) -> None:
    # Said while writing a new message, it had been taken as words of the message; then it
    # ended the session at once, where a reply asks first.
    writing = ["message sam", "yes", "Lunch next week", "Would you like to meet for lunch"]
    lines = [*writing, "goodbye voicepeer", "where am I", "no", "goodbye voicepeer", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    asked = (
        "Your message to Sam Okafor is not sent yet. It stays saved either way: say message "
        "Sam Okafor next time to go on with it. Shall I stop now? Say yes or no."
    )
    assert talk.said[-5:] == [
        asked,
        "You are writing a message to Sam Okafor. It has 7 words so far. Shall I stop now? "
        "Your message stays saved. Say yes to stop, or no to go on.",
        "All right, I am staying. Go on with your message, or say send it.",
        asked,
        "Goodbye. Your message is saved: say message Sam Okafor to come back to it. Your "
        "place is kept for next time.",
    ]
    again = converse(forum.base_url, ["my drafts"], data, credentials=signed_in(forum))
    assert "Would you like to meet for lunch." in again.said[0]
    assert "goodbye" not in again.said[0].lower()


@pytest.mark.parametrize("asked", [["message"], ["search for"], ["message sam", "yes"]])
def test_goodbye_naming_voicepeer_ends_a_question_for_words_at_once(
    forum: DemoForum, data: Path, asked: list[str]
) -> None:
    talk = converse(forum.base_url, [*asked, "quit voicepeer"], data, credentials=signed_in(forum))
    assert talk.said[-1] == "Goodbye. Your place is kept for next time."


@pytest.mark.parametrize(
    "asked",
    [["message sam"], ["new topic"], ["open topic one", "reply", REPLY, "cancel", "my drafts"]],
)
def test_goodbye_in_the_drafts_or_choosing_whom_to_write_to_or_a_category_ends_at_once(
    forum: DemoForum, data: Path, asked: list[str]
) -> None:
    talk = converse(forum.base_url, [*asked, "goodbye"], data, credentials=signed_in(forum))
    assert talk.said[-1] == "Goodbye. Your place is kept for next time."
    assert talk.assistant is not None and talk.assistant.finished


def test_goodbye_while_asked_to_post_a_new_topic_asks_first_and_posts_nothing(
    forum: DemoForum, data: Path
) -> None:
    writing = [
        "new topic",
        "number one",
        "tips for sleeping in the heat",
        "a fan by the bed helps me",
    ]
    lines = [*writing, "send it", "goodbye", "no", "goodbye", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    said = talk.said
    assert said[-4].startswith("Your new topic in ") and said[-4].endswith(
        "is not posted yet. It stays saved either way: say new topic and choose the same "
        "category next time to go on with it. Shall I stop now? Say yes or no."
    )
    # Staying, the question about posting stands again.
    assert said[-3] == "All right, I am staying. Shall I post your new topic? Please say yes or no."
    assert said[-1].startswith("Goodbye. Your new topic is saved")
    assert "is posted" not in talk.transcript and "handed" not in talk.transcript
    again = converse(forum.base_url, ["my drafts"], data, credentials=signed_in(forum))
    assert "A fan by the bed helps me." in again.said[0]


def test_where_am_i_while_writing_says_where_and_adds_nothing(forum: DemoForum, data: Path) -> None:
    # A lost person's question had been written into their reply. A lone "where" stays
    # words: said slowly, it may begin a sentence.
    lines = ["open topic one", "reply", "help", "help", "thank you for this", "where am i"]
    talk = converse(
        forum.base_url, [*lines, "where", "read it back"], data, credentials=signed_in(forum)
    )
    assert talk.said[4].endswith("Where am I says where you are.")  # help again says so
    assert talk.said[-2:] == [
        "You are writing a reply to Walked to the end of the pier today. It has 4 words so "
        "far. Go on with your reply, or say send it.",
        "Your reply says: Thank you for this where",
    ]
    # "Yes": that is the whole title (a one-word one is asked about).
    message = ["message sam", "yes", "coffee", "yes", "see you soon", "where am I"]
    writing = converse(forum.base_url, message, data, credentials=signed_in(forum))
    assert writing.said[-1] == (
        "You are writing a message to Sam Okafor. It has 3 words so far. Go on with your "
        "message, or say send it."
    )


def test_resume_after_a_restart_goes_back_to_the_place(forum: DemoForum, data: Path) -> None:
    first = converse(forum.base_url, ["open topic two", "next", "next", "pause"], data)
    assert "Post 3 of" in first.transcript
    assert first.said[-1].startswith("Paused. Your place is kept, even if I am switched off.")
    # Switched off and on: a new assistant, the same files.
    second = converse(forum.base_url, ["resume"], data, settings=VoiceSettings())
    assert second.said[0].endswith("Say resume to go back to where you were.")
    assert "You are at the start" not in second.transcript
    # Post 3 was read to its end (typed sessions are never cut short): on after it.
    assert "Continuing from post 4." in second.transcript
    assert "Post 4 of" in second.transcript
    assert "Stable MRI for three years" in second.transcript


def test_carry_on_or_next_after_a_restart_goes_back_to_the_place_too(
    forum: DemoForum, data: Path
) -> None:
    # The greeting offered "resume"; "carry on" read the latest topics instead.
    converse(forum.base_url, ["open topic two", "next", "next", "pause"], data)
    second = converse(forum.base_url, ["carry on"], data, settings=VoiceSettings())
    assert "Continuing from post 4." in second.transcript
    assert "latest topics" not in second.said[-1]
    # Once a list is heard, "next" goes on in it again.
    third = converse(forum.base_url, ["latest topics", "next"], data, settings=VoiceSettings())
    assert third.said[-1].startswith("Six: ") and "Continuing" not in third.transcript


def test_resume_after_a_restart_goes_on_with_the_reply_being_written(
    forum: DemoForum, data: Path
) -> None:
    first = ["open topic one", "reply", "well done dave full stop", "i walked"]
    converse(
        forum.base_url, [*first, "goodbye voicepeer", "yes"], data, credentials=signed_in(forum)
    )
    second = converse(
        forum.base_url,
        ["latest topics", "resume", "and then i rested", "read it back", "cancel", "goodbye"],
        data,
        settings=VoiceSettings(),
        credentials=signed_in(forum),
    )
    # The reply is named, not "where you were" (post 2, read before it), nor counted again.
    assert second.said[0].endswith(
        "Say resume to go on with your reply to Walked to the end of the pier today."
    )
    assert second.said[2] == (
        "You have a saved reply to Walked to the end of the pier today. It says: Well done "
        "Dave. I walked. Keep talking to add to it, or say send it."
    )
    assert "I didn't catch that" not in second.transcript
    assert second.said[3] == "Your reply says: Well done Dave. I walked and then I rested"
    # Put aside before stopping: next time "resume" goes back to the place read, and the
    # reply is one of the saved drafts.
    third = converse(
        forum.base_url, [], data, settings=VoiceSettings(), credentials=signed_in(forum)
    )
    assert third.said[0].endswith(
        "Say resume to go back to where you were. You have 1 saved draft not sent yet: "
        "say my drafts to hear it."
    )


def test_after_reading_elsewhere_resume_goes_back_there_not_to_the_reply(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic one", "reply", REPLY, "goodbye voicepeer", "yes"]
    first = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert "Your reply is saved" in first.said[-1], first.transcript
    second = converse(
        forum.base_url, ["open topic two", "back", "resume"], data, credentials=signed_in(forum)
    )
    assert second.said[-1].startswith("Post ")
    assert "saved reply" not in second.transcript


def test_a_long_post_left_part_way_stays_the_place(forum: DemoForum, data: Path) -> None:
    # A post read to its end is behind the person; one paused part-way is not.
    first = converse(forum.base_url, ["search for long letter", "open one"], data)
    assert first.said[-1].startswith("I'll pause here. Next part: ")
    second = converse(forum.base_url, ["resume"], data)
    assert "Post 1 of 3, by Ruth Adeyemi" in second.transcript
    assert "Post 2 of 3" not in second.transcript


def test_where_am_i_after_a_restart_offers_resume(forum: DemoForum, data: Path) -> None:
    # The greeting said "say resume"; "where am I" then said only "Say latest topics".
    assert converse(forum.base_url, ["where am i"], data).said[-1] == (
        "You are at the start. Say latest topics."
    )
    converse(forum.base_url, ["open topic two"], data)
    assert converse(forum.base_url, ["where am i"], data).said[-1] == (
        "You are at the start. Say resume to go back to where you were, or latest topics."
    )


def test_resume_in_a_new_process_goes_back_to_the_place(forum: DemoForum) -> None:
    def run(lines: str) -> str:
        done = run_voicepeer(forum.base_url, lines, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("open topic one\nnext\npause\n")
    said = run("resume\n")
    assert "Continuing from post 3." in said and "Post 3 of" in said, said


def test_help_names_goodbye_and_when_typing_control_d(forum: DemoForum) -> None:
    done = run_voicepeer(forum.base_url, "help\n", timeout=120)
    help_line = done.stdout.splitlines()[-1]
    assert "notifications, pause, goodbye. Say help again for everything else." in help_line
    assert help_line.endswith("When typing, Control D also ends.")
