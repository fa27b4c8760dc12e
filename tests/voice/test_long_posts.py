"""Long posts: their length said first, and moving through them by paragraph after a stop.

The real demo forum's 2,000-word letter, read by the real voice loop into printed speech.
The one stand-in is the person's key press: the speech output stops itself while saying a
chosen paragraph, as the stop key does from its own thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.key_press import KeyPressedDuring
from voicepeer.demo_forum import DemoForum
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.voice.paragraphs import length_warning, split_paragraphs
from voicepeer.voice.settings import VoiceSettings

OPEN_LETTER = ["search for perching stool", "open topic one"]  # found in the letter alone
STOPPED_AT = "For the first few weeks I read everything"
AFTER_IT = "What helped me more than reading was talking"


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    with DemoForum(tmp_path / "forum.sqlite3") as server:
        yield server


def test_a_long_post_says_its_length_first(forum: DemoForum, tmp_path: Path) -> None:
    talk = converse(forum.base_url, OPEN_LETTER, tmp_path / "data")
    header = next(line for line in talk.said if line.startswith("Post 1 of"))
    # The first page of the 2,049-word letter (up to 1,500 words) at 160 words a minute.
    assert header.endswith("A long post, about 9 minutes. Stop me at any time, then say "
                           "next paragraph, previous paragraph, or skip to the end.")
    assert any(line.startswith(STOPPED_AT) for line in talk.said)
    assert any(line.startswith(AFTER_IT) for line in talk.said)


def test_short_posts_and_a_zero_threshold_give_no_warning(forum: DemoForum,
                                                          tmp_path: Path) -> None:
    short = converse(forum.base_url, ["open topic one"], tmp_path / "a")
    assert "A long post" not in short.transcript
    off = converse(forum.base_url, OPEN_LETTER, tmp_path / "b",
                   settings=VoiceSettings(greeting=False, long_post_s=0))
    assert "A long post" not in off.transcript


def test_after_a_stop_move_by_paragraph_and_skip_to_the_end(forum: DemoForum,
                                                           tmp_path: Path) -> None:
    speech = KeyPressedDuring([STOPPED_AT, STOPPED_AT, AFTER_IT])
    converse(forum.base_url, [*OPEN_LETTER, "previous paragraph", "next paragraph",
                              "skip to the end", "next paragraph", "resume"],
             tmp_path / "data", speech=speech.tracked)
    said = [line.removeprefix(PrintedSpeech.PREFIX) for line in speech.out.getvalue().splitlines()]
    stops = [i for i, line in enumerate(said) if line.startswith(STOPPED_AT)]
    # Read up to the stop, not beyond it.
    assert not said[stops[0] + 1].startswith(AFTER_IT)
    # "previous paragraph": the paragraph before, then the stopped one (stopped again).
    assert stops[1] == stops[0] + 2 and said[stops[0] + 1] != said[stops[0]]
    # "next paragraph": on from the paragraph after it (stopped there this time).
    assert said[stops[1] + 1].startswith(AFTER_IT)
    assert said[stops[1] + 2] == ("End of the post. Say next for the next post, or reply "
                                  "to answer it.")
    assert said[stops[1] + 3] == "That was the last paragraph. Say next for the next post."
    # "resume" after the end reads the post again from its start.
    assert said[stops[1] + 4].startswith("Post 1 of")


def test_resume_after_a_stop_goes_on_from_the_stopped_paragraph(forum: DemoForum,
                                                                tmp_path: Path) -> None:
    speech = KeyPressedDuring([STOPPED_AT])
    converse(forum.base_url, [*OPEN_LETTER, "resume"], tmp_path / "data",
             speech=speech.tracked)
    said = speech.out.getvalue().splitlines()
    stops = [i for i, line in enumerate(said) if STOPPED_AT in line]
    assert len(stops) == 2 and AFTER_IT in said[stops[1] + 1]


def test_length_and_paragraphs() -> None:
    assert split_paragraphs("One.\n\nTwo.\nThree.") == ["One.", "Two.", "Three."]
    words = " ".join(["word"] * 960)
    assert length_warning(words, 160, 120.0).startswith("A long post, about 6 minutes.")
    assert length_warning(words, 160, 400.0) == ""
    assert length_warning("a few words", 160, 120.0) == ""


def test_repeat_after_a_post_says_the_whole_short_post_again(forum: DemoForum,
                                                             tmp_path: Path) -> None:
    talk = converse(forum.base_url, ["open topic one", "repeat"], tmp_path / "data")
    first = next(i for i, line in enumerate(talk.said) if line.startswith("Post "))
    post = talk.said[first:]
    half = len(post) // 2
    assert len(post) % 2 == 0 and post[:half] == post[half:]


def test_repeat_in_a_long_post_says_the_paragraph_reached(forum: DemoForum,
                                                          tmp_path: Path) -> None:
    speech = KeyPressedDuring([STOPPED_AT])
    converse(forum.base_url, [*OPEN_LETTER, "repeat"], tmp_path / "data",
             speech=speech.tracked)
    said = speech.out.getvalue().splitlines()
    assert STOPPED_AT in said[-1] and STOPPED_AT in said[-2]
