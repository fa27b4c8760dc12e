"""Lines typed while voicepeer still waits for a slow forum, through the real voice loop
in text mode against the real demo forum: once what came before them fails, they are not
acted on, each named; a failure of words typed ahead names them."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.typed_lines import at_once, said, typed_when
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.settings import ForumSettings

REPLY = "I am so happy for you and I hope it stays that way"
QUICK = ForumSettings(
    request_deadline_s=1.0, read_deadline_s=1.2, read_retries=1, retry_backoff_s=0.01
)
"""A forum slower than a second counts as out of reach."""


def _second_topic(base_url: str) -> int:
    return int(httpx.get(f"{base_url}/latest.json").json()["topic_list"]["topics"][1]["id"])


def test_lines_typed_before_a_failure_was_told_are_named_not_done(tmp_path: Path) -> None:
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        listed = said("latest topics")
        steps = [
            (at_once, lambda: None, "latest topics"),
            (listed, lambda: forum.faults.slow(3.0), "open topic 2"),
            (listed, lambda: None, "reply"),
            (listed, lambda: None, REPLY),
            (listed, lambda: None, "send it"),
            # Typed once the failure and what was not done are told: acted on again.
            (said("You also said: send it."), forum.faults.clear, "open topic 2"),
        ]
        talk = converse(
            forum.base_url,
            [],
            tmp_path / "data",
            forum_settings=QUICK,
            listener=typed_when(steps),
            tell_when_quiet=True,
        )
    after = talk.said_after("latest topics")
    assert after[0].startswith("I cannot reach the forum right now"), talk.transcript
    assert after[1] == (
        "While I waited for the forum, you also said: reply. I have not done it, since what "
        "you asked before did not work. Say it again if you still want it."
    ), talk.transcript
    assert after[2] == f"You also said: {REPLY}. Not done either.", talk.transcript
    assert after[3] == "You also said: send it. Not done either.", talk.transcript
    assert after[4].startswith("Stable MRI for three years!"), talk.transcript
    assert not any("didn't catch" in line for line in talk.said), talk.transcript


def test_a_failure_of_a_line_typed_ahead_names_it(tmp_path: Path) -> None:
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        topic = _second_topic(forum.base_url)

        def slow_list_failing_topic() -> None:
            forum.faults.slow(0.5, path="/latest.json")
            forum.faults.fail_next(10, 503, path=f"/t/{topic}.json")

        steps = [
            (at_once, slow_list_failing_topic, "latest topics"),
            (at_once, lambda: None, "open topic 2"),  # typed while the list is awaited
            (said("You said: open topic 2."), lambda: None, "where am i"),
        ]
        talk = converse(
            forum.base_url,
            [],
            tmp_path / "data",
            forum_settings=QUICK,
            listener=typed_when(steps),
            tell_when_quiet=True,
        )
    after = talk.said_after("latest topics")
    assert after[0].startswith("You said: open topic 2. The forum"), talk.transcript
    assert after[1].startswith("You are in the topic list"), talk.transcript


def test_a_line_typed_once_the_answer_before_was_said_is_not_named(tmp_path: Path) -> None:
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        steps = [
            (at_once, lambda: None, "latest topics"),
            (said("latest topics"), lambda: forum.faults.slow(3.0), "open topic 2"),
            (said("I cannot reach"), forum.faults.clear, "where am i"),
        ]
        talk = converse(
            forum.base_url,
            [],
            tmp_path / "data",
            forum_settings=QUICK,
            listener=typed_when(steps),
            tell_when_quiet=True,
        )
    after = talk.said_after("latest topics")
    assert after[0].startswith("I cannot reach the forum right now"), talk.transcript
    assert after[1].startswith("You are in the topic list"), talk.transcript


def test_a_search_too_short_holds_back_nothing_typed_after_it(tmp_path: Path) -> None:
    # Refused before anything is sent: no failure at the forum, so the lines typed
    # after it mean what they meant.
    typed = ["search for", "MS", "fatigue pacing", "open topic one", "back", "latest topics"]
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        talk = converse(
            forum.base_url,
            [],
            tmp_path / "data",
            listener=typed_when([(at_once, lambda: None, line) for line in typed]),
            tell_when_quiet=True,
        )
    assert any("too short to search for" in line for line in talk.said), talk.transcript
    assert not any("also said" in line for line in talk.said), talk.transcript
    assert any(line.startswith("Back to the topics about fatigue") for line in talk.said)
    assert talk.said[-1].startswith("14 latest topics"), talk.transcript
