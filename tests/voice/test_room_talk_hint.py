"""Saying that talk in the room drowns the person out: once, then now and then; and why an
answer said over it is asked about again."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import Conversation, Readings, converse
from tests.support.members import signed_in
from tests.voice.test_assistant import REPLY, first_topic_id, topic_posts
from voicepeer.demo_forum import DemoForum
from voicepeer.recognition.base import Heard
from voicepeer.voice.room_talk import ROOM_TALK_HINT, RoomTalkHint, unclear_over_talk
from voicepeer.voice.settings import VoiceSettings
from voicepeer.voice.states import State


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_said_the_first_time_then_only_after_the_reminder_interval() -> None:
    said: list[str] = []
    clock = Clock()
    hint = RoomTalkHint(said.append, VoiceSettings().room_talk_reminder_s, clock)
    assert hint.heard(State.BROWSING)
    clock.now += 60  # the television is still on a minute later: not said again
    assert not hint.heard(State.READING)
    clock.now += VoiceSettings().room_talk_reminder_s
    assert hint.heard(State.CONFIRMING)
    assert said == [ROOM_TALK_HINT, ROOM_TALK_HINT]


def test_never_said_while_asleep_nor_when_turned_off() -> None:
    said: list[str] = []
    asleep = RoomTalkHint(said.append, 600.0, Clock())
    assert not asleep.heard(State.SLEEPING)  # the person may be watching the programme
    assert asleep.heard(State.BROWSING)  # and once awake, they are told
    off = RoomTalkHint(said.append, 0.0, Clock())
    assert not off.heard(State.BROWSING)
    assert said == [ROOM_TALK_HINT]


OVER_TALK_FIRST = unclear_over_talk(first=True, yes_switch=False)
QUESTION = "Shall I post your reply? Please say yes or no."


def answers_over_talk(
    forum: DemoForum, data: Path, answers: list[Heard], yes_switch: bool = False
) -> Conversation:
    """Open topic one, reply, dictate, "send it" in a quiet room; then ``answers``."""
    heard = [Heard("open topic one"), Heard("reply"), Heard(REPLY), Heard("send it"), *answers]
    return converse(
        forum.base_url,
        [],
        data,
        listener=lambda said: Readings(heard),
        yes_switch=yes_switch,
        credentials=signed_in(forum),
    )


def posts_in_topic_one(forum: DemoForum) -> int:
    return len(topic_posts(forum, first_topic_id(forum)))


def test_an_answer_unclear_over_talk_is_asked_again_saying_why_and_what_helps(
    forum: DemoForum, data: Path
) -> None:
    before = posts_in_topic_one(forum)
    talk = answers_over_talk(
        forum,
        data,
        [
            Heard("yeah", 0.9, over_talk=True),
            Heard("yes", 0.3, over_talk=True),  # the engine unsure of it over the talk
            Heard("", 0.0, over_talk=True),
        ],
    )
    assert talk.said[-3:] == [
        f"{OVER_TALK_FIRST} {QUESTION}",
        f"Still not clear over the talk in the room. {QUESTION}",
        f"Still not clear over the talk in the room. {QUESTION}",
    ]
    assert "turn it down, or come closer" in OVER_TALK_FIRST
    assert "switch" not in " ".join(talk.said[-3:])  # this person has none
    assert posts_in_topic_one(forum) == before


def test_with_a_yes_switch_the_person_is_told_to_press_it_and_its_press_posts(
    forum: DemoForum, data: Path
) -> None:
    before = posts_in_topic_one(forum)
    talk = answers_over_talk(
        forum,
        data,
        [
            Heard("yes but", 0.8, over_talk=True),
            Heard("guess", 0.7, over_talk=True),
            Heard("yes", 1.0, by_switch=True),
        ],
        yes_switch=True,
    )
    assert talk.said[-3] == (
        "I can hear a television or people talking, so I could not be sure of your answer. "
        f"Please press your yes switch, or turn it down and answer again. {QUESTION}"
    )
    assert talk.said[-2] == (
        f"Still not clear over the talk in the room. Your yes switch works too. {QUESTION}"
    )
    assert talk.said[-1].endswith("is posted.")
    assert posts_in_topic_one(forum) == before + 1


def test_the_why_is_said_again_after_a_command_is_understood(forum: DemoForum, data: Path) -> None:
    talk = answers_over_talk(
        forum,
        data,
        [
            Heard("yeah", 0.9),  # unclear in a quiet room: the question alone
            Heard("yeah", 0.9, over_talk=True),  # first time over talk: why, in full
            Heard("read it back", over_talk=True),  # understood over it
            Heard("yeah", 0.9, over_talk=True),  # the first unclear since: in full again
        ],
    )
    assert talk.said[-4:] == [
        QUESTION,
        f"{OVER_TALK_FIRST} {QUESTION}",
        talk.said[-2],
        f"{OVER_TALK_FIRST} {QUESTION}",
    ]
    assert talk.said[-2].startswith("Your reply says: ")


def test_a_command_unclear_over_talk_gets_the_usual_answer(forum: DemoForum, data: Path) -> None:
    # The television hint (said when talk is dropped) covers commands; only a question
    # before something public needs a clear answer to go on.
    heard = [Heard("open topic one"), Heard("", 0.0, over_talk=True)]
    talk = converse(forum.base_url, [], data, listener=lambda said: Readings(heard))
    assert talk.said[-1] == "Sorry, I didn't catch that."
