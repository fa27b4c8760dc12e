"""Which pieces of speech are the beginning of a command, said before a long pause."""

from __future__ import annotations

import pytest

from voicepeer.commands import Intent
from voicepeer.commands.beginnings import begun_commands, is_lead_in, without_trailing_off


@pytest.mark.parametrize(
    ("piece", "intent"),
    [
        ("open", Intent.OPEN),
        ("open topic", Intent.OPEN),
        ("new", Intent.NEW_TOPIC),
        ("new topic in", Intent.NEW_TOPIC),
        ("new topic about", Intent.NEW_TOPIC),
        ("start a", Intent.NEW_TOPIC),
        ("reply to", Intent.REPLY),
        ("reply to post", Intent.REPLY),
        ("like post", Intent.LIKE),
        ("go to post", Intent.OPEN),
        ("mark", Intent.MARK_READ),
        ("mark as", Intent.MARK_READ),
        ("the one about", Intent.OPEN),
        ("how do I", Intent.HELP),
        ("say that", Intent.REPEAT),
        # Trailing off: what says which one is still to come.
        ("open the", Intent.OPEN),
        ("open a", Intent.OPEN),
        ("open the one", Intent.OPEN),
        ("open the um", Intent.OPEN),
        ("read the", Intent.OPEN),
    ],
)
def test_the_beginning_of_a_command_is_known_as_one(piece: str, intent: Intent) -> None:
    assert intent in begun_commands(piece)


@pytest.mark.parametrize(
    "piece",
    # One word that begins no card phrasing, or asks something of its own ("what?"), or
    # is an editing command's, told where it works; and whole sentences.
    ["the", "I", "what", "undo", "hello", "um", "thanks", "I walked to the shop"],
)
def test_other_words_begin_no_command(piece: str) -> None:
    assert begun_commands(piece) == frozenset()


def test_politeness_alone_is_a_lead_in() -> None:
    assert is_lead_in("can you") and is_lead_in("could you please") and is_lead_in("um can you")
    assert not is_lead_in("please") and not is_lead_in("can you read it")


def test_trailing_off_is_left_out_to_join_the_rest() -> None:
    assert without_trailing_off("open the um") == "open"
    assert without_trailing_off("open the one") == "open"
    assert without_trailing_off("open one") == "open one"
    assert without_trailing_off("the") == "the"
