"""Commands while the forum is out of reach, through the real voice loop in text mode
against the real demo forum: the first finds it so after its retries, the next are answered
at once, and once the forum is back they work again."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from tests.support.conversation import converse
from tests.support.restarts import ForumRestarts
from tests.support.typed_lines import at_once, said, typed_when
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.forum_back import FORUM_BACK

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
    assert took[1] >= ForumSettings().refused_retry_s  # found out of reach after a retry
    assert took[2] < 0.5, took  # then at once
    after_one = talk.said_after("Post 1 of")
    assert after_one[0].startswith("I cannot reach the forum right now"), talk.transcript
    assert after_one[1] == STILL, talk.transcript
    assert after_one[2].startswith("MRI results day"), talk.transcript  # back: read again


EARLIER = "I can't reach the forum, so this is the list from earlier, saved a moment ago."


def test_a_list_asked_for_again_once_the_forum_went_down_is_said_to_be_from_earlier(
    tmp_path: Path,
) -> None:
    # Asked for again within a minute, the list was reused as it was, with no word that
    # the forum no longer answered.
    with ForumRestarts(tmp_path / "forum.sqlite3") as forum:
        talk = converse(
            forum.url,
            ["latest topics", "latest topics"],
            tmp_path / "data",
            forum_settings=ForumSettings(retry_backoff_s=0.05, read_retries=1),
            before_line={1: forum.go_down},
        )
    assert talk.said[0].startswith("14 latest topics")
    assert talk.said[1].startswith(f"{EARLIER} 14 latest topics"), talk.transcript


def test_after_the_forum_was_found_out_of_reach_a_list_is_said_to_be_from_earlier(
    tmp_path: Path,
) -> None:
    with ForumRestarts(tmp_path / "forum.sqlite3") as forum:
        talk = converse(
            forum.url,
            ["latest topics", "open topic two", "latest topics"],
            tmp_path / "data",
            forum_settings=ForumSettings(retry_backoff_s=0.05, read_retries=1),
            before_line={1: forum.go_down},
        )
    assert talk.said[1].startswith("I cannot reach the forum right now"), talk.transcript
    assert talk.said[2].startswith(f"{EARLIER} 14 latest topics"), talk.transcript


def test_once_told_out_of_reach_its_return_is_told_once_in_a_quiet_moment(
    tmp_path: Path,
) -> None:
    with ForumRestarts(tmp_path / "forum.sqlite3") as forum:
        steps = [
            (at_once, forum.go_down, "latest topics"),
            # Nothing typed: the forum comes back while the person is silent.
            (said("I cannot reach the forum"), forum.come_back, ""),
            # Quiet moments go on after it was told: it is told once.
            (said(FORUM_BACK), lambda: time.sleep(1.5), "latest topics"),
        ]
        talk = converse(
            forum.url,
            [],
            tmp_path / "data",
            forum_settings=ForumSettings(retry_backoff_s=0.01, read_retries=1, down_check_s=0.3),
            listener=typed_when(steps),
            tell_when_quiet=True,
        )
    after = talk.said_after("I cannot reach the forum")
    assert after[0] == FORUM_BACK, talk.transcript
    assert after[1].startswith("14 latest topics"), talk.transcript
    assert talk.said.count(FORUM_BACK) == 1, talk.transcript


def test_a_return_found_by_the_persons_own_command_is_not_told_again(tmp_path: Path) -> None:
    with ForumRestarts(tmp_path / "forum.sqlite3") as forum:
        steps = [
            (at_once, forum.go_down, "latest topics"),
            (said("I cannot reach the forum"), forum.come_back, "latest topics"),
            (said("14 latest topics"), lambda: time.sleep(1.0), "where am i"),
        ]
        talk = converse(
            forum.url,
            [],
            tmp_path / "data",
            forum_settings=ForumSettings(retry_backoff_s=0.01, read_retries=1, down_check_s=60),
            listener=typed_when(steps),
            tell_when_quiet=True,
        )
    assert FORUM_BACK not in talk.said, talk.transcript
    assert talk.said[-1].startswith("You are in the topic list"), talk.transcript
