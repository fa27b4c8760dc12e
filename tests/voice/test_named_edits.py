"""Words and marks named in an edit: "delete afternoon", "delete the comma", "change the
full stop to a question mark". Each had been written into the reply as words, the person
believing the edit made. Typed sessions through the real voice loop against the real demo
forum, and the rules they follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from tests.voice.test_assistant import first_topic_id
from tests.voice.test_undo import newest_raw
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.dictation import Draft

REST = "I rest in the afternoon every day"


@pytest.mark.parametrize(
    ("deletion", "named", "left"),
    [
        ("delete afternoon", "afternoon", "I rest in the every day."),
        ("remove afternoon", "afternoon", "I rest in the every day."),
        ("take out afternoon", "afternoon", "I rest in the every day."),
        ("delete the word afternoon", "afternoon", "I rest in the every day."),
        ("delete the words every day", "every day", "I rest in the afternoon."),
    ],
)
def test_words_named_are_deleted_and_one_undo_brings_them_back(
    forum: DemoForum, data: Path, deletion: str, named: str, left: str
) -> None:
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", REST, deletion, "read it back", "undo", deletion]
    talk = converse(forum.base_url, [*lines, "send it", "yes"], data, credentials=signed_in(forum))
    assert talk.said[3:6] == [
        f"Deleted {named}.",
        f"Your reply says: {left.removesuffix('.')}",
        f"Brought back {named}. It ends: … rest in the afternoon every day.",
    ]
    assert newest_raw(forum, topic_id) == left


def test_words_not_written_stay_words_of_the_reply(forum: DemoForum, data: Path) -> None:
    # "I had to delete the app", said slowly: nothing to delete, so words, and said to be.
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", "I had to", "delete the app", "and start again"]
    talk = converse(forum.base_url, [*lines, "send it", "yes"], data, credentials=signed_in(forum))
    assert talk.said[3] == (
        'I added "delete the app" to your reply: I could not find "the app" in it. To take it '
        "out, say scratch that."
    )
    assert newest_raw(forum, topic_id) == "I had to delete the app and start again."


def test_a_command_of_elsewhere_is_named_once(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", "I rest a lot", "remove bookmark"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3:] == [
        'I added "remove bookmark" to your reply. If it was meant as a command, say scratch '
        "that, then cancel: your reply is kept."
    ]


def test_a_deletion_said_in_two_parts_is_one(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", REST, "delete", "afternoon", "remove the word", "every day"]
    talk = converse(forum.base_url, [*lines, "read it back"], data, credentials=signed_in(forum))
    assert talk.said[3:] == [
        "Deleted afternoon.",
        'I added "remove the word" to your reply. If it begins a command, say the rest of it now.',
        "Deleted every day.",
        "Your reply says: I rest in the",
    ]


def test_a_mark_after_the_words_goes_only_where_it_would_dangle(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic one", "reply", "great exclamation mark thanks full stop see you soon"]
    lines += ["delete thanks", "I walked to the shop full stop", "delete shop", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3:] == [
        "Deleted thanks, and the full stop after it.",
        "Deleted shop, and the full stop after it.",
        "Your reply says: Great! See you soon I walked to the",
    ]


def test_a_word_written_twice_is_deleted_where_it_comes_last(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", "the shop was shut so I went to another shop later"]
    talk = converse(
        forum.base_url, [*lines, "delete shop", "read it back"], data, credentials=signed_in(forum)
    )
    assert talk.said[3:] == [
        "Your reply had shop 2 times. I deleted the last one. To delete another, say more of the "
        "words around it.",
        "Your reply says: The shop was shut so I went to another later",
    ]


def test_a_number_is_deleted_and_corrected_as_it_is_written(forum: DemoForum, data: Path) -> None:
    # "correct" and four words had been written in: "… correct 240".
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", "I take two hundred and forty milligrams"]
    lines += ["correct two hundred and forty", "two hundred and fifty", "and nineteen ninety"]
    lines += ["delete nineteen ninety", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3:6] == [
        "Replace two hundred and forty with what?",
        "Replaced two hundred and forty with two hundred and fifty.",
        "Deleted 1990.",
    ]
    assert newest_raw(forum, topic_id) == "I take 250 milligrams and."


def test_marks_named_are_changed_and_deleted(forum: DemoForum, data: Path) -> None:
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", "is that normal full stop"]
    lines += ["change the full stop to a question mark", "thanks comma everyone"]
    lines += ["delete the comma", "delete the semicolon", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3:6] == [
        "Replaced the full stop with a question mark.",
        "Deleted the comma.",
        "Your reply has no semicolon, so I changed nothing.",
    ]
    assert newest_raw(forum, topic_id) == "Is that normal? Thanks everyone."


def test_the_full_stop_put_at_the_end_can_be_changed(forum: DemoForum, data: Path) -> None:
    # Read back with the full stop it will have, "is that normal" had none to change.
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", "is that normal after a relapse", "send it"]
    lines += ["change full stop to question mark", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3].startswith("Your reply says: Is that normal after a relapse. ")
    assert talk.said[4] == "Replaced the full stop with a question mark."
    assert talk.said[5].startswith("Your reply says: Is that normal after a relapse? ")
    assert newest_raw(forum, topic_id) == "Is that normal after a relapse?"


def test_a_name_changed_to_another_word_loses_its_capital(forum: DemoForum, data: Path) -> None:
    # Dave Whitfield wrote the topic: his name is written with its capital.
    lines = ["open topic one", "reply", "thanks Ruth full stop", "change Ruth to everyone"]
    lines += ["well done dave", "change dave to mate", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == "Your reply says: Thanks everyone. Well done mate"


def test_a_posted_post_has_words_and_marks_deleted(forum: DemoForum, data: Path) -> None:
    # "Delete the word shop" went into the post as words, the person thinking it done.
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", "I went to the shop and then home full stop"]
    lines += ["send it", "yes", "correct my post", "delete the word shop"]
    lines += ["change the full stop to an exclamation mark", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert "Deleted shop." in talk.said
    assert "Replaced the full stop with an exclamation mark." in talk.said
    assert newest_raw(forum, topic_id) == "I went to the and then home!"


def test_a_posted_number_is_corrected_and_its_last_full_stop_kept(
    forum: DemoForum, data: Path
) -> None:
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", "I take two hundred and forty milligrams daily"]
    lines += ["send it", "yes", "correct my post", "correct two hundred and forty"]
    lines += ["two hundred and fifty", "delete the word daily", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said_after("Changing your post")[:3] == [
        "Replace 240 with what?",
        "Replaced 240 with 250.",
        "Deleted daily.",
    ]
    assert newest_raw(forum, topic_id) == "I take 250 milligrams."


def test_a_deletion_keeps_the_recognizers_words_in_step() -> None:
    draft = Draft()
    draft.add("thanks full stop new paragraph I rest")
    place = draft.find(["thanks"], exact=True)
    assert place is not None and draft.delete(place) == "."
    assert draft.text == "I rest"  # nothing dangling before the words left
    middle = Draft()
    middle.add("I was tired comma went home")
    place = middle.find(["tired"], exact=True)
    assert place is not None and middle.delete(place) is None
    assert middle.text == "I was, went home"
    assert middle.find(["tied"], exact=True) is None  # near words are not the words
