""" "Send it to Priya", "send it to everyone", "send it to her" while writing a reply: written
in, as they may be words of it, and said to be, with whom the reply answers and how to
answer someone else (written in unsaid, the reply went on answering Sam). Typed sessions
through the real voice loop against the demo forum."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import keyed_forum, signed_in
from tests.voice.test_assistant import topic_posts
from voicepeer.demo_forum import DemoForum

WRITING_TO_SAM = [
    "open topic two",
    "next",
    "reply",
    "Congratulations on your scan results full stop",
]
"""A reply to Sam Okafor's post 2 of "Stable MRI for three years!", begun."""


def _said_to(place: Path, words: str) -> str:
    # A forum of its own each time: signed in, the forum keeps where the member stopped
    # reading, and "next" would go on from there.
    with keyed_forum(place / "forum.sqlite3") as forum:
        lines = [*WRITING_TO_SAM, words]
        return converse(forum.base_url, lines, place, credentials=signed_in(forum)).said[-1]


def test_send_it_to_someone_says_whom_the_reply_answers(tmp_path: Path) -> None:
    assert _said_to(tmp_path / "a", "send it to Priya") == (
        'I added "send it to Priya" to your reply. Your reply answers Sam Okafor, not Priya '
        "Nair. To answer Priya instead, say scratch that, then cancel, then reply to Priya: "
        "your words are kept."
    )
    assert _said_to(tmp_path / "b", "send it to everyone") == (
        'I added "send it to everyone" to your reply. A reply is for everyone here to read '
        "already; this one answers Sam Okafor. To send it, say scratch that, then send it."
    )
    assert _said_to(tmp_path / "c", "send it to her") == (
        'I added "send it to her" to your reply. Your reply answers Sam Okafor. To answer '
        "someone else, say scratch that, then cancel, then reply to and their name: your "
        "words are kept."
    )
    assert _said_to(tmp_path / "d", "send it to Sam") == (
        'I added "send it to Sam" to your reply. Your reply answers Sam Okafor already. To '
        "send it, say scratch that, then send it."
    )
    # Once words are written, "no, to Priya" is written in too, and said to be.
    assert _said_to(tmp_path / "e", "no, to Priya").startswith(
        'I added "no, to Priya" to your reply. Your reply answers Sam Okafor, not Priya Nair.'
    )
    # A post named by its place: it was said to be someone called "The Previous Post", to
    # write to privately.
    assert _said_to(tmp_path / "f", "no, to the previous post") == (
        'I added "no, to the previous post" to your reply. Your reply answers Sam Okafor. To '
        "answer the previous post instead, say scratch that, then cancel, then reply to the "
        "previous post: your words are kept."
    )


def test_the_way_told_answers_the_one_named_with_the_words_kept(
    forum: DemoForum, tmp_path: Path
) -> None:
    topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    topic_id = next(t["id"] for t in topics if t["title"].startswith("Stable MRI"))
    lines = [*WRITING_TO_SAM, "send it to Dave", "scratch that", "cancel", "reply to Dave"]
    talk = converse(
        forum.base_url, [*lines, "send it", "yes"], tmp_path, credentials=signed_in(forum)
    )
    assert "To answer Dave instead, say scratch that, then cancel, then reply to Dave" in (
        talk.transcript
    )
    posted = topic_posts(forum, topic_id)[-1]
    assert posted["reply_to_post_number"] == 3  # Dave Whitfield's
    assert "Congratulations on your scan results." in str(posted["cooked"])
    assert "send it" not in str(posted["cooked"]).lower()
