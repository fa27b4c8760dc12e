""" "How do I reply" answered with the command and where it works, through the real voice
loop over loopback HTTP."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from voicepeer.demo_forum import DemoForum


def test_how_to_is_answered_with_the_command_and_where_it_works(
    forum: DemoForum, data: Path
) -> None:
    lines = [
        "how do I reply",
        "how can I search for a topic",
        "how do I send it",
        "how do I get to the station",
        "latest topics",
        "open topic 2",
        "how do you reply",
        "my drafts",
        "help me with deleting a draft",
    ]
    talk = converse(forum.base_url, lines, data)
    reply = "Then say your reply, and say send it when it is done: I ask before posting."
    assert talk.said[:4] == [
        f"Say reply while a post is being read. {reply}",
        "Say search for and a word.",
        "Say send it while writing a reply.",
        "Sorry, I didn't catch that.",
    ]
    # Where it works, nothing is said of where.
    assert talk.said[7] == f"Say reply. {reply}"
    assert talk.said[-1] == "Say delete this draft in your drafts."


def test_how_to_change_the_title_start_over_or_mark_read_is_answered(
    forum: DemoForum, data: Path
) -> None:
    lines = [
        "how do I change the title",
        "how do I start over",
        "how do I wake you up",
        "how do I mark all as read",
    ]
    assert converse(forum.base_url, lines, data).said == [
        "Say change the title while writing a new topic or a message, or while changing the "
        "first post of a topic you started: say correct my post there first.",
        "Say start over while writing: it clears your words, and undo brings them back.",
        "Say wake up while I am asleep.",
        "Say mark as read. At a topic list it marks all your unread and new topics, while "
        "reading only that topic. I ask first.",
    ]
