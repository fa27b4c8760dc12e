"""A topic in slow mode: before dictating, the person hears when their reply can go; a reply
confirmed sooner waits in the outbox and is sent when the forum takes it, not handed back
as refused (the forum's 422 gives no time: the topic's page does)."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import keyed_forum, member_headers, signed_in

PIER = "Walked to the end of the pier today"


def test_a_reply_too_soon_in_slow_mode_waits_and_is_sent_when_the_forum_takes_it(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
        topic_id = int(topics[0]["id"])
        slowed = httpx.put(
            f"{forum.base_url}/t/{topic_id}/slow_mode",
            json={"seconds": 600},
            headers=member_headers("ruth"),
        )
        assert slowed.status_code == 200
        account = signed_in(forum)
        first = ["reply", "well done on the pier that is a long walk", "send it", "yes"]
        second = ["reply", "the cafe at the end has good chairs too", "send it", "yes"]
        talk = converse(
            forum.base_url, ["open topic one", *first, *second], data, credentials=account
        )
        assert f"Your reply to {PIER} is posted." in talk.said
        assert (
            "This topic is in slow mode: your reply can go in 10 minutes. Take your time; I "
            "will send it then." in talk.said
        )
        assert talk.said[-1] == (
            f"Your reply to {PIER} is not sent yet: this topic is in slow mode, and takes one "
            "post from you every 10 minutes. I have kept it, and I will send it in 10 minutes."
        )
        with sqlite3.connect(forum.db_path) as conn:  # ten minutes on
            conn.execute(
                "UPDATE posts SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at,"
                " '-601 seconds') WHERE topic_id = ?",
                (topic_id,),
            )
        later = converse(forum.base_url, [], data, credentials=account)
        assert any(
            line == f"Your earlier reply to {PIER} has now been posted." for line in later.said
        )
        posts = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
        assert "good chairs" in posts[-1]["cooked"] and posts[-1]["username"] == "demo"


def test_slow_mode_ending_sooner_than_the_interval_is_the_wait_heard(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
        topic_id = int(topics[0]["id"])
        ends = datetime.now(UTC) + timedelta(minutes=10)
        slowed = httpx.put(
            f"{forum.base_url}/t/{topic_id}/slow_mode",
            json={"seconds": 3600, "enabled_until": ends.isoformat()},
            headers=member_headers("ruth"),
        )
        assert slowed.status_code == 200
        first = ["reply", "well done on the pier that is a long walk", "send it", "yes"]
        talk = converse(
            forum.base_url,
            ["open topic one", *first, "reply"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        # An hour after the reply just posted, but slow mode ends in ten minutes (less the
        # moments the session took).
        waits = [
            int(found[1])
            for line in talk.said[-2:]
            if (
                found := re.match(
                    r"This topic is in slow mode: your reply can go in (\d+) minutes", line
                )
            )
        ]
        assert len(waits) == 1 and 5 <= waits[0] <= 10
