""" "How do I reply": help about the command the words name, found by the interpreter; no
command at all when they name none, so that a question to someone in the room is not
answered."""

from __future__ import annotations

import pytest

from voicepeer.commands import Command, Intent
from voicepeer.commands.editing import DictationAction
from voicepeer.commands.intents import HOW_TO, HOW_TO_WRITE
from voicepeer.commands.interpreter import Interpreter
from voicepeer.recognition.base import Heard
from voicepeer.voice.state_commands import ALLOWED
from voicepeer.voice.states import State

INTERPRETER = Interpreter()


def heard_in(text: str, state: State) -> Command | None:
    return INTERPRETER.command(Heard(text, 1.0), ALLOWED[state]).command


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("how do I reply", Intent.REPLY),
        ("help me with replying", Intent.REPLY),
        ("how can I search for something", Intent.SEARCH),
        ("how do I like a post", Intent.LIKE),
        ("how do you bookmark a post", Intent.BOOKMARK),
        ("how do I say yes", Intent.YES),
        ("how to go back", Intent.BACK),
        ("how do I delete my post", Intent.DELETE_POST),
        ("how do I stop you", Intent.STOP),
        ("how do I wake you up", Intent.WAKE),
        ("how do I send a private message", Intent.MESSAGE),
        # A topic named with its article, and a change of voice asked as one: no answer.
        ("how do I open a topic", Intent.OPEN),
        ("how do I read a post", Intent.READ),
        ("how do I hear a post again", Intent.REPEAT),
        ("how do I make it slower", Intent.SLOWER),
        ("how can I make you talk louder", Intent.LOUDER),
    ],
)
def test_the_command_the_words_name_is_the_one_asked_about(text: str, named: Intent) -> None:
    # Asked anywhere commands are heard, about a command of any state.
    for state in (State.BROWSING, State.READING, State.CONFIRMING):
        assert heard_in(text, state) == Command(Intent.HELP, {HOW_TO: named.value})


def test_words_naming_no_command_are_no_command_and_the_whole_of_it_is_help() -> None:
    talk_in_the_room = (
        "how do I get to the station",
        "how can I tell her",
        "help me with the bags",
        "how do I make a cake",
    )
    for talk in talk_in_the_room:
        assert heard_in(talk, State.BROWSING) is None
    for whole in ("how do I use this", "how do I use voicepeer", "help me"):
        assert heard_in(whole, State.READING) == Command(Intent.HELP)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("how do I change the title", DictationAction.RETITLE),
        ("how can I start over", DictationAction.START_OVER),
        ("how do I undo", DictationAction.UNDO),
        ("how do I delete the last word", DictationAction.DELETE_WORD),
    ],
)
def test_an_editing_command_used_only_while_writing_is_asked_about_as_one(
    text: str, named: DictationAction
) -> None:
    # "Change the title" is also a no at "Shall I post it?": asked about, it is the
    # editing command, not "Say no when I ask you a question".
    assert heard_in(text, State.BROWSING) == Command(Intent.HELP, {HOW_TO_WRITE: named.value})
