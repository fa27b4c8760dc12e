""" "Who mentioned me": only the notifications that mention the person (Discourse's types
mentioned and group_mentioned; a reply or a quote is no mention), through the real voice
loop against the demo forum, whose members have notifications of each kind."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import member_headers, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.notifications import NO_MENTIONS


def kinds(forum: DemoForum, username: str) -> list[int]:
    answer = httpx.get(f"{forum.base_url}/notifications.json", headers=member_headers(username))
    return [n["notification_type"] for n in answer.json()["notifications"]]


def test_who_mentioned_me_reads_the_mentions_alone(forum: DemoForum, data: Path) -> None:
    # Mei has mentions, replies, a quote and a message: all were read, as "notifications".
    assert {1, 2, 3, 6} <= set(kinds(forum, "mei"))
    talk = converse(
        forum.base_url,
        ["who mentioned me", "open three"],
        data,
        credentials=signed_in(forum, "mei"),
    )
    heard = talk.said_after("3 mentions of you, the newest first.")
    lines = [line for line in heard if line[:4] in ("One:", "Two:", "Thre")]
    assert len(lines) == 3, talk.transcript
    assert all(" mentioned you in " in line for line in lines), lines
    assert not any(w in talk.transcript for w in ("replied to you", "quoted you", "message:"))
    assert lines[2].endswith("in Just diagnosed with RRMS last week and feeling lost.")
    opened = talk.said_after("Say open and its number to read one.")
    assert opened[0].startswith("Just diagnosed with RRMS last week and feeling lost, in ")


def test_mentions_heard_are_marked_read_and_the_rest_stay_new(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url, ["who mentioned me", "notifications"], data, credentials=signed_in(forum)
    )
    assert talk.said[0] == "1 mention of you."
    assert talk.said[1] == "One: sam mentioned you in Hello from a new member."
    # The reply and the message are still new: the mention alone was heard.
    assert talk.said[3] == "You have 2 new notifications."
    assert "mentioned you" not in " ".join(talk.said[3:])


def test_with_no_mentions_it_says_so_and_how_to_hear_all(forum: DemoForum, data: Path) -> None:
    # Priya has replies and a message, and no mention.
    assert 1 not in kinds(forum, "priya") and kinds(forum, "priya")
    talk = converse(
        forum.base_url,
        ["who mentioned me"],
        data,
        credentials=signed_in(forum, "priya"),
    )
    assert talk.said[0] == NO_MENTIONS
    assert "notifications" in NO_MENTIONS
