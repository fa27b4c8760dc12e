"""The outbox against the real demo forum: nothing lost, nothing posted twice."""

from __future__ import annotations

import logging
import random
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from tests.support.members import age_member_actions, make_new_member
from tests.support.transports import DropAfterSending
from voicepeer.demo_forum.http_api import Response
from voicepeer.errors import AuthError, AuthProblem, RateLimitedError
from voicepeer.forum.base import NewReply
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox, OutboxEntry, OutboxState, SendResult
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.error_phrases import say_error
from voicepeer.voice.outbox_phrases import send_result_line, waiting_at_goodbye

from .conftest import ADMIN_KEY, RunningForum, StartForum
from .outbox_crash_child import REPO, kill_trial


def _heat(forum: RunningForum) -> int:
    return next(t.id for t in forum.client("ruth").latest().topics if t.title.startswith("Heat"))


def _copies(forum: RunningForum, topic_id: int, raw: str, username: str = "demo") -> int:
    """How many posts of ``username`` in the topic have the words of ``raw``."""
    client = forum.client("ruth")
    topic = client.topic(topic_id)
    posts = client.posts(topic_id, topic.post_ids[-30:])
    return sum(1 for p in posts if p.username == username and raw.split(".")[0] in p.cooked)


def offline_client(username: str | None = None) -> DiscourseClient:
    """A client of a forum out of reach (nothing listens there), trying each request once;
    signed in as ``username`` when given."""
    url = "http://127.0.0.1:9"
    creds = Credentials(url, "admin_api_key", ADMIN_KEY, username=username) if username else None
    return DiscourseClient(
        url, credentials=creds, settings=ForumSettings(read_retries=0), sleep=lambda s: None
    )


def lossy_client(forum: RunningForum) -> DiscourseClient:
    """The member demo's client whose answers to new posts are lost on the way back."""
    creds = Credentials(forum.base_url, "admin_api_key", ADMIN_KEY, username="demo")
    return DiscourseClient(forum.base_url, credentials=creds, transport=DropAfterSending())


