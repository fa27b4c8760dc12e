""" "Undo" brings back what "scratch that", "delete last word" or "start over" just removed:
a stumbling "start again" must not lose minutes of dictation. Typed sessions through the
real voice loop against the real demo forum."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from tests.voice.test_assistant import first_topic_id
from voicepeer.demo_forum import DemoForum

FIRST = "the cooling vest helped me all summer"
SECOND = "and the frozen grapes too"


def newest_raw(forum: DemoForum, topic_id: int) -> str:
    posts = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
    return str(httpx.get(f"{forum.base_url}/posts/{posts[-1]['id']}.json").json()["raw"])


def test_undo_after_start_over_brings_the_reply_back(forum: DemoForum, data: Path) -> None:
    topic_id = first_topic_id(forum)
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", FIRST, SECOND, "start over", "undo", "send it", "yes"],
        data,
        credentials=signed_in(forum),
    )
    cleared = talk.said.index(
        "Your reply is empty again. Start when you are ready. If you did not mean that, say undo."
    )
    assert talk.said[cleared + 1] == (
        "Your reply is back as it was. It ends: … summer and the frozen grapes too."
    )
    assert newest_raw(forum, topic_id) == (
        "The cooling vest helped me all summer and the frozen grapes too."
    )


def test_words_said_after_start_over_are_not_swapped_for_the_old_ones(
    forum: DemoForum, data: Path
) -> None:
    # Once something new was said, "scratch that" removes it as always, and "undo" then
    # brings back that, not the words cleared before it.
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", FIRST, "start again", "hello", "scratch that", "undo"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-2] == (
        "Removed the last part. Your reply is empty now. If you did not mean that, say undo."
    )
    assert talk.said[-1] == "Brought back the last part. It ends: Hello."


def test_start_over_with_nothing_written_offers_no_undo(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", "start over"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-1] == "Your reply is empty again. Start when you are ready."


def test_undo_brings_back_the_changes_to_a_post(forum: DemoForum, data: Path) -> None:
    topic_id = first_topic_id(forum)
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "reply",
            "my ms nurse says the same thing about heat",
            "send it",
            "yes",
            "correct my post",
            "replace heat with fatigue",
            "start over",
            "undo",
            "send it",
            "yes",
        ],
        data,
        credentials=signed_in(forum),
    )
    assert "Your changes are back. It ends: … says the same thing about fatigue." in talk.said
    assert newest_raw(forum, topic_id) == "My MS nurse says the same thing about fatigue."


def test_undo_brings_back_a_deleted_word_or_a_scratched_part(forum: DemoForum, data: Path) -> None:
    # "undo" used to be "scratch that": after "delete last word" it took a whole part away.
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "reply",
            FIRST,
            SECOND,
            "delete last word",
            "undo",
            "scratch that",
            "undo",
            "read it back",
        ],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-5:] == [
        "Deleted too.",
        "Brought back too. It ends: … summer and the frozen grapes too.",
        "Removed the last part. It now ends: … cooling vest helped me all summer.",
        "Brought back the last part. It ends: … summer and the frozen grapes too.",
        f"Your reply says: {FIRST.capitalize()} {SECOND}",
    ]


def test_undo_said_again_brings_back_each_removal_in_turn(forum: DemoForum, data: Path) -> None:
    # Only the last removal came back: "and the frozen grapes too" was lost for good after
    # the person had been told "If you did not mean that, say undo".
    lines = ["open topic one", "reply", FIRST, SECOND, "scratch that", "scratch that"]
    lines += ["undo", "undo", "undo", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-4:] == [
        "Brought back the last part. It ends: … cooling vest helped me all summer.",
        "Brought back the last part. It ends: … summer and the frozen grapes too.",
        "There is nothing to undo. Go on with your reply, or say send it.",
        f"Your reply says: {FIRST.capitalize()} {SECOND}",
    ]


def test_words_said_after_a_removal_end_what_undo_can_bring_back(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic one", "reply", FIRST, SECOND, "scratch that", "scratch that"]
    lines += ["it was a hot summer", "delete last word", "undo", "undo", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3:] == [
        "Brought back summer. It ends: It was a hot summer.",
        "There is nothing to undo. Go on with your reply, or say send it.",
        "Your reply says: It was a hot summer",
    ]


def test_delete_the_last_sentence_and_undo(forum: DemoForum, data: Path) -> None:
    said = "it helped full stop the grapes too full stop"
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", FIRST, said, "delete the last sentence", "undo"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-2:] == [
        "Removed the last sentence. It now ends: … helped me all summer it helped.",
        "Brought back the last sentence. It ends: … summer it helped. The grapes too.",
    ]


def test_undo_just_after_words_takes_them_away_as_before(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", FIRST, SECOND, "undo", "undo"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-2:] == [
        "Removed the last part. It now ends: … cooling vest helped me all summer.",
        "Brought back the last part. It ends: … summer and the frozen grapes too.",
    ]


def test_a_reply_has_no_title_to_change(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", FIRST, "change the title", "read it back"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-2] == (
        "A reply has no title to change. To change the title of a topic you started, say "
        "correct my post at its first post, then change the title. Go on with your reply, or "
        "say send it."
    )
    assert talk.said[-1] == f"Your reply says: {FIRST.capitalize()}"


def test_undo_takes_back_a_correction_and_leaves_one_waiting(forum: DemoForum, data: Path) -> None:
    # "Undo" after "replace … with …" (or "change … to …") used to remove the whole last
    # part, the corrected words with it; said while letters or new words are awaited, it
    # leaves the words as they were rather than change the reply.
    topic_id = first_topic_id(forum)
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "reply",
            FIRST,
            "replace summer with winter",
            "undo",
            SECOND,
            "change grapes to peas",
            "undo",
            "change grapes to berries",
            "replace cooling",
            "undo",
            "correct vest",
            "undo",
            "what did i write",
            "send it",
            "yes",
        ],
        data,
        credentials=signed_in(forum),
    )
    said = talk.said
    back = "The words are back as they were before that change."
    assert said[said.index("Replaced summer with winter.") + 1] == (
        f"{back} It ends: … cooling vest helped me all summer."
    )
    assert said[said.index("Replaced grapes with peas.") + 1] == (
        f"{back} It ends: … summer and the frozen grapes too."
    )
    assert "Replaced grapes with berries." in said
    assert said[said.index("Replace cooling with what?") + 1] == "Left cooling as it was."
    spell = said.index(
        "I have no other guesses for vest. Spell vest letter by letter, then say done."
    )
    assert said[spell + 1] == "Left vest as it was."
    assert said[spell + 2] == (
        "Your reply says: The cooling vest helped me all summer and the frozen berries too"
    )
    assert newest_raw(forum, topic_id) == (
        "The cooling vest helped me all summer and the frozen berries too."
    )


def test_words_come_back_to_are_taken_back_a_sentence_at_a_time(
    forum: DemoForum, data: Path
) -> None:
    # Saved words came back as one part: one "undo" or "scratch that" emptied the reply,
    # and the empty reply was saved over them.
    keep = ["open topic one", "reply", FIRST, "full stop", SECOND, "cancel"]
    converse(forum.base_url, keep, data, credentials=signed_in(forum))
    lines = ["open topic one", "post one", "reply", "undo", "scratch that", "undo", "undo"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    nothing = "There is nothing to undo. Go on with your reply, or say send it."
    assert talk.said[-4:] == [
        nothing,
        "Removed the last part. It now ends: … cooling vest helped me all summer.",
        "Brought back the last part. It ends: … summer. And the frozen grapes too.",
        nothing,
    ]
    again = converse(
        forum.base_url, ["open topic one", "post one", "reply"], data, credentials=signed_in(forum)
    )
    assert again.said[-1].startswith(
        "You have a saved reply to Walked to the end of the pier today. It says: The cooling "
        "vest helped me all summer. And the frozen grapes too."
    )


def test_undo_said_again_takes_nothing_out(forum: DemoForum, data: Path) -> None:
    # The second "undo" removed the words just brought back, and a third brought them back.
    lines = ["open topic one", "reply", FIRST, "delete last word", "undo", "undo", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-4:] == [
        "Deleted summer.",
        "Brought back summer. It ends: … cooling vest helped me all summer.",
        "There is nothing to undo. Go on with your reply, or say send it.",
        "Your reply says: The cooling vest helped me all summer",
    ]


def test_the_last_words_deleted_by_number_come_back_together(forum: DemoForum, data: Path) -> None:
    # "delete the last two words" deleted one word.
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", FIRST, SECOND, "delete the last three words"]
    lines += ["undo", "remove the last two words", "send the reply", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert "Deleted frozen grapes too." in talk.said
    assert "Brought back frozen grapes too. It ends: … summer and the frozen grapes too." in (
        talk.said
    )
    assert "Deleted grapes too." in talk.said
    assert newest_raw(forum, topic_id) == f"{FIRST.capitalize()} and the frozen."


def test_deleting_a_word_names_the_mark_that_went_with_it(forum: DemoForum, data: Path) -> None:
    # "Deleted shop" was said, and the full stop after it had gone too.
    lines = ["open topic one", "reply", "I went to the shop full stop", "delete last word"]
    lines += ["I was diagnosed in nineteen ninety eight question mark", "delete last word"]
    lines += ["read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3:] == [
        "Deleted shop, and the full stop after it.",
        "Deleted 1998, and the question mark after it.",
        "Your reply says: I went to the I was diagnosed in",
    ]


def test_deleting_more_words_than_there_are_says_so(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", "heat again", "delete the last five words"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == "There were only 2. Deleted heat again."


def test_yes_to_please_add_a_few_words_is_not_written_in(forum: DemoForum, data: Path) -> None:
    # "Thank you for this yes" was posted: the "yes" said to the notice went into the reply.
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", "thank you for this", "send it", "yes", "okay"]
    lines += ["it made my day", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    # Said without "characters", a word for screens, and with the like a thank-you can be.
    assert talk.said[3] == (
        "Your reply is a little too short for the forum: it needs 1 more letter or space, at "
        "least 20 in all. Please add a few words. Then say send it. Or, to like the post "
        "instead, say cancel, then like."
    )
    asked = "Say the words to add to your reply. To leave it for now, say cancel: it is kept."
    assert talk.said[4:6] == [asked, asked]
    assert newest_raw(forum, topic_id) == "Thank you for this it made my day."


def test_a_command_of_another_place_written_in_is_said_to_be(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", FIRST, "latest topics", "next", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3] == (
        'I added "latest topics" to your reply. If it was meant as a command, say scratch '
        "that, then cancel: your reply is kept."
    )
    # One word may begin a sentence said slowly: written in without a word.
    assert talk.said[4] == f"Your reply says: {FIRST.capitalize()} latest topics next"


def test_a_lone_word_that_ends_or_interrupts_is_said_to_be_written_in(
    forum: DemoForum, data: Path
) -> None:
    # "Goodbye", "pause" and "oops" alone went into the reply without a word: the person
    # thought voicepeer had stopped, and the words were posted with the reply.
    lines = ["open topic one", "reply", FIRST, "goodbye", "pause", "oops", "where", "yes"]
    talk = converse(forum.base_url, [*lines, "read it back"], data, credentials=signed_in(forum))
    assert talk.said[3:8] == [
        'I added "goodbye" to your reply. To stop for today, say goodbye voicepeer. To take '
        "the word out, say scratch that.",
        'I added "pause" to your reply. To pause while writing, say go to sleep voicepeer: your '
        "reply is kept. To take the word out, say scratch that.",
        'I added "oops" to your reply. To take it out, say scratch that.',
        # With no question waiting, a "yes" meant to post the reply is said to be written.
        'I added "yes" to your reply. To post it, say send it. To take the word out, say '
        "scratch that.",
        f"Your reply says: {FIRST.capitalize()} goodbye pause oops where yes",
    ]


def test_a_question_to_voicepeer_written_in_is_said_to_be(forum: DemoForum, data: Path) -> None:
    # "What now" went into the reply unsaid, and was posted with it after a tired yes.
    lines = ["open topic one", "reply", FIRST, "what now", "scratch that", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3] == (
        'I added "what now" to your reply. If you were asking me, say scratch that; then say '
        "send it when your reply is done, or help."
    )
    assert talk.said[-1] == f"Your reply says: {FIRST.capitalize()}"


def test_asking_a_public_reply_to_go_privately_is_said_to_be_written_in(
    forum: DemoForum, data: Path
) -> None:
    # "Send it privately" went into the reply unsaid, and a yes posted it for all to see.
    lines = ["open topic one", "reply", FIRST, "send it privately"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == (
        'I added "send it privately" to your reply. This reply is public. To write privately '
        "instead, say scratch that, then cancel, then message and their name."
    )


def test_a_lone_command_word_that_never_begins_a_sentence_is_named(
    forum: DemoForum, data: Path
) -> None:
    # "Reply" and "notifications", said to leave, went into the reply without a word.
    lines = ["open topic one", "reply", FIRST, "reply", "notifications", "back", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3:] == [
        'I added "reply" to your reply. If it was meant as a command, say scratch that, then '
        "cancel: your reply is kept.",
        'I added "notifications" to your reply. If it was meant as a command, say scratch '
        "that, then cancel: your reply is kept.",
        f"Your reply says: {FIRST.capitalize()} reply notifications back",
    ]


@pytest.mark.parametrize("between", [[], ["most days", "undo"]])
def test_undo_said_twice_after_words_brings_back_what_start_over_cleared(
    forum: DemoForum, data: Path, between: list[str]
) -> None:
    # Said slowly, "start over" was heard in the middle of a sentence and words followed:
    # "undo" took out the words after it, and "undo" again brought those back, never the
    # three sentences cleared before, though "If you did not mean that, say undo" was said.
    # Words said and undone once more ("most days", "undo") lost them for good.
    lines = ["open topic one", "reply", FIRST, SECOND, "start over", "every morning", "undo"]
    lines += [*between, "undo", "undo", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-4:] == [
        "Removed the last part. Your reply is empty now. Say undo again to bring back what "
        "start over cleared.",
        "Your reply is back as it was. It ends: … summer and the frozen grapes too.",
        "There is nothing to undo. Go on with your reply, or say send it.",
        f"Your reply says: {FIRST.capitalize()} {SECOND}",
    ]


def test_undo_after_words_names_an_earlier_removal_it_can_bring_back(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic one", "reply", FIRST, SECOND, "delete last word", "again"]
    lines += ["undo", "undo", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3:] == [
        "Removed the last part. It now ends: … all summer and the frozen grapes. Say undo "
        "again to bring back the word too.",
        "Brought back too. It ends: … summer and the frozen grapes too.",
        f"Your reply says: {FIRST.capitalize()} {SECOND}",
    ]


def test_an_answer_to_a_correction_with_none_waiting_is_said_to_be_written_in(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic one", "reply", FIRST, "spell it", "keep it up", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    # Only word for word: "keep it up", near "keep it", is words of a reply, said nothing of.
    assert talk.said[-2:] == [
        'I added "spell it" to your reply. To correct a word, say correct and the word first. '
        "To take it out, say scratch that.",
        f"Your reply says: {FIRST.capitalize()} spell it keep it up",
    ]


def test_one_word_deleted_of_more_asked_for_is_said_plainly(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", "heat", "delete the last three words"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == "There was only 1. Deleted heat."


def test_a_reply_put_aside_comes_back_with_its_decimals(forum: DemoForum, data: Path) -> None:
    # Taken up again, "2.5" was read back and posted as "2. 5".
    topic_id = first_topic_id(forum)
    lines = ["open topic one", "reply", "my EDSS was two point five in March full stop"]
    lines += ["cancel", "reply", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert any("My EDSS was 2.5 in March." in line for line in talk.said[-3:])
    assert newest_raw(forum, topic_id) == "My EDSS was 2.5 in March."
