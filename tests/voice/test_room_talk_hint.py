"""Saying that talk in the room drowns the person out: once, then now and then."""

from __future__ import annotations

from voicepeer.voice.room_talk import ROOM_TALK_HINT, RoomTalkHint
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
