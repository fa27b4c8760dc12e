""" "The last one" at a list: the last one heard right after the list is read out, the one
before once the person has moved through it (the real loop against the demo forum)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum


def titled(listing: str, number: str) -> str:
    """The title said after ``number`` ("Five") in a list read out."""
    found = re.search(rf"{number}: (.+?), by ", listing)
    assert found is not None, listing
    return found[1]


def test_the_last_one_right_after_the_list_opens_the_last_one_heard(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(forum.base_url, ["latest topics", "the last one"], data)
    fifth = titled(talk.said[0], "Five")
    assert talk.said[1].startswith(f"{fifth}, in ")
    assert talk.said[2].startswith("Post 1 of ")


def test_after_next_the_last_one_is_the_last_of_the_ones_named_then(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(forum.base_url, ["latest topics", "next", "the last topic"], data)
    tenth = titled(talk.said[1], "Ten")
    assert talk.said[2].startswith(f"{tenth}, in ")


def test_once_one_was_read_the_last_one_is_the_one_before(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url, ["latest topics", "open topic three", "back", "the last one"], data
    )
    second = titled(talk.said[0], "Two")
    assert talk.said[-1].startswith(f"Two: {second}, by ")
    assert talk.said[-1].endswith("Say read to open it.")


def test_at_the_first_after_reading_it_says_how_to_open_the_last_one_heard(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(forum.base_url, ["latest topics", "open topic one", "back", "last one"], data)
    assert talk.said[-2] == "This is the first topic."
    assert talk.said[-1] == "To open number five, the last one you heard, say open the last one."


def test_the_last_one_in_notifications_just_heard_opens_the_last(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url, ["notifications", "the last one"], data, credentials=signed_in(forum)
    )
    last = next(line for line in reversed(talk.said[:-1]) if line.startswith("Three: "))
    assert "mentioned you in Hello from a new member" in last
    assert talk.said[-1].startswith("Post 2 of 3, by Sam Okafor")
