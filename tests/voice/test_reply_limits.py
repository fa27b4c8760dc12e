"""A reply the forum will not take until someone else posts in the topic (Discourse's
limits on replies in a row, and on a new member's replies): the person hears why, and that
changing the words would not help; the words wait as the topic's draft and go with a yes
once someone has posted."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import (
    keyed_forum,
    make_new_member,
    post_reply,
    posted,
    signed_in,
)
from voicepeer.demo_forum import DemoForum

PIER = "Walked to the end of the pier today"
WORDS = (
    "Well done on the pier, that is a long walk.",
    "I tried the same walk last spring and needed two rests.",
    "The cafe at the end has good chairs if you need a break.",
    "Next time I might bring my folding stool with me.",
)


def _replies(*words: str) -> list[str]:
    said: list[str] = []
    for text in words:
        said += ["reply", text, "send it", "yes"]
    return said


def _newest_topic_id(forum: DemoForum) -> int:
    return int(httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][0]["id"])


def test_a_fourth_reply_in_a_row_waits_as_a_draft_until_someone_else_posts(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        account = signed_in(forum)
        all_four = ["open topic one", *_replies(*WORDS)]
        talk = converse(forum.base_url, all_four, data, credentials=account)
        assert talk.said[-1] == (
            f"Your reply to {PIER} was not posted. The forum did not accept that. It takes at "
            "most 3 replies in a row from you in someone else's topic, until another person "
            "posts there. I have kept your words: once someone else has posted there, say "
            "reply in that topic to send them. Or say add it to my last reply, to put them at "
            "the end of it now."
        )
        # Taken up again: the same reason, and what lifts it, not "change it".
        back = converse(forum.base_url, ["open topic one", "reply"], data, credentials=account)
        assert back.said[-1].startswith(f"The forum did not accept your reply to {PIER}.")
        assert back.said[-1].endswith(
            f"Your reply says: {WORDS[3]} Once someone else has posted there, say send it. Or "
            "say cancel, then add it to my last reply."
        )
        topic_id = _newest_topic_id(forum)
        post_reply(forum, "mei", "Lovely to hear about the pier, well done!", topic_id)
        send = ["open topic one", "reply", "send it", "yes"]
        sent = converse(forum.base_url, send, data, credentials=account)
        assert sent.said[-1] == f"Your reply to {PIER} is posted."
        posts = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
        assert posts[-1]["username"] == "demo" and WORDS[3] in posts[-1]["cooked"]


def test_a_new_member_hears_why_their_reply_waits(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        make_new_member(forum, "demo")
        account = signed_in(forum)
        topic_id = _newest_topic_id(forum)
        for n, text in enumerate(WORDS):
            if n:  # someone else posts in between, so there is no run of replies
                post_reply(forum, "mei", f"Thanks for that, note number {n} from me.", topic_id)
            talk = converse(
                forum.base_url, ["open topic one", *_replies(text)], data, credentials=account
            )
        assert talk.said[-1] == (
            f"Your reply to {PIER} was not posted. The forum did not accept that. As a new "
            "member, you may post 3 replies in a topic until someone answers you there. I "
            "have kept your words: once someone has answered you there, say reply in that "
            "topic to send them."
        )


@pytest.mark.parametrize("answer", ["replied to", "quoted"])
def test_a_notification_of_an_answer_says_the_held_reply_can_go_now(
    tmp_path: Path, answer: str
) -> None:
    # Mei answers the person's last reply on the web: by replying to it, or by quoting it
    # without replying (a stock forum then tells them "quoted", after replies and before
    # watchers), which is someone else posting there all the same.
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        account = signed_in(forum)
        converse(forum.base_url, ["open topic one", *_replies(*WORDS)], data, credentials=account)
        topic_id = _newest_topic_id(forum)
        posts = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
        last = posts[-1]["post_number"]  # demo's last reply
        body: dict[str, object] = {"topic_id": topic_id}
        if answer == "quoted":
            quote = f'[quote="demo, post:{last}, topic:{topic_id}"]\n{WORDS[2]}\n[/quote]\n\n'
            body["raw"] = quote + "Good tip about the chairs."
        else:
            body |= {
                "raw": "Thank you, I will try that cafe next time.",
                "reply_to_post_number": last,
            }
        posted(forum, "mei", body)
        # As told: the notification opens the topic, where the held reply is taken up.
        talk = converse(
            forum.base_url,
            ["notifications", "open one", "reply", "send it", "yes"],
            data,
            credentials=account,
        )
        posts = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
    assert f"One: mei {answer} you in {PIER}." in talk.said
    told = talk.said.index(
        f"Your reply in {PIER} that the forum held back can go now: say open one, then "
        "reply, then send it."
    )
    assert talk.said[told + 1].startswith(f"{PIER}, in Good news."), talk.said[told:]
    assert talk.said[-1] == f"Your reply to {PIER} is posted."
    assert posts[-1]["username"] == "demo"
