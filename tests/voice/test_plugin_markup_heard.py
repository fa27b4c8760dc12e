"""A post with a spoiler, footnotes and a nested list, as stock Discourse's plugins and
markdown-it cook them, heard in the voice loop as voicepeer reads that HTML: the hidden
words after a yes and a warning, each note named where it is and read at the end, and the
nested items said to be under the one above."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import keyed_forum, posted
from voicepeer.speech.text import cooked_to_speech

RAW = (
    "What helps me on hot days[^heat]:\n\n"
    "- Keeping cool\n"
    "  - a fan by the bed\n"
    "  - a cooling vest\n"
    "- Resting after lunch\n\n"
    "[spoiler]\nThe vest looks a bit silly.\n[/spoiler]\n\n"
    "The film's ending was [spoiler]all a dream[/spoiler], sadly.^[I still liked it.]\n\n"
    "[^heat]: Heat makes my symptoms worse for a while."
)


def test_a_spoiler_notes_and_a_nested_list_are_heard_as_written(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        body = {"title": "What helps you on hot days?", "raw": RAW, "category": 1}
        cooked = posted(forum, "sam", body)["cooked"]
        talk = converse(forum.base_url, ["open topic one", "yes"], tmp_path / "data")
    lines = talk.transcript.splitlines()
    asked = next(i for i, line in enumerate(lines) if line.startswith("Post 1 of 1, by "))
    assert lines[asked].endswith("Read it all? Say yes or no."), talk.transcript
    start = next(i for i, line in enumerate(lines) if i > asked and line.startswith("Post 1"))
    heard = lines[start : start + 12]
    assert heard[0].endswith(", just now. What helps me on hot days (note 1):"), talk.transcript
    assert heard[1:] == [
        "Item one: Keeping cool.",
        "Under that, item one: a fan by the bed.",
        "Item two: a cooling vest.",
        "Item two: Resting after lunch.",
        "Hidden text, may spoil:",
        "The vest looks a bit silly.",
        "End of hidden text.",
        "The film's ending was (hidden text, may spoil: all a dream), sadly. Note 2.",
        "Notes:",
        "Note one: Heat makes my symptoms worse for a while.",
        "Note two: I still liked it.",
    ], talk.transcript
    # Just as voicepeer reads the HTML Discourse itself cooks (tests/speech).
    assert heard[1:] == cooked_to_speech(cooked).splitlines()[1:]
