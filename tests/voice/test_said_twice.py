"""Commands said with a word twice ("where where am I", "re reply") or with a number taken
back ("open topic three no four"): typed sessions through the real voice loop against the
real demo forum. Each was "Sorry, I didn't catch that", or was written into a reply."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum


def test_commands_with_a_word_said_twice_do_what_they_say(forum: DemoForum, data: Path) -> None:
    lines = ["latest", "where where am I", "next next", "help help"]
    said = converse(forum.base_url, lines, data).said
    assert (
        said[1]
        == "You are in the topic list, on topic 1 of 14: Walked to the end of the pier today."
    )
    # "Next next" is one next said with a stammer: the list goes on once, not twice.
    assert said[2].startswith("Six: ") and "Eleven" not in said[2]
    assert said[3].startswith("You can say: next, previous")


def test_asleep_a_wake_up_said_with_a_stammer_wakes(forum: DemoForum, data: Path) -> None:
    said = converse(forum.base_url, ["go to sleep", "w-wake up"], data).said
    assert said[-1].startswith("I'm listening again.")
    said = converse(forum.base_url, ["pause", "resume resume"], data / "paused").said
    assert said[-1].startswith("I'm listening again.")


def test_editing_commands_said_twice_are_done_not_written(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "re reply", "I feel fine today thank you"]
    lines += ["scratch scratch that", "read read it back", "cancel cancel"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-4:] == [
        "Replying to Dave Whitfield in Walked to the end of the pier today. Say your reply, "
        "then say send it. Take your time.",
        "Removed the last part. Your reply is empty now. If you did not mean that, say undo.",
        "Your reply is empty so far.",
        "Reply cancelled.",
    ]


def test_send_said_twice_still_asks_before_posting(forum: DemoForum, data: Path) -> None:
    lines = ["open topic two", "reply", "I feel much better today thank you all"]
    lines += ["send send it", "no"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-2].startswith("Your reply says: I feel much better today thank you all.")
    assert "Shall I post it?" in said[-2]
    assert not any("is posted" in line for line in said)


def test_a_word_twice_in_a_sentence_is_written_as_said(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", "I said that that was fine", "read it back"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-1] == "Your reply says: I said that that was fine"


def test_the_last_number_said_is_the_topic_opened(forum: DemoForum, data: Path) -> None:
    said = converse(forum.base_url, ["latest", "open topic three no four"], data).said
    assert said[-2].startswith("MRI results day: how do you cope with the waiting?")
    lines = ["notifications", "open three, sorry, one"]
    said = converse(forum.base_url, lines, data / "notices", credentials=signed_in(forum)).said
    assert said[-2].startswith("Checking in after your first week")


def test_a_post_number_taken_back_names_the_last_one(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "go to post three no two", "like post two no three", "no"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[2].startswith("Post 2 of 4, by Jo Baxter")
    # Liking is public: still asked first, about post three.
    assert said[-3:] == [
        "Post 3 of 4, by Sam Okafor.",
        "Like this post by Sam Okafor? Say yes or no.",
        "Not liked.",
    ]


def test_a_category_taken_back_is_the_last_one_said(forum: DemoForum, data: Path) -> None:
    lines = ["latest", "new topic", "two no three"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-1].startswith("A new topic in Treatments and medication.")


def test_a_reply_to_a_post_or_person_taken_back_answers_the_one_said_last(
    forum: DemoForum, data: Path
) -> None:
    # "Reply to post two no three" was a reply to someone called "post two no three": it
    # answered the post being read; "reply to Jo no Sam" answered Jo.
    for said_so in ("reply to post two no three", "reply to jo no sam"):
        lines = ["open topic one", said_so]
        said = converse(
            forum.base_url, lines, data / said_so.replace(" ", "-"), credentials=signed_in(forum)
        ).said
        assert said[-2:] == [
            "Post 3 of 4, by Sam Okafor.",
            "Replying to Sam Okafor in Walked to the end of the pier today. Say your reply, "
            "then say send it. Take your time.",
        ]


def test_an_editing_command_said_twice_over_is_done_once(forum: DemoForum, data: Path) -> None:
    # Written in with no word said, or with advice to delete words that left a stray one.
    lines = ["open topic one", "reply", "I went out", "to the shop for milk"]
    lines += ["scratch that scratch that", "read it back read it back"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-2:] == [
        "Removed the last part. It now ends: I went out.",
        "Your reply says: I went out",
    ]
