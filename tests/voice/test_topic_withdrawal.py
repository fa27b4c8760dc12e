"""Withdrawing one's new topic held for a moderator, or taking back one not sent yet, by
voice ("delete my post" at the topic list, where it has no topic to open yet): only on a
clear yes, its title and words kept as a draft, never called withdrawn once a moderator
dealt with it."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import keyed_forum, posted, user_key
from tests.support.transports import DropAfterSending
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox
from voicepeer.voice.states import State
from voicepeer.voice.withdrawals import (
    NO_TOPIC_HELD,
    TOPIC_DEALT_WITH,
    TOPIC_NOT_WITHDRAWN,
    TOPIC_WITHDRAWN,
)

TITLE = "Walking to the pier with a stick"
WORDS = "Does anyone else use a stick for the walk along the pier?"
ASKED = (
    f"Your new topic, {TITLE}, is waiting for a moderator to approve it. Withdraw it, so "
    "that it is never posted?"
)
LINES = ["latest topics", "delete my post", "yes"]
KEY = "new topic in 1"
"""The draft new topic in the first category, where the held topic was started."""
UNSENT = [
    "latest topics",
    *["new topic", "number one", TITLE, WORDS, "send it", "yes"],
    *LINES[1:],
]
"""A new topic started by voice, then taken back at the topic list; with the forum gone
before its yes (line 6), it waits in the outbox."""


def _held_topic(forum: DemoForum) -> None:
    """The person's new topic waits for a moderator (the forum holds posts saying "pier")."""
    body = {"title": TITLE, "raw": WORDS, "category": 1}
    assert "pending_post" in posted(forum, "demo", body)


def _first_category(forum: DemoForum) -> str:
    listed = httpx.get(f"{forum.base_url}/categories.json").json()
    return str(next(c["name"] for c in listed["category_list"]["categories"] if c["id"] == 1))


def _forum(tmp_path: Path) -> DemoForum:
    return keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",))


def test_a_held_new_topic_is_withdrawn_on_yes_and_kept_as_a_draft(
    tmp_path: Path, data: Path
) -> None:
    with _forum(tmp_path) as forum:
        _held_topic(forum)
        talk = converse(forum.base_url, [*LINES, "next"], data, credentials=user_key(forum))
        category = _first_category(forum)
        assert forum.pending_post_ids() == []
    question = next(line for line in talk.said if ASKED in line)
    assert "It begins: Does anyone else use a stick" in question and "yes or no" in question
    assert talk.said[-2] == (
        f"{TOPIC_WITHDRAWN} Its title and words are kept as your draft new topic in "
        f"{category}: say new topic and choose {category} to change them and send them again."
    )
    # Back at the topic list, where it was asked: "next" names the topics after those heard.
    assert talk.said[-1].startswith("Six:")
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING
    drafts = DraftStore(data / "outbox.sqlite3")
    assert drafts.load(KEY) == WORDS and drafts.load(KEY + " title") == TITLE


def test_no_keeps_the_new_topic_waiting(tmp_path: Path, data: Path) -> None:
    with _forum(tmp_path) as forum:
        _held_topic(forum)
        lines = [*LINES[:-1], "yeah", "no"]  # an unsure answer is asked again, never taken
        talk = converse(forum.base_url, lines, data, credentials=user_key(forum))
        assert len(forum.pending_post_ids()) == 1
    assert talk.said[-2] == (
        "Shall I withdraw your new topic that waits for a moderator? Please say yes or no."
    )
    assert talk.said[-1] == "Your new topic stays with the moderators."
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING
    assert DraftStore(data / "outbox.sqlite3").load(KEY) is None


def test_a_topic_approved_while_asking_is_not_called_withdrawn(tmp_path: Path, data: Path) -> None:
    with _forum(tmp_path) as forum:
        _held_topic(forum)
        approve = {2: lambda: forum.approve_pending_post(forum.pending_post_ids()[0])}
        talk = converse(
            forum.base_url, LINES, data, credentials=user_key(forum), before_line=approve
        )
    assert talk.said[-1] == TOPIC_DEALT_WITH
    assert DraftStore(data / "outbox.sqlite3").load(KEY) is None  # it is on the forum


