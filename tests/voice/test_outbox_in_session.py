"""What becomes of a confirmed reply during the session, through the real voice loop in
text mode against the real demo forum: sent again in the background when the forum comes
back (and the person told between utterances), or back as a draft when refused."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import ADMIN_KEY, keyed_forum, signed_in
from tests.support.restarts import ForumRestarts
from tests.support.transports import DropAfterSending
from tests.support.typed_lines import said, typed_when
from voicepeer.demo_forum import DemoForumOptions
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox, OutboxEntry, OutboxState, SendResult
from voicepeer.forum.retry import OutboxRetry, RetrySettings
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.settings import VoiceSettings
from voicepeer.voice.withdrawals import TAKEN_BACK

REPLY = "thank you for this it helps a lot to know I am not alone"
TOPIC = "Walked to the end of the pier today"
KEYED = DemoForumOptions(admin_api_key=ADMIN_KEY)
"""Takes the tests' admin key: every session that replies is signed in, as a forum wants."""


def _first_topic(base_url: str) -> int:
    return int(httpx.get(f"{base_url}/latest.json").json()["topic_list"]["topics"][0]["id"])


def _copies(base_url: str, topic_id: int) -> int:
    posts = httpx.get(f"{base_url}/t/{topic_id}.json").json()["post_stream"]["posts"]
    return sum("not alone" in str(p["cooked"]) for p in posts)


class WatchedRetry(OutboxRetry):
    """The real background retry, with an event set once it has sent something."""

    sent = threading.Event()

    def run_due(self) -> list[SendResult]:
        results = super().run_due()
        if any(r.delivered for r in results):
            self.sent.set()
        return results


def _quick_retry(base_url: str) -> Callable[[Outbox], OutboxRetry]:
    def make(loop_outbox: Outbox) -> OutboxRetry:
        # Signed in as the voice loop is, as voicepeer's own background retry is: a reply
        # confirmed with an account is never sent without it.
        signed_in = loop_outbox.forum
        credentials = signed_in.credentials if isinstance(signed_in, DiscourseClient) else None
        client = DiscourseClient(
            base_url, credentials=credentials, settings=ForumSettings(read_retries=0)
        )
        retry = WatchedRetry(
            Outbox(loop_outbox.path, client), RetrySettings(first_wait_s=0.2, poll_s=0.05)
        )
        retry.sent = threading.Event()
        retry.watch(loop_outbox)
        return retry

    return make


def test_a_reply_waiting_for_the_forum_goes_out_when_it_comes_back_mid_session(
    tmp_path: Path,
) -> None:
    with ForumRestarts(tmp_path / "forum.sqlite3", KEYED) as forum:
        url = forum.url
        topic_id = _first_topic(url)
        retry = _quick_retry(url)
        made: list[OutboxRetry] = []

        def make(loop_outbox: Outbox) -> OutboxRetry:
            made.append(retry(loop_outbox))
            return made[0]

        def come_back() -> None:
            forum.come_back()
            assert isinstance(made[0], WatchedRetry) and made[0].sent.wait(timeout=30)

        talk = converse(
            url,
            [
                "open topic one",
                "reply",
                REPLY,
                "send it",
                "yes",
                "where am i",
                "where am i",
                "where am i",
            ],
            tmp_path / "data",
            before_line={4: forum.go_down, 5: come_back},
            retry=make,
            credentials=signed_in(forum.server),
        )
        after_yes = talk.said_after("Shall I post it?")
        assert "Your words are safe; I will send them" in after_yes[0], talk.transcript
        told = f"Your earlier reply to {TOPIC} has now been posted."
        assert talk.said.count(told) == 1, talk.transcript
        # Said between utterances, after an answer, never in the middle of one.
        assert talk.said[talk.said.index(told) - 1].startswith("You are reading"), talk.transcript
        assert _copies(url, topic_id) == 1


SENT_ELSEWHERE = "Your earlier reply to Another topic has now been posted."


def _news_of_a_sent_reply(pending: list[SendResult]) -> Callable[[Outbox], OutboxRetry]:
    """A background retry whose news is ``pending`` (a reply to "Another topic", sent),
    told once."""

    class Told(OutboxRetry):
        def news(self) -> list[SendResult]:
            news, pending[:] = list(pending), []
            return news

    def make(loop_outbox: Outbox) -> OutboxRetry:
        return Told(loop_outbox, RetrySettings(poll_s=60))

    return make


def _sent_reply() -> SendResult:
    now = datetime.now(UTC)
    return SendResult(
        OutboxEntry(1, 2, "Another topic", "Some words.", None, OutboxState.POSTED, 1, now, now)
    )


