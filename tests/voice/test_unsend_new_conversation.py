""" "Unsend it" right after a new topic or private message was sent: the one just sent is
asked about (deleted whole after a yes, its words kept), wherever the person went back
to; later, "delete my post" names the post it offers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.conversation import converse
from tests.support.members import as_member, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.drafts import DraftStore

MESSAGE = ["message priya", "yes", "cooling vests", "which vest did you buy in the end"]
SENT = [*MESSAGE, "send it", "yes"]


def _first_post_of(forum: DemoForum, title: str) -> Any:
    """The first post of the person's message of that title, as they see it."""
    listed = as_member(forum, "/topics/private-messages/demo.json")
    for row in listed["topic_list"]["topics"]:
        if row["title"] == title:
            return as_member(forum, f"/t/{row['id']}.json")["post_stream"]["posts"][0]
    raise AssertionError(f"no message {title!r}")


def test_unsend_right_after_a_message_deletes_it_whole_after_yes(
    forum: DemoForum, data: Path
) -> None:
    lines = [*SENT, "unsend it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3] == (
        "Delete your message, Cooling vests, sent just now? It begins: Which vest did you buy "
        "in the end. Nobody has replied yet. Everyone in this conversation will see that you "
        "deleted it. Say yes or no."
    ), talk.transcript
    assert talk.said[-2].startswith("Your message is deleted. Its title and words are kept")
    assert talk.said[-1] == "You are at the start. Say latest topics.", talk.transcript
    assert "(topic deleted by author)" in _first_post_of(forum, "Cooling vests")["cooked"]
    assert (
        DraftStore(data / "outbox.sqlite3").load("new message to priya")
        == "Which vest did you buy in the end."
    )


def test_unsend_right_after_a_new_topic_asks_about_that_topic(forum: DemoForum, data: Path) -> None:
    lines = ["new topic", "good news", "walking again after my relapse"]
    lines += ["I walked to the shop today", "send it", "yes", "unsend it", "no"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2].startswith(
        "Delete your topic, Walking again after my relapse, started just now? It begins: I "
        "walked to the shop today."
    ), talk.transcript
    assert talk.said[-1] == "Your topic stays."


def test_later_delete_my_post_names_the_post_it_offers(forum: DemoForum, data: Path) -> None:
    lines = [*SENT, "my messages", "open topic one", "delete my post"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1].startswith(
        "Delete your post 2 in Checking in after your first week, posted"
    ), talk.transcript
    assert "Cooling vests" not in talk.said[-1]


def test_after_unsending_a_new_topic_nothing_offers_a_reply_in_it(
    forum: DemoForum, data: Path
) -> None:
    # The forum closes a topic its author deletes, its first post a stub: the person is
    # back at the list they were at, and "reply" offers no reply in the topic gone.
    lines = ["latest topics", "new topic in good news", "cooling vests that actually work"]
    lines += ["does anyone use one question mark", "send it", "yes", "unsend it", "yes"]
    lines += ["where am i", "reply"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-4].startswith("Your topic is deleted."), talk.transcript
    assert talk.said[-3].startswith("Back to the topic list. One:"), talk.transcript
    assert talk.said[-2].startswith("You are in the topic list, on topic 1"), talk.transcript
    assert talk.said[-1].startswith("Reply is for a post being read"), talk.transcript
    assert not any("Replying to" in line for line in talk.said), talk.transcript
