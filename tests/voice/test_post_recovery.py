"""Bringing back one's own deleted post or topic by voice: only after a clear yes, as
Discourse lets its author do for a day; the copy of its words kept at the deletion goes, so
they are not in two places; what the forum would refuse is said at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import member_headers, signed_in
from tests.support.transports import DropAfterSending
from tests.voice.test_assistant import first_topic_id
from tests.voice.test_post_deletion import (
    DELETED,
    HUG_TITLE,
    POST_IT,
    last_post,
    start_own_topic,
)
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.drafts import DraftStore
from voicepeer.voice.post_recovery import NO_TOPIC_DELETED, NOT_DELETED, NOTHING_DELETED, TOO_LATE
from voicepeer.voice.settings import VoiceSettings

DELETE_IT = [*POST_IT, "delete my post", "yes"]
BACK = (
    "Your post is back, as it was. I have taken its words out of your drafts: they are on "
    "the forum again."
)


def reply_draft(forum: DemoForum, data: Path) -> str | None:
    return DraftStore(data / "outbox.sqlite3").load(f"topic-{first_topic_id(forum)}")


def test_a_post_deleted_just_now_comes_back_after_yes_and_its_draft_goes(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url,
        [*DELETE_IT, "bring back my post", "yes"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-3] == DELETED
    assert talk.said[-2] == (
        "Bring back your deleted post, posted just now? It began: Thank you for this it helps "
        "a lot to know I am… Everyone will see it again, where it was. Say yes or no."
    )
    assert talk.said[-1] == BACK
    mine = last_post(forum)
    assert mine["user_deleted"] is False and "helps a lot to know" in str(mine["cooked"])
    assert reply_draft(forum, data) is None


def test_no_leaves_it_deleted_and_a_mishearing_only_asks_again(
    forum: DemoForum, data: Path
) -> None:
    lines = [*DELETE_IT, "bring back my post", "yeah", "no"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2] == "Shall I bring back your post? Please say yes or no."
    assert talk.said[-1] == "Your post stays deleted."
    assert last_post(forum)["user_deleted"] is True
    assert "helps a lot to know" in (reply_draft(forum, data) or "")  # the words stay kept


def test_in_a_later_session_the_newest_deleted_post_is_found_and_brought_back(
    forum: DemoForum, data: Path
) -> None:
    converse(forum.base_url, DELETE_IT, data, credentials=signed_in(forum))
    talk = converse(
        forum.base_url,
        ["open topic one", "bring back my post", "yes"],
        data,
        credentials=signed_in(forum),
    )
    # Its words are not known here any more: the question cannot quote them.
    assert talk.said[-2] == (
        "Bring back your deleted post, posted just now? Everyone will see it again, where it "
        "was. Say yes or no."
    )
    assert talk.said[-1] == BACK  # the draft still matched the words brought back
    assert last_post(forum)["user_deleted"] is False


def test_a_changed_draft_is_left_alone(forum: DemoForum, data: Path) -> None:
    converse(forum.base_url, DELETE_IT, data, credentials=signed_in(forum))
    DraftStore(data / "outbox.sqlite3").save(f"topic-{first_topic_id(forum)}", "Something new.")
    talk = converse(
        forum.base_url,
        ["open topic one", "bring back my post", "yes"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-1] == "Your post is back, as it was."
    assert reply_draft(forum, data) == "Something new."


def test_nothing_deleted_here_is_said_at_once(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url, ["open topic one", "bring back my post"], data, credentials=signed_in(forum)
    )
    assert talk.said[-1] == NOTHING_DELETED


def test_after_the_forums_day_it_is_said_at_once_and_not_asked(
    forum: DemoForum, data: Path
) -> None:
    converse(forum.base_url, DELETE_IT, data, credentials=signed_in(forum))
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute("UPDATE posts SET user_deleted_at = '2026-01-01T10:00:00.000Z'")
    talk = converse(
        forum.base_url, ["open topic one", "bring back my post"], data, credentials=signed_in(forum)
    )
    assert talk.said[-1] == TOO_LATE
    assert "Say yes or no" not in talk.transcript


def test_brought_back_on_the_web_meanwhile_is_said_so(forum: DemoForum, data: Path) -> None:
    converse(forum.base_url, DELETE_IT, data, credentials=signed_in(forum))
    stub = last_post(forum)

    def recover_on_the_web() -> None:
        httpx.put(
            f"{forum.base_url}/posts/{stub['id']}/recover", headers=member_headers("demo")
        ).raise_for_status()

    # Reading the stub itself, as it was when read: the forum is asked again before asking.
    to_the_stub = ["next"] * (int(str(stub["post_number"])) - 1)
    lines = ["open topic one", "first post", *to_the_stub, "bring back my post"]
    talk = converse(
        forum.base_url,
        lines,
        data,
        credentials=signed_in(forum),
        before_line={len(lines) - 1: recover_on_the_web},
    )
    assert "(post deleted by author)" in talk.said[-2], talk.said
    assert talk.said[-1] == NOT_DELETED


def test_an_answer_lost_after_the_forum_brought_it_back_is_checked_and_said_done(
    forum: DemoForum, data: Path
) -> None:
    lossy = DropAfterSending("PUT", r"^/posts/\d+/recover$")
    talk = converse(
        forum.base_url,
        [*DELETE_IT, "bring back my post", "yes"],
        data,
        credentials=signed_in(forum),
        transport=lossy,
    )
    assert lossy.dropped == 1
    assert talk.said[-1] == BACK
    assert last_post(forum)["user_deleted"] is False


@pytest.mark.parametrize(
    "from_the_list", [[], ["back"]], ids=["in_the_topic", "from_the_topic_list"]
)
def test_a_deleted_topic_of_ones_own_comes_back_reopened(
    forum: DemoForum, data: Path, from_the_list: list[str]
) -> None:
    # Back at the topic list the forum lists the deleted topic no more: "bring back my
    # topic" there opens the one deleted last, and asks.
    title, topic_id = HUG_TITLE, start_own_topic(forum)
    talk = converse(
        forum.base_url,
        ["open topic one", "delete my post", "yes", *from_the_list, "bring back my topic", "yes"],
        data,
        credentials=signed_in(forum),
        settings=VoiceSettings(greeting=False, unread_first=False),
    )
    deleted = talk.said_after("Delete your topic")[0]
    assert deleted.endswith("If you change your mind, say bring back my topic within a day.")
    assert talk.said[-2] == (
        f"Bring back your topic, {title}? It began: A tight band around my ribs since "
        "yesterday. Is this what people… Everyone will see it again, open for replies. Say "
        "yes or no."
    )
    assert talk.said[-1] == (
        "Your topic is back, as it was. I have taken its words out of your drafts: they are "
        "on the forum again."
    )
    topic = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()
    assert topic["closed"] is False
    assert topic["post_stream"]["posts"][0]["cooked"].startswith("<p>A tight band")
    drafts = DraftStore(data / "outbox.sqlite3")
    assert drafts.load("new topic in 1") is None
    assert drafts.load("new topic in 1 title") is None


def test_at_the_topic_list_with_no_topic_deleted_it_says_where_to_go(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url, ["latest topics", "bring back my topic"], data, credentials=signed_in(forum)
    )
    assert talk.said[-1] == NO_TOPIC_DELETED
