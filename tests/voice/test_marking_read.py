""" "Mark all as read" at a topic list and "mark as read" while reading, each after a yes,
through the real voice loop against the demo forum over loopback."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import ADMIN_KEY, keyed_forum, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.error_phrases import not_signed_in
from voicepeer.voice.unread_topics import NOTHING_UNREAD

HELLO = "Hello from a new member"
PIER = "Walked to the end of the pier today"
ALL_OF_THEM = (
    "Mark your 2 unread and new topics as read? They will no longer be unread or new to "
    "you, and the forum cannot make them unread again. Say yes or no."
)


def start(tmp_path: Path) -> DemoForum:
    return keyed_forum(tmp_path / "forum.sqlite3")


def titles(forum: DemoForum, which: str) -> list[str]:
    demo = {"Api-Key": ADMIN_KEY, "Api-Username": "demo"}
    listed = httpx.get(f"{forum.base_url}/{which}.json", headers=demo).json()["topic_list"]
    return [topic["title"] for topic in listed["topics"]]


def unread_and_new(forum: DemoForum) -> tuple[list[str], list[str]]:
    return titles(forum, "unread"), titles(forum, "new")


def test_all_unread_and_new_topics_are_marked_read_after_a_yes(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        assert unread_and_new(forum) == ([HELLO], [PIER])
        talk = converse(
            forum.base_url,
            [
                "unread",
                "mark all as read",
                "no",
                "mark as read",
                "yes",
                "unread",
                "latest topics",
                "open one",
            ],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        after = unread_and_new(forum)
    assert talk.said[1:5] == [
        ALL_OF_THEM,
        "Nothing is marked as read.",
        ALL_OF_THEM,
        f"Done: 2 topics marked as read. You are in your unread topics, on topic 1 of 2: {HELLO}.",
    ]
    assert after == ([], [])
    assert talk.said[5] == NOTHING_UNREAD
    # The forum's latest list still calls the dismissed topic unseen: not said "new".
    assert talk.said[6].startswith(f"14 latest topics. One: {PIER}, by dave, 3 replies. Two:")
    # Never opened, it starts at its first post all the same, as the forum has no reading.
    assert talk.said[7] == f"{PIER}, in Good news. 4 posts."
    assert talk.said[8].startswith("Post 1 of 4, by Dave Whitfield")


def test_the_topics_said_done_are_those_asked_about(tmp_path: Path) -> None:
    # Hello, heard to the end, is left out of the question though the forum still lists it
    # (reading progress reaches it in batches): "your 1 unread or new topic" was then
    # "Done: 2 topics marked as read".
    with start(tmp_path) as forum:
        lines = ["unread", "open topic one", "next", "back", "unread topics"]
        lines += ["mark all as read", "yes"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
        after = unread_and_new(forum)
    assert talk.said[-2] == (
        "Mark your 1 unread or new topic as read? It will no longer be unread or new to you, "
        "and the forum cannot make it unread again. Say yes or no."
    ), talk.transcript
    assert talk.said[-1].startswith("Done: 1 topic marked as read."), talk.transcript
    assert after == ([], [])


def test_a_topic_being_read_is_marked_read_to_its_last_post(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        talk = converse(
            forum.base_url,
            ["latest topics", "open three", "mark as read", "maybe", "yes", "back"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        unread, new = unread_and_new(forum)
    assert talk.said[-4:] == [
        f"Mark all of {HELLO} as read, up to its last post? Say yes or no.",
        "Shall I mark this topic as read? Please say yes or no.",
        f"Done: {HELLO} is marked as read.",
        f"Back to the topic list. Three: {HELLO}, by you, 2 replies.",
    ]
    assert unread == [] and new == [PIER]


def test_a_new_topic_just_opened_is_marked_read_too(tmp_path: Path) -> None:
    # Its reading may not have reached the forum yet (progress goes in batches): it is
    # taken off the new topics all the same.
    with start(tmp_path) as forum:
        converse(
            forum.base_url,
            ["latest topics", "open one", "mark as read", "yes"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
        assert unread_and_new(forum)[1] == []


def test_with_nothing_unread_or_without_an_account_nothing_is_asked(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        data = tmp_path / "data"
        converse(
            forum.base_url,
            ["unread", "mark all as read", "yes"],
            data,
            credentials=signed_in(forum),
        )
        again = converse(
            forum.base_url,
            ["latest topics", "mark all as read"],
            data,
            credentials=signed_in(forum),
        )
        visitor = converse(
            forum.base_url, ["latest topics", "mark all as read"], tmp_path / "visitor"
        )
    assert again.said[-1] == NOTHING_UNREAD
    assert visitor.said[-1] == not_signed_in()


def test_marking_read_the_forum_failed_on_is_not_said_lost_on_the_way(tmp_path: Path) -> None:
    with start(tmp_path) as forum:
        talk = converse(
            forum.base_url,
            ["latest topics", "mark all as read", "yes"],
            tmp_path / "data",
            credentials=signed_in(forum),
            before_line={2: lambda: forum.faults.fail_next(3, 503)},
        )
        assert talk.said[-1] == (
            "The forum had a problem with that, so I am not sure it was done. Please say it "
            "again in a little while to make sure; the forum will not do it twice."
        ), talk.transcript
        forum.faults.clear()
        assert unread_and_new(forum) == ([HELLO], [PIER])
