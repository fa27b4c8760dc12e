"""Finding a member from a name as heard, and naming the people a message goes to."""

from __future__ import annotations

import pytest

from voicepeer.forum.peer import ForumUser
from voicepeer.voice.new_conversation import Conversation
from voicepeer.voice.people import heard_name, named_instead, rank

MEMBERS = [
    ForumUser("ruth", "Ruth Adeyemi"),
    ForumUser("sam", "Sam Okafor"),
    ForumUser("priya", "Priya Nair"),
    ForumUser("dave", "Dave Whitfield"),
    ForumUser("mei", "Mei Lin"),
    ForumUser("jo", "Jo Baxter"),
    ForumUser("demo", "Demo Member"),
]


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("Priya", "priya"),
        ("pria", "priya"),
        ("may", "mei"),
        ("Mei Lin.", "mei"),
        ("davey", "dave"),
        ("joe", "jo"),
        ("p r i y a", "priya"),
        ("to Priya Nair", "priya"),
        ("her name is Mei", "mei"),
    ],
)
def test_the_member_meant_comes_first(said: str, meant: str) -> None:
    assert rank(heard_name(said), MEMBERS, "demo")[0].username == meant


@pytest.mark.parametrize("said", ["banana", "john", "demo"])
def test_nobody_alike_and_never_oneself(said: str) -> None:
    assert rank(heard_name(said), MEMBERS, "demo") == ()


def test_names_of_the_people_a_message_goes_to() -> None:
    assert Conversation(recipients=tuple(MEMBERS[1:3])).names == "Sam Okafor and Priya Nair"
    assert Conversation(recipients=tuple(MEMBERS[1:4])).names == (
        "Sam Okafor, Priya Nair and Dave Whitfield"
    )
    assert Conversation(recipients=(ForumUser("zed"),)).names == "zed"
    assert Conversation().names == "nobody yet"


@pytest.mark.parametrize("said", ["yes", "Yes please.", "okay"])
def test_an_answer_is_no_name(said: str) -> None:
    # "I could not find anyone called yes on the forum."
    assert heard_name(said) == ""


@pytest.mark.parametrize(
    ("said", "name", "no_first"),
    [
        ("No, I meant Mei.", "mei", True),
        ("no sam okafor", "sam okafor", True),
        ("it's Sam", "sam", False),
        ("Mei Lin", "mei lin", False),
        ("the kettle is boiling again", "", False),  # a sentence, not a name
    ],
)
def test_a_name_said_instead_of_yes_or_no(said: str, name: str, no_first: bool) -> None:
    assert named_instead(said) == (name, no_first)
