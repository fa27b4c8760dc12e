"""'My posts': the topics the person has posted in, their own and others', read as a topic
list through the real voice loop over loopback HTTP."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import posted, signed_in
from voicepeer.demo_forum import DemoForum


def test_the_topics_the_person_posted_in_newest_first(forum: DemoForum, data: Path) -> None:
    started = {
        "title": "Heat and fatigue this summer",
        "raw": "Does heat make anyone else so tired?",
    }
    topic = posted(forum, "sam", {**started, "category": 1})["topic_id"]
    posted(forum, "demo", {"topic_id": topic, "raw": "Yes, a cool flannel on my neck helps me."})
    lines = ["show me my posts", "where am I", "open topic 1"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[0] == (
        "2 topics you posted in, 1 with new posts. One: Heat and fatigue this summer, by sam, 1"
        " reply. Two: Hello from a new member, by you, 2 replies, 2 unread. Say open topic and a"
        " number."
    )
    assert talk.said[1] == (
        "You are in the topics you posted in, on topic 1 of 2: Heat and fatigue this summer."
    )
    assert talk.said[2].startswith("Heat and fatigue this summer")


def test_none_posted_and_none_signed_in(forum: DemoForum, data: Path) -> None:
    with forum.store.transaction() as conn:  # the person's only posts become Sam's
        conn.execute(
            "UPDATE posts SET user_id = (SELECT id FROM users WHERE username = 'sam')"
            " WHERE user_id = (SELECT id FROM users WHERE username = 'demo')"
        )
    none_yet = converse(forum.base_url, ["my posts"], data, credentials=signed_in(forum))
    assert none_yet.said[-1] == (
        "You have not posted yet. To answer a topic, open it and say reply."
    )
    visitor = converse(forum.base_url, ["my posts"], data)
    assert "sign" in visitor.said[-1]
