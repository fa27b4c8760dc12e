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
