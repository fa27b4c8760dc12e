"""Everyday ways of saying a command brought back to its core, and the natural phrasings
collected for tuning understood in the state they are said in."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from voicepeer.commands.completeness import Completeness, CompletenessJudge
from voicepeer.commands.intents import SENSES, Intent
from voicepeer.commands.interpreter import BACK_FROM_A_BREAK, WAKE_WORDS, Interpreter
from voicepeer.commands.matcher import EITHER_OPEN
from voicepeer.commands.natural import (
    TUNING_PHRASINGS,
    core,
    cores,
    everyday_sentences,
    free_text_prefixes,
    says_nothing,
    slot_pattern,
    tuning_phrasings,
    unwrap,
)
from voicepeer.commands.numbers import LAST_HEARD
from voicepeer.commands.phrasebook import command_phrasings
from voicepeer.recognition.base import Heard, ListenMode
from voicepeer.voice.state_commands import ALLOWED, interpret_in, listen_mode
from voicepeer.voice.states import ASKING_CONSENT, State

FILLS = {"{number}": "twelve", "{ordinal}": "second", "{query}": "fatigue", "{name}": "priya"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("could you please go to the next post please", "next post"),
        ("um uh next", "next"),
        ("okay", "okay"),
        ("please", "please"),
        ("just stop now", "stop"),
        ("i'd like to reply", "reply"),
        # "Would you" was left out first, and "mind" was left behind.
        ("would you mind reading the previous one", "reading the previous one"),
    ],
)
def test_unwrap_removes_what_is_said_around_a_command(text: str, expected: str) -> None:
    assert unwrap(text) == expected


@pytest.mark.parametrize(
    ("state", "text", "intent"),
    [
        (State.READING, "go to the end", Intent.SKIP_TO_END),
        (State.READING, "take me to the end please", Intent.SKIP_TO_END),
        (State.READING, "could you go to the one before", Intent.PREVIOUS),
        (State.READING, "go to the next post", Intent.NEXT),
        (State.BROWSING, "go to the second one", Intent.OPEN),
    ],
)
def test_a_leading_go_to_the_leaves_a_commands_own_the_on_it(
    state: State, text: str, intent: Intent
) -> None:
    # "the end" and "the one before" are commands: "go to the" took their "the" away.
    assert cores("go to the end") == ("end", "the end")
    assert cores("next post please") == ("next post",)
    found = interpret_in(state, Heard(text, 0.9), Interpreter()).command
    assert found is not None and found.intent is intent


@pytest.mark.parametrize("state", [State.BROWSING, State.READING])
def test_read_with_a_number_opens_as_open_does(state: State) -> None:
    # After a numbered list ("One: sam mentioned you in …"), "read" is "open".
    interpreter = Interpreter()
    for text, number in (("read number two", 2), ("read the third one please", 3)):
        found = interpret_in(state, Heard(text, 0.9), interpreter).command
        assert found is not None and found.intent is Intent.OPEN, text
        # Naming neither a post nor a topic: while reading, asked which (see matcher).
        assert found.slots == {"number": number, **EITHER_OPEN}
    # "Read" alone still reads (and is answered at once, a number never following it).
    alone = interpret_in(state, Heard("read", 0.9), interpreter).command
    assert alone is not None and alone.intent is Intent.READ
    assert CompletenessJudge().judge("read") is Completeness.COMPLETE


@pytest.mark.parametrize("state", [State.BROWSING, State.READING])
def test_open_the_last_one_opens_the_last_heard_and_the_last_one_alone_goes_back(
    state: State,
) -> None:
    interpreter = Interpreter()
    for text in ("open the last one", "read the last one", "open the final topic"):
        found = interpret_in(state, Heard(text, 0.9), interpreter).command
        assert found is not None and found.intent is Intent.OPEN, text
        assert found.slots["number"] == LAST_HEARD
    # Without "open", "the last one" is "previous" (one of its phrasings), as before.
    for text in ("the last one", "last one"):
        found = interpret_in(state, Heard(text, 0.9), interpreter).command
        assert found is not None and found.intent is Intent.PREVIOUS, text
    # A vote is never cast on "the last one": it is no choice's number.
    assert (
        interpret_in(State.READING, Heard("vote for the last one", 0.9), interpreter).command
        is None
    )


def test_core_puts_the_cards_words_in() -> None:
    assert core("the following thread") == "the next topic"
    assert core("turn the volume up please") == "volume up"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("could you skip ahead", "next"),
        ("go forward please", "next"),
        ("once more", "again"),
        ("pause for a moment", "pause"),
        ("wait a minute", "hold on"),
        ("take me back", "go back"),
        # "Last post" went back one post, as "last" alone is "previous".
        ("last post", "newest post"),
        ("add it to my last post", "add it to my previous post"),
        ("turn the sound up", "volume up"),
        ("read it to me", "read it"),
        ("that's too loud", "volume down"),
        ("you're talking too fast", "slower"),
        ("too slow", "faster"),
    ],
)
def test_everyday_words_for_the_cards_words(text: str, expected: str) -> None:
    assert core(text) == expected


def test_everyday_sentences_let_the_command_model_say_everyday_words() -> None:
    sentences = everyday_sentences(command_phrasings(), set(Intent))
    words = {w for s in sentences for w in s.split()}
    # Politeness and filler, the tuning phrasings' own words, and everyday core words.
    assert {"could", "you", "please", "thank", "move", "increase", "following"} <= words
    assert "open up number five" in sentences and "open the second one" in sentences
    # Free text is read by the dictation model: only the words before it are said here.
    assert "find topics about" in sentences
    assert not any("{" in s for s in sentences)
    # Only the commands asked for.
    only_next = everyday_sentences(command_phrasings(), {Intent.NEXT})
    assert "move on" in only_next
    assert not any("volume" in s or "bookmark" in s for s in only_next)
    # Matched only, as everyday wordings: the command models stay as measured.
    assert "delete it" not in everyday_sentences(command_phrasings(), set(Intent))
    assert not any("too loud" in s for s in sentences)  # a synonym matched only


def test_free_text_follows_the_natural_prefixes_of_search_and_message() -> None:
    prefixes = free_text_prefixes({Intent.SEARCH})
    assert "find topics about" in prefixes and "look up" in prefixes
    assert not any("{" in p for p in prefixes)
    assert free_text_prefixes({Intent.NEXT}) == []


def test_only_articles_and_hesitations_say_nothing() -> None:
    assert says_nothing("") and says_nothing("the") and says_nothing("um the")
    assert not says_nothing("the end") and not says_nothing("okay")


def test_slot_patterns_name_their_values() -> None:
    pattern = slot_pattern("could you open topic {number} please")
    assert pattern is not None
    found = pattern.match("open topic twenty one")
    assert found is not None and found.group("number") == "twenty one"
    assert slot_pattern("next post") is None


def test_the_tuning_half_is_there_and_has_every_intent() -> None:
    phrasings = tuning_phrasings()
    assert len(phrasings) >= 35
    assert all(len(p) >= 4 for p in phrasings.values())


def _said_where() -> list[tuple[Intent, State, str]]:
    """(intent, the state it is said in, phrasing) of the tuning half."""
    data = resources.files("voicepeer.commands").joinpath(TUNING_PHRASINGS)
    table = tomllib.loads(data.read_text("utf-8"))["intents"]
    return [
        (Intent(name), State(entry["state"]), p)
        for name, entry in table.items()
        for p in entry["phrasings"]
    ]


@pytest.mark.parametrize(("intent", "state", "phrasing"), _said_where())
def test_every_tuning_phrasing_is_understood_where_it_is_said(
    intent: Intent, state: State, phrasing: str
) -> None:
    text = phrasing
    for mark, value in FILLS.items():
        text = text.replace(mark, value)
    interpreter = Interpreter()
    if state is State.DICTATING:
        action = interpreter.editing(Heard(text))
        assert action is not None and action.value == intent.value, text
        return
    verdict = interpret_in(state, Heard(text), interpreter)
    if state is State.SLEEPING and unwrap(text) in BACK_FROM_A_BREAK:
        # Coming back from a break wakes it, as "resume" does, with no name said.
        assert verdict.command is not None and verdict.command.intent is Intent.RESUME
        return
    if state is State.SLEEPING and (not WAKE_WORDS & set(text.split()) or unwrap(text) in SENSES):
        assert verdict.command is None  # asleep only wake and resume phrasings naming it do
        return
    if state in ASKING_CONSENT and intent is Intent.YES:
        assert verdict.command is None  # only a clear yes: others are asked again
        return
    assert verdict.command is not None and verdict.command.intent is intent, verdict


ROOM_TALK = (
    "we should paint the hallway blue",
    "i need a break",
    "i need to go to the shop",
    "the following day",
    "that thread was long",
    "last night was bad",
    "i want to go home",
    "the first of may",
    "number twelve bus",
    "could you pass the salt please",
    "that's too bad",
    "it's too late now",
)


@pytest.mark.parametrize("talk", ROOM_TALK)
def test_room_talk_with_everyday_words_runs_no_command_in_any_state(talk: str) -> None:
    # Synonyms ("following" for next, "thread" for topic) and politeness stripping must
    # not turn a sentence said to someone in the room into a command.
    interpreter = Interpreter()
    for state in ALLOWED:
        if listen_mode(state) is ListenMode.DICTATION:
            continue
        verdict = interpret_in(state, Heard(talk), interpreter)
        assert verdict.command is None, (state, verdict.command)
        assert verdict.ambiguous == (), (state, verdict.ambiguous)


def test_a_command_added_moves_only_the_wrappings_that_land_on_it() -> None:
    # Each politeness or filler wording is said around card phrasings of its own choosing:
    # adding a command must not move the others' (that shifted every measured figure).
    phrasings = command_phrasings()
    without: dict[Intent, tuple[str, ...]] = {
        k: v for k, v in phrasings.items() if k is not Intent.REMOVE_VOTE
    }
    before = set(everyday_sentences(without, set(Intent)))
    after = set(everyday_sentences(phrasings, set(Intent)))
    for moved in after - before:
        assert any(p in moved for p in phrasings[Intent.REMOVE_VOTE]), moved
    assert len(before - after) == len(after - before) <= 3, before - after
