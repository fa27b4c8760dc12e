""" "Replying to Sam Okafor", then "no, to Priya": whom the reply answers, corrected before
a word of it, not written in. Typed sessions through the real voice loop against the demo
forum."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import Conversation, converse
from tests.support.members import keyed_forum, signed_in
from tests.voice.test_assistant import topic_posts
from tests.voice.test_author_cues import topic_number
from voicepeer.demo_forum import DemoForum

AT_SAM = ["open topic two", "next", "reply"]
"""Sam Okafor's post 2 of "Stable MRI for three years!" answered; Priya Nair started it."""
TOPIC = "Stable MRI for three years! (celebration)"
INSTEAD = (
    f"Replying to Priya Nair instead, in {TOPIC}. Say your reply, then say send it. Take your time."
)


def _at_sam(place: Path, said: list[str]) -> Conversation:
    """``said`` after :data:`AT_SAM`, signed in, on a forum of its own in ``place``: signed
    in, a forum keeps where its member stopped reading, and "next" goes on from there."""
    with keyed_forum(place / "forum.sqlite3") as forum:
        return converse(forum.base_url, [*AT_SAM, *said], place, credentials=signed_in(forum))


def test_a_correction_as_the_first_words_answers_the_one_named(
    forum: DemoForum, tmp_path: Path
) -> None:
    topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    topic_id = next(t["id"] for t in topics if t["title"].startswith("Stable MRI for three years"))
    # Written in, it said "No, to Priya Congratulations…", posted as an answer to Sam.
    lines = [*AT_SAM, "no, to Priya", "Congratulations on your scan results full stop"]
    talk = converse(
        forum.base_url, [*lines, "send it", "yes"], tmp_path / "a", credentials=signed_in(forum)
    )
    assert INSTEAD in talk.said, talk.transcript
    asked = next(line for line in talk.said if line.startswith("Your reply says:"))
    assert asked.startswith("Your reply says: Congratulations on your scan results. It will")
    assert "Sam" not in asked
    # Priya's is the topic's first post: the forum shows the reply as one to the topic.
    assert topic_posts(forum, topic_id)[-1]["reply_to_post_number"] in (None, 1)


def test_each_way_of_correcting_whom_is_followed(tmp_path: Path) -> None:
    for index, said in enumerate(
        [
            "not Sam, I meant Priya",
            "not Sam, Priya",
            "I meant Priya",
            "no, Priya",
            "um, no to Priya",
        ]
    ):
        talk = _at_sam(tmp_path / str(index), [said, "read it back"])
        assert talk.said[-2:] == [INSTEAD, "Your reply is empty so far."], talk.transcript


def test_a_reply_beginning_with_no_is_written(tmp_path: Path) -> None:
    # A "no" of the reply's own, a name not of a writer here, or the one answered already.
    for index, said in enumerate(
        ["No, Priya, I think you are right", "No, to be honest I disagree", "No, to Sam"]
    ):
        talk = _at_sam(tmp_path / str(index), [said, "read it back"])
        assert talk.said[-1] == f"Your reply says: {said}", talk.transcript
        assert INSTEAD not in talk.said
    # Once words are written, a correction is written in too (see test_written_in).
    later = _at_sam(tmp_path / "later", ["Well done", "no, to Priya", "read it back"])
    assert INSTEAD not in later.said


def test_a_correction_to_a_post_said_by_its_place_or_title_answers_it(tmp_path: Path) -> None:
    # "No, to the nurse" and "no, to the previous post" were written in: the reply still
    # answered Sam. "To the nurse" said after a pause was written in as well.
    before = _at_sam(tmp_path / "a", ["no, to the previous post", "read it back"])
    assert INSTEAD in before.said and before.said[-1] == "Your reply is empty so far."
    for place, said, answer in (
        ("b", ["reply to jo", "no, to the nurse"], "Replying to Ruth Adeyemi instead, in Infusion"),
        ("c", ["reply", "to the nurse"], "Replying to Ruth Adeyemi in Infusion day"),
    ):
        with keyed_forum(tmp_path / place / "forum.sqlite3") as forum:
            opened = f"open topic {topic_number(forum, 'Infusion day experiences (ocrelizumab)')}"
            talk = converse(
                forum.base_url, [opened, *said], tmp_path / place, credentials=signed_in(forum)
            )
        assert talk.said[-1].startswith(answer), talk.transcript
