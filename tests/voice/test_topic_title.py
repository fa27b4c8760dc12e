"""Changing the title of one's own topic by voice, at its first post ("correct my post",
then "change the title"), against the real demo forum over loopback: checked against the
forum's title rules, read back with the old one, changed only after a clear yes, and a
title changed on the web meanwhile never overwritten."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import member_headers, post_reply, post_words, posted, signed_in
from tests.support.transports import DropAfterSending
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.topic_title import NOT_ANY_MORE, NOT_THE_FIRST_POST

TITLE = "Cooling vests for the summer"
NEW = "cooling vests and neck wraps"
WORDS = "Has anyone tried a cooling vest? I am thinking of buying one for July."
ASK = "Say the new title, or say cancel to keep it."
CHANGE = ["open topic one", "correct my post", "change the title"]
"""The person's own topic is the newest: the first of the latest topics."""
ASKED = (
    "Change the title of your topic to: Cooling vests and neck wraps. It is now: Cooling "
    "vests for the summer. Everyone will see the new title. Shall I change it? Say yes or no."
)


def _start_topic(forum: DemoForum) -> int:
    made = posted(forum, "demo", {"title": TITLE, "raw": WORDS, "category": 1})
    return int(made["topic_id"])


def _title(forum: DemoForum, topic_id: int) -> str:
    return str(httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["title"])


def test_the_title_is_asked_for_checked_read_back_and_changed_after_yes(
    forum: DemoForum, data: Path
) -> None:
    # "Change the title" at one's own first post said only a new topic had one.
    topic_id = _start_topic(forum)
    lines = [*CHANGE, "vests", "where am I", NEW, "yes", "where am I"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-6:] == [
        f"The title is: {TITLE}. {ASK}",
        "I heard: Vests. The title is too short: it needs 10 characters more, at least 15 "
        "characters. Please say the whole title again, with more words.",
        f"You are changing your post in {TITLE}. {ASK}",
        ASKED,
        "The title is changed. It is now: Cooling vests and neck wraps.",
        "You are reading Cooling vests and neck wraps, post 1 of 1.",
    ]
    assert _title(forum, topic_id) == "Cooling vests and neck wraps"


def test_no_or_cancel_leaves_the_title_and_the_words_changes_go_on(
    forum: DemoForum, data: Path
) -> None:
    topic_id = _start_topic(forum)
    lines = [
        "open topic one",
        "correct my post",
        "replace July with June",
        "change the title",
        "cancel",
        "change the title",
        NEW,
        "no",
        "change the title",
        NEW,
        "yes",
        "send it",
        "yes",
    ]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    go_on = "Go on changing your post, or say send it."
    assert talk.said[-10:] == [
        f"The title is: {TITLE}. {ASK}",
        f"The title stays: {TITLE}. {go_on}",
        f"The title is: {TITLE}. {ASK}",
        ASKED,
        f"All right, the title stays: {TITLE}. {go_on}",
        f"The title is: {TITLE}. {ASK}",
        ASKED,
        # The words' change waits its turn, still to be made.
        f"The title is changed. It is now: Cooling vests and neck wraps. {go_on}",
        "July becomes June. Everyone will see your post changed. Shall I change it? Say yes or no.",
        "Your post is changed.",
    ]
    assert _title(forum, topic_id) == "Cooling vests and neck wraps"
    first = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["post_stream"]["posts"][0]
    assert post_words(forum, first["id"]) == WORDS.replace("July", "June")


def test_a_title_the_forum_refuses_is_asked_for_again(forum: DemoForum, data: Path) -> None:
    topic_id = _start_topic(forum)
    taken = httpx.get(f"{forum.base_url}/t/1.json").json()["title"]
    lines = [*CHANGE, taken, "yes", NEW, "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3] == (
        "The forum did not accept that. Another topic on the forum already has this title. "
        "Say another title, or say cancel to keep it."
    )
    assert talk.said[-1] == "The title is changed. It is now: Cooling vests and neck wraps."
    assert _title(forum, topic_id) == "Cooling vests and neck wraps"


def test_a_title_changed_on_the_web_meanwhile_is_kept(forum: DemoForum, data: Path) -> None:
    topic_id = _start_topic(forum)
    on_the_web = "Cooling vests, asked on the web"

    class RetitledOnTheWeb(httpx.HTTPTransport):
        """The title changes on the web just before voicepeer's change arrives."""

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.method == "PUT" and request.url.path == f"/t/-/{topic_id}.json":
                web = httpx.put(
                    f"{forum.base_url}/t/{topic_id}.json",
                    json={"title": on_the_web},
                    headers=member_headers("demo"),
                )
                assert web.status_code == 200, web.text
            return super().handle_request(request)

    lines = [*CHANGE, NEW, "yes"]
    talk = converse(
        forum.base_url, lines, data, credentials=signed_in(forum), transport=RetitledOnTheWeb()
    )
    assert talk.said[-1] == (
        "The title was changed on the forum since you began, perhaps on the web, so I have not "
        f"changed it. It is now: {on_the_web}."
    )
    assert _title(forum, topic_id) == on_the_web


def test_what_cannot_be_retitled_is_said_at_once(forum: DemoForum, data: Path) -> None:
    topic_id = _start_topic(forum)
    post_reply(forum, "demo", "And a cooling towel, for the neck, works well too.", topic_id)
    # The reply is the person's post being changed: it has no title of its own.
    lines = ["open topic one", "newest post", "correct my post", "change the title"]
    reply = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert reply.said[-1] == NOT_THE_FIRST_POST
    with sqlite3.connect(forum.db_path) as conn:  # the category now keeps topics to staff
        conn.execute("UPDATE categories SET staff_start_topics = 1 WHERE id = 1")
    lines = ["open topic one", "first post", "correct my post", "change the title"]
    closed_to_them = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert closed_to_them.said[-1] == NOT_ANY_MORE
    assert _title(forum, topic_id) == TITLE


def test_an_answer_lost_after_the_change_is_checked_on_the_topic(
    forum: DemoForum, data: Path
) -> None:
    topic_id = _start_topic(forum)
    lossy = DropAfterSending("PUT", rf"^/t/-/{topic_id}\.json$")
    talk = converse(
        forum.base_url, [*CHANGE, NEW, "yes"], data, credentials=signed_in(forum), transport=lossy
    )
    assert lossy.dropped == 1
    assert talk.said[-1] == "The title is changed. It is now: Cooling vests and neck wraps."
    assert _title(forum, topic_id) == "Cooling vests and neck wraps"
