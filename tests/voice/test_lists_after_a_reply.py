"""The lists heard before a reply, heard again after it: the reply is counted, so that
"back" and "latest topics" do not give the count from before it as if it were lost. Through
the real voice loop against the demo forum over loopback."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import keyed_forum, signed_in
from tests.voice.test_unposted_reply import HELD

PIER = "Walked to the end of the pier today"
REPLY = ["reply", "lovely to hear well done on the walk", "send it", "yes"]


def test_a_reply_posted_is_counted_in_the_list_it_was_opened_from(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        talk = converse(
            forum.base_url,
            ["latest topics", "open one", *REPLY, "back", "latest topics"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
    assert talk.said[0].startswith(
        f"14 latest topics, 2 with new posts. One: {PIER}, by dave, 3 replies, new."
    )
    assert talk.said[-3] == f"Your reply to {PIER} is posted."
    assert talk.said[-2] == f"Back to the topic list. One: {PIER}, by dave, 4 replies."
    # Read again from the forum, not reused from before the reply; and read, not new.
    assert talk.said[-1].startswith(
        f"14 latest topics, 1 with new posts. One: {PIER}, by dave, 4 replies."
    )


def test_a_reply_waiting_for_a_moderator_is_not_counted(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        talk = converse(
            forum.base_url,
            ["latest topics", "open one", "reply", HELD, "send it", "yes", "back"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
    assert talk.said[-2].endswith("is waiting for a moderator to approve it.")
    assert talk.said[-1] == f"Back to the topic list. One: {PIER}, by dave, 3 replies."
