"""A reply held for a moderator and then declined: the forum tells its author nothing and
keeps no copy they can read, so voicepeer tells them at the next start, and the words are
their draft again, with why."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import keyed_forum, signed_in, user_key
from tests.voice.test_unposted_reply import HELD


def test_a_declined_reply_is_told_at_the_next_start_and_comes_back_to_change(
    tmp_path: Path, data: Path
) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        account = user_key(forum)
        first = converse(
            forum.base_url,
            ["open topic one", "reply", HELD, "send it", "yes"],
            data,
            credentials=account,
        )
        assert first.said[-1].endswith("is waiting for a moderator to approve it.")
        assert forum.reject_pending_post(forum.pending_post_ids()[0])
        later = converse(forum.base_url, ["open topic one", "reply"], data, credentials=account)
        told = [line for line in later.said if "I have kept your words" in line]
        assert len(told) == 1 and "most likely a moderator declined it" in told[0]
        taken_up = later.said[-1]
        assert "most likely a moderator declined it" in taken_up
        assert "Your reply says: I walk to the pier with my sister most mornings." in taken_up


def test_a_reply_the_person_withdrew_is_not_told_as_declined(tmp_path: Path, data: Path) -> None:
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        account = user_key(forum)
        lines = ["open topic one", "reply", HELD, "send it", "yes", "delete my post", "yes"]
        first = converse(forum.base_url, lines, data, credentials=account)
        assert first.said[-1].startswith("Your reply is withdrawn")
        later = converse(forum.base_url, [], data, credentials=account)
        assert not any("declined" in line for line in later.said)


def test_a_reply_withdrawn_on_the_website_is_told_with_that_possibility(
    tmp_path: Path, data: Path
) -> None:
    # The forum keeps no record its author can read of why a held post went, so withdrawn
    # on the web and declined look the same; the words are kept either way.
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        account = user_key(forum)
        lines = ["open topic one", "reply", HELD, "send it", "yes"]
        converse(forum.base_url, lines, data, credentials=account)
        (pending,) = forum.pending_post_ids()
        headers = {"User-Api-Key": account.key, "User-Api-Client-Id": str(account.client_id)}
        gone = httpx.delete(f"{forum.base_url}/review/{pending}.json", headers=headers)
        assert gone.status_code == 200, gone.text
        later = converse(forum.base_url, ["open topic one", "reply"], data, credentials=account)
        assert "unless you withdrew it on the forum's website" in later.said[-1]
        assert "Your reply says: I walk to the pier with my sister most mornings." in later.said[-1]


def test_a_withdrawal_that_failed_leaves_the_reply_to_be_told_of_if_declined(
    tmp_path: Path, data: Path
) -> None:
    """An admin key acting for a member who is not an admin may not withdraw (see
    test_withdrawals): the reply still waits, and is told of if a moderator then
    declines it."""
    with keyed_forum(tmp_path / "held.sqlite3", moderated_words=("pier",)) as forum:
        lines = ["open topic one", "reply", HELD, "send it", "yes", "delete my post", "yes"]
        first = converse(forum.base_url, lines, data, credentials=signed_in(forum))
        assert first.said[-1].startswith("The forum does not let your account do that")
        assert forum.reject_pending_post(forum.pending_post_ids()[0])
        later = converse(forum.base_url, [], data, credentials=signed_in(forum))
        assert any("most likely a moderator declined it" in line for line in later.said)
