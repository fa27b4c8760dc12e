"""Everyday requests said clearly, through the real voice loop over loopback HTTP: each gets
its answer, or a short honest one with the nearest thing voicepeer can do, never "Sorry, I
didn't catch that"."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.topic_before import NONE_BEFORE
from voicepeer.voice.which_post import WHICH_POST

from .test_author_cues import topic_number

PIER = "Walked to the end of the pier today"
WELCOME = "Hello from a new member"


def test_what_someone_said_reads_their_post_in_the_topic(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        [f"open topic {topic_number(forum, PIER)}", "what did sam say", "what did priya say"],
        data,
        credentials=signed_in(forum),
    )
    # It had read the post being read again, as "repeat".
    assert talk.said[-2].startswith("Post 3 of 4, by Sam Okafor")
    assert talk.said[-1] == "Priya has not written in this topic. To hear who has, say who is here."


def test_whats_new_here_stays_in_the_topic(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        [
            f"open topic {topic_number(forum, PIER)}",
            "anything new here",
            "what's new in this topic",
            "newest post",
            "anything new here",
            "where am i",
        ],
        data,
        credentials=signed_in(forum),
    )
    # "Anything new here" had left for the latest topics; "what's new in this topic" found
    # no category called "this topic".
    after = "3 more posts after this one. Say next to hear the next."
    assert talk.said.count(after) == 2
    assert talk.said[-2].startswith("Nothing newer here: this is the newest post.")
    assert talk.said[-1].startswith(f"You are reading {PIER}, post 4 of 4")


def test_find_the_one_about_opens_it(forum: DemoForum, data: Path) -> None:
    talk = converse(forum.base_url, ["latest topics", "find the one about the pier"], data)
    # It had searched the forum for "the one about the pier".
    assert talk.said[-2].startswith(f"{PIER}, in Good news.")


def test_go_back_to_the_last_topic_reopens_it(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        [
            "latest topics",
            "go back to the last topic",
            f"open topic {topic_number(forum, PIER)}",
            "go back to the last topic",
            f"open topic {topic_number(forum, WELCOME)}",
            "go back to the last topic",
            "back",
            "go back to the last topic",
        ],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[1] == "You have not read a topic yet. Say latest topics."
    assert NONE_BEFORE in talk.said
    # While reading, the topic read before; at the list, the topic just left. It had been
    # "Back to the topic list."
    intros = (re.match(r"(?P<title>.+?), in [^.]+\. \d+ posts\.", line) for line in talk.said)
    assert [found["title"] for found in intros if found] == [PIER, WELCOME, PIER, PIER]


def test_writing_a_post_asks_which_in_a_topic(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        [f"open topic {topic_number(forum, PIER)}", "i want to write a new post", "back"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-2] == WHICH_POST
    at_list = converse(forum.base_url, ["latest topics", "write a post"], data)
    # Anywhere else, the new topic is begun (here, for an anonymous reader, refused).
    assert "Sorry, I didn't catch that." not in at_list.said
    assert at_list.said[-1] != WHICH_POST


def test_a_like_and_thanks_for_a_named_person(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        [
            f"open topic {topic_number(forum, PIER)}",
            "like sam's post",
            "no",
            "thank her privately",
            "cancel",
            "send sam a thank you message",
            "cancel",
        ],
        data,
        credentials=signed_in(forum),
    )
    moved = talk.said_after("Post 1 of 4")
    assert moved[0] == "Post 3 of 4, by Sam Okafor."
    assert moved[1].startswith("Like this post by Sam Okafor?")
    # "Her": the author of the post being read, asked about first.
    assert "Did you mean Sam Okafor? Say yes or no." in moved
    assert moved[-2] == "Writing to Sam Okafor. What is your message about? Say a short title."
    assert "Sorry, I didn't catch that." not in talk.said


def test_a_like_for_someone_not_here_says_how_to_like_this_post(
    forum: DemoForum, data: Path
) -> None:
    # "Like Mei's post" with no post of Mei's here was told "Say reply to answer this post".
    lines = [f"open topic {topic_number(forum, PIER)}", "like mei's post", "like the matron's post"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said_after("Post 1 of 4") == [
        "No one called Mei has written in this topic.",
        "Say like this post to like this one.",
        'I did not understand whose post "the matron" means, so I have not liked anything. '
        "Say like this post to like this one.",
    ]


def test_replies_to_my_post_are_the_notifications(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url, ["did anyone reply to my post"], data, credentials=signed_in(forum)
    )
    assert talk.said[:2] == [
        "You have 3 new notifications.",
        "One: sam sent you a private message: Checking in after your first week.",
    ]
