""" "Start over" clears what is being written, and "undo" straight after brings it back: a
stumbling "start again" must not lose minutes of dictation. Typed sessions through the real
voice loop against the real demo forum."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import signed_in
from tests.voice.test_assistant import first_topic_id
from voicepeer.demo_forum import DemoForum

FIRST = "the cooling vest helped me all summer"
SECOND = "and the frozen grapes too"


def newest_raw(forum: DemoForum, topic_id: int) -> str:
    posts = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
    return str(httpx.get(f"{forum.base_url}/posts/{posts[-1]['id']}.json").json()["raw"])


def test_undo_after_start_over_brings_the_reply_back(forum: DemoForum, data: Path) -> None:
    topic_id = first_topic_id(forum)
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", FIRST, SECOND, "start over", "undo", "send it", "yes"],
        data,
        credentials=signed_in(forum),
    )
    cleared = talk.said.index(
        "Your reply is empty again. Start when you are ready. If you did not mean that, say undo."
    )
    assert talk.said[cleared + 1] == (
        "Your reply is back as it was. It ends: … summer and the frozen grapes too."
    )
    assert newest_raw(forum, topic_id) == (
        "The cooling vest helped me all summer and the frozen grapes too."
    )


def test_words_said_after_start_over_are_not_swapped_for_the_old_ones(
    forum: DemoForum, data: Path
) -> None:
    # Once something new was said, "scratch that" removes it as always, and the words
    # cleared before are not brought back by a later "undo".
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", FIRST, "start again", "hello", "scratch that", "undo"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-2] == "Removed the last part. Your reply is empty now."
    assert talk.said[-1] == "There is nothing to remove."


def test_start_over_with_nothing_written_offers_no_undo(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", "start over"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-1] == "Your reply is empty again. Start when you are ready."


def test_undo_brings_back_the_changes_to_a_post(forum: DemoForum, data: Path) -> None:
    topic_id = first_topic_id(forum)
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "reply",
            "my ms nurse says the same thing about heat",
            "send it",
            "yes",
            "correct my post",
            "replace heat with fatigue",
            "start over",
            "undo",
            "send it",
            "yes",
        ],
        data,
        credentials=signed_in(forum),
    )
    assert "Your changes are back. It ends: … says the same thing about fatigue." in talk.said
    assert newest_raw(forum, topic_id) == "My MS nurse says the same thing about fatigue."