def test_news_waits_while_the_person_is_dictating(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        talk = converse(
            forum.base_url,
            ["open topic one", "reply", "some words", "cancel"],
            tmp_path / "data",
            retry=_news_of_a_sent_reply([_sent_reply()]),
            credentials=signed_in(forum),
        )
    # Told once reading (before "reply"), not while dictating.
    assert talk.said.count(SENT_ELSEWHERE) == 1
    said = talk.said.index(SENT_ELSEWHERE)
    assert said < next(i for i, line in enumerate(talk.said) if line.startswith("Replying to"))


def test_news_not_yet_told_is_told_before_goodbye(tmp_path: Path) -> None:
    # Sent while the person was writing, it was never told: the session ended first, and
    # the next start does not know of it.
    pending: list[SendResult] = []
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        talk = converse(
            forum.base_url,
            ["open topic one", "reply", "some words", "goodbye voicepeer", "yes"],
            tmp_path / "data",
            retry=_news_of_a_sent_reply(pending),
            before_line={3: lambda: pending.append(_sent_reply())},
            credentials=signed_in(forum),
        )
    assert talk.said[-2:] == [
        SENT_ELSEWHERE,
        "Goodbye. Your reply is saved. Your place is kept for next time.",
    ]


def test_a_refused_reply_comes_back_as_the_draft_with_the_forums_reason(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        url = forum.base_url

        def tighten_the_rules() -> None:
            # The site raises its minimum after voicepeer read it: only the forum refuses.
            app = forum._app
            assert app is not None
            app.options = dataclasses.replace(app.options, min_post_length=200)

        talk = converse(
            url,
            ["open topic one", "reply", REPLY, "send it", "yes", "reply", "cancel"],
            data,
            before_line={4: tighten_the_rules},
            credentials=signed_in(forum),
        )
        after_yes = talk.said_after("Shall I post it?")
        assert after_yes[0].startswith(f"Your reply to {TOPIC} was not posted.")
        assert "200" in after_yes[0] and "say reply in that topic" in after_yes[0]
        offered = after_yes[1]
        assert offered.startswith(f"The forum did not accept your reply to {TOPIC}.")
        assert "200" in offered and "it helps a lot to know I am not alone" in offered
        assert "Change it, then say send it." in offered
        assert _copies(url, _first_topic(url)) == 0
        outbox = Outbox(
            data / "outbox.sqlite3", DiscourseClient(url, settings=ForumSettings(read_retries=0))
        )
        assert outbox.pending() == () and outbox.flush() == []  # never sent by itself
        assert "not alone" in DraftStore(data / "outbox.sqlite3").all().popitem()[1]


def test_goodbye_with_a_reply_not_sent_yet_says_when_it_will_go(tmp_path: Path) -> None:
    # "Goodbye. Your place is kept": a carer switching the computer off thought the reply
    # had gone, though nothing is sent until voicepeer runs again.
    forum = keyed_forum(tmp_path / "forum.sqlite3")
    forum.start()
    lines = ["open topic one", "reply", REPLY, "send it", "yes", "goodbye"]
    try:
        talk = converse(
            forum.base_url,
            lines,
            tmp_path / "data",
            credentials=signed_in(forum),
            before_line={4: forum.stop},  # gone before the yes
        )
    finally:
        forum.stop()
    assert talk.said[-1] == (
        f"Goodbye. Your reply to {TOPIC} is not posted yet: I will send it the next time you "
        "start me and the forum answers. Your place is kept for next time."
    )


def test_a_reply_sent_in_the_background_is_told_while_the_person_says_nothing(
    tmp_path: Path,
) -> None:
    told = f"Your earlier reply to {TOPIC} has now been posted."
    at_once = said("")
    with ForumRestarts(tmp_path / "forum.sqlite3", KEYED) as forum:
        steps = [
            (lambda lines: True, lambda: None, "open topic one"),
            (at_once, lambda: None, "reply"),
            (at_once, lambda: None, REPLY),
            (at_once, lambda: None, "send it"),
            (said("Shall I post it?"), forum.go_down, "yes"),
            # Silent after hearing it is not sent: only the news may be said meanwhile.
            (said("not sent yet"), forum.come_back, ""),
            (said(told), lambda: None, "where am i"),
        ]
        talk = converse(
            forum.url,
            [],
            tmp_path / "data",
            retry=_quick_retry(forum.url),
            listener=typed_when(steps),
            tell_when_quiet=True,
            credentials=signed_in(forum.server),
        )
    assert talk.said.count(told) == 1, talk.transcript
    index = talk.said.index(told)
    assert "not sent yet" in talk.said[index - 1], talk.transcript
    assert talk.said[index + 1].startswith("You are reading"), talk.transcript


def test_started_with_the_forum_down_the_greeting_comes_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    forum = keyed_forum(tmp_path / "forum.sqlite3")
    url = forum.start()
    lines = ["open topic one", "reply", REPLY, "send it", "yes"]
    try:
        converse(url, lines, data, before_line={4: forum.stop}, credentials=signed_in(forum))
    finally:
        forum.stop()
    # The forum is still gone, with the reply kept from then: it is tried at the start.
    talk = converse(
        url,
        ["where am i"],
        data,
        settings=VoiceSettings(),
        forum_settings=ForumSettings(slow_after_s=0.2, retry_backoff_s=0.3, read_retries=2),
        tell_waits=True,
        credentials=signed_in(forum),
    )
    assert talk.said[0].startswith(
        "Hello. This is voicepeer. I cannot reach the forum at the moment."
    ), talk.transcript
    assert talk.said[1] == (
        f"Your reply to {TOPIC} is not sent yet: the forum is still out of reach. I have kept "
        "it, and I will send it once the forum answers again."
    )


def test_a_reply_the_forum_asks_to_hold_back_waits_in_the_background(tmp_path: Path) -> None:
    # A 429 with Retry-After longer than a pause worth sitting through: the person goes on
    # reading at once, and the reply goes when the forum said, told when it has.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        url = forum.base_url
        forum.faults.rate_limit_next(1, 6, path="/posts.json")
        made: list[OutboxRetry] = []
        heard_at: dict[int, float] = {}

        def make(loop_outbox: Outbox) -> OutboxRetry:
            made.append(_quick_retry(url)(loop_outbox))
            return made[0]

        def stamp(index: int) -> Callable[[], None]:
            return lambda: heard_at.__setitem__(index, time.monotonic())

        def sent() -> None:
            assert isinstance(made[0], WatchedRetry) and made[0].sent.wait(timeout=30)

        lines = ["open topic one", "reply", REPLY, "send it", "yes", "next", "where am i"]
        talk = converse(
            url,
            lines,
            tmp_path / "data",
            retry=make,
            before_line={4: stamp(4), 5: stamp(5), 6: sent},
            credentials=signed_in(forum),
        )
        assert _copies(url, _first_topic(url)) == 1
    assert heard_at[5] - heard_at[4] < 2.0  # not held for the forum's six seconds
    after_yes = talk.said_after("Shall I post it?")
    assert after_yes[0] == (
        f"Your reply to {TOPIC} is not sent yet: the forum asked me to wait 6 seconds before "
        "it takes more from you. I have kept it, and I will send it then."
    )
    assert after_yes[1].startswith("Post 2 of 4")
    assert f"Your earlier reply to {TOPIC} has now been posted." in after_yes[2:]


def test_reply_again_where_a_reply_may_have_arrived_unseen_says_so_first(
    tmp_path: Path,
) -> None:
    # The answer to the post was lost: said again, the same words could be there twice.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        talk = converse(
            forum.base_url,
            ["open topic one", "reply", REPLY, "send it", "yes", "reply", "cancel"],
            tmp_path / "data",
            transport=DropAfterSending(),
            credentials=signed_in(forum),
        )
    after_yes = talk.said_after("Shall I post it?")
    assert after_yes[0].startswith("I am not sure the forum received your reply"), talk.transcript
    assert after_yes[1] == (
        f"I am not sure your earlier reply to {TOPIC} reached the forum. I am checking, and "
        "I will send it only if it is not there: there is no need to say it again."
    )
    assert after_yes[2].startswith("Replying to"), talk.transcript


def test_a_forum_back_just_before_goodbye_gets_the_reply_then(tmp_path: Path) -> None:
    # "I will send it the next time you start me": the forum was back, and the person
    # may not start voicepeer again for days.
    with ForumRestarts(tmp_path / "forum.sqlite3", KEYED) as forum:
        talk = converse(
            forum.url,
            ["open topic one", "reply", REPLY, "send it", "yes", "goodbye"],
            tmp_path / "data",
            before_line={4: forum.go_down, 5: forum.come_back},
            credentials=signed_in(forum.server),
        )
        assert _copies(forum.url, _first_topic(forum.url)) == 1
    assert talk.said[-2:] == [
        f"Your earlier reply to {TOPIC} has now been posted.",
        "Goodbye. Your place is kept for next time.",
    ], talk.transcript


def test_the_last_try_at_goodbye_is_bounded(tmp_path: Path) -> None:
    # Back, but answering slowly: goodbye does not wait for it, and says the reply may
    # be there, to be checked at the next start.
    heard_at: dict[str, float] = {}

    def back_slowly() -> None:
        forum.come_back()
        forum.server.faults.slow(6, path="/posts.json")
        heard_at["goodbye"] = time.monotonic()

    with ForumRestarts(tmp_path / "forum.sqlite3", KEYED) as forum:
        talk = converse(
            forum.url,
            ["open topic one", "reply", REPLY, "send it", "yes", "goodbye"],
            tmp_path / "data",
            settings=VoiceSettings(goodbye_try_s=1.0),
            before_line={4: forum.go_down, 5: back_slowly},
            credentials=signed_in(forum.server),
        )
        assert time.monotonic() - heard_at["goodbye"] < 4.0
    assert talk.said[-1] == (
        f"Goodbye. I am not sure your reply to {TOPIC} reached the forum: I will check the "
        "next time you start me, and send it only if it is not there. Your place is kept "
        "for next time."
    ), talk.transcript


def test_goodbye_tells_of_a_reply_the_background_is_finding_on_the_forum(
    tmp_path: Path,
) -> None:
    # The answer to the post was lost; the background's check of the topic was under way
    # at goodbye. "I am not sure it reached the forum" was said, then it was found there,
    # and the next start had nothing to tell: the person never heard it got through.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        topic_id = _first_topic(forum.base_url)

        def slow_checks() -> None:
            forum.faults.slow(1.5, path=f"/t/{topic_id}.json")

        talk = converse(
            forum.base_url,
            ["open topic one", "reply", REPLY, "send it", "yes", "goodbye"],
            tmp_path / "data",
            transport=DropAfterSending(),
            retry=_quick_retry(forum.base_url),
            before_line={4: slow_checks},
            credentials=signed_in(forum),
        )
    assert talk.said[-2:] == [
        f"Your earlier reply to {TOPIC} has now been posted.",
        "Goodbye. Your place is kept for next time.",
    ], talk.transcript


TAKE_BACK = ["open topic one", "reply", REPLY, "send it", "yes", "delete my post"]
"""The forum gone at the yes, back as "delete my post" is said: the background would send
the reply while the person is asked whether to take it back."""


def test_a_reply_is_not_sent_while_the_person_is_asked_whether_to_take_it_back(
    tmp_path: Path,
) -> None:
    with ForumRestarts(tmp_path / "forum.sqlite3", KEYED) as forum:
        talk = converse(
            forum.url,
            [*TAKE_BACK, "yes"],
            tmp_path / "data",
            credentials=signed_in(forum.server),
            retry=_quick_retry(forum.url),
            before_line={4: forum.go_down, 5: forum.come_back, 6: lambda: time.sleep(1.5)},
        )
        assert _copies(forum.url, _first_topic(forum.url)) == 0
    assert "Take it back, so that it is never sent?" in talk.said[-2], talk.transcript
    assert talk.said[-1] == TAKEN_BACK, talk.transcript


def test_a_reply_kept_at_the_question_is_sent_once_it_is_answered(tmp_path: Path) -> None:
    with ForumRestarts(tmp_path / "forum.sqlite3", KEYED) as forum:
        made: list[OutboxRetry] = []

        def make(loop_outbox: Outbox) -> OutboxRetry:
            made.append(_quick_retry(forum.url)(loop_outbox))
            return made[0]

        def sent() -> None:
            assert isinstance(made[0], WatchedRetry) and made[0].sent.wait(timeout=30)

        talk = converse(
            forum.url,
            [*TAKE_BACK, "no", "where am i"],
            tmp_path / "data",
            credentials=signed_in(forum.server),
            retry=make,
            before_line={4: forum.go_down, 5: forum.come_back, 7: sent},
        )
        assert _copies(forum.url, _first_topic(forum.url)) == 1
    assert f"Your earlier reply to {TOPIC} has now been posted." in talk.said, talk.transcript


def test_a_reply_kept_over_a_forum_in_trouble_is_not_also_asked_to_be_tried_again(
    tmp_path: Path,
) -> None:
    # "The forum is having trouble at the moment. Please try again in a few minutes. Your
    # words are safe; I will send them when I can": something to do, and nothing to do.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        topic = _first_topic(forum.base_url)
        talk = converse(
            forum.base_url,
            ["open topic one", "reply", REPLY, "send it", "yes"],
            tmp_path / "data",
            before_line={4: lambda: forum.faults.fail_next(10, 503, path=f"/t/{topic}.json")},
            credentials=signed_in(forum),
        )
    assert talk.said[-1] == (
        f"Your reply to {TOPIC} is not sent yet: the forum is having trouble at the moment. I "
        "have kept it, and I will send it once the forum answers properly."
    ), talk.transcript
