"""Taking back one's reply not on the forum yet by voice ("delete my post" while it waits
for a moderator, or to be sent): only on a clear yes, never saying "withdrawn" of a reply
a moderator has just approved, and never losing its words."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import (
    keyed_forum,
    post_reply,
    post_words,
    signed_in,
    user_key,
)
from tests.support.transports import DropAfterSending
from tests.voice.test_assistant import first_topic_id
from tests.voice.test_unposted_reply import EARLIER, HELD, held_reply
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox
from voicepeer.forum.replies_db import hand_back_words, open_replies_db, transaction
from voicepeer.voice.composer import reply_draft_key
from voicepeer.voice.withdrawals import (
    DEALT_WITH,
    KEPT,
    KEPT_AFTER,
    MAYBE_SENT,
    NOT_WITHDRAWN,
    TAKEN_BACK,
    WITHDRAWN,
)

ASKED = "Withdraw it, so that it is never posted?"
LINES = ["open topic one", "previous", "delete my post", "yes"]
"""On someone else's post, "my post" is the person's newest reply: the held one."""


def _draft(data: Path, topic: int) -> str | None:
    return DraftStore(data / "outbox.sqlite3").load(reply_draft_key(topic))


def test_a_held_reply_is_withdrawn_on_yes_and_its_words_kept(tmp_path: Path, data: Path) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        topic, older = held_reply(forum)
        talk = converse(forum.base_url, LINES, data, credentials=user_key(forum))
        question = next(line for line in talk.said if ASKED in line)
        assert "It begins: I walk to the pier" in question and "yes or no" in question
        assert talk.said[-1] == WITHDRAWN + KEPT
        assert forum.pending_post_ids() == []
        assert _draft(data, topic) == HELD
        assert post_words(forum, older) == EARLIER  # the post before is untouched


def test_no_keeps_the_reply_waiting(tmp_path: Path, data: Path) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        topic, _ = held_reply(forum)
        lines = [*LINES[:-1], "yeah", "no"]  # an unsure answer is asked again, never taken
        talk = converse(forum.base_url, lines, data, credentials=user_key(forum))
        assert talk.said[-2] == "Shall I withdraw your reply that waits for a moderator? " + (
            "Please say yes or no."
        )
        assert talk.said[-1] == "Your reply stays with the moderators."
        assert len(forum.pending_post_ids()) == 1 and _draft(data, topic) is None


def test_a_reply_approved_while_asking_is_not_called_withdrawn(tmp_path: Path, data: Path) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        topic, _ = held_reply(forum)
        approve = {3: lambda: forum.approve_pending_post(forum.pending_post_ids()[0])}
        talk = converse(
            forum.base_url, LINES, data, credentials=user_key(forum), before_line=approve
        )
        assert talk.said[-1] == DEALT_WITH
        assert _draft(data, topic) is None  # its words are on the forum: no second copy


def test_the_withdrawn_words_go_after_a_draft_already_there(tmp_path: Path, data: Path) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        topic, _ = held_reply(forum)
        DraftStore(data / "outbox.sqlite3").save(reply_draft_key(topic), "Half a thought.")
        talk = converse(forum.base_url, LINES, data, credentials=user_key(forum))
        assert talk.said[-1] == WITHDRAWN + KEPT_AFTER
        assert _draft(data, topic) == f"Half a thought.\n\n{HELD}"


def test_words_handed_back_to_the_draft_earlier_are_not_repeated(
    tmp_path: Path, data: Path
) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        topic, _ = held_reply(forum)
        drafts = DraftStore(data / "outbox.sqlite3")
        drafts.save(reply_draft_key(topic), "Half a thought.")
        db = open_replies_db(data / "outbox.sqlite3")
        with transaction(db) as conn:  # words the forum refused, back beside the draft
            hand_back_words(conn, reply_draft_key(topic), "Refused words.", "", "2026-12-01")
        db.close()
        talk = converse(forum.base_url, LINES, data, credentials=user_key(forum))
        assert talk.said[-1] == WITHDRAWN + KEPT_AFTER
        assert _draft(data, topic) == f"Refused words.\n\nHalf a thought.\n\n{HELD}"


def test_a_lost_request_leaves_the_reply_waiting_and_the_draft_as_it_was(
    tmp_path: Path, data: Path
) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        topic, _ = held_reply(forum)
        DraftStore(data / "outbox.sqlite3").save(reply_draft_key(topic), "Half a thought.")
        lost = DropAfterSending("DELETE", r"/review/", reaches_forum=False)
        talk = converse(forum.base_url, LINES, data, credentials=user_key(forum), transport=lost)
        assert lost.dropped == 1 and talk.said[-1] == NOT_WITHDRAWN
        assert len(forum.pending_post_ids()) == 1
        assert _draft(data, topic) == "Half a thought."


def test_a_lost_answer_after_the_forum_withdrew_it_says_withdrawn(
    tmp_path: Path, data: Path
) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        topic, _ = held_reply(forum)
        lost = DropAfterSending("DELETE", r"/review/")
        talk = converse(forum.base_url, LINES, data, credentials=user_key(forum), transport=lost)
        assert lost.dropped == 1 and talk.said[-1] == WITHDRAWN + KEPT
        assert forum.pending_post_ids() == [] and _draft(data, topic) == HELD


def test_a_refused_withdrawal_says_why_and_keeps_no_copy(tmp_path: Path, data: Path) -> None:
    """An admin API key acting for a member who is not an admin may not withdraw for them
    (ReviewablesController#destroy): the reply stays waiting, with no second copy."""
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        topic, _ = held_reply(forum)
        talk = converse(forum.base_url, LINES, data, credentials=signed_in(forum))
        assert talk.said[-1].startswith("The forum does not let your account do that")
        assert len(forum.pending_post_ids()) == 1 and _draft(data, topic) is None


def test_a_reply_waiting_to_be_sent_is_taken_back_and_never_sent(
    forum: DemoForum, data: Path
) -> None:
    topic = first_topic_id(forum)
    lines = [*LINES[:2], "reply", HELD, "send it", "yes", "delete my post", "yes"]
    # The forum is gone before the first yes: the reply waits in the outbox.
    talk = converse(
        forum.base_url, lines, data, credentials=user_key(forum), before_line={5: forum.stop}
    )
    question = next(line for line in talk.said if "Take it back, so that" in line)
    assert "It begins: I walk to the pier" in question
    assert talk.said[-1] == TAKEN_BACK
    assert _draft(data, topic) == HELD
    forum.start()
    with DiscourseClient(forum.base_url, credentials=user_key(forum)) as client:
        assert Outbox(data / "outbox.sqlite3", client).flush() == []
        assert client.find_own_post(topic, HELD, None) is None


def test_a_reply_whose_sending_was_cut_off_is_not_offered(forum: DemoForum, data: Path) -> None:
    """Its answer lost, the reply may be on the forum: only the check before sending it
    again can tell, so taking it back is not offered (nor deleting the post before it)."""
    older = post_reply(forum, "demo", EARLIER, first_topic_id(forum))
    lines = [*LINES[:2], "reply", HELD, "send it", "yes", "delete my post"]
    lost = DropAfterSending()
    talk = converse(forum.base_url, lines, data, credentials=user_key(forum), transport=lost)
    assert lost.dropped == 1 and talk.said[-1] == MAYBE_SENT
    assert post_words(forum, older) == EARLIER
