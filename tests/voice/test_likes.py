"""Liking a post, signed in: the post says whether the forum would take the like (as its own
page greys the button), so the person is never asked for a yes that cannot count."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import keyed_forum, member_headers, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.error_phrases import ALREADY_LIKED, LIKE_REFUSED
from voicepeer.voice.settings import VoiceSettings

ASKED = "Like this post by Dave Whitfield? Say yes or no."


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    with keyed_forum(tmp_path / "forum.sqlite3") as server:
        yield server


def topic_one(forum: DemoForum) -> int:
    """The topic "open topic one" opens: the first of the latest."""
    latest = httpx.get(f"{forum.base_url}/latest.json").json()
    return int(latest["topic_list"]["topics"][0]["id"])


def first_post_likes(forum: DemoForum) -> int:
    url = f"{forum.base_url}/t/{topic_one(forum)}.json"
    posts = httpx.get(url).json()["post_stream"]["posts"]
    like: dict[str, int] = next((a for a in posts[0]["actions_summary"] if a["id"] == 2), {})
    return int(like.get("count", 0))


def test_a_post_liked_already_is_said_so_without_asking_again(forum: DemoForum, data: Path) -> None:
    lines = ["open topic one", "like this post", "yes", "like this post"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3:] == [ASKED, "You liked this post by Dave Whitfield.", ALREADY_LIKED]
    assert first_post_likes(forum) == 1
    # In a later session the post, read again, says the same.
    again = converse(
        forum.base_url, ["open topic one", "like this post"], data, credentials=signed_in(forum)
    )
    assert again.said[-1] == ALREADY_LIKED and ASKED not in again.said


def test_ones_own_post_is_not_asked_about(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["open topic one", "like this post"],
        data,
        credentials=signed_in(forum, "dave"),  # Dave Whitfield, who wrote its first post
        settings=VoiceSettings(greeting=False, unread_first=False),
    )
    assert talk.said[-1] == LIKE_REFUSED
    assert first_post_likes(forum) == 0


def test_an_archived_topic_says_it_takes_no_more_likes(forum: DemoForum, data: Path) -> None:
    archived = httpx.put(
        f"{forum.base_url}/t/{topic_one(forum)}/status.json",
        headers=member_headers("ruth"),
        json={"status": "archived", "enabled": "true"},
    )
    assert archived.status_code == 200, archived.text
    lines = ["open topic one", "like this post", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert "This topic is archived, so its posts take no more likes." in talk.said
    assert ASKED not in talk.said
    assert first_post_likes(forum) == 0
