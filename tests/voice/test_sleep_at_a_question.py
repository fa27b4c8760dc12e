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


def test_go_to_sleep_voicepeer_while_writing_pauses_and_waking_goes_on(
    forum: DemoForum, data: Path
) -> None:
    # There was no pause while writing but leaving the reply; "go to sleep" alone is written
    # in (it may be words of the reply: "I had to" … "go to sleep" … "early"), and after a
    # finished sentence it is said to be, with how to pause.
    lines = ["open topic two", "reply", "well done full stop", "go to sleep", "scratch that"]
    lines += ["go to sleep voicepeer", "I am talking to my sister", "yes", "wake up"]
    lines += ["I had to", "go to sleep", "early full stop", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3] == (
        'I added "go to sleep" to your reply. To pause while writing, say go to sleep '
        "voicepeer: your reply is kept. To take the words out, say scratch that."
    )
    assert talk.said[5:] == [
        "Going to sleep. Your reply is kept. Say wake up when you need me.",
        "I'm listening again. You are writing a reply to Stable MRI for three years! "
        "(celebration). It has 2 words so far. Go on with your reply, or say send it.",
        "Your reply says: Well done. I had to go to sleep early.",
    ]


def test_the_name_said_after_a_pause_makes_the_command_and_the_word_comes_out(
    forum: DemoForum, data: Path
) -> None:
    # "Go to sleep", told how to pause, then "voicepeer" after a pause: "Go to sleep
    # voicepeer" was written into the reply, and nothing paused.
    lines = ["open topic two", "reply", "well done full stop", "go to sleep", "voicepeer"]
    lines += ["wake up", "read it back", "goodbye", "voicepeer", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[4] == "Going to sleep. Your reply is kept. Say wake up when you need me."
    assert talk.said[6] == "Your reply says: Well done."
    assert talk.said[-2].startswith("Your reply is not posted yet."), talk.transcript
    again = converse(
        forum.base_url,
        ["open topic two", "reply", "read it back"],
        data,
        credentials=signed_in(forum),
    )
    assert again.said[-1] == "Your reply says: Well done.", again.transcript


def test_a_message_being_written_sleeps_and_is_kept(forum: DemoForum, data: Path) -> None:
    lines = ["message priya", "yes", "cooling vests", "which vest did you buy"]
    lines += ["voicepeer go to sleep"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == "Going to sleep. Your message is kept. Say wake up when you need me."
    again = converse(forum.base_url, ["message priya", "yes"], data, credentials=signed_in(forum))
    assert "which vest did you buy" in again.transcript.lower(), again.transcript


def test_goodbye_voicepeer_while_resting_ends_the_session_and_keeps_the_words(
    forum: DemoForum, data: Path
) -> None:
    # Asleep or paused, only waking was heard: a person saying goodbye heard nothing. A
    # lone "bye" stays room talk.
    lines = ["open topic two", "reply", "well done full stop", "go to sleep voicepeer"]
    lines += ["bye", "goodbye voicepeer", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3] == "Going to sleep. Your reply is kept. Say wake up when you need me."
    assert talk.said[-2].startswith("Your reply is not posted yet."), talk.transcript
    assert talk.said[-1] == "Goodbye. Your reply is saved. Your place is kept for next time."
    paused = converse(forum.base_url, ["latest topics", "pause", "goodbye voicepeer"], data / "p")
    assert paused.said[-1] == "Goodbye. Your place is kept for next time."
