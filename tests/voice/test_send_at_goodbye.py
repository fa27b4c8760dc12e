""" "Send it" said at "Shall I stop now?" goes on to the sending question: the person would
rather send than stop. Nothing is sent without its own yes."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum

REPLY = "I am so pleased for you Priya well done"


def _second_topic(forum: DemoForum) -> int:
    return int(httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][1]["id"])


def _posts(forum: DemoForum, topic_id: int) -> int:
    return int(httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["posts_count"])


def test_send_it_at_goodbye_asks_to_post_and_a_yes_posts(forum: DemoForum, data: Path) -> None:
    topic_id = _second_topic(forum)
    before = _posts(forum, topic_id)
    lines = ["open topic two", "reply", REPLY, "goodbye voicepeer", "send it"]
    asked = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert asked.said[-1].startswith("Your reply says: I am so pleased"), asked.transcript
    assert asked.said[-1].endswith("Shall I post it? Say yes or no.")
    assert "Nothing is being written" not in asked.transcript
    assert _posts(forum, topic_id) == before
    posted = converse(forum.base_url, [*lines, "yes"], data / "again", credentials=signed_in(forum))
    assert posted.said[-1].endswith("is posted."), posted.transcript
    assert _posts(forum, topic_id) == before + 1


def test_send_it_at_goodbye_over_a_message_asks_to_send_it(forum: DemoForum, data: Path) -> None:
    lines = ["message priya", "yes", "cooling vests", "which vest did you buy"]
    talk = converse(
        forum.base_url, [*lines, "goodbye voicepeer", "send it"], data, credentials=signed_in(forum)
    )
    assert talk.said[-1].startswith("Your message, titled Cooling vests, says"), talk.transcript
    assert talk.said[-1].endswith("Shall I send it? Say yes or no.")


def test_send_it_at_goodbye_with_nothing_to_send_asks_for_the_answer(
    forum: DemoForum, data: Path
) -> None:
    lines = ["new topic", "walking again after a relapse", "goodbye", "send it"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1].startswith("Please answer this first. Shall I stop now?"), talk.transcript


def test_read_it_back_at_goodbye_reads_the_words_kept(forum: DemoForum, data: Path) -> None:
    # "Read it back does nothing here" was said, with the words about to be left.
    lines = ["open topic two", "reply", REPLY, "goodbye voicepeer", "read it back"]
    lines += ["no", "cancel", "new topic in good news", "walking in the heat"]
    lines += ["it is hard full stop"]
    lines += ["goodbye voicepeer", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    stop = "Shall I stop now? Your {} stays saved. Say yes to stop, or no to go on."
    assert talk.said[4] == f"Your reply says: {REPLY}. {stop.format('reply')}"
    assert talk.said[-1] == (
        f"Your new topic, titled Walking in the heat, says: It is hard. {stop.format('new topic')}"
    )
