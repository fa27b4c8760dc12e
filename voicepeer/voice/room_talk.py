"""Telling the person when talk in the room drowns them out.

Over a television or people talking, voicepeer listens only to a voice louder than that
talk (see voicepeer.recognition.endpointing). Without a word about it, a person speaking
as usual would hear nothing back and not know why; so the first time the talk is heard,
voicepeer says so and what helps, and after that only now and then. An answer to a
question before something public that is unclear over such talk is never guessed: the
person hears why the question is asked again, and what makes their answer count.
"""

from __future__ import annotations

from collections.abc import Callable

from voicepeer.voice.states import State

ROOM_TALK_HINT = (
    "I can hear a television or people talking, so I only listen to a voice louder than "
    "theirs. Please speak up or come closer, or turn it down."
)


class RoomTalkHint:
    """Says :data:`ROOM_TALK_HINT` between utterances, at most once every ``every_s``
    seconds (0: never), and never while voicepeer sleeps (the person may be watching)."""

    def __init__(
        self, say: Callable[[str], None], every_s: float, monotonic: Callable[[], float]
    ) -> None:
        self._say = say
        self._every_s = every_s
        self._monotonic = monotonic
        self._said_at: float | None = None

    def heard(self, state: State) -> bool:
        """Talk in the room was just taken for speech and dropped: True when the hint was
        said now."""
        now = self._monotonic()
        if self._every_s <= 0 or state is State.SLEEPING:
            return False
        if self._said_at is not None and now - self._said_at < self._every_s:
            return False
        self._said_at = now
        self._say(ROOM_TALK_HINT)
        return True


def unclear_over_talk(first: bool, yes_switch: bool) -> str:
    """Said before a question is asked again because its answer, given over talk in the
    room, was unclear: the first time why and what helps, after that briefly.
    ``yes_switch``: the person has a yes switch, whose press always counts."""
    if not first:
        switch = " Your yes switch works too." if yes_switch else ""
        return "Still not clear over the talk in the room." + switch
    helps = (
        "Please press your yes switch, or turn it down and answer again."
        if yes_switch
        else "Please turn it down, or come closer, and answer again."
    )
    return (
        "I can hear a television or people talking, so I could not be sure of your answer. " + helps
    )
