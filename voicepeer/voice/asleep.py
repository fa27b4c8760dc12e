"""What voicepeer makes of what it hears while asleep (after "pause" or "go to sleep"), and
of what is said just after it wakes.

Asleep, the pause exists to ignore talk in the room ("hello", "yes this is she", a
television): that stays unanswered. What is clearly said to voicepeer is answered, so that
a person who cannot see it knows they were heard: what wakes it, "I'm back", and "where
was I" (answered, voicepeer staying asleep). "Carry on" is said to someone in the room as
often: it resumes only when nothing else was heard since the pause.

People say one wish to come back twice ("voicepeer … resume", "voicepeer … wake up"): the
utterance right after waking that asks for it again is taken as said already, not acted on
a second time (it read the next post unasked, and a "like" went to it).
"""

from __future__ import annotations

from voicepeer.commands.intents import Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.matcher import Interpretation
from voicepeer.recognition.base import Heard


class Asleep:
    """Follows what is heard from going to sleep until just after waking."""

    def __init__(self, interpreter: Interpreter) -> None:
        self._interpreter = interpreter
        self._talk_heard = False
        self._just_woken = False

    def fell_asleep(self) -> None:
        self._talk_heard = False

    def talk_heard(self) -> None:
        """Talk in the room was heard (and dropped) while asleep."""
        self._talk_heard = True

    def asked(self, heard: Heard, interpretation: Interpretation) -> Intent | None:
        """What ``heard``, interpreted asleep as ``interpretation``, asks of voicepeer: WAKE
        or RESUME to wake it, WHERE to be told where the person is; None for room talk,
        left unanswered."""
        if interpretation.command is not None:
            return interpretation.command.intent
        asked = self._interpreter.asked_asleep(heard)
        if asked is Intent.RESUME and self._talk_heard:
            return None  # "carry on" in a conversation going on in the room
        if asked is None and heard.text.strip():
            self._talk_heard = True
        return asked

    def woke(self) -> None:
        self._just_woken = True

    @property
    def heard_talk(self) -> bool:
        """Whether anything but what wakes voicepeer was heard (and dropped) since the
        pause."""
        return self._talk_heard

    def said_again(self, heard: Heard) -> Intent | None:
        """What ``heard``, the utterance right after waking, asks again: RESUME to come back
        (done already), WHERE for "where was I" (only answered: awake, it reads on);
        None for anything else, or when voicepeer did not just wake (nothing heard is not
        yet the next utterance)."""
        if not heard.text.strip():
            return None
        woken, self._just_woken = self._just_woken, False
        if not woken:
            return None
        if self._interpreter.back_from_a_pause(heard):
            return Intent.RESUME
        return Intent.WHERE if self._interpreter.asked_asleep(heard) is Intent.WHERE else None
