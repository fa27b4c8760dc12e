"""After a list asked for had nothing in it, "open one" is not taken from the list heard
before it without saying so (the real voice loop against the demo forum)."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum

NO_DRAFTS = "You have no saved drafts. Whatever you write is saved as you go, until it is sent."


def test_open_one_after_no_drafts_says_which_list_and_opens_when_said_again(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(forum.base_url, ["latest topics", "my drafts", "open one", "open one"], data)
    assert talk.said[1] == NO_DRAFTS
    assert talk.said[2] == (
        "There is nothing to open in that list. To open number one of the topic list "
        "instead, say that again."
    )
    assert talk.said[3].startswith("Walked to the end of the pier today, in ")


def test_with_no_list_behind_it_says_how_to_hear_the_topics(forum: DemoForum, data: Path) -> None:
    talk = converse(forum.base_url, ["my drafts", "open one"], data)
    assert talk.said == [
        NO_DRAFTS,
        "There is nothing to open. Say latest topics to hear the topics.",
    ]


def test_after_no_mentions_the_notifications_behind_are_named(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["notifications", "who mentioned me", "the last one"],
        data,
        credentials=signed_in(forum, "priya"),
    )
    assert talk.said[-1] == (
        "There is nothing to open in that list. To open the last one you heard of your "
        "notifications instead, say that again."
    )


def test_another_command_between_lets_open_act_at_once(forum: DemoForum, data: Path) -> None:
    talk = converse(forum.base_url, ["latest topics", "my drafts", "where am i", "open one"], data)
    assert talk.said[-2].startswith("Walked to the end of the pier today, in ")
