"""Whether what was heard so far is a whole command nothing longer would change."""

from __future__ import annotations

import pytest

from voicepeer.commands.completeness import Completeness, CompletenessJudge
from voicepeer.commands.intents import Intent

COMMANDS = CompletenessJudge()
ANSWERS = CompletenessJudge.for_answers()


@pytest.mark.parametrize(
    "text",
    [
        "next post",
        "latest",
        "latest topics",
        "repeat",
        "help",
        "open topic twelve",
        "read",
        "open topic three",
        "go to sleep",
        "who wrote this",
        "vote for choice two",
    ],
)
def test_whole_commands_nothing_longer_changes_are_complete(text: str) -> None:
    assert COMMANDS.judge(text) is Completeness.COMPLETE


@pytest.mark.parametrize(
    "text",
    [
        "open topic",
        "search for",
        "go to",
        "open topic twenty",
        "vote for",
        "vote for choice",
        "vote for choice twenty",
        "go back",
        "stop",
        "where",
    ],
)
def test_beginnings_of_longer_commands_are_unfinished(text: str) -> None:
    assert COMMANDS.judge(text) is Completeness.UNFINISHED


@pytest.mark.parametrize("text", ["the cat sat on the mat", "", "search for heat"])
def test_other_speech_is_neither(text: str) -> None:
    assert COMMANDS.judge(text) is Completeness.UNKNOWN


def test_a_vote_and_a_topic_number_mean_different_things() -> None:
    assert COMMANDS.meaning("vote for choice two") == "vote 2"
    assert COMMANDS.meaning("open topic two") == "open 2"
    assert COMMANDS.meaning("vote for") is None


def test_a_caregivers_alias_counts_as_a_command() -> None:
    judge = CompletenessJudge({"onwards please": Intent.NEXT})
    assert judge.judge("onwards please") is Completeness.COMPLETE
    assert judge.judge("onwards") is Completeness.UNFINISHED


def test_a_yes_is_never_complete_but_a_no_is() -> None:
    assert ANSWERS.judge("yes") is Completeness.UNFINISHED
    assert ANSWERS.judge("no") is Completeness.COMPLETE
    assert ANSWERS.judge("cancel") is Completeness.COMPLETE


def test_a_longer_command_that_cannot_apply_leaves_its_beginning_complete() -> None:
    browsing = {Intent.NEXT, Intent.PREVIOUS, Intent.LATEST, Intent.HELP}
    assert COMMANDS.judge("next") is Completeness.UNFINISHED  # "next paragraph"
    assert COMMANDS.judge("next", browsing) is Completeness.COMPLETE
    assert COMMANDS.judge("next", browsing | {Intent.NEXT_PARAGRAPH}) is Completeness.UNFINISHED
    assert COMMANDS.judge("back", {Intent.BACK}) is Completeness.COMPLETE
    assert COMMANDS.judge("go back", {Intent.BACK, Intent.PREVIOUS}) is Completeness.UNFINISHED
    # A beginning stays a beginning: its value is still to come.
    assert COMMANDS.judge("open topic", browsing) is Completeness.UNFINISHED


def test_a_command_whose_longer_form_ends_in_another_command_waits_for_it() -> None:
    # "unread … topics" said slowly must not become "unread", then "topics" (latest topics).
    browsing = {Intent.UNREAD, Intent.LATEST, Intent.NEXT, Intent.OPEN}
    assert COMMANDS.judge("unread", browsing) is Completeness.UNFINISHED
    assert COMMANDS.judge("unread topics", browsing) is Completeness.COMPLETE
    assert COMMANDS.judge("unread", {Intent.UNREAD}) is Completeness.COMPLETE
    # "next topic" ends in "topic", which does nothing without its number.
    assert COMMANDS.judge("next", browsing) is Completeness.COMPLETE
