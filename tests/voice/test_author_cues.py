"""Cues for judging what one reads: the author's role, title and group, edits, accepted
answers and reactions, as the demo forum shows them the way Discourse does — heard through
the real voice loop over loopback HTTP."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import keyed_forum, signed_in
from voicepeer.demo_forum import DemoForum, DemoForumOptions
from voicepeer.forum.cues import PostCues, Reaction, post_cues
from voicepeer.voice.cues import reactions_sentence

FATIGUE = "Fatigue that sleep doesn't fix: how do you pace yourself?"


def topic_number(forum: DemoForum, title: str) -> int:
    topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    return [t["title"] for t in topics].index(title) + 1


@pytest.fixture
def plugged_forum(tmp_path: Path) -> Iterator[DemoForum]:
    options = DemoForumOptions(plugins=("solved", "reactions"))
    with DemoForum(tmp_path / "forum.sqlite3", options) as server:
        yield server


def spoken_post(said: list[str], header: str) -> str:
    """A post as said, paragraph by paragraph: from its header to what is said next."""
    start = next(i for i, line in enumerate(said) if line.startswith(header))
    end = next(
        (
            i
            for i in range(start + 1, len(said))
            if said[i].startswith(("Post ", "This post is by"))
        ),
        len(said),
    )
    return " ".join(said[start:end])


def test_reading_says_role_title_group_edit_answer_and_reactions(
    plugged_forum: DemoForum, tmp_path: Path
) -> None:
    number = topic_number(plugged_forum, FATIGUE)
    talk = converse(
        plugged_forum.base_url,
        [
            f"open topic {number}",
            "next",
            "how many likes",
            "next",
            "next",
            "next",
            "next",
            "next",
            "who wrote this",
        ],
        tmp_path / "data",
    )
    sam = spoken_post(talk.said, "Post 2 of 8")
    assert sam.endswith(
        "This post is marked as the accepted answer. It was edited after "
        "posting. Three people liked this, one sent a hug."
    )
    who = next(line for line in talk.said if line.startswith("This post is by Sam Okafor"))
    assert "They joined the forum in" in who
    assert "On this forum" not in who  # Sam has no role, title or group
    # "Who liked this" and "how many likes" are answered here: the forum names how many.
    assert who.endswith("Three people liked this, one sent a hug.")
    jo = spoken_post(talk.said, "Post 6 of 8")
    # The group by the full name its page gives, not its short name ("peer_supporters").
    assert "Post 6 of 8, by Jo Baxter, on " in jo
    assert "Jo Baxter is in the Peer supporters group. Also worth" in jo
    ruth = spoken_post(talk.said, "Post 7 of 8")
    # One thing about her, her title: "a forum admin, titled MS nurse and in the ms society
    # nurses group" was three, and a slug.
    assert "Ruth Adeyemi is titled MS nurse. " in ruth
    assert "admin" not in ruth and "group" not in ruth
    assert "a link to mssociety.org.uk" in ruth
    # "Who wrote this" says all of it.
    assert talk.said[-1].startswith("This post is by Ruth Adeyemi")
    assert (
        "On this forum they are a forum admin, titled MS nurse and in the MS Society nurses group."
    ) in talk.said[-1]
    # Posts with nothing to show get nothing added.
    dave = spoken_post(talk.said, "Post 3 of 8")
    assert dave.endswith("out of spoons.")


def test_who_an_author_is_is_said_once_a_topic(plugged_forum: DemoForum, tmp_path: Path) -> None:
    # Said before every post of theirs, it only tired the listener.
    number = topic_number(plugged_forum, FATIGUE)
    lines = [f"open topic {number}", "post six", "previous", "next", "who wrote this"]
    reopen = ["back", f"open topic {number}", "post six"]
    talk = converse(plugged_forum.base_url, [*lines, *reopen], tmp_path)
    told = "Jo Baxter is in the Peer supporters group."
    first, again, reopened = (line for line in talk.said if line.startswith("Post 6 of 8"))
    assert told in first and told not in again
    assert "Peer supporters group" in next(
        line for line in talk.said if line.startswith("This post is by Jo Baxter")
    )
    assert told in reopened  # opened again, the topic says it again


def test_a_group_without_a_full_name_or_hidden_is_left_out_before_the_post(
    tmp_path: Path,
) -> None:
    # Its short name said as it is ("peer supporters", "ms society nurses") was a slug.
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        with sqlite3.connect(forum.db_path) as db:
            db.execute("UPDATE member_groups SET full_name = NULL WHERE name = 'peer_supporters'")
            db.execute("UPDATE member_groups SET visible = 0 WHERE name = 'ms_society_nurses'")
            db.execute("UPDATE user_profiles SET title = NULL")
        number = topic_number(forum, FATIGUE)
        lines = [f"open topic {number}", "post six", "who wrote this", "next", "who wrote this"]
        talk = converse(forum.base_url, lines, tmp_path / "data")
    jo = spoken_post(talk.said, "Post 6 of 8")
    assert "Jo Baxter is" not in jo
    jo_who, ruth_who = (line for line in talk.said if line.startswith("This post is by"))
    assert "On this forum they are in the peer supporters group." in jo_who
    # Ruth's group is hidden from the person: her role is the one thing said.
    assert "Ruth Adeyemi is a forum admin. " in spoken_post(talk.said, "Post 7 of 8")
    assert "in the ms society nurses group" in ruth_who


def test_without_the_plugins_likes_come_from_the_core_fields(tmp_path: Path) -> None:
    with DemoForum(tmp_path / "plain.sqlite3") as plain:
        number = topic_number(plain, FATIGUE)
        listed = httpx.get(f"{plain.base_url}/latest.json").json()["topic_list"]["topics"]
        topic = httpx.get(f"{plain.base_url}/t/{listed[number - 1]['id']}.json").json()
        posts = topic["post_stream"]["posts"]
        assert "reactions" not in posts[1] and "accepted_answer" not in posts[1]
        talk = converse(plain.base_url, [f"open topic {number}", "next"], tmp_path / "data")
    assert talk.said[-1].endswith("It was edited after posting. Three people liked this.")


def test_cues_follow_discourse_field_shapes() -> None:
    cues = post_cues(
        {
            "admin": False,
            "moderator": True,
            "user_title": "  ",
            "flair_name": "carers",
            "version": 1,
            "last_wiki_edit": "2026-01-01T00:00:00Z",
            "actions_summary": [{"id": 2, "count": 1}],
            "reactions": [
                {"id": "heart", "type": "emoji", "count": 4},
                {"id": "hugs", "type": "emoji", "count": 2},
                {"id": "open_mouth", "type": "emoji", "count": 1},
                {"id": 7},
            ],
            "accepted_answer": "yes",
        }
    )
    assert cues == PostCues(
        moderator=True,
        group="carers",
        edited=True,
        likes=4,
        reactions=(Reaction("hugs", 2), Reaction("open_mouth", 1)),
        can_like=False,  # a count and no can_act
    )
    assert reactions_sentence(cues) == (
        "Four people liked this, two sent hugs, one sent a surprised face."
    )
    assert reactions_sentence(PostCues()) == ""
    assert post_cues({"version": "2", "actions_summary": "odd"}) == PostCues()


def test_the_persons_own_post_is_by_you_and_who_wrote_it_says_it_is_yours(
    tmp_path: Path,
) -> None:
    lines = ["go to post 7", "who wrote this", "next"]
    with keyed_forum(tmp_path / "forum.sqlite3", plugins=("solved",)) as forum:
        lines.insert(0, f"open topic {topic_number(forum, FATIGUE)}")
        ruth = signed_in(forum, "ruth")
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=ruth)
    own = spoken_post(talk.said, "Post 7 of 8")
    assert own.startswith("Post 7 of 8, by you, ")
    assert "Ruth Adeyemi is" not in own  # her role is no news to her
    who = next(line for line in talk.said if line.startswith("This post is"))
    assert who.startswith("This post is yours, posted ")
    assert "On this forum" not in who and "joined" not in who
    # Priya's update answers her own post.
    assert talk.said[-1].startswith("Post 8 of 8, by Priya Nair, on ")
    assert ", replying to their own post. Update: " in talk.said[-1]


def test_who_liked_this_says_when_a_like_is_the_persons_own(forum: DemoForum, data: Path) -> None:
    # "One person liked this", just after the person liked it: whose like, unsaid.
    lines = ["open topic one", "who wrote this", "like this post", "yes", "who wrote this"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    before = next(line for line in talk.said if line.startswith("This post is by"))
    assert before.endswith("Nobody has liked it yet."), before
    assert talk.said[-1].endswith("One person liked this. That like is yours."), talk.said[-1]
