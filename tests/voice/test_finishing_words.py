""" "Done" said alone while writing: kept as reply text (it may end a sentence said after a
pause), and how to send the reply said — through the real voice loop over loopback HTTP."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum

WORDS = "the cooling vest helped me all summer"


def test_done_alone_is_written_and_how_to_send_is_said(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "reply", WORDS, "done", "scratch that", "read it back"]
    lines += ["we got it all done", "that's it"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    hint = "to your reply. If it is finished, say send it. To take the words out, say scratch that."
    assert talk.said[-4] == f'I added "done" {hint}'
    assert talk.said[-3].startswith("Removed the last part.")
    assert talk.said[-2] == f"Your reply says: {WORDS.capitalize()}"
    # Inside a sentence the words are text and nothing is said; alone, the hint again.
    assert talk.said[-1] == f'I added "that\'s it" {hint}'


def test_words_said_at_the_question_before_posting_are_said_not_added(
    forum: DemoForum, data: Path
) -> None:
    # Only the question came again: the person was not told the words went nowhere.
    more = "oh and I forgot to say thank you"
    lines = ["open topic one", "reply", WORDS, "send it", more, "no", "thank you", "send it"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[4] == (
        "I did not add that to your reply: to add to it, say no, then say the words. Shall I "
        "post your reply? Please say yes or no."
    )
    assert talk.said[-1].startswith(
        "Your reply says: The cooling vest helped me all summer thank you."
    )
    # A yes with more words is no clear yes: how to answer is said.
    lines = ["open topic one", "reply", WORDS, "send it", "yes and no"]
    unclear = converse(forum.base_url, lines, data.with_name("other"), credentials=signed_in(forum))
    assert unclear.said[-1] == (
        "I could not be sure of your answer. Say just yes, or just no, on its own. Shall I "
        "post your reply? Please say yes or no."
    )
