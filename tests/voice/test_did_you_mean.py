"""Answering "Did you mean …?" by the place of what was offered ("the second one") or, when
one thing was offered, with "that one": real voice loop, typed, against the demo forum."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import Readings, converse
from tests.support.members import signed_in
from tests.voice.test_bookmarks import bookmark_posts, saved
from voicepeer.commands import Intent
from voicepeer.demo_forum import DemoForum
from voicepeer.recognition.base import Heard

ASKED = "Did you mean next or where am I?"
WHERE = "You are reading Walked to the end of the pier today, post 1 of 4."
POST_TWO = "Post 2 of 4, by Jo Baxter"
# A caregiver's word that is also a built-in phrasing is asked about, never guessed.
COLLIDING = {"go on": Intent.WHERE}


@pytest.mark.parametrize(
    ("answer", "done"),
    [("the first one", POST_TWO), ("the second one", WHERE), ("second", WHERE)],
)
def test_the_place_of_a_command_offered_picks_it(
    forum: DemoForum, data: Path, answer: str, done: str
) -> None:
    # "The second one" opened topic two of the list instead.
    talk = converse(
        forum.base_url,
        ["latest topics", "open topic one", "go on", answer],
        data,
        aliases=COLLIDING,
    )
    assert talk.said[-2].lower() == ASKED.lower()
    assert talk.said[-1].startswith(done)


def test_the_place_counts_only_right_after_the_question(forum: DemoForum, data: Path) -> None:
    lines = ["latest topics", "open topic one", "go on", "where am I", "the second one"]
    talk = converse(forum.base_url, lines, data, aliases=COLLIDING)
    assert talk.said[-1] == (
        "To hear post two of this topic, say post two. To open number two of the list, say "
        "open two."
    )


def test_that_one_takes_the_one_command_offered(forum: DemoForum, data: Path) -> None:
    # "Where was i" only a forced reading heard is asked about; "that one" was no command.
    heard = [
        Heard("open topic one"),
        Heard("where was i", 0.8, passes=("what forty i'm",)),
        Heard("that one"),
    ]
    talk = converse(forum.base_url, [], data, listener=lambda said: Readings(heard))
    assert talk.said[-2] == "Did you mean resume? If so, please say it again."
    assert talk.said[-1].startswith(POST_TWO)


def test_that_one_removes_the_bookmark_offered(forum: DemoForum, data: Path) -> None:
    bookmark_posts(forum, 1)
    lines = ["my bookmarks", "move it", "that one"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2] == "Did you mean remove bookmark? If so, please say it again."
    assert talk.said[-1].startswith("Removed the bookmark")
    assert saved(forum) == []


@pytest.mark.parametrize("answer", ["the first one", "that one", "that's the one"])
def test_the_member_offered_is_taken_with_that_one(
    forum: DemoForum, data: Path, answer: str
) -> None:
    # "The first one" was "Open topic does nothing here", "that one" asked again.
    talk = converse(forum.base_url, ["message sam", answer], data, credentials=signed_in(forum))
    assert talk.said[-1] == "Writing to Sam Okafor. What is your message about? Say a short title."


def test_a_place_never_answers_a_question_before_liking(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "like", "the first one", "that one"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3] == "Like this post by Dave Whitfield? Say yes or no."
    assert talk.said[-1] == "Like this post by Dave Whitfield? Please say yes or no."
