"""Coming back from a pause: typed sessions through the real voice loop against the real
demo forum. Woken with "voicepeer", a "resume" said next read the next post unasked (and a
"like" went to it); "I'm back" and "where was I" got no answer at all while paused; and
"resume" after a "pause" written into a reply was written in as well."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum

TOPIC = "Stable MRI for three years! (celebration)"
WOKEN = f"I'm listening again. You are reading {TOPIC}, post 1 of 6."
PAUSED = (
    "Paused. Your place is kept, even if I am switched off. Say resume when you are ready, or "
    "goodbye voicepeer to stop for today."
)
GO_ON_OR_STOP = "Say resume to go on, or goodbye voicepeer to stop for today."
AT_TOPIC_TWO = ["latest topics", "open topic two"]


def _likes_of(forum: DemoForum, author: str) -> int:
    topic_id = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][1]["id"]
    posts = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
    post = next(p for p in posts if p["username"] == author)
    return sum(a.get("count", 0) for a in post["actions_summary"] if a["id"] == 2)


@pytest.mark.parametrize("again", ["resume", "continue", "wake up", "voicepeer"])
def test_a_resume_said_right_after_waking_is_the_same_wish(
    forum: DemoForum, data: Path, again: str
) -> None:
    priya, sam = _likes_of(forum, "priya"), _likes_of(forum, "sam")
    lines = [*AT_TOPIC_TWO, "pause", "voicepeer", again, "like this post", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said_after(PAUSED) == [
        WOKEN,
        "Like this post by Priya Nair? Say yes or no.",
        "You liked this post by Priya Nair.",
    ]
    assert (_likes_of(forum, "priya"), _likes_of(forum, "sam")) == (priya + 1, sam)


def test_woken_a_resume_said_later_reads_on(forum: DemoForum, data: Path) -> None:
    lines = [*AT_TOPIC_TWO, "pause", "voicepeer", "resume", "resume"]
    talk = converse(forum.base_url, lines, data)
    assert talk.said_after(PAUSED)[0] == WOKEN
    assert talk.said[-1].startswith("Post 2 of 6, by Sam Okafor"), talk.transcript


def test_voicepeer_then_wake_up_answers_once(forum: DemoForum, data: Path) -> None:
    talk = converse(forum.base_url, ["go to sleep", "voicepeer", "wake up"], data)
    assert talk.said_after("Going to sleep") == [
        "I'm listening again. You are at the start. Say latest topics."
    ]


def test_woken_while_writing_a_resume_is_not_written_in(forum: DemoForum, data: Path) -> None:
    lines = [*AT_TOPIC_TWO, "reply", "I agree", "go to sleep voicepeer", "voicepeer", "resume"]
    talk = converse(forum.base_url, [*lines, "read it back"], data, credentials=signed_in(forum))
    assert talk.said[-1] == "Your reply says: I agree", talk.transcript


@pytest.mark.parametrize("back", ["I'm back", "sorry I'm back", "ok I'm back now"])
def test_paused_i_am_back_resumes_after_room_talk(forum: DemoForum, data: Path, back: str) -> None:
    lines = [*AT_TOPIC_TWO, "pause", "hello", "yes this is she", back]
    talk = converse(forum.base_url, lines, data)
    assert talk.said_after(PAUSED) == [WOKEN]


def test_paused_where_was_i_is_answered_and_voicepeer_stays_paused(
    forum: DemoForum, data: Path
) -> None:
    # "Help" and "I'm lost" got no answer at all, paused after "that's enough for today".
    lines = [*AT_TOPIC_TWO, "pause", "where was I", "next", "help", "I'm lost", "resume"]
    talk = converse(forum.base_url, lines, data)
    where = f"Paused. You are reading {TOPIC}, post 1 of 6. {GO_ON_OR_STOP}"
    assert talk.said_after(PAUSED) == [where, where, where, WOKEN]


def test_paused_while_writing_where_was_i_names_the_reply(forum: DemoForum, data: Path) -> None:
    lines = [*AT_TOPIC_TWO, "reply", "I agree", "hang on", "where was I"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == (
        f"Paused. You are writing a reply to {TOPIC}. It has 2 words so far. {GO_ON_OR_STOP}"
    )


def test_where_was_i_right_after_waking_says_where_without_reading_on(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(forum.base_url, [*AT_TOPIC_TWO, "pause", "I'm back", "where was I"], data)
    assert talk.said_after(PAUSED) == [WOKEN, f"You are reading {TOPIC}, post 1 of 6."]


def test_paused_carry_on_resumes_only_when_nothing_else_was_heard(
    forum: DemoForum, data: Path
) -> None:
    quiet = converse(forum.base_url, [*AT_TOPIC_TWO, "pause", "carry on"], data)
    assert quiet.said_after(PAUSED) == [WOKEN]
    talk = [*AT_TOPIC_TWO, "pause", "hello", "yes this is she", "carry on", "continue"]
    in_a_call = converse(forum.base_url, talk, data / "call")
    assert in_a_call.said_after(PAUSED) == []


def test_paused_room_talk_stays_unanswered(forum: DemoForum, data: Path) -> None:
    lines = [*AT_TOPIC_TWO, "pause", "hello", "yes this is she", "where is it", "go on", "yes"]
    talk = converse(forum.base_url, lines, data)
    assert talk.said_after(PAUSED) == []


@pytest.mark.parametrize(("paused", "back"), [("pause", "resume"), ("go to sleep", "wake up")])
def test_resume_after_pause_written_into_a_reply_is_left_out(
    forum: DemoForum, data: Path, paused: str, back: str
) -> None:
    lines = [*AT_TOPIC_TWO, "reply", "I agree full stop", paused, back, "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2] == (
        f'I left "{back}" out. I did not pause: you are still writing your reply, and '
        f'"{paused}" is in it. To take that out, say scratch that. Go on with your reply, or '
        "say send it."
    )
    assert talk.said[-1] == f"Your reply says: I agree. {paused.capitalize()}"


def test_resume_after_pause_as_words_of_a_sentence_is_written_in(
    forum: DemoForum, data: Path
) -> None:
    # "I had to", "pause": words of the sentence, written in without a notice.
    lines = [*AT_TOPIC_TWO, "reply", "I had to", "pause", "continue", "read it back"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == "Your reply says: I had to pause continue"


def test_its_name_called_while_listening_says_it_is_listening(forum: DemoForum, data: Path) -> None:
    # "Voicepeer" said while awake got "Sorry, I didn't catch that".
    talk = converse(forum.base_url, ["voicepeer", *AT_TOPIC_TWO, "hey voicepeer"], data)
    assert talk.said[0] == "I am listening already. You are at the start. Say latest topics."
    assert talk.said[-1].startswith(f"I am listening already. You are reading {TOPIC}")


def test_words_heard_while_paused_from_writing_are_said_to_be_dropped(
    forum: DemoForum, data: Path
) -> None:
    # "My advice is", "hold on", then "to what you have" while paused: the rest of the
    # sentence was dropped unsaid, and only "3 words so far" was said on waking.
    lines = [*AT_TOPIC_TWO, "reply", "my advice is", "hold on", "to what you have", "resume"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1].startswith(
        "I'm listening again. While I was paused I heard words, and did not write them: if "
        "they were part of what you are writing, say them again. You are writing a reply"
    )
    quiet = [*AT_TOPIC_TWO, "reply", "my advice is", "hold on", "resume"]
    again = converse(forum.base_url, quiet, data / "quiet", credentials=signed_in(forum))
    assert again.said[-1].startswith("I'm listening again. You are writing a reply")


def test_hang_on_where_a_title_is_asked_pauses_and_asks_again(forum: DemoForum, data: Path) -> None:
    # "Hang on" at "What is your message about?" left the question open: the phone talk
    # that followed ("oh hi mum yes I'm fine") became the title.
    lines = ["message sam", "yes", "hang on", "oh hi mum yes I'm fine", "resume", "coffee soon"]
    talk = converse(forum.base_url, [*lines, "read it back"], data, credentials=signed_in(forum))
    assert talk.said_after("What is your message about?")[:2] == [
        PAUSED,
        "I'm listening again. You are writing a message to Sam Okafor. It has no words so "
        "far. Say the title, or say cancel.",
    ]
    assert "The title is: Coffee soon." in talk.said[-2]
