""" "Reply to everyone" (or "to the topic") answers the topic as a whole, as Discourse's reply
without reply_to_post_number does; "reply to Sam and Priya" answers one of them and says so."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum

WORDS = "thank you all for sharing this good news"


def _second_topic(forum: DemoForum) -> int:
    return int(httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][1]["id"])


def _last_post(forum: DemoForum, topic_id: int) -> dict[str, object]:
    posts = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
    return dict(posts[-1])


def test_reply_to_everyone_posts_to_the_topic_not_to_the_post_read(
    forum: DemoForum, data: Path
) -> None:
    topic_id = _second_topic(forum)
    lines = ["open topic two", "next", "reply to everyone", WORDS, "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert "Replying to the topic in Stable MRI for three years!" in talk.transcript
    assert "Replying to Sam Okafor" not in talk.transcript
    posted = _last_post(forum, topic_id)
    assert posted["username"] == "demo" and "Thank you all for sharing" in str(posted["cooked"])
    assert posted["reply_to_post_number"] is None


def test_reply_to_the_topic_is_the_same(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["open topic two", "next", "reply to the topic"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-1].startswith("Replying to the topic in"), talk.transcript


def test_reply_to_two_people_answers_the_first_and_names_the_other(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url,
        ["open topic two", "reply to sam and priya"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-3:] == [
        "Post 2 of 6, by Sam Okafor.",
        "A reply answers one person's post, so this one answers Sam Okafor. To speak to "
        "Priya too, say their name in your reply. To answer everyone, say cancel, then reply "
        "to the topic.",
        "Replying to Sam Okafor in Stable MRI for three years! (celebration). Say your reply, "
        "then say send it. Take your time.",
    ], talk.transcript
