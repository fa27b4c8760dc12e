"""Finding a member from a name as heard, and naming the people a message goes to."""

from __future__ import annotations

import pytest

from voicepeer.forum.base import Post
from voicepeer.forum.peer import ForumUser
from voicepeer.voice.new_conversation import Conversation
from voicepeer.voice.people import heard_name, named_here, named_instead, rank

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


def test_a_name_said_as_the_command_that_asks_for_it_is_the_name() -> None:
    # Asked whom to write to, "message Sam": "I could not find anyone called message sam".
    assert heard_name("message Sam") == "sam"
    assert heard_name("write to Priya Nair") == "priya nair"


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


def _post(number: int, member: ForumUser) -> Post:
    return Post(1, 1, number, member.username, "<p>Hello</p>", name=member.name)


RUTH, SAM, SAMIRA, MEI, DEMO = (
    ForumUser("ruth", "Ruth Adeyemi"),
    ForumUser("sam", "Sam Okafor"),
    ForumUser("samira", "Sam Patel"),
    ForumUser("mei", "Mei Lin"),
    ForumUser("demo", "Demo Member"),
)
THREAD = [_post(1, RUTH), _post(2, SAM), _post(3, SAMIRA), _post(4, MEI), _post(5, DEMO)]


@pytest.mark.parametrize(
    ("said", "read", "meant"),
    [
        ("sam", SAM, SAM),  # the author of the post being read, by first name
        ("sam okafor", SAM, SAM),
        ("sam", SAMIRA, SAMIRA),  # two Sams: the one whose post is being read
        ("mei", RUTH, MEI),  # someone in the topic, by username said exactly
        ("mei lin", RUTH, MEI),  # … or by full name
        ("sam", RUTH, SAM),  # username "sam" is one member; "Sam Patel" is samira
        ("samira", RUTH, SAMIRA),
        ("ruth", None, RUTH),  # nothing read yet: the topic's members still count
        ("lin", RUTH, None),  # a surname alone is asked about
        ("priya", RUTH, None),  # nobody in the topic
        ("demo", DEMO, None),  # never oneself
    ],
)
def test_a_name_plain_in_the_topic_is_taken_without_asking(
    said: str, read: ForumUser | None, meant: ForumUser | None
) -> None:
    post = _post(9, read) if read is not None else None
    assert named_here(said, post, THREAD, "demo") == meant
