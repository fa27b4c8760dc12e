"""'Who else replied': who started the topic and who wrote in it, as the forum counts them,
said through the real voice loop over loopback HTTP."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import post_reply, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.base import Participant, Topic
from voicepeer.voice.author import who_is_here

from .test_author_cues import topic_number

WELCOME = "Hello from a new member"


def topic(
    *people: Participant, created_by: str = "dave", count: int = 0, archetype: str = "regular"
) -> Topic:
    return Topic(
        id=1,
        title="Heat",
        slug="heat",
        posts_count=sum(p.post_count for p in people),
        post_ids=(),
        loaded_posts=(),
        created_by=created_by,
        participants=people,
        participant_count=count,
        archetype=archetype,
    )


DAVE = Participant("dave", "Dave Whitfield", 3)


def test_the_starter_comes_first_then_most_posts_first() -> None:
    said = who_is_here(
        topic(DAVE, Participant("priya", "Priya Nair", 2), Participant("mei", None, 1)), "mei"
    )
    assert said == (
        "Dave Whitfield started this topic and wrote 2 more posts. "
        "Replies from Priya Nair, 2 posts; and you."
    )


def test_a_private_conversation_is_called_one() -> None:
    sam = Participant("sam", "Sam Okafor", 2)
    said = who_is_here(
        topic(sam, Participant("demo"), created_by="sam", archetype="private_message"), "demo"
    )
    assert said == "Sam Okafor started this conversation and wrote 1 more post. Replies from you."


def test_more_than_six_are_counted_not_named() -> None:
    crowd = [Participant(f"m{n}", f"Member {n}", 1) for n in range(23)]
    said = who_is_here(topic(DAVE, *crowd, count=40), None)
    assert said.endswith(
        "Replies from Member 0, Member 1, Member 2, Member 3, Member 4, Member 5 and 33 others."
    )


def test_nobody_else_yet_and_a_topic_too_long_to_count() -> None:
    assert who_is_here(topic(Participant("demo", None, 1), created_by="demo"), "demo") == (
        "Only you have written here so far."
    )
    assert who_is_here(topic(DAVE), "demo") == "Only Dave Whitfield has written here so far."
    assert who_is_here(topic(), "demo") == (
        "This topic is too long for the forum to say who wrote in it."
    )


def test_asked_in_everyday_words_while_reading(forum: DemoForum, data: Path) -> None:
    number = topic_number(forum, WELCOME)
    welcome = forum.store.one("SELECT id FROM topics WHERE title = ?", (WELCOME,))
    assert welcome is not None
    post_reply(
        forum, "mei", "Welcome from me too, you'll find lots of support here.", welcome["id"]
    )
    talk = converse(
        forum.base_url,
        [
            "who replied",
            f"open topic {number}",
            "who else replied",
            "who's in this topic",
            "who wrote this",
        ],
        data,
        credentials=signed_in(forum),
    )
    # Before any topic is open, "who replied" is about replies to the person.
    assert "One: 3 new replies to you in Hello from a new member, the newest by mei." in talk.said
    people = "You started this topic. Replies from Sam Okafor, Priya Nair and Mei Lin."
    assert talk.said.count(people) == 2
    assert talk.said[-1].startswith("This post is by ")  # still the post being read
