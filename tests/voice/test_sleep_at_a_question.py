"""Put to sleep at a yes-or-no question, voicepeer leaves no question open: a yes said in
the room meanwhile answers nothing, and waking asks the question again."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.assistant import QUESTION_PUT_ASIDE

REPLY = "I am so pleased for you Priya well done"


def _post_count(forum: DemoForum, topic_id: int) -> int:
    return int(httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["posts_count"])


def _second_topic(forum: DemoForum) -> int:
    return int(httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][1]["id"])


def test_a_yes_while_asleep_posts_nothing_and_waking_asks_again(
    forum: DemoForum, data: Path
) -> None:
    topic_id = _second_topic(forum)
    before = _post_count(forum, topic_id)
    asleep = ["open topic two", "reply", REPLY, "send it", "go to sleep", "yes"]
    talk = converse(forum.base_url, asleep, data, credentials=signed_in(forum))
    assert _post_count(forum, topic_id) == before, talk.transcript
    assert talk.said[-1] == (f"Going to sleep. {QUESTION_PUT_ASIDE} Say wake up when you need me.")
    again = [*asleep, "wake up"]
    woken = converse(forum.base_url, again, data / "again", credentials=signed_in(forum))
    assert woken.said[-1].startswith("I'm listening again. You are writing a reply to")
    assert woken.said[-1].endswith("Shall I post your reply? Please say yes or no.")


def test_waking_then_yes_posts_the_reply_kept_while_asleep(forum: DemoForum, data: Path) -> None:
    topic_id = _second_topic(forum)
    before = _post_count(forum, topic_id)
    lines = ["open topic two", "reply", REPLY, "send it", "go to sleep", "wake up", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1].endswith("is posted."), talk.transcript
    assert _post_count(forum, topic_id) == before + 1


def test_paused_at_like_a_yes_likes_nothing_until_resumed(forum: DemoForum, data: Path) -> None:
    lines = ["open topic two", "like this post", "pause", "yes", "resume"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert "liked" not in talk.transcript.lower(), talk.transcript
    assert talk.said[-1].endswith("Like this post by Priya Nair? Please say yes or no.")
    liked = converse(forum.base_url, [*lines, "yes"], data / "again", credentials=signed_in(forum))
    assert liked.said[-1].startswith("You liked this post by"), liked.transcript


def test_switched_off_asleep_at_the_question_the_reply_is_kept(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic two", "reply", REPLY, "send it", "pause"]
    converse(forum.base_url, lines, data, credentials=signed_in(forum))
    later = converse(forum.base_url, ["my drafts"], data, credentials=signed_in(forum))
    assert "I am so pleased for you Priya" in later.transcript, later.transcript
