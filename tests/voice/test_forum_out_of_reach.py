"""Commands while the forum is out of reach, through the real voice loop in text mode
against the real demo forum: the first finds it so after its retries, the next are answered
at once, and once the forum is back they work again."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from tests.support.conversation import converse
from tests.support.restarts import ForumRestarts
from voicepeer.forum.settings import ForumSettings

STILL = (
    "The forum is still out of reach. Anything you write is kept, and sent once it answers again."
)


def test_once_known_out_of_reach_commands_are_answered_at_once(tmp_path: Path) -> None:
    heard_at: list[float] = []

    def stamp() -> None:
        heard_at.append(time.monotonic())

    lines = ["open topic one", "open topic two", "open topic three", "open topic four"]
    with ForumRestarts(tmp_path / "forum.sqlite3") as forum:

        def go_away() -> None:
            stamp()
            forum.go_down()

        def come_back() -> None:
            stamp()
            forum.come_back()

        talk = converse(
            forum.url,
            [*lines, "where am i"],
            tmp_path / "data",
            forum_settings=ForumSettings(retry_backoff_s=0.5, read_retries=3),
            before_line={
                0: stamp,
                1: go_away,
                2: stamp,
                3: come_back,
                4: stamp,
            },
        )
    took = [later - earlier for earlier, later in itertools.pairwise(heard_at)]
    assert took[1] >= 0.5 + 1.0  # found out of reach after its retries
    assert took[2] < 0.5, took  # then at once
    after_one = talk.said_after("Post 1 of")
    assert after_one[0].startswith("I cannot reach the forum right now"), talk.transcript
    assert after_one[1] == STILL, talk.transcript
    assert after_one[2].startswith("MRI results day"), talk.transcript  # back: read again