def test_reply_is_posted_and_announced(forum: RunningForum, tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.sqlite3", forum.client("demo"))
    result = outbox.submit(NewReply(_heat(forum), "Fans in every room. Truly."), "Heat and fatigue")
    assert result.state is OutboxState.POSTED
    assert send_result_line(result) == "Your reply to Heat and fatigue is posted."
    assert outbox.pending() == ()
    assert outbox.flush() == []


def test_unreachable_forum_keeps_the_reply_until_flush(forum: RunningForum, tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    offline = offline_client()
    raw = "Written on the train with no signal. Hello all."
    result = Outbox(path, offline).submit(NewReply(_heat(forum), raw), "Heat and fatigue")
    assert result.state is OutboxState.PENDING
    said = send_result_line(result)
    assert "not sent yet" in said and "safe" in said
    later = Outbox(path, forum.client("demo"))
    [flushed] = later.flush()
    assert flushed.state is OutboxState.POSTED
    assert (
        send_result_line(flushed) == "Your earlier reply to Heat and fatigue has now been posted."
    )
    assert _copies(forum, _heat(forum), raw) == 1


def test_the_log_says_what_became_of_each_send_without_its_words(
    forum: RunningForum, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A carer reading the log saw retries, never whether a reply was posted or refused.
    path, topic_id = tmp_path / "outbox.sqlite3", _heat(forum)
    raw = "Fans in every room. Truly, madly."
    with caplog.at_level(logging.INFO, logger="voicepeer.forum.outbox"):
        Outbox(path, offline_client()).submit(NewReply(topic_id, raw), "Heat and fatigue")
        Outbox(path, forum.client("demo")).flush()
    lines = [r.getMessage() for r in caplog.records if r.name == "voicepeer.forum.outbox"]
    assert f"outbox reply 1 (topic {topic_id}): pending, ForumUnreachableError" in lines
    assert f"outbox reply 1 (topic {topic_id}): posted" in lines
    assert not any("Fans" in line or "Heat" in line for line in caplog.messages)


def test_a_reply_past_the_forums_limit_for_a_day_is_kept_and_sent_after_the_wait(
    start_forum: StartForum, tmp_path: Path, member_limits: None
) -> None:
    # A member new today may post max_replies_in_first_day replies (Discourse: 10; 1 here).
    running = start_forum(max_replies_in_first_day=1, rate_limit_new_user_create_post=0)
    make_new_member(running.server, "demo")
    outbox = Outbox(tmp_path / "o.sqlite3", running.client("demo"))
    first = outbox.submit(NewReply(_heat(running), "Hello all, new here today."), "Heat")
    assert first.state is OutboxState.POSTED
    raw = "And thank you for the warm welcome, everyone."
    held = outbox.submit(NewReply(_heat(running), raw), "Heat and fatigue")
    assert held.state is OutboxState.PENDING
    assert isinstance(held.error, RateLimitedError) and held.error.wait_seconds > 86_000
    assert send_result_line(held) == (
        "Your reply to Heat and fatigue is not sent yet: the forum asked me to wait 24 hours "
        "before it takes more from you. I have kept it, and I will send it then."
    )
    assert _copies(running, _heat(running), raw) == 0
    age_member_actions(running.server, 86_400)
    [sent] = outbox.flush()
    assert sent.state is OutboxState.POSTED
    assert _copies(running, _heat(running), raw) == 1


def test_the_same_words_again_within_minutes_come_back_as_a_draft(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "o.sqlite3"
    outbox = Outbox(path, forum.client("demo"))
    words = "Thank you, this helps me a lot."
    assert outbox.submit(NewReply(_heat(forum), words), "Heat").state is OutboxState.POSTED
    other = next(t for t in forum.client("ruth").latest().topics if t.id != _heat(forum))
    key = f"topic-{other.id}"
    again = outbox.submit(NewReply(other.id, words), other.title, draft_key=key)
    assert again.state is OutboxState.REJECTED
    said = send_result_line(again)
    assert "same words from you twice within a few minutes" in said
    assert "I have kept your words" in said
    assert DraftStore(path).load(key) == words


def test_refused_reply_comes_back_as_the_draft_with_the_reason(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(min_post_length=30)
    path = tmp_path / "o.sqlite3"
    drafts = DraftStore(path)
    key = f"topic-{_heat(running)}"
    drafts.save(key, "So true.")
    outbox = Outbox(path, running.client("demo"))
    result = outbox.submit(NewReply(_heat(running), "So true."), "Heat and fatigue", draft_key=key)
    assert result.state is OutboxState.REJECTED
    assert "at least 30 characters" in send_result_line(result)
    assert "say reply in that topic" in send_result_line(result)
    # Back as the editable draft, with the forum's reason; settled in the outbox.
    assert drafts.load(key) == "So true."
    refusal = drafts.refusal(key)
    assert refusal is not None and "at least 30 characters" in say_error(refusal)
    assert outbox.pending() == ()
    assert outbox.flush() == []  # never sent again by itself
    assert _copies(running, _heat(running), "So true.") == 0
    assert drafts.resume(key) == "So true."  # taken back by the person
    drafts.save(key, "So true. Fans in every room, and cold flannels too.")
    assert drafts.refusal(key) is None  # changing the words clears the reason


def test_a_refused_reply_is_listed_with_the_drafts_and_deleting_it_lets_go_of_all(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(min_post_length=30)
    path = tmp_path / "o.sqlite3"
    drafts = DraftStore(path)
    drafts.save("new topic in 3", "An older draft.")
    outbox = Outbox(path, running.client("demo"))
    entry = outbox.record(NewReply(_heat(running), "So true."), "Heat", draft_key="topic-9")
    outbox.send(entry.id)  # refused: too short
    listed = drafts.newest_first()
    assert [(key, words) for key, words, _ in listed] == [
        ("topic-9", "So true."),  # came back last, so listed first
        ("new topic in 3", "An older draft."),
    ]
    assert all(saved_at is not None and saved_at.tzinfo is not None for _, _, saved_at in listed)
    drafts.discard("topic-9")
    assert drafts.load("topic-9") == "So true."  # discarding keeps refused words
    drafts.delete("topic-9")
    assert drafts.load("topic-9") is None and drafts.refusal("topic-9") is None
    assert [key for key, _, _ in drafts.newest_first()] == ["new topic in 3"]


def test_a_draft_started_meanwhile_is_kept_when_a_refused_reply_comes_back(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(min_post_length=30)
    path = tmp_path / "o.sqlite3"
    outbox = Outbox(path, running.client("demo"))
    entry = outbox.record(NewReply(_heat(running), "Too short."), "Heat", draft_key="k")
    drafts = DraftStore(path)
    drafts.save("k", "Words dictated while the first one waited.")
    outbox.send(entry.id)
    assert drafts.load("k") == "Too short.\n\nWords dictated while the first one waited."
    # Dictation going on meanwhile neither overwrites nor sends the refused words...
    drafts.save("k", "Words dictated while the first one waited, and more.")
    outbox.record(
        NewReply(_heat(running), "Words dictated while the first one waited, and more."),
        "Heat",
        draft_key="k",
    )
    assert drafts.load("k") == "Too short."
    assert drafts.refusal("k") is not None
    # ...and the next "reply" in that topic takes them back, with the reason.
    assert drafts.resume("k") == "Too short."


def test_recording_a_reply_takes_its_draft_in_the_same_step(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "o.sqlite3"
    drafts = DraftStore(path)
    drafts.save("topic-1", "Words about to be confirmed.")
    drafts.save("topic-2", "Another topic's words.")
    offline = DiscourseClient("http://127.0.0.1:9", settings=ForumSettings(read_retries=0))
    Outbox(path, offline).record(
        NewReply(1, "Words about to be confirmed."), "T", draft_key="topic-1"
    )
    assert drafts.all() == {"topic-2": "Another topic's words."}


def test_a_private_reply_kept_until_the_forum_is_back_is_said_as_sent(
    forum: RunningForum, tmp_path: Path
) -> None:
    # The person was asked "Shall I send it?": "posted" would sound public. Kept across a
    # restart with the reply, as the later send is announced by another Outbox.
    path = tmp_path / "outbox.sqlite3"
    offline = offline_client()
    conversation = next(
        t for t in forum.client("demo").private_messages().topics if t.title.startswith("Check")
    )
    raw = "Thank you, Sam, that was kind of you."
    kept = Outbox(path, offline).submit(
        NewReply(conversation.id, raw), conversation.title, private=True
    )
    assert kept.state is OutboxState.PENDING
    [flushed] = Outbox(path, forum.client("demo")).flush()
    assert flushed.entry.private
    assert send_result_line(flushed) == (
        f"Your earlier reply to {conversation.title} has now been sent."
    )


def test_moderated_reply_is_announced_as_waiting(start_forum: StartForum, tmp_path: Path) -> None:
    running = start_forum(moderated_usernames=("demo",))
    outbox = Outbox(tmp_path / "o.sqlite3", running.client("demo"))
    result = outbox.submit(NewReply(_heat(running), "Please approve me, moderator."), "Heat")
    assert result.state is OutboxState.ENQUEUED
    assert "waiting for a moderator" in send_result_line(result)


def test_lost_answer_is_checked_before_sending_again(forum: RunningForum, tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    lossy = lossy_client(forum)
    raw = "The answer to this one gets lost. But it arrived."
    result = Outbox(path, lossy).submit(NewReply(_heat(forum), raw), "Heat and fatigue")
    assert result.state is OutboxState.SENDING
    assert "not sure" in send_result_line(result)
    [flushed] = Outbox(path, forum.client("demo")).flush()
    assert flushed.state is OutboxState.POSTED
    assert flushed.entry.attempts == 1  # found on the forum, not sent again
    assert _copies(forum, _heat(forum), raw) == 1


def test_a_reply_the_forum_respaced_is_found_after_a_lost_answer(
    forum: RunningForum, tmp_path: Path
) -> None:
    # The forum makes unusual spaces plain and drops trailing ones (PostCreator), so the
    # copy it keeps differs from the words sent; it is still theirs, and not sent again.
    path = tmp_path / "outbox.sqlite3"
    lossy = lossy_client(forum)
    raw = "Pasted from a phone:\u00a0cooling\u2009towels help.\u3000 \n"
    assert Outbox(path, lossy).submit(NewReply(_heat(forum), raw), "Heat").state is (
        OutboxState.SENDING
    )
    [flushed] = Outbox(path, forum.client("demo")).flush()
    assert flushed.state is OutboxState.POSTED and flushed.entry.attempts == 1
    assert _copies(forum, _heat(forum), "Pasted from a phone") == 1


def test_words_the_forum_calls_a_repeat_after_a_lost_answer_are_said_most_likely_there(
    forum: RunningForum, tmp_path: Path
) -> None:
    # The check after the lost answer sees the topic as it was before (a stale copy on
    # the way), so the reply is sent again; the forum refuses the same words as a moment
    # ago. Most likely the first send arrived: said so, and the words kept in case.
    path = tmp_path / "outbox.sqlite3"
    heat = _heat(forum)
    as_demo = {"Api-Key": ADMIN_KEY, "Api-Username": "demo"}
    before = httpx.get(f"{forum.base_url}/t/{heat}.json", headers=as_demo)
    lossy = lossy_client(forum)
    raw = "Cooling towels around the neck help me every afternoon."
    key = f"topic-{heat}"
    lost = Outbox(path, lossy).submit(NewReply(heat, raw), "Heat and fatigue", draft_key=key)
    assert lost.state is OutboxState.SENDING
    forum.server.faults.answer_next(f"/t/{heat}.json", Response.json(200, before.json()))
    [again] = Outbox(path, forum.client("demo")).flush()
    assert again.state is OutboxState.REJECTED and again.entry.attempts == 2
    assert send_result_line(again) == (
        "The forum says you posted these same words a few minutes ago, so your reply to "
        "Heat and fatigue is most likely there already. I have kept the words in your drafts "
        "in case it is not: say my drafts to hear them."
    )
    assert DraftStore(path).load(key) == raw
    assert _copies(forum, heat, raw) == 1


def test_words_said_again_while_a_lost_reply_was_unknown_go_once_it_is_found(
    forum: RunningForum, tmp_path: Path
) -> None:
    # The first answer was lost; the same words, sent again, were refused as a repeat and
    # kept as a draft. Once the first is found on the forum, that draft would be a second
    # copy waiting to be sent: it goes, and the person is told why.
    path, heat = tmp_path / "outbox.sqlite3", _heat(forum)
    key = f"topic-{heat}"
    raw = "Said once, lost on the way back, and said again."
    lost = Outbox(path, lossy_client(forum)).submit(NewReply(heat, raw), "Heat", draft_key=key)
    assert lost.state is OutboxState.SENDING
    outbox = Outbox(path, forum.client("demo"))
    again = outbox.submit(NewReply(heat, raw), "Heat", draft_key=key)
    assert again.state is OutboxState.REJECTED and DraftStore(path).load(key) == raw
    DraftStore(path).save(key, "And a new thought.")  # dictated meanwhile: it stays
    [found] = outbox.flush()
    assert found.state is OutboxState.POSTED and found.words_on_forum
    assert send_result_line(found) == (
        "Your earlier reply to Heat has now been posted. These words are already on the "
        "forum, so I have taken them out of your drafts."
    )
    assert DraftStore(path).load(key) == "And a new thought."
    assert _copies(forum, heat, raw) == 1


def test_the_same_words_refused_after_the_lost_reply_was_found_are_not_kept(
    forum: RunningForum, tmp_path: Path
) -> None:
    path, heat = tmp_path / "outbox.sqlite3", _heat(forum)
    key = f"topic-{heat}"
    raw = "Found on the forum before the repeat was refused."
    Outbox(path, lossy_client(forum)).submit(NewReply(heat, raw), "Heat", draft_key=key)
    outbox = Outbox(path, forum.client("demo"))
    [found] = outbox.flush()
    assert found.state is OutboxState.POSTED and not found.words_on_forum
    again = outbox.submit(NewReply(heat, raw), "Heat", draft_key=key)
    assert again.state is OutboxState.REJECTED and again.words_on_forum
    assert send_result_line(again) == (
        "The forum did not take your reply to Heat again. These words are already on the "
        "forum, so there is nothing more to send."
    )
    assert DraftStore(path).load(key) is None
    assert _copies(forum, heat, raw) == 1


def test_a_reply_edited_on_the_web_after_a_lost_answer_is_not_sent_again(
    forum: RunningForum, tmp_path: Path
) -> None:
    # The person saw their reply on the web and changed a word before voicepeer looked:
    # its words are not the ones sent, but it is theirs, made as it was sent.
    path, heat = tmp_path / "outbox.sqlite3", _heat(forum)
    raw = "Sent as the signal went. Then tidied up on the web."
    lost = Outbox(path, lossy_client(forum)).submit(NewReply(heat, raw), "Heat")
    assert lost.state is OutboxState.SENDING
    demo = forum.client("demo")
    [mine] = [p for p in demo.posts(heat, demo.topic(heat).post_ids[-3:]) if "signal" in p.cooked]
    demo.edit_post(mine.id, raw + " Edited on the web.")
    [flushed] = Outbox(path, demo).flush()
    assert flushed.state is OutboxState.POSTED and flushed.entry.attempts == 1
    assert flushed.entry.post_number == mine.post_number
    assert _copies(forum, heat, raw) == 1


def _lost_on_the_way_there(forum: RunningForum, path: Path, raw: str) -> None:
    creds = Credentials(forum.base_url, "admin_api_key", ADMIN_KEY, username="demo")
    never_there = DiscourseClient(
        forum.base_url, credentials=creds, transport=DropAfterSending(reaches_forum=False)
    )
    lost = Outbox(path, never_there).submit(NewReply(_heat(forum), raw), "Heat")
    assert lost.state is OutboxState.SENDING


def test_another_reply_sent_meanwhile_is_not_taken_for_a_lost_one(
    forum: RunningForum, tmp_path: Path
) -> None:
    path, heat = tmp_path / "outbox.sqlite3", _heat(forum)
    raw = "Lost before it reached the forum."
    _lost_on_the_way_there(forum, path, raw)
    outbox = Outbox(path, forum.client("demo"))
    other = outbox.submit(NewReply(heat, "Another thought, sent at once."), "Heat")
    assert other.state is OutboxState.POSTED
    [result] = outbox.flush()
    assert result.state is OutboxState.POSTED and result.entry.attempts == 2  # sent again
    assert result.entry.post_number != other.entry.post_number
    assert _copies(forum, heat, raw) == 1


def test_a_post_made_on_the_web_long_after_is_not_taken_for_a_lost_reply(
    forum: RunningForum, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from voicepeer.forum import outbox as outbox_module

    path, heat = tmp_path / "outbox.sqlite3", _heat(forum)
    hour_ago = datetime.now(UTC) - timedelta(hours=1)
    monkeypatch.setattr(outbox_module, "_now", lambda: hour_ago)
    raw = "Lost an hour ago, before it reached the forum."
    _lost_on_the_way_there(forum, path, raw)
    monkeypatch.undo()
    forum.client("demo").create_post(NewReply(heat, "Written just now on the web."))
    [result] = Outbox(path, forum.client("demo")).flush()
    assert result.state is OutboxState.POSTED and result.entry.attempts == 2  # sent again
    assert _copies(forum, heat, raw) == 1


STEPS = ("recorded", "noted", "sending", "request_sent", "response_read", "done")


@pytest.mark.slow
@pytest.mark.parametrize("step", STEPS)
def test_killed_at_any_step_the_reply_arrives_exactly_once_and_its_draft_is_gone(
    forum: RunningForum, tmp_path: Path, step: str
) -> None:
    raw = f"Killed at step {step}. Nothing may be lost or doubled."
    outcome = kill_trial(forum.base_url, ADMIN_KEY, tmp_path / "o.sqlite3", _heat(forum), raw, step)
    assert outcome.states == ("posted",)
    assert outcome.copies == 1
    assert not outcome.draft_kept  # never offered again as unsent


@pytest.mark.slow
def test_killed_once_a_refused_reply_is_back_it_stays_a_draft(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(min_post_length=80)
    raw = "Refused, then killed. The words stay a draft."
    outcome = kill_trial(
        running.base_url, ADMIN_KEY, tmp_path / "o.sqlite3", _heat(running), raw, "returned"
    )
    assert outcome.states == ("rejected",) and outcome.draft_kept and outcome.copies == 0


KILL_TRIALS = 12


@pytest.mark.slow
def test_killed_at_random_moments_nothing_is_lost_or_doubled(
    forum: RunningForum, tmp_path: Path
) -> None:
    rng = random.Random(20261201)
    outcomes = []
    for trial in range(KILL_TRIALS):
        raw = f"Random kill number {trial}. The words arrive once or wait as a draft."
        outcomes.append(
            kill_trial(
                forum.base_url,
                ADMIN_KEY,
                tmp_path / f"o{trial}.sqlite3",
                _heat(forum),
                raw,
                "random",
                rng,
            )
        )
    assert not [o for o in outcomes if o.duplicated or o.lost], outcomes
    assert all(o.copies == 1 or o.draft_kept for o in outcomes)


def test_flush_from_another_thread_sends_each_reply_once(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "outbox.sqlite3"
    offline = offline_client()
    waiting = Outbox(path, offline)
    raws = [f"Queued while offline, reply {n}. Thinking of you all." for n in range(3)]
    for raw in raws:
        waiting.submit(NewReply(_heat(forum), raw), "Heat and fatigue")
    outbox = Outbox(path, forum.client("demo"))
    results: list[list[SendResult]] = []
    threads = [threading.Thread(target=lambda: results.append(outbox.flush())) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    announced = [send_result_line(r) for batch in results for r in batch]
    assert announced.count("Your earlier reply to Heat and fatigue has now been posted.") == 3
    assert all(_copies(forum, _heat(forum), raw) == 1 for raw in raws)


def test_odd_unicode_is_recorded_without_failing(tmp_path: Path) -> None:
    offline = DiscourseClient("http://127.0.0.1:9")
    outbox = Outbox(tmp_path / "o.sqlite3", offline)
    entry = outbox.record(NewReply(3, "Broken \ud800 decoder, café 😀 \u202e"), "Tîtle \udfff")
    assert entry.raw == "Broken \ufffd decoder, café 😀 \u202e"
    assert entry.topic_title == "Tîtle \ufffd"
    assert "Broken" not in repr(entry)  # the text stays out of logs


def test_the_check_after_a_lost_answer_does_not_depend_on_the_clocks(
    forum: RunningForum, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The device's clock is 20 minutes ahead of the forum's: the copy is still found."""
    from voicepeer.forum import outbox as outbox_module

    ahead = datetime.now(UTC) + timedelta(minutes=20)
    monkeypatch.setattr(outbox_module, "_now", lambda: ahead)
    path = tmp_path / "outbox.sqlite3"
    lossy = lossy_client(forum)
    raw = "Sent from a tablet whose clock runs fast. It arrived."
    assert Outbox(path, lossy).submit(NewReply(_heat(forum), raw), "Heat").state is (
        OutboxState.SENDING
    )
    [flushed] = Outbox(path, forum.client("demo")).flush()
    assert flushed.state is OutboxState.POSTED and flushed.entry.attempts == 1
    assert _copies(forum, _heat(forum), raw) == 1


def test_a_reply_held_for_a_moderator_whose_answer_was_lost_is_not_sent_again(
    start_forum: StartForum, tmp_path: Path
) -> None:
    running = start_forum(moderated_usernames=("demo",))
    path = tmp_path / "outbox.sqlite3"
    lossy = lossy_client(running)
    raw = "Held for a moderator, and the answer got lost."
    Outbox(path, lossy).submit(NewReply(_heat(running), raw), "Heat")
    [flushed] = Outbox(path, running.client("demo")).flush()
    assert flushed.state is OutboxState.ENQUEUED and flushed.entry.attempts == 1
    assert "waiting for a moderator" in send_result_line(flushed)
    assert len(running.server.pending_post_ids()) == 1


FLUSH_CHILD = """
import sys, time
from pathlib import Path
from voicepeer.forum.outbox import Outbox
from tests.forum.outbox_crash_child import client_for
client = client_for(sys.argv[1], sys.argv[2])
outbox = Outbox(Path(sys.argv[3]), client)
start = float(sys.argv[4])
time.sleep(max(0.0, start - time.time()))
print(len([r for r in outbox.flush() if r.delivered]), flush=True)
"""


@pytest.mark.slow
def test_two_processes_flushing_at_once_post_each_reply_once(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "outbox.sqlite3"
    offline = DiscourseClient("http://127.0.0.1:9", settings=ForumSettings(read_retries=0))
    waiting = Outbox(path, offline)
    raws = [f"Waiting while offline, reply {n}. Two copies of voicepeer start." for n in range(3)]
    for raw in raws:
        waiting.record(NewReply(_heat(forum), raw), "Heat and fatigue")
    start = time.time() + 2.0  # both children flush at the same moment
    children = [
        subprocess.Popen(
            [sys.executable, "-c", FLUSH_CHILD, forum.base_url, ADMIN_KEY, str(path), str(start)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for _ in range(2)
    ]
    delivered = [int(child.communicate(timeout=120)[0].strip()) for child in children]
    assert sum(delivered) == 3  # each reply announced by the one that sent or found it
    assert all(_copies(forum, _heat(forum), raw) == 1 for raw in raws)


def test_a_reply_to_a_topic_that_is_gone_is_kept_not_sent_again(
    forum: RunningForum, tmp_path: Path
) -> None:
    path = tmp_path / "o.sqlite3"
    outbox = Outbox(path, forum.client("demo"))
    result = outbox.submit(
        NewReply(999_999, "For a topic removed meanwhile."), "Gone", draft_key="topic-999999"
    )
    assert result.state is OutboxState.REJECTED
    said = send_result_line(result)
    assert "kept on this computer" in said and "say reply" not in said
    assert DraftStore(path).load("topic-999999") == "For a topic removed meanwhile."
    assert outbox.pending() == ()


def test_a_reply_waits_for_the_account_it_was_confirmed_with(
    forum: RunningForum, tmp_path: Path
) -> None:
    # Confirmed as mei while the forum was out of reach, it was posted under priya's name
    # once a helper connected their own account.
    path = tmp_path / "o.sqlite3"
    raw = "Thank you all, the fan helped."
    waiting = Outbox(path, offline_client("mei")).submit(NewReply(_heat(forum), raw), "Heat")
    assert waiting.state is OutboxState.PENDING
    later = Outbox(path, forum.client("priya"))
    mine = later.record(NewReply(_heat(forum), "Priya's own words, sent."), "Heat")
    kept, sent = later.flush()
    assert kept.state is OutboxState.PENDING and sent.entry.id == mine.id and sent.delivered
    assert send_result_line(kept) == (
        "Your reply to Heat is not sent. It was written with the forum account mei, and the "
        "account connected now is priya: I will not post it under another name. It waits, "
        "kept safe, until your helper connects the account mei again with voicepeer forum "
        "connect."
    )
    assert _copies(forum, _heat(forum), raw, "priya") == 0
    [posted] = Outbox(path, forum.client("Mei")).flush()  # usernames' case does not count
    assert posted.state is OutboxState.POSTED
    assert _copies(forum, _heat(forum), raw, "mei") == 1


def test_a_reply_waits_for_its_account_once_that_is_disconnected(
    forum: RunningForum, tmp_path: Path
) -> None:
    # Confirmed as demo, then "voicepeer forum revoke": it is not sent as nobody. Words
    # written with no account connected wait too: the forum refuses visitors' posts.
    path = tmp_path / "o.sqlite3"
    raw = "Confirmed before the account was disconnected."
    waiting = Outbox(path, offline_client("demo")).submit(NewReply(_heat(forum), raw), "Heat")
    assert waiting.state is OutboxState.PENDING
    signed_out = DiscourseClient(forum.base_url, settings=ForumSettings(retry_backoff_s=0.01))
    later = Outbox(path, signed_out)
    unsigned = "Written with no account connected."
    visitor = later.record(NewReply(_heat(forum), unsigned), "Heat")
    kept, refused = later.flush()
    assert kept.state is OutboxState.PENDING and refused.entry.id == visitor.id
    assert refused.state is OutboxState.PENDING and not refused.delivered
    assert isinstance(refused.error, AuthError)
    assert refused.error.problem is AuthProblem.SIGN_IN_NEEDED  # the forum's not_logged_in
    for result in (kept, refused):
        assert send_result_line(result) == (
            "Your reply to Heat is not sent yet. I have kept it, and it goes to the forum once "
            "your helper has connected your account again with voicepeer forum connect."
        )
    assert _copies(forum, _heat(forum), raw) == _copies(forum, _heat(forum), unsigned) == 0
    # Once an account is connected, both go out, once each.
    posted = Outbox(path, forum.client("demo")).flush()
    assert [result.state for result in posted] == [OutboxState.POSTED] * 2
    assert _copies(forum, _heat(forum), raw) == _copies(forum, _heat(forum), unsigned) == 1


def test_goodbye_names_a_reply_that_may_be_on_the_forum_already_as_such() -> None:
    # Cut off while sending, it was called "not posted yet" at goodbye, though the forum
    # had it: the person might dictate it again.
    def entry(state: OutboxState) -> OutboxEntry:
        now = datetime.now(UTC)
        return OutboxEntry(1, 2, "Heat", "Some words.", None, state, 1, now, None)

    assert waiting_at_goodbye((entry(OutboxState.SENDING),)) == (
        "I am not sure your reply to Heat reached the forum: I will check the next time you "
        "start me, and send it only if it is not there."
    )
    assert waiting_at_goodbye((entry(OutboxState.PENDING),)).startswith(
        "Your reply to Heat is not posted yet"
    )
