"""Every command a state understands, said there, is answered without breaking the voice
loop: each state's commands (state_commands.ALLOWED) lead only where the state machine
allows (states.ALLOWED_TRANSITIONS). Through the real loop on the demo forum."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.commands.intents import Intent, canonical
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.state_commands import ALLOWED
from voicepeer.voice.states import State

REACHED_BY: dict[State, list[str]] = {
    State.BROWSING: ["latest"],
    State.READING: ["latest", "open topic 2"],
    State.BOOKMARKS: ["latest", "open topic 2", "bookmark this", "my bookmarks"],
    State.DRAFTS: [
        "latest",
        "open topic 2",
        "reply",
        "Congratulations, that is wonderful news to hear",
        "cancel",
        "my drafts",
    ],
}


LEAVE_ANY_QUESTION = ["resume", "wake up", "cancel", "no"]
"""Said after each command, whatever it led to: out of a pause, sleep, a question or a
reply begun (put aside), back to where the next command is said."""


@pytest.mark.parametrize("state", list(REACHED_BY))
def test_every_command_of_a_list_or_topic_is_answered_there(
    state: State, forum: DemoForum, data: Path
) -> None:
    commands = sorted(ALLOWED[state] - {Intent.QUIT}, key=lambda i: i.value)
    lines = [*REACHED_BY[state]]
    for intent in commands:
        lines += [canonical(intent), *LEAVE_ANY_QUESTION, *REACHED_BY[state]]
    talk = converse(forum.base_url, [*lines, "goodbye"], data, credentials=signed_in(forum))
    assert talk.said[-1].startswith("Goodbye.")