def test_the_title_and_words_go_after_a_draft_new_topic_already_there(
    tmp_path: Path, data: Path
) -> None:
    drafts = DraftStore(data / "outbox.sqlite3")
    drafts.save(KEY, "Half a thought.")
    drafts.save(KEY + " title", "Heat and fatigue")
    with _forum(tmp_path) as forum:
        _held_topic(forum)
        talk = converse(forum.base_url, LINES, data, credentials=user_key(forum))
    assert talk.said[-1].startswith(
        f"{TOPIC_WITHDRAWN} Its title and words are kept after your draft new topic in "
    )
    assert drafts.load(KEY) == f"Half a thought.\n\n{TITLE}\n\n{WORDS}"
    assert drafts.load(KEY + " title") == "Heat and fatigue"


def test_a_lost_request_leaves_the_topic_waiting_and_no_draft(tmp_path: Path, data: Path) -> None:
    with _forum(tmp_path) as forum:
        _held_topic(forum)
        lost = DropAfterSending("DELETE", r"/review/", reaches_forum=False)
        talk = converse(forum.base_url, LINES, data, credentials=user_key(forum), transport=lost)
        assert lost.dropped == 1 and len(forum.pending_post_ids()) == 1
    assert talk.said[-1] == TOPIC_NOT_WITHDRAWN
    drafts = DraftStore(data / "outbox.sqlite3")
    assert drafts.load(KEY) is None and drafts.load(KEY + " title") is None


def test_with_no_topic_held_it_says_where_posts_are_deleted(forum: DemoForum, data: Path) -> None:
    # Never taken for "bring back my post", the nearest command at the topic list before.
    talk = converse(forum.base_url, LINES[:2], data, credentials=user_key(forum))
    assert talk.said[-1] == NO_TOPIC_HELD


def test_a_topic_sent_by_voice_and_withdrawn_is_never_told_of_as_declined(
    tmp_path: Path, data: Path
) -> None:
    with _forum(tmp_path) as forum:
        lines = ["new topic", "number one", TITLE, WORDS, "send it", "yes", *LINES]
        talk = converse(forum.base_url, lines, data, credentials=user_key(forum))
        assert any("waiting for a moderator" in line for line in talk.said[:-3])
        assert talk.said[-1].startswith(TOPIC_WITHDRAWN)
        later = converse(forum.base_url, ["latest topics"], data, credentials=user_key(forum))
    assert "declined" not in later.transcript and "moderator" not in later.transcript


def test_a_new_topic_not_sent_yet_is_taken_back_with_its_title(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url, UNSENT, data, credentials=user_key(forum), before_line={6: forum.stop}
    )
    question = next(line for line in talk.said if "Take it back, so that" in line)
    assert question.startswith(f"Your new topic, {TITLE}, is not sent yet")
    assert talk.said[-1] == (
        "Your new topic is taken back: it will not be sent. Its title and words are kept in "
        "your drafts: say my drafts to hear them, change them and send them again."
    )
    drafts = DraftStore(data / "outbox.sqlite3")
    assert drafts.load(KEY) == WORDS and drafts.load(KEY + " title") == TITLE
    forum.start()
    with DiscourseClient(forum.base_url, credentials=user_key(forum)) as client:
        assert Outbox(data / "outbox.sqlite3", client).flush() == []
        assert client.find_own_topic(TITLE, private=False, since=None) is None


def test_taken_back_beside_a_titled_draft_its_words_are_kept_and_that_title_stays(
    forum: DemoForum, data: Path
) -> None:
    drafts = DraftStore(data / "outbox.sqlite3")

    def start_another() -> None:  # another new topic there, put aside meanwhile
        drafts.save(KEY + " title", "Heat and fatigue")
        drafts.save(KEY, "Half a thought.")

    talk = converse(
        forum.base_url,
        UNSENT,
        data,
        credentials=user_key(forum),
        before_line={6: forum.stop, 7: start_another},
    )
    assert talk.said[-1].startswith(
        "Your new topic is taken back: it will not be sent. Its words are kept in your drafts"
    )
    assert drafts.load(KEY + " title") == "Heat and fatigue"
    assert WORDS in (drafts.load(KEY) or "") and "Half a thought." in (drafts.load(KEY) or "")
