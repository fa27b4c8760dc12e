"""A reply of the person's that is not on the forum yet (held for a moderator, or still in
the outbox) is what "my post" means: deleting, correcting or adding to "my post" says so,
and never changes the post before it instead."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import keyed_forum, post_reply, post_words, posted, signed_in
from tests.voice.test_assistant import first_topic_id
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.own_post_changes import OR_WITHDRAW, Unposted, unposted_line
from voicepeer.voice.post_editing import HELD_FOR_APPROVAL

EARLIER = "My legs were heavy all day today."
HELD = "I walk to the pier with my sister most mornings."


def held_reply(forum: DemoForum) -> tuple[int, int]:
    """The topic, and the id of the person's earlier post there; their newest reply there,
    HELD, waits for a moderator (the forum holds posts saying "pier")."""
    topic = first_topic_id(forum)
    older = post_reply(forum, "demo", EARLIER, topic)
    assert "pending_post" in posted(forum, "demo", {"topic_id": topic, "raw": HELD})
    return topic, older


def test_a_reply_held_for_a_moderator_is_not_mistaken_for_the_one_before(
    tmp_path: Path, data: Path
) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        _, older = held_reply(forum)
        lines = [
            "open topic one",  # goes on from the person's own post 5
            "previous",  # someone else's post: "my post" is their newest
            "delete my post",  # asks to withdraw the held reply (test_withdrawals)
            "no",
            "reply",
            "and my brother too",
            "cancel",
            "add it to my last reply",
            "correct my post",
        ]
        talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
        said = talk.said
        assert talk.said_after("Withdraw it, so that it is never posted?")[0] == (
            "Your reply stays with the moderators."
        )
        cannot = "I cannot add your words to it"
        assert said[-2] == unposted_line(Unposted.HELD, cannot, "add it to my last reply")
        assert said[-1] == HELD_FOR_APPROVAL and OR_WITHDRAW in HELD_FOR_APPROVAL
        assert post_words(forum, older) == EARLIER


def test_a_reply_still_in_the_outbox_is_not_mistaken_for_the_one_before(
    forum: DemoForum, data: Path
) -> None:
    older = int(posted(forum, "demo", {"topic_id": first_topic_id(forum), "raw": EARLIER})["id"])
    lines = [
        *["open topic one", "previous", "reply", HELD, "send it", "yes"],
        *["delete my post", "no"],  # taking it back: test_withdrawals
    ]
    # The forum is gone before the yes: the reply waits in the outbox.
    talk = converse(
        forum.base_url, lines, data, credentials=signed_in(forum), before_line={5: forum.stop}
    )
    assert "Your words are safe" in talk.said[-3]
    assert "Take it back, so that it is never sent?" in talk.said[-2]
    assert talk.said[-1] == "Your reply stays, and goes as soon as the forum takes it."
    forum.start()
    assert post_words(forum, older) == EARLIER
