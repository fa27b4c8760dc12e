"""After a list asked for had nothing in it, "open one" is not taken from the list heard
before it without saying so (the real voice loop against the demo forum)."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.settings import ForumSettings

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


QUICK = ForumSettings(retry_backoff_s=0.01, read_retries=1)


def test_a_list_the_forum_did_not_give_is_not_called_empty(forum: DemoForum, data: Path) -> None:
    # "There is nothing to open in that list" after a list never heard: as if it were empty.
    talk = converse(
        forum.base_url,
        ["open topic one", "latest topics", "open topic two"],
        data,
        forum_settings=QUICK,
        before_line={1: lambda: forum.faults.rate_limit_next(5, 40)},
    )
    assert talk.said[-2].startswith("The forum asked me to wait 40 seconds"), talk.transcript
    assert talk.said[-1] == (
        "That list did not come from the forum, so there is nothing to open in it. To open "
        "number two of the topic list instead, say that again."
    )


def test_with_no_list_behind_a_list_not_given_is_asked_for_again(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url,
        ["latest topics", "open one"],
        data,
        forum_settings=QUICK,
        before_line={0: lambda: forum.faults.rate_limit_next(5, 40)},
    )
    assert talk.said[-1] == (
        "That list did not come from the forum, so there is nothing to open in it. Ask for "
        "the list again in a moment."
    ), talk.transcript
