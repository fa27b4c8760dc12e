"""'Unread topics': the forum's Unread list (topics the person follows with posts they have
not read) then its New list (topics started lately they never opened), read as one list."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.base import TopicList, TopicSummary
from voicepeer.voice.unread_topics import NOTHING_UNREAD, heading, still_unread

FOLLOWED = "Hello from a new member, by you, 2 replies, 2 unread."
NEW = "Walked to the end of the pier today, by dave, 3 replies, new."


def test_followed_topics_with_new_posts_come_first_then_new_topics(
    forum: DemoForum, data: Path
) -> None:
    lines = ["unread topics", "open topic one", "back", "unread"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[0] == (
        f"1 topic you follow has new posts, and 1 topic is new to you. One: {FOLLOWED} "
        f"Two: {NEW} Say open topic and a number."
    )
    # Opened from the list, the topic goes on from the first post not read.
    assert talk.said[1].endswith("2 new posts since you last read. Continuing from post 2.")
    assert talk.said[2].startswith("Post 2 of 3, by Sam Okafor")
    assert talk.said[3].startswith("Back to your unread topics. One: Hello from a new member")
    # One of its two posts heard: one left, as the forum now counts it too.
    assert "One: Hello from a new member, by you, 2 replies, 1 unread." in talk.said[-1]


def test_once_everything_is_heard_the_person_is_told_so(forum: DemoForum, data: Path) -> None:
    read_all = ["open topic two", "next", "next", "next", "back", "open topic one", "next"]
    lines = ["unread topics", *read_all, "unread"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2].startswith("Post 3 of 3")  # still being heard: counted as read
    assert talk.said[-1] == NOTHING_UNREAD


def test_without_an_account_the_forum_keeps_the_lists_to_members(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(forum.base_url, ["unread topics"], data)
    assert talk.said == [
        "The forum needs you to be signed in for that. Please ask your helper to connect "
        "your account with voicepeer forum connect."
    ]


def test_a_topic_heard_to_the_end_leaves_the_list_before_the_forum_knows() -> None:
    # Reading progress reaches the forum in batches; a forum that does not mark new topics
    # (no "unseen") still has them listed.
    followed = TopicSummary(1, "Heat", "heat", 5, unread_posts=2)
    new = TopicSummary(2, "Pacing", "pacing", 1, unseen=True)
    unmarked = TopicSummary(3, "Sleep", "sleep", 1)
    listed = TopicList((followed, new, unmarked))
    heard = TopicList((replace(followed, unread_posts=0), new, unmarked))
    assert still_unread(listed, heard).topics == (new, unmarked)
    assert heading(still_unread(listed, listed)) == (
        "1 topic you follow has new posts, and 2 topics are new to you."
    )


def test_a_topic_opened_again_counts_what_was_heard_as_read(forum: DemoForum, data: Path) -> None:
    # Reading progress reaches the forum in batches: opened again before it has, the topic
    # still says nothing new, as its line in the list does.
    lines = ["latest", "open topic three", "next", "back", "open topic three"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[1].endswith("2 new posts since you last read. Continuing from post 2.")
    assert talk.said[-3].startswith("Back to the topic list. Three: Hello from a new member")
    assert talk.said[-2] == (
        "Hello from a new member, in Living with MS. 3 posts. Continuing from post 3."
    )


def test_a_topic_left_after_a_post_heard_to_its_end_goes_on_after_it(
    forum: DemoForum, data: Path
) -> None:
    # Its place was the post being read when the person left: opened again, that post was
    # read again although the topic said what was new came after it.
    lines = ["latest", "open topic three", "back", "open topic three"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[1].endswith("Continuing from post 2.")
    assert talk.said[-2].endswith("1 new post since you last read. Continuing from post 3.")
    assert talk.said[-1].startswith("Post 3 of 3, by Priya Nair")
    # Heard again to its end, post 2 is behind the person too: on after it.
    again = converse(
        forum.base_url,
        ["open topic three", "post two", "back", "open topic three"],
        data,
        credentials=signed_in(forum),
    )
    assert again.said[-2].endswith("Continuing from post 3.")
    assert again.said[-1].startswith("Post 3 of 3, by Priya Nair")
