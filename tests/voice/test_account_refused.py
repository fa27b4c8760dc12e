"""A session whose account key the forum refuses (a carer or a moderator revoked it):
through the real voice loop in text mode against the real demo forum, which refuses a
revoked key as a stock Discourse does, public topics included."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import keyed_forum, user_key
from tests.support.typed_lines import at_once, said, typed_when
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.error_phrases import (
    ACCOUNT_BACK,
    ACCOUNT_REFUSED,
    NO_LONGER_ACCEPTED,
    account_now,
)
from voicepeer.voice.settings import VoiceSettings

REPLY = "so glad you made it to the end of the pier"
TOPIC = "Walked to the end of the pier today"
CONNECT = "reconnect it with voicepeer forum connect"


def _revoke(forum: DemoForum, account: Credentials) -> None:
    answer = httpx.post(f"{forum.base_url}/user-api-key/revoke.json", headers=account.headers())
    assert answer.status_code == 200


def _waiting(forum: DemoForum, data: Path) -> list[str]:
    outbox = Outbox(data / "outbox.sqlite3", None)  # type: ignore[arg-type]
    try:
        return [entry.raw for entry in outbox.pending()]
    finally:
        outbox.close()


def test_reading_goes_on_and_a_reply_is_kept_when_the_key_is_refused(
    forum: DemoForum, data: Path
) -> None:
    account = user_key(forum)
    _revoke(forum, account)
    said = converse(
        forum.base_url,
        ["latest topics", "open one", "like", "reply", REPLY, "send it", "yes", "my drafts"],
        data,
        credentials=account,
        settings=VoiceSettings(greeting=True),
    )
    greeting = said.said[0]
    assert "connected to the voicepeer demo forum" in greeting
    assert ACCOUNT_REFUSED in greeting
    assert said.transcript.count(ACCOUNT_REFUSED) == 1
    assert f"One: {TOPIC}" in said.transcript
    assert "Post 1 of 4, by Dave Whitfield" in said.transcript
    after_like = said.said_after("Post 1 of 4")[0]
    assert CONNECT in after_like and "Say yes or no" not in after_like
    assert "your reply will wait here until your helper has connected it again" in (said.transcript)
    assert (
        f"Your reply to {TOPIC} is not sent yet. I have kept it, and it goes to the forum "
        "once your helper has connected your account again with voicepeer forum connect."
    ) in said.transcript
    assert _waiting(forum, data) == ["So glad you made it to the end of the pier."]
    assert "end of the pier." not in httpx.get(f"{forum.base_url}/t/1.json").text


def test_goodbye_says_a_reply_kept_for_the_account_needs_it_connected_again(
    forum: DemoForum, data: Path
) -> None:
    # It said the reply would go "the next time you start me and the forum answers".
    account = user_key(forum)
    lines = ["open topic one", "reply", REPLY, "send it", "yes", "goodbye"]
    talk = converse(
        forum.base_url,
        lines,
        data,
        credentials=account,
        before_line={4: lambda: _revoke(forum, account)},
    )
    assert talk.said[-1] == (
        f"Goodbye. Your reply to {TOPIC} is not posted yet: it goes to the forum once your "
        "helper has connected your account again with voicepeer forum connect. Your place "
        "is kept for next time."
    ), talk.transcript


def test_a_key_refused_during_the_session_is_told_at_once_and_once(
    forum: DemoForum, data: Path
) -> None:
    account = user_key(forum)
    said = converse(
        forum.base_url,
        ["latest topics", "open one", "next", "latest topics"],
        data,
        credentials=account,
        before_line={1: lambda: _revoke(forum, account)},
    )
    opened = said.said_after(f"One: {TOPIC}")
    assert opened[0] == ACCOUNT_REFUSED  # before what it was found reading
    assert opened[1].startswith(TOPIC)
    assert said.transcript.count(ACCOUNT_REFUSED) == 1
    assert "Post 2 of 4" in said.transcript
    assert DraftStore(data / "outbox.sqlite3").all() == {}


def test_a_like_that_finds_the_key_refused_says_so_once(forum: DemoForum, data: Path) -> None:
    # The notice came first, and the like's own refusal said the same words again at once.
    account = user_key(forum)
    said = converse(
        forum.base_url,
        ["latest topics", "open one", "like this post", "yes"],
        data,
        credentials=account,
        before_line={2: lambda: _revoke(forum, account)},
    )
    refused = [line for line in said.said if line.startswith(NO_LONGER_ACCEPTED)]
    assert len(refused) == 1, said.transcript
    assert said.said[-1].startswith(NO_LONGER_ACCEPTED)


def test_connected_again_a_post_read_meanwhile_can_be_liked_and_the_person_is_told(
    forum: DemoForum, data: Path
) -> None:
    # Read while the key was refused, the post came as a visitor sees it, whom the forum
    # lets like nothing: "like" said it may be their own post until the topic was opened
    # again, and nothing said the account worked again.
    saved = [user_key(forum)]
    steps = [
        (at_once, lambda: _revoke(forum, saved[0]), "latest topics"),
        (said(f"One: {TOPIC}"), lambda: None, "open one"),
        (said("Post 1 of 4"), lambda: saved.append(user_key(forum)), ""),
        (said(ACCOUNT_BACK), lambda: None, "like"),
        (said("Say yes or no."), lambda: None, "yes"),
        (said("You liked"), lambda: None, "where am i"),
    ]
    talk = converse(
        forum.base_url,
        [],
        data,
        credentials=saved[0],
        renewal=lambda: saved[-1],
        forum_settings=ForumSettings(retry_backoff_s=0.01, read_retries=1, key_recheck_s=1.0),
        listener=typed_when(steps),
        tell_when_quiet=True,
    )
    after = talk.said_after("Post 1 of 4")
    assert after[0] == ACCOUNT_BACK, talk.transcript
    assert after[1] == "Like this post by Dave Whitfield? Say yes or no.", talk.transcript
    assert after[2] == "You liked this post by Dave Whitfield.", talk.transcript
    assert talk.said.count(ACCOUNT_BACK) == 1, talk.transcript


def test_another_members_account_connected_again_is_named_and_posts_go_out_as_them(
    forum: DemoForum, data: Path
) -> None:
    # A carer connected Priya's account where the person's was refused: "your account
    # works again" had them like and post under her name unawares.
    saved = [user_key(forum)]
    steps = [
        (at_once, lambda: None, "open topic one"),
        (said("Post 1 of 4"), lambda: None, "reply"),
        (said("Say your reply"), lambda: None, REPLY),
        (at_once, lambda: None, "send it"),
        (said("Shall I post it?"), lambda: _revoke(forum, saved[0]), "yes"),
        (said("is not sent yet"), lambda: saved.append(user_key(forum, "priya")), ""),
        (said("The forum account is now"), lambda: None, "next"),
        (said("Post 2 of 4"), lambda: None, "reply"),
        (said("Replying to Jo Baxter"), lambda: None, "thank you Jo for saying this"),
        (at_once, lambda: None, "send it"),
        (said("Thank you Jo for saying this. It will"), lambda: None, "yes"),
        (said("is posted"), lambda: None, "goodbye"),
    ]
    talk = converse(
        forum.base_url,
        [],
        data,
        credentials=saved[0],
        renewal=lambda: saved[-1],
        forum_settings=ForumSettings(retry_backoff_s=0.01, read_retries=1, key_recheck_s=1.0),
        listener=typed_when(steps),
        tell_when_quiet=True,
    )
    assert talk.said.count(account_now("Priya Nair")) == 1, talk.transcript
    assert ACCOUNT_BACK not in talk.said, talk.transcript
    questions = [line for line in talk.said if "Shall I post it?" in line]
    assert len(questions) == 2, talk.transcript
    first, second = questions
    assert "account" not in first, talk.transcript
    assert "on the voicepeer demo forum, from Priya Nair's account. Shall I" in second
    first_topic = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][0]
    assert first_topic["title"] == TOPIC
    topic = httpx.get(f"{forum.base_url}/t/{first_topic['id']}.json", params={"print": "true"})
    posts = topic.json()["post_stream"]["posts"]
    authors = {post["username"] for post in posts if "Thank you Jo" in post["cooked"]}
    assert authors == {"priya"}, talk.transcript
    # The reply the person agreed to under their own account waits for it.
    assert _waiting(forum, data) == ["So glad you made it to the end of the pier."]
    assert "end of the pier." not in topic.text
    assert talk.said[-1] == (
        f"Goodbye. Your reply to {TOPIC} is not posted yet: it goes to the forum once your "
        "helper has connected the account demo again with voicepeer forum connect. Your "
        "place is kept for next time."
    ), talk.transcript


def test_another_members_account_taken_up_as_the_old_key_is_refused_is_named(
    forum: DemoForum, data: Path
) -> None:
    # Saved before the refusal was found, the new key was taken up at once, and nothing
    # was said at all.
    saved = [user_key(forum)]

    def reconnected_as_priya() -> None:
        _revoke(forum, saved[0])
        saved.append(user_key(forum, "priya"))

    steps = [
        (at_once, lambda: None, "open topic one"),
        (said("Post 1 of 4"), reconnected_as_priya, "latest topics"),
        (said("The forum account is now"), lambda: None, "where am i"),
    ]
    talk = converse(
        forum.base_url,
        [],
        data,
        credentials=saved[0],
        renewal=lambda: saved[-1],
        forum_settings=ForumSettings(retry_backoff_s=0.01, read_retries=1, key_recheck_s=1.0),
        listener=typed_when(steps),
        tell_when_quiet=True,
    )
    assert talk.said_after(f"One: {TOPIC}")[0] == account_now("Priya Nair"), talk.transcript
    assert talk.said.count(account_now("Priya Nair")) == 1, talk.transcript
    assert ACCOUNT_REFUSED not in talk.said, talk.transcript


@pytest.mark.parametrize(
    ("then", "last"),
    [
        (["take back my reply", "yes"], ACCOUNT_REFUSED),
        # A change to one's post: what became of the words is said all the same.
        (["correct my post", "and thank you", "send it", "yes"], "Your changes stay saved."),
    ],
)
def test_a_write_after_posting_that_finds_the_key_refused_says_so_once(
    forum: DemoForum, data: Path, then: list[str], last: str
) -> None:
    account = user_key(forum)
    lines = ["open topic one", "reply", REPLY, "send it", "yes", *then]
    talk = converse(
        forum.base_url,
        lines,
        data,
        credentials=account,
        before_line={len(lines) - 1: lambda: _revoke(forum, account)},
    )
    refused = [line for line in talk.said if line.startswith(NO_LONGER_ACCEPTED)]
    assert refused == [ACCOUNT_REFUSED], talk.transcript
    assert talk.said[-1] == last, talk.transcript


def test_on_a_forum_needing_sign_in_a_reply_begun_after_the_refusal_is_kept(
    tmp_path: Path, data: Path
) -> None:
    # Read as a visitor once the key was refused, the topic said no one may reply, and the
    # person heard "The forum does not let you reply in this topic."; the reply they then
    # said was taken for commands.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        account = user_key(forum)
        lines = ["latest topics", "open topic two", "reply", REPLY, "send it", "yes"]
        talk = converse(
            forum.base_url,
            lines,
            data,
            credentials=account,
            before_line={1: lambda: _revoke(forum, account)},
        )
        assert "does not let you reply" not in talk.transcript
        assert ACCOUNT_REFUSED in talk.transcript
        assert (
            "The forum does not accept your account at the moment, so your reply will wait "
            "here until your helper has connected it again."
        ) in talk.transcript
        assert "once your helper has connected your account again" in talk.said[-1]
        assert _waiting(forum, data) == ["So glad you made it to the end of the pier."]
