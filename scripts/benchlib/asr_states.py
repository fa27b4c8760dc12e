"""What the voice loop does with an utterance in a given state, for the recognition bench.

The same rules as ``voicepeer listen --state`` (cli/listen.py) and ``VoiceAssistant.handle``,
through the same interpreter: consent states judge the answer (commands/consent.py),
dictation hears editing commands as whole utterances, sleep wakes on any command it allows,
every other state matches commands restricted to what it allows. ``state=None`` is
``voicepeer listen`` without ``--state``: any command. tests/test_bench_phrasings.py checks
that this agrees with the command line.
To measure a new state, add it to voicepeer.voice.states; nothing here needs to change unless
the loop handles it in a new way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.benchlib._asr_data import Item
from voicepeer.commands.editing import DictationAction
from voicepeer.commands.intents import FREE_TEXT_INTENTS, Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.matcher import step_slots
from voicepeer.recognition.base import Heard, ListenMode
from voicepeer.voice.state_commands import (
    ASKING_FOR_WORDS,
    LEAVING,
    interpret_in,
    listen_mode,
    said_over_words,
)
from voicepeer.voice.states import State

WAKING = "wake"
"""Asleep, every command the state allows does the same: voicepeer listens again."""


@dataclass(frozen=True)
class Action:
    """What the loop does: an intent's or an editing command's name, and its values."""

    name: str
    slots: dict[str, int | str] = field(default_factory=dict)


def expected_action(item: Item) -> Action | None:
    """The action ``item``, correctly understood, leads to in its state."""
    intent, state = item.intent, item.state
    if intent is None:
        return None
    if state == State.SLEEPING.value:
        return Action(WAKING)
    if state is not None and State(state) in ASKING_FOR_WORDS and intent in LEAVING:
        return Action(Intent.CANCEL.value)  # "go back" leaves a question as "cancel" does
    # "next topic" is a step to another topic, not to the next post.
    return Action(intent.value, {**item.slots, **step_slots(intent, item.text)})


def mode_in(state: str | None) -> ListenMode:
    """How the recognizer listens in ``state`` (``None``: for commands)."""
    return ListenMode.COMMAND if state is None else listen_mode(State(state))


def act(heard: Heard, state: str | None, interpreter: Interpreter) -> Action | None:
    """What the loop does with ``heard`` in ``state``; ``None``: nothing (it asks again,
    says it did not catch that, or — while dictating — takes it as reply text)."""
    if state is None:
        command = interpreter.command(heard).command
    elif (where := State(state)) is State.DICTATING:
        said = said_over_words(where, heard, interpreter)
        if said is not None:
            return Action(said.value)
        editing = interpreter.editing(heard)
        if editing is DictationAction.UNDO:
            # Said just after words, as every item is, "undo" removes them: "scratch that".
            editing = DictationAction.SCRATCH
        return Action(editing.value) if editing is not None else None
    elif (said := said_over_words(where, heard, interpreter)) is not None:
        return Action(said.value)  # the category question, heard as words
    else:
        command = interpret_in(where, heard, interpreter).command
        if command is not None and where is State.SLEEPING:
            return Action(WAKING)
    return None if command is None else Action(command.intent.value, dict(command.slots))


def asks_for_value(action: Action) -> bool:
    """Whether the loop answers ``action`` with a question for its value: a search or a
    message heard without its words ("Search for what?")."""
    return action.name in {i.value for i in FREE_TEXT_INTENTS} and not action.slots


def asked(heard: Heard, state: str | None, interpreter: Interpreter) -> bool:
    """Whether the loop answers ``heard`` in ``state`` with a question about what was meant
    ("Did you mean next post?") rather than acting or saying it did not catch it."""
    if state is None:
        return bool(interpreter.command(heard).ambiguous)
    where = State(state)
    if where in (State.DICTATING, State.SLEEPING):
        return False
    return bool(interpret_in(where, heard, interpreter).ambiguous)


def verdict(expected: Action | None, actions: list[Action | None], questions: list[bool]) -> str:
    """What became of one item said as one or more utterances (``actions`` and whether each
    was asked about, ``questions``): "right" (exactly the expected action; nothing for room
    talk), "wrong" (something else done; for room talk anything), "asked" (nothing done
    but a question about what was meant or for a value; room talk too), or "missed"
    (nothing done, or the right action with a piece of the same speech not understood after
    it: slow speech cut at a pause, "bookmark this" then "post", which costs a "Sorry", not
    an undo)."""
    done = [a for a in actions if a is not None and not asks_for_value(a)]
    if expected is None:
        if any(a is not None for a in actions):
            return "wrong"
        return "asked" if any(questions) else "right"
    if actions == [expected]:
        return "right"
    if done and done != [expected]:
        return "wrong"
    if any(questions) or any(a is not None and asks_for_value(a) for a in actions):
        return "asked"
    return "missed"
