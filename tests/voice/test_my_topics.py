"""'My topics': the topics the person started, read as a topic list, through the real voice
loop over loopback HTTP."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import posted, signed_in
from voicepeer.demo_forum import DemoForum


def test_the_topics_the_person_started_newest_first_without_by(
    forum: DemoForum, data: Path
) -> None:
    body = {
        "title": "Cooling towels that actually work",
        "raw": "I found a towel that stays cold for hours, even on a hot afternoon.",
        "category": 1,
    }
    posted(forum, "demo", body)
    lines = ["topics I created", "where am I", "open topic 2", "back", "my topics"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[0] == (
        "2 topics you started, 1 with new posts. One: Cooling towels that actually work, no "
        "replies. Two: Hello from a new member, 2 replies, 2 unread. Say open topic and a "
        "number."
    )
    assert talk.said[1] == (
        "You are in your topics, on topic 1 of 2: Cooling towels that actually work."
    )
    assert talk.said[2].startswith("Hello from a new member, in Living with MS. 3 posts.")
    back = next(s for s in talk.said if s.startswith("Back to your topics."))
    # The posts heard are read now; the reply not heard yet is still unread.
    assert back == "Back to your topics. Two: Hello from a new member, 2 replies, 1 unread."
    assert talk.said[-1].startswith("2 topics you started, 1 with new posts. One: Cooling")


def test_none_started_and_none_signed_in(forum: DemoForum, data: Path) -> None:
    with forum.store.transaction() as conn:  # the person's only topic, started by Sam
        conn.execute(
            "UPDATE topics SET user_id = (SELECT id FROM users WHERE username = 'sam')"
            " WHERE user_id = (SELECT id FROM users WHERE username = 'demo')"
        )
    none_yet = converse(forum.base_url, ["my topics"], data, credentials=signed_in(forum))
    assert none_yet.said[-1] == (
        "You have not started a topic yet. To start one, say start a new topic."
    )
    visitor = converse(forum.base_url, ["the topics I started"], data)
    assert "sign" in visitor.said[-1]


def test_the_persons_topic_is_by_you_in_every_list(forum: DemoForum, data: Path) -> None:
    member = converse(forum.base_url, ["latest topics"], data, credentials=signed_in(forum))
    assert "Three: Hello from a new member, by you, 2 replies" in member.said[-1]
    visitor = converse(forum.base_url, ["latest topics"], data)
    assert "Three: Hello from a new member, by demo, 2 replies" in visitor.said[-1]
