"""Everyday wordings of the commands: each means its command, word for word, where the
matcher reads them; and they stay out of the recognizers' command models."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from voicepeer.commands import Command, CommandMatcher, Intent, everyday
from voicepeer.commands.everyday import EVERYDAY_WORDINGS
from voicepeer.commands.intents import CATEGORY_NAMED, OPEN_ABOUT, REPLY_TO_NAMED, SENSES
from voicepeer.commands.matcher import (
    ANY_POST,
    HOW_LONG,
    LAST_SAID,
    MENTIONS,
    NEWS_HERE,
    TO_FIRST,
    TO_NEWEST,
    TOPIC_BEFORE,
    TOPIC_STEP,
)
from voicepeer.commands.natural import everyday_sentences, tuning_phrasings
from voicepeer.commands.phrasebook import command_phrasings
from voicepeer.recognition.base import Heard

MATCHER = CommandMatcher()


@pytest.mark.parametrize(
    ("intent", "phrase"), [(i, p) for i, ps in EVERYDAY_WORDINGS.items() for p in ps]
)
def test_every_everyday_wording_means_its_intent(intent: Intent, phrase: str) -> None:
    verdict = MATCHER.interpret(
        Heard(phrase.format(number="three", ordinal="third", query="mei", name="mei"))
    )
    assert verdict.command is not None and verdict.command.intent is intent, verdict
    assert not verdict.near


def test_everyday_wordings_stay_out_of_the_command_models_text() -> None:
    # Matched only: in the model's text they would change what else is heard. (A wording
    # that is also a tuning phrasing, or a word the state decides, is there as that.)
    sentences = set(everyday_sentences(command_phrasings(), set(Intent)))
    elsewhere = {p for ps in tuning_phrasings().values() for p in ps} | set(SENSES)
    wordings = {p for ps in EVERYDAY_WORDINGS.values() for p in ps} - elsewhere
    assert not wordings & sentences


def test_no_command_has_two_entries_in_the_table() -> None:
    # A second entry for a command would silently replace the first and its wordings.
    tree = ast.parse(Path(everyday.__file__).read_text(encoding="utf-8"))
    table = next(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign) and ast.unparse(node.target) == "EVERYDAY_WORDINGS"
    )
    assert isinstance(table, ast.Dict)
    keys = [ast.unparse(key) for key in table.keys if key is not None]
    assert len(keys) == len(set(keys)) == len(EVERYDAY_WORDINGS)


def test_coming_back_to_words_written_earlier_lists_the_drafts() -> None:
    # "Continue my reply" and the like were not understood; the drafts list them all.
    for said in ("continue my reply", "finish my reply", "go back to my reply"):
        assert MATCHER.interpret(Heard(said, 1.0)).command == Command(Intent.DRAFTS), said
    # Read back is another thing.
    assert MATCHER.interpret(Heard("read my reply", 1.0)).command == Command(Intent.READ_BACK)


def test_reading_this_one_and_the_latest_in_everyday_words() -> None:
    # "Read that one" was near "read on" (the list went on); the others were not understood.
    assert MATCHER.interpret(Heard("read that one", 1.0)).command == Command(Intent.READ)
    assert MATCHER.interpret(Heard("read me the latest", 1.0)).command == Command(Intent.LATEST)
    # "Read the topics" was near "read the topic": the first topic of the list opened.
    for said in ("read the topics", "read me the topics", "show me the topics"):
        assert MATCHER.interpret(Heard(said, 1.0)).command == Command(Intent.LATEST), said
    assert MATCHER.interpret(Heard("read the topic", 1.0)).command == Command(Intent.READ)
    # voicepeer's own name for it: "the topics list" was near "my topics".
    for said in ("the topic list", "the topics list", "go to the topic list"):
        assert MATCHER.interpret(Heard(said, 1.0)).command == Command(Intent.LATEST), said
    newest = MATCHER.interpret(Heard("read the latest post", 1.0)).command
    assert newest == Command(Intent.NEXT, dict(TO_NEWEST))


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("how long is this", Command(Intent.WHERE, HOW_LONG)),
        ("how much is left", Command(Intent.WHERE, HOW_LONG)),
        ("where am i", Command(Intent.WHERE)),
        ("go to the start", Command(Intent.PREVIOUS, TO_FIRST)),
        ("not interested", Command(Intent.NEXT, TOPIC_STEP)),
        ("who mentioned me", Command(Intent.NOTIFICATIONS, MENTIONS)),
        ("has anyone replied", Command(Intent.NOTIFICATIONS)),
        ("i'd like to say something", Command(Intent.REPLY)),
        ("i want to say something", Command(Intent.REPLY)),
        ("what's been happening", Command(Intent.LATEST)),
        # Not the ones they were near.
        ("how long ago was this", Command(Intent.WHO)),
    ],
)
def test_everyday_wordings_found_in_typed_sessions(said: str, meant: Command) -> None:
    # "How long is this" was "who wrote this", "I'd like to say something" a no; the
    # others were no command.
    verdict = MATCHER.interpret(Heard(said, 1.0))
    assert verdict.command == meant and not verdict.near, verdict


@pytest.mark.parametrize("said", ["start", "what", "now what", "something"])
def test_parts_of_them_alone_are_no_command(said: str) -> None:
    assert MATCHER.interpret(Heard(said, 1.0)).command is None


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        # "What did Sam say" was "repeat" (or "read it back"): Sam's post is meant.
        ("what did sam say", Command(Intent.OPEN, {REPLY_TO_NAMED: "sam"})),
        ("read priya's post", Command(Intent.OPEN, {REPLY_TO_NAMED: "priya"})),
        ("like priya's post", Command(Intent.LIKE, {REPLY_TO_NAMED: "priya"})),
        ("like what sam said", Command(Intent.LIKE, {REPLY_TO_NAMED: "sam"})),
        # "What's new in this topic" looked for a category called "this topic"; "anything new
        # here" left the topic for the latest topics.
        ("what's new in this topic", Command(Intent.LATEST, NEWS_HERE)),
        ("anything new here", Command(Intent.LATEST, NEWS_HERE)),
        ("what's new in good news", Command(Intent.CATEGORIES, {CATEGORY_NAMED: "good news"})),
        ("anything new", Command(Intent.LATEST)),
        # Searched for "the one about the pier".
        ("find the one about the pier", Command(Intent.OPEN, {OPEN_ABOUT: "the pier"})),
        # "Back to the topic list".
        ("go back to the last topic", Command(Intent.RESUME, TOPIC_BEFORE)),
        ("i want to write a new post", Command(Intent.NEW_TOPIC, ANY_POST)),
        ("post something", Command(Intent.NEW_TOPIC, ANY_POST)),
        ("post a new topic", Command(Intent.NEW_TOPIC)),
        ("thank her privately", Command(Intent.MESSAGE, {"name": "her"})),
        ("send priya a thank you message", Command(Intent.MESSAGE, {"name": "priya"})),
        ("did anyone reply to my post", Command(Intent.NOTIFICATIONS)),
        ("new replies since last time", Command(Intent.NOTIFICATIONS)),
    ],
)
def test_everyday_requests_found_not_understood_or_misread(said: str, meant: Command) -> None:
    verdict = MATCHER.interpret(Heard(said, 1.0))
    assert verdict.command == meant and not verdict.near, verdict


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        # Said where a name would go, no member is named: what was said before is meant.
        ("what did i say", Command(Intent.READ_BACK)),
        ("what did you just say", Command(Intent.REPEAT)),
        # "The last topic" is still the list's last one heard, not the topic read before.
        ("last topic", Command(Intent.PREVIOUS, {**TOPIC_STEP, **LAST_SAID})),
    ],
)
def test_wordings_near_the_new_ones_keep_their_meaning(said: str, meant: Command) -> None:
    verdict = MATCHER.interpret(Heard(said, 1.0))
    assert verdict.command == meant, verdict
