"""The commands for saved posts and new conversations, as the matcher and grammars see them."""

from __future__ import annotations

import json

from voicepeer.commands import Command, CommandMatcher, Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.matcher import TOPIC_STEP
from voicepeer.recognition.base import Heard
from voicepeer.recognition.grammar import jsgf_grammar, vosk_grammar

MATCHER = CommandMatcher()
COMMANDS = Interpreter().phrasebook().commands[""]


def test_names_and_bare_phrasings() -> None:
    assert MATCHER.interpret(Heard("message Priya Nair")).command == Command(
        Intent.MESSAGE, {"name": "priya nair"}
    )
    assert MATCHER.interpret(Heard("send a message to sam")).command == Command(
        Intent.MESSAGE, {"name": "sam"}
    )
    assert MATCHER.interpret(Heard("write to sam")).command == Command(
        Intent.MESSAGE, {"name": "sam"}
    )
    assert MATCHER.interpret(Heard("send a message")).command == Command(Intent.MESSAGE)
    assert MATCHER.interpret(Heard("new message")).command == Command(Intent.MESSAGE)


def test_new_topic_is_never_taken_for_next_topic() -> None:
    assert MATCHER.interpret(Heard("new topic")).command == Command(Intent.NEW_TOPIC)
    assert MATCHER.interpret(Heard("next topic")).command == Command(Intent.NEXT, TOPIC_STEP)


def test_new_topics_lists_them_and_new_topic_starts_one() -> None:
    for asked in ("new topics", "new topics please", "show me new topics"):
        assert MATCHER.interpret(Heard(asked)).command == Command(Intent.LATEST), asked
    assert MATCHER.interpret(Heard("new topic please")).command == Command(Intent.NEW_TOPIC)


def test_the_new_commands_reach_the_grammars() -> None:
    grammar = jsgf_grammar(COMMANDS)
    for phrase in (
        "my bookmarks",
        "remove bookmark",
        "my messages",
        "start a new topic",
        "send a message",
    ):
        assert phrase in grammar, phrase
    vosk = json.loads(vosk_grammar(COMMANDS))
    assert {"my bookmarks", "inbox", "message", "start a new topic"} <= set(vosk)
    # Kept out of the command models (see MATCHED_ONLY), understood when heard.
    alternatives = {
        a.strip(" ();") for line in grammar.splitlines() for a in line.split("=")[-1].split("|")
    }
    assert "start a new topic" in alternatives
    assert "new topic" not in vosk and "new topic" not in alternatives
    assert "new topics" not in vosk and "new topics" not in alternatives
    assert "message" in COMMANDS.text_prefixes and "my messages" in COMMANDS.phrases


def test_reading_private_messages_opens_them_and_never_starts_one() -> None:
    # "Read my private message" started a new message: it is near "write a private message".
    for asked in (
        "read my private message",
        "read my private messages",
        "read a private message",
        "read my messages",
        "any messages",
        "check my messages",
        "check my private messages",
    ):
        assert MATCHER.interpret(Heard(asked)).command == Command(Intent.MESSAGES), asked
    for asked in ("write a private message", "send a private message"):
        assert MATCHER.interpret(Heard(asked)).command == Command(Intent.MESSAGE), asked
