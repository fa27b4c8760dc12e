""" "Next topic" while reading opens the next topic of the list the topic came from (the
latest topics, a search's results, the notifications, the bookmarks), not the next post;
"next" alone still reads the next post, and "the third post" is a post of this topic.
Typed sessions through the real voice loop against the real demo forum."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from tests.voice.test_bookmarks import bookmark_posts
from voicepeer.demo_forum import DemoForum
from voicepeer.speech.text.emoji import title_words
from voicepeer.voice.states import State


def latest_titles(forum: DemoForum) -> list[str]:
    topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    return [title_words(str(t["title"])) for t in topics]


def opened(said: list[str]) -> list[str]:
    """The titles of the topics opened, in order ("Title, in Category. N posts.")."""
    return [line.split(", in ")[0] for line in said if ", in " in line and " posts" in line]


def test_next_and_previous_topic_open_the_neighbours_in_the_list(
    forum: DemoForum, tmp_path: Path
) -> None:
    titles = latest_titles(forum)
    talk = converse(
        forum.base_url,
        ["latest topics", "open topic two", "next", "next topic", "previous topic"],
        tmp_path / "data",
    )
    assert opened(talk.said) == [titles[1], titles[2], titles[1]]
    assert any(line.startswith("Post 2 of") for line in talk.said)  # "next" alone: a post
    assert talk.assistant is not None and talk.assistant.state is State.READING


def test_the_ends_of_the_list_are_said(forum: DemoForum, tmp_path: Path) -> None:
    talk = converse(
        forum.base_url,
        ["search for heat", "open topic two", "next topic", "open topic one", "previous topic"],
        tmp_path / "data",
    )
    assert "That was the last topic in the list. Say back for the list." in talk.said
    assert talk.said[-1] == (
        "This is the first topic in the list. Say next topic for the one after it."
    )


def test_from_a_bookmark_next_topic_opens_the_next_bookmark(
    forum: DemoForum, tmp_path: Path
) -> None:
    bookmark_posts(forum, 2)
    talk = converse(
        forum.base_url,
        ["my bookmarks", "open topic one", "next topic", "next topic"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert len(opened(talk.said)) == 2
    assert talk.said[-1] == "That was the last bookmark."


def test_from_a_notification_next_topic_opens_the_next_one(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(
        forum.base_url,
        ["notifications", "open one", "next topic"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    notices = [line for line in talk.said if line.startswith(("One: ", "Two: "))]
    assert "private message: Checking in after your first week" in notices[0]
    assert "in Hello from a new member" in notices[1]
    assert opened(talk.said)[-1] == "Hello from a new member"


def test_from_a_notification_next_topic_steps_over_those_about_the_same_topic(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Notifications two and three are both about "Hello from a new member": "next topic"
    # from two opened the same topic again, at the post just heard.
    talk = converse(
        forum.base_url,
        ["notifications", "open two", "next topic", "previous topic"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert "Three: sam mentioned you in Hello from a new member." in talk.said
    assert opened(talk.said) == ["Hello from a new member"]
    assert talk.said[-3] == (
        "There are no more notifications about other topics. Say back for the list."
    )
    # Back past it: notification one, a private conversation.
    assert talk.said[-2].startswith("Checking in after your first week, a private conversation")


def test_the_third_post_while_reading_is_a_post_of_this_topic(
    forum: DemoForum, tmp_path: Path
) -> None:
    # It opened topic three of the list ("the {ordinal} post" is a way of picking a topic).
    titles = latest_titles(forum)
    talk = converse(
        forum.base_url,
        [
            "latest topics",
            "open topic two",
            "the third post",
            "the ninth post",
            "open the last post",
            "go to post two",
            "post forty",
            "read the fifth post",
            "back",
        ],
        tmp_path / "data",
    )
    assert opened(talk.said) == [titles[1]]
    posts = [line.split(",")[0] for line in talk.said if line.startswith("Post ")]
    assert posts == ["Post 1 of 6", "Post 3 of 6", "Post 6 of 6", "Post 2 of 6", "Post 5 of 6"]
    assert "There is no post 9 here. This topic has 6 posts." in talk.said
    assert "There is no post 40 here. This topic has 6 posts." in talk.said
    at_list = converse(forum.base_url, ["latest topics", "the third post"], tmp_path / "list")
    assert opened(at_list.said) == [titles[2]]


@pytest.mark.parametrize("said", ["the last post", "open the last post", "the newest post"])
def test_the_last_post_at_the_topic_list_opens_no_topic(
    forum: DemoForum, tmp_path: Path, said: str
) -> None:
    # "The last post" opened the list's last topic heard, at its first post: it is the
    # newest post of a topic, which one not said.
    talk = converse(forum.base_url, ["latest topics", said], tmp_path / "data")
    assert talk.said[-1] == (
        "That is for a topic being read. Say open topic and a number first, then say newest post."
    )
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING


@pytest.mark.parametrize("said", ["go to the start", "first post"])
def test_the_start_at_a_topic_list_names_its_first_topics_again(
    forum: DemoForum, tmp_path: Path, said: str
) -> None:
    # "Go to the start" at the list's sixth topic said it was for a topic being read.
    talk = converse(forum.base_url, ["latest topics", "next", said, "next"], tmp_path / "data")
    assert talk.said[-2].startswith(
        "From the top of the topic list. One: Walked to the end of the pier today"
    )
    assert talk.said[-1] == talk.said[1]  # "next" goes on from there, as at first
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING


def test_the_first_reply_is_the_topics_second_post(forum: DemoForum, tmp_path: Path) -> None:
    # "The first reply" found no command, and "the last reply" was asked about as "previous
    # or delete my post": the first post of a topic is no reply.
    lines = ["open topic two", "the first reply", "the last reply", "reply number nine"]
    talk = converse(forum.base_url, [*lines, "read the second reply"], tmp_path / "data")
    posts = [line.split(",")[0] for line in talk.said if line.startswith("Post ")]
    assert posts == ["Post 1 of 6", "Post 2 of 6", "Post 6 of 6", "Post 3 of 6"]
    assert "There is no reply 9 here. This topic has 5 replies." in talk.said


def test_the_last_post_of_a_notifications_topic_says_back_goes_there(
    forum: DemoForum, tmp_path: Path
) -> None:
    # It said "back for the topic list", and back went to the notifications.
    talk = converse(
        forum.base_url,
        ["notifications", "open two", "next", "next", "back"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[-2] == (
        "That was the last post. Say reply to answer, or back for your notifications."
    )
    assert talk.said[-1].startswith("Back to your notifications.")


def test_skip_to_the_end_of_the_last_post_offers_no_next(forum: DemoForum, tmp_path: Path) -> None:
    # "Say next for the next post" at the topic's last post, where next only said "That
    # was the last post".
    talk = converse(
        forum.base_url,
        ["open topic one", "the last post", "skip to the end", "post one", "skip to the end"],
        tmp_path / "data",
    )
    ends = [line for line in talk.said if line.startswith("End of the post.")]
    assert ends == [
        "End of the post. It is the last post. Say reply to answer it, or back for the topic list.",
        "End of the post. Say next for the next post, or reply to answer it.",
    ]


def test_the_ends_of_the_notifications_say_what_to_do_next(forum: DemoForum, data: Path) -> None:
    # "That is the last notification I read you" left the listener with nothing to say.
    lines = ["notifications", "next", "next", "next", "next"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == (
        "That is the last notification I read you. Say open and its number to read one, or "
        "latest topics."
    )
