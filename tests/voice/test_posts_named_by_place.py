""" "Reply to the previous post", "reply to the person who started this", "reply to the
nurse": the post meant, not the one being read; words after "reply to" not understood are
asked about, and no reply begins. Typed sessions through the real voice loop against the
demo forum."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import Conversation, converse
from tests.support.members import keyed_forum, signed_in
from tests.voice.test_assistant import topic_posts
from voicepeer.commands import Intent
from voicepeer.commands.intents import REPLY_TO_NAMED
from voicepeer.commands.interpreter import Interpreter
from voicepeer.demo_forum import DemoForum
from voicepeer.recognition.base import Heard
from voicepeer.voice.states import State

AT_PRIYA = ["open topic five", "next", "next"]
"""Priya Nair's post 3 of "Just diagnosed …" being read: Ruth Adeyemi (titled MS nurse)
wrote post 2, Mei Lin started the topic."""
TOPIC = "Just diagnosed with RRMS last week and feeling lost"


def _at_priya(place: Path, said: list[str]) -> Conversation:
    """``said`` after :data:`AT_PRIYA`, signed in, on a forum of its own in ``place``:
    signed in, a forum keeps where its member stopped reading, and "next" goes on from
    there."""
    with keyed_forum(place / "forum.sqlite3") as forum:
        return converse(forum.base_url, [*AT_PRIYA, *said], place, credentials=signed_in(forum))


def _replying_to(talk_said: list[str]) -> str:
    return next(line for line in talk_said if line.startswith("Replying to"))


def test_a_post_named_by_where_it_is_or_its_writers_title_is_answered(tmp_path: Path) -> None:
    # Each answered Priya, the post being read: "Replying to Priya Nair".
    meant = {
        "reply to the previous post": "Ruth Adeyemi",
        "reply to the one before": "Ruth Adeyemi",
        "reply to the nurse": "Ruth Adeyemi",
        "answer the MS nurse's post": "Ruth Adeyemi",
        "reply to the first person": "Mei Lin",
        "reply to the person who started this": "Mei Lin",
        "reply to the original poster": "Mei Lin",
    }
    for index, (said, whom) in enumerate(meant.items()):
        talk = _at_priya(tmp_path / str(index), [said])
        assert _replying_to(talk.said) == (
            f"Replying to {whom} in {TOPIC}. Say your reply, then say send it. Take your time."
        ), talk.transcript


def test_a_reply_to_the_previous_post_goes_to_it(forum: DemoForum, tmp_path: Path) -> None:
    topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    topic_id = next(t["id"] for t in topics if t["title"] == TOPIC)
    lines = [*AT_PRIYA, "reply to the previous post", "thank you so much Ruth", "send it", "yes"]
    converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert topic_posts(forum, topic_id)[-1]["reply_to_post_number"] == 2


def test_words_not_understood_after_reply_to_are_asked_about(tmp_path: Path) -> None:
    talk = _at_priya(tmp_path / "a", ["reply to the matron"])
    assert talk.said[-1] == (
        'I did not understand whom "the matron" means, so I have not started a reply. Whom '
        "are you answering? Say their name, or post and its number. To answer Priya Nair, "
        "say reply."
    )
    assert talk.assistant is not None and talk.assistant.state is State.READING
    # The answer said next is whom: a name, a post's number, the one before.
    for index, (answer, whom) in enumerate(
        [("Ruth", "Ruth Adeyemi"), ("post one", "Mei Lin"), ("the one before", "Ruth Adeyemi")]
    ):
        again = _at_priya(tmp_path / f"b{index}", ["reply to my friend", answer])
        assert again.said[-1].startswith(f"Replying to {whom} in"), again.transcript
    # "Cancel" there leaves the question: it had "Cancel does nothing here".
    other = _at_priya(tmp_path / "c", ["reply to the matron", "cancel"])
    assert other.said[-1] == "All right, no reply."


def test_words_of_the_reply_said_before_whom_is_answered_are_kept(tmp_path: Path) -> None:
    lines = ["reply to the matron", "thank you for the kind words", "Ruth", "read it back"]
    talk = _at_priya(tmp_path, lines)
    assert talk.said[-4] == (
        "I kept those words for your reply. Whom are you answering? Say their name, or post "
        "and its number. To answer Priya Nair, say reply."
    )
    assert talk.said[-2].startswith("Replying to Ruth Adeyemi in")
    assert talk.said[-1] == "Your reply says: Thank you for the kind words"


def test_words_kept_for_a_reply_are_never_dropped_unsaid(tmp_path: Path) -> None:
    # A command, or "cancel", said after words were kept dropped them without a word;
    # a few words that answered nothing ("um well") dropped them too.
    kept = ["reply to the matron", "thank you for the kind words"]
    unsure = _at_priya(tmp_path / "a", [*kept, "um well", "Ruth", "read it back"])
    assert unsure.said_after("I kept those words for your reply.")[0].startswith(
        "Sorry, I didn't catch whom. I still have your words. Whom are you answering?"
    )
    assert unsure.said[-1] == "Your reply says: Thank you for the kind words"
    cancelled = _at_priya(tmp_path / "b", [*kept, "cancel"])
    assert cancelled.said[-1] == (
        "All right, no reply. I have not kept the words you said for it: thank you for the "
        "kind words."
    )
    # Nothing kept yet, "thank you" there dropped the question ("You're welcome").
    thanked = _at_priya(tmp_path / "d", ["reply to the matron", "thank you", "Ruth"])
    assert thanked.said[-3].startswith("Sorry, I didn't catch whom. Whom are you answering?")
    assert thanked.said[-1].startswith("Replying to Ruth Adeyemi")
    elsewhere = _at_priya(tmp_path / "c", [*kept, "where am I"])
    assert elsewhere.said[-2] == (
        "I have not kept the words you said for your reply: thank you for the kind words."
    )


def test_what_names_a_post_by_its_place_or_not_at_all() -> None:
    interpreter = Interpreter()

    def slots(said: str) -> dict[str, object]:
        found = interpreter.command(Heard(said, 1.0)).command
        assert found is not None and found.intent is Intent.REPLY, said
        return dict(found.slots)

    # Words of the post being read: that post, as before.
    assert slots("answer the question she asked") == {}
    assert slots("reply to her post") == {}
    # Anything else after "the" is no longer the post being read.
    assert slots("reply to the nurse") == {REPLY_TO_NAMED: "the nurse"}
    assert slots("reply to the one before") == {REPLY_TO_NAMED: "the one before"}
    assert slots("reply to my post") == {REPLY_TO_NAMED: "my post"}
