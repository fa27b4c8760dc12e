"""Said while writing about the words rather than for them, against the real demo forum
over loopback: "delete this draft" asks before deleting and "undo" brings the words back;
"fix it" says how to change a word. Neither is written into the reply."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.speech.text.sentences import as_sentence

FIRST = "the cooling vest helped me all summer"


def test_delete_this_draft_while_writing_asks_and_undo_brings_it_back(
    forum: DemoForum, data: Path
) -> None:
    # The drafts list's command was written into the reply; "yeah" and "sure" deleted it.
    lines = ["open topic one", "reply", FIRST, "delete this draft", "perhaps", "yeah", "sure"]
    lines += ["no"]
    lines += ["delete this draft", "yes", "undo", "delete this draft", "yes", "cancel"]
    talk = converse(forum.base_url, [*lines, "my drafts"], data, credentials=signed_in(forum))
    asked = (
        f"Delete your reply? It begins: {as_sentence(FIRST.capitalize())} Say yes to delete "
        "it, or no to keep it."
    )
    assert talk.said[3:] == [
        asked,
        *["Shall I delete your reply? Please say yes or no."] * 3,
        "All right, your reply is kept. Go on with your reply, or say send it.",
        asked,
        "Your reply is deleted. Say undo to bring it back. To leave, say cancel.",
        "Your reply is back as it was. It ends: … cooling vest helped me all summer.",
        asked,
        "Your reply is deleted. Say undo to bring it back. To leave, say cancel.",
        "Reply cancelled.",
        "You have no saved drafts. Whatever you write is saved as you go, until it is sent.",
    ]


def test_fix_it_while_writing_says_how_to_change_a_word(forum: DemoForum, data: Path) -> None:
    # "Fix it" was written in, and "edit it" looked for the word "it".
    lines = ["open topic one", "reply", FIRST, "fix it", "edit it please", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    how = (
        "To change a word, say correct and the word, like: correct walk, then choose the right "
        "one or spell it. Or say replace and the words, like: replace walk with talk. To hear "
        "your reply, say read it back."
    )
    assert talk.said[3:] == [how, how, f"Your reply says: {FIRST.capitalize()}"]


def test_a_moment_to_think_while_writing_is_not_written(forum: DemoForum, data: Path) -> None:
    # "Let me think" was written in, with advice to cancel the reply.
    lines = ["open topic one", "reply", FIRST, "let me think", "let me see", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    go_on = "Go on with your reply, or say send it."
    assert talk.said[3:] == [
        f'Take your time: I left "let me think" out. {go_on}',
        f'Take your time: I left "let me see" out. {go_on}',
        f"Your reply says: {FIRST.capitalize()}",
    ]


def test_hang_on_while_writing_pauses_so_a_phone_call_is_not_written(
    forum: DemoForum, data: Path
) -> None:
    # "Hang on" was left out, but the call that followed ("hello", "yes this is she") was
    # written into the reply, and took scratching out word by word.
    lines = ["open topic one", "reply", FIRST, "hang on", "hello", "yes this is she", "resume"]
    lines += ["and I had to", "wait", "for it", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3:5] == [
        'Paused, and I left "hang on" out. Your reply is kept. Say resume when you are ready.',
        "I'm listening again. While I was paused I heard words, and did not write them: if "
        "they were part of what you are writing, say them again. You are writing a reply to "
        "Walked to the end of the pier today. It has 7 words so far. Go on with your reply, or "
        "say send it.",
    ]
    # In the middle of a sentence, "wait" is a word of it.
    assert talk.said[-1] == f"Your reply says: {FIRST.capitalize()} and I had to wait for it"


def test_where_was_i_while_writing_says_how_the_words_end(forum: DemoForum, data: Path) -> None:
    # "Where was I" was written in, with advice to say scratch that, then cancel.
    lines = ["open topic one", "reply", "where was I", FIRST, "what was I saying"]
    talk = converse(forum.base_url, [*lines, "read it back"], data, credentials=signed_in(forum))
    go_on = "Go on with your reply, or say send it."
    ending = " ".join(FIRST.split()[-6:])
    assert talk.said[3:] == [
        f"Your reply has no words yet. {go_on}",
        f"Your reply so far ends: … {ending}. {go_on}",
        f"Your reply says: {FIRST.capitalize()}",
    ]


def test_asking_not_to_send_while_writing_sends_nothing(forum: DemoForum, data: Path) -> None:
    # "Unsend it" was heard as "send it" and asked whether to post; "don't send it" was
    # written in, with advice to say send it.
    lines = ["open topic one", "reply", FIRST, "unsend it", "don't send it", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    nothing = (
        "All right, nothing is sent. Go on with your reply, or say send it. To leave it for "
        "now, say cancel: it is kept."
    )
    assert talk.said[3:] == [nothing, nothing, f"Your reply says: {FIRST.capitalize()}"]


def test_words_going_on_with_an_unfinished_sentence_are_written_without_a_word(
    forum: DemoForum, data: Path
) -> None:
    # "I can't", "wait", "to see you all" lost "wait"; "she told me to", "remove the rug"
    # deleted the rug written before, and said again deleted it again.
    lines = ["open topic one", "reply", "my carer moved the rug", "she told me to"]
    lines += ["remove the rug", "I can't", "wait", "to see you all full stop", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3:] == [
        "Your reply says: My carer moved the rug she told me to remove the rug I can't wait "
        "to see you all."
    ]


def test_ill_finish_this_tomorrow_while_writing_puts_it_aside_saved(
    forum: DemoForum, data: Path
) -> None:
    # Written in with no word: next day the reply read "… helps a lot I'll finish this
    # tomorrow goodbye yes".
    for index, later in enumerate(("I'll finish this tomorrow", "save it as a draft please")):
        lines = ["open topic one", "reply", FIRST, later, "reply", "read it back"]
        talk = converse(forum.base_url, lines, data / str(index), credentials=signed_in(forum))
        assert talk.said[3] == (
            "Reply put aside. It is saved: to come back to it, say reply here, or my drafts later."
        )
        assert talk.said[-1] == f"Your reply says: {FIRST.capitalize()}"
