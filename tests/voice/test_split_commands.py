"""Editing commands and marks said in two parts, as slow speech has them: typed sessions
through the real voice loop against the real demo forum, and the rules that join them."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.commands.editing import DictationAction
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.dictation import Draft
from voicepeer.voice.split_commands import (
    Join,
    begins_an_edit,
    finishes,
    joined_command,
    joins_a_correction,
)


def test_a_command_said_in_two_parts_is_the_command(forum: DemoForum, data: Path) -> None:
    # Each part was written in as words: "Change shop to store", "Delete last word".
    lines = ["open topic two", "reply", "I walked to the shop and walked home full stop"]
    lines += ["change shop to", "store", "is it far", "question", "mark", "read it back"]
    lines += ["delete", "last word", "scratch", "that", "start", "over", "undo", "read it back"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[3:] == [
        "Replaced shop with store.",
        "Your reply says: I walked to the store and walked home. Is it far?",
        "Deleted far, and the question mark after it.",
        "Removed the last part. It now ends: … to the store and walked home.",
        "Your reply is empty again. Start when you are ready. If you did not mean that, say undo.",
        "Your reply is back as it was. It ends: … to the store and walked home.",
        "Your reply says: I walked to the store and walked home.",
    ]


def test_only_the_beginning_of_a_command_joins_what_follows() -> None:
    assert joined_command("delete", "last word") == "delete last word"
    assert joined_command("change the", "title") == "change the title"
    assert joined_command("delete the", "last sentence") == "delete the last sentence"
    # A count: "delete" … "last two words" was written into the reply without a word.
    assert joined_command("delete", "last two words") == "delete last two words"
    assert joined_command("delete", "the last three words") == "delete the last three words"
    assert joined_command("delete", "the last three words of it") is None
    # Words of a reply: never a send, nor a command begun by words that begin none.
    assert joined_command("I will post", "it") is None
    assert joined_command("post", "it") is None
    assert joined_command("please", "start over") is None
    assert finishes("scratch", DictationAction.SCRATCH, "that")
    assert not finishes("scratch", DictationAction.SCRATCH, "the last bit of the day")


def test_a_deletion_said_in_two_parts_joins_as_said() -> None:
    assert joins_a_correction("delete", "afternoon") is Join.AS_SAID
    assert joins_a_correction("remove the word", "shop") is Join.AS_SAID
    assert joins_a_correction("take out", "every day") is Join.AS_SAID
    assert joins_a_correction("I had to delete", "the app") is None
    assert begins_an_edit("delete the word") and not begins_an_edit("take out")


def test_a_marks_name_said_in_two_parts_is_the_mark() -> None:
    draft = Draft()
    draft.add("is it far question")
    assert draft.join_mark("mark") and draft.text == "Is it far?"
    draft.add("I rested new")
    assert draft.join_mark("paragraph") and draft.text == "Is it far? I rested\n\n"
    other = Draft()
    other.add("I have a question")  # "a question", then "mark": words
    assert not other.join_mark("mark")
    assert not other.join_mark("mark my words")


def test_everyday_words_that_begin_a_command_are_not_joined_into_one(
    forum: DemoForum, data: Path
) -> None:
    # "the correct dose" lost "correct" and "dose"; "I should change" … "Tecfidera to
    # Ocrevus" changed a word written earlier; "delete the" alone took the whole last part.
    lines = ["open topic one", "reply", "I was on Tecfidera for years full stop"]
    lines += ["I hope it is the", "correct", "dose for me full stop", "then I had to"]
    lines += ["change", "from Tecfidera to Ocrevus full stop", "I had to", "delete the"]
    lines += ["spam folder full stop", "delete the", "last word", "read it back"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-1] == (
        "Your reply says: I was on Tecfidera for years. I hope it is the correct dose for me. "
        "Then I had to change from Tecfidera to Ocrevus. I had to delete the spam"
    )
    assert said[-2] == "Deleted folder, and the full stop after it."
    assert 'I added "delete the" to your reply. If it begins a command, say the rest of it ' in (
        " ".join(said)
    )


def test_sentence_beginnings_that_begin_commands_too_are_written_without_a_word(
    forum: DemoForum, data: Path
) -> None:
    # "I am" (as in "I am finished") got "If it begins a command, say the rest of it now",
    # spoken over the rest of a slow sentence.
    lines = ["open topic one", "reply", "I am", "so tired today full stop", "what did I"]
    lines += ["do wrong question mark", "read it back"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[3:] == ["Your reply says: I am so tired today. What did I do wrong?"]


def test_a_count_of_words_to_delete_said_after_a_pause_deletes_them(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic one", "reply", "I rested all day today", "delete", "last two words"]
    lines += ["read it back"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-2:] == ["Deleted day today.", "Your reply says: I rested all"]


def test_a_longer_change_said_in_two_parts_is_asked_about(forum: DemoForum, data: Path) -> None:
    # A first part of more than four words was written in, and then the rest as well.
    lines = ["open topic one", "reply", "I walked home from the shop in the rain"]
    lines += ["change walked home from the shop to", "took the bus home", "yes", "read it back"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-3].startswith("Change walked home from the shop to took the bus home? Say yes")
    assert said[-1] == "Your reply says: I took the bus home in the rain"


def test_a_correction_parted_after_its_lead_or_its_first_words_is_joined(
    forum: DemoForum, data: Path
) -> None:
    # Each part was written in as words, without a word said. Such a first part is as
    # likely a sentence's beginning: the change is asked about.
    lines = ["open topic one", "reply", "I saw my sister at the shop and walked home"]
    lines += ["change sister", "to brother", "yes", "replace", "shop with market", "no"]
    lines += ["correct", "brother", "leave it", "read it back"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[3:] == [
        "Change sister to brother? Say yes to change it, or no to write it into your reply "
        "as you said it.",
        "Changed sister to brother.",
        "Change shop to market? Say yes to change it, or no to write it into your reply as "
        "you said it.",
        "I wrote it into your reply as you said it.",
        "I have no other guesses for brother. Spell brother letter by letter, then say done.",
        "Left brother as it was.",
        "Your reply says: I saw my brother at the shop and walked home replace shop with market",
    ]


def test_which_first_parts_may_begin_a_correction() -> None:
    assert joins_a_correction("change shop to", "store") is Join.AS_SAID
    assert joins_a_correction("replace", "sister with brother") is Join.ASKED
    assert joins_a_correction("correct", "shop") is Join.ASKED
    assert joins_a_correction("change sister", "to brother") is Join.ASKED
    assert joins_a_correction("change walked home from the shop to", "took it") is Join.AS_SAID
    # Words of a reply: "the correct" … "dose", "I should change" … "to Ocrevus", and
    # "change" alone, as in "I had to" … "change" … "from Tecfidera to Ocrevus".
    assert joins_a_correction("the correct", "dose") is None
    assert joins_a_correction("I should change", "to Ocrevus") is None
    assert joins_a_correction("change", "from Tecfidera to Ocrevus") is None
    assert joins_a_correction("change sister", "and brother") is None
