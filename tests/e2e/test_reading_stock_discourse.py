"""A signed-in session through the real voice loop (typed input, printed speech) against the
real demo forum over loopback, answering as stock Discourse does: a pinned topic, a topic of
452 post numbers with gaps, a mega topic, small actions and whispers, a subcategory,
notifications of every type, searches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.conversation import Conversation, converse
from tests.support.key_press import KeyPressedDuring
from voicepeer.demo_forum import DemoForum, DemoForumOptions
from voicepeer.demo_forum.seed_reading import (
    add_special_post,
    add_subcategory,
    pin_topic,
    seed_every_notification,
    seed_topic_with_gaps,
)
from voicepeer.forum.base import PostType
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.voice.notifications import NO_NEW_NOTIFICATIONS, notice_line
from voicepeer.voice.settings import VoiceSettings

KEY = "stock-discourse-session-key-0123456789"
DELETED = (5, 9, 12, 30, 31, 44)
MEGA_FROM = 500
"""The demo forum's mega-topic threshold, lowered from Discourse's 10,000 for the test."""
MISUNDERSTOOD = ("could not understand", "didn't catch", "something new in", "cannot describe")

OPEN_OR_MORE = "Say open and its number to read one. Say notifications again to hear more."


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    options = DemoForumOptions(
        admin_api_key=KEY, admin_api_key_requests_per_minute=0, mega_topic_posts_count=MEGA_FROM
    )
    with DemoForum(tmp_path / "forum.sqlite3", options) as server:
        yield server


def signed_in(forum: DemoForum, username: str) -> Credentials:
    return Credentials(forum.base_url, "admin_api_key", KEY, username=username)


def as_member(username: str) -> dict[str, str]:
    return {"Api-Key": KEY, "Api-Username": username}


def read_up_to(forum: DemoForum, username: str, topic_id: int, post_number: int) -> None:
    answer = httpx.post(
        f"{forum.base_url}/topics/timings",
        headers=as_member(username),
        json={"topic_id": topic_id, "topic_time": 1000, "timings": {str(post_number): 1000}},
    )
    assert answer.status_code == 200


def latest_position(forum: DemoForum, topic_id: int) -> int:
    topics = httpx.get(f"{forum.base_url}/latest.json", headers=as_member("demo")).json()
    return [t["id"] for t in topics["topic_list"]["topics"]].index(topic_id) + 1


def last_read(forum: DemoForum, username: str, topic_id: int) -> int | None:
    user = forum.store.user_by_name(username)
    assert user is not None
    return forum.store.last_read(user["id"], topic_id)


def unread_notifications(forum: DemoForum) -> int:
    return int(
        forum.store.scalar(
            "SELECT COUNT(*) FROM notifications n JOIN users u ON u.id = n.user_id"
            " WHERE u.username = 'demo' AND n.read = 0"
        )
    )


def assert_understood(talk: Conversation) -> None:
    for line in talk.said:
        assert not any(bad in line for bad in MISUNDERSTOOD), line


def test_a_signed_in_session_reads_stock_discourse_answers(
    forum: DemoForum, tmp_path: Path
) -> None:
    store = forum.store
    gaps = seed_topic_with_gaps(
        store, 452, deleted=DELETED, title="Four hundred posts about pacing, some deleted"
    )
    mega = seed_topic_with_gaps(
        store, 520, deleted=(17,), title="The forum's longest conversation ever"
    )
    pinned = store.one("SELECT id, title FROM topics WHERE title LIKE 'Heat sensitivity%'")
    assert pinned is not None
    pin_topic(store, pinned["id"], globally=True)
    fatigue = add_subcategory(store, "living-with-ms", "Fatigue")
    with store.transaction() as conn:
        conn.execute("UPDATE topics SET category_id = ? WHERE id = ?", (fatigue, gaps))
    read_up_to(forum, "demo", gaps, 300)
    read_up_to(forum, "demo", mega, 15)
    every_type = seed_every_notification(store, "demo")
    unread_before = unread_notifications(forum)
    assert unread_before >= every_type
    rounds = -(-unread_before // 5) + 1  # five at a time, then "no new notifications"
    open_gaps = f"open topic {latest_position(forum, gaps)}"
    open_mega = f"open topic {latest_position(forum, mega)}"
    lines = [
        "latest topics",
        open_gaps,
        "next",
        "back",
        open_mega,
        *["next"] * 7,
        "previous",
        "back",
        *["notifications"] * rounds,
        "search for ms",
        "search for pier",
        "open topic one",
    ]
    unread_between: list[int] = []
    second_round = lines.index("notifications") + 1

    talk = converse(
        forum.base_url,
        lines,
        tmp_path / "data",
        credentials=signed_in(forum, "demo"),
        settings=VoiceSettings(greeting=False, max_listed_topics=20),
        before_line={second_round: lambda: unread_between.append(unread_notifications(forum))},
    )
    assert_understood(talk)

    # Latest: the pinned topic says so, and leads the list.
    assert f"One: {pinned['title']}, pinned" in talk.said[0]

    # 452 post numbers, six deleted: resumes at the first post above 300, counted as Discourse
    # counts unread (highest 452 minus last read 300), in the subcategory named with its parent.
    opened = talk.said_after(
        "Four hundred posts about pacing, some deleted, in Fatigue, in Living with MS."
    )
    intro = next(line for line in talk.said if line.startswith("Four hundred posts"))
    assert "152 new posts since you last read. Continuing from post 295." in intro
    assert opened[0].startswith("Post 295 of 446") and "Reply number 301." in opened[0]
    assert "Reply number 302." in opened[1]

    # The mega topic: resumes after post 15 and reads on past the first chunk of twenty.
    mega_intro = next(
        line for line in talk.said if line.startswith("The forum's longest conversation ever")
    )
    assert "Continuing from post 16." in mega_intro
    read = talk.said_after("The forum's longest conversation ever, in Living with MS.")
    for number, line in zip((16, 18, 19, 20, 21, 22, 23, 24), read[:8], strict=True):
        assert line.startswith(f"Post {number} of 520,") and f"Reply number {number}." in line
    assert "Reply number 23." in read[8]  # "previous"

    # Notifications: five at a time, each said on its own and marked read once heard.
    round_one = talk.said_after(
        f"You have {unread_before} new notifications. Here are the newest 5."
    )
    assert unread_between == [unread_before - 5]
    assert round_one[5] == OPEN_OR_MORE
    # The five newest, each in its own words (the seed's last five types).
    newest = (
        "Something new in your circle:",
        "whom you follow, replied in",
        "whom you follow, started",
        "priya started following you.",
        "mei wrote in a chat thread you watch.",
    )
    for said, line in zip(round_one[:5], newest, strict=True):
        assert line in said
    assert unread_notifications(forum) == 0  # every one was heard in the end
    assert NO_NEW_NOTIFICATIONS in talk.said

    # A search hit names who wrote the matching post and opens the topic there.
    hits = next(line for line in talk.said if "about pier" in line)
    assert "wrote:" in hits
    assert talk.said[-1].startswith("Post ")

    # Reading progress reached the forum: its unread counts moved.
    assert (last_read(forum, "demo", gaps) or 0) >= 302
    assert (last_read(forum, "demo", mega) or 0) >= 24


def unread_ids(forum: DemoForum) -> list[int]:
    """The demo member's unread notifications, newest first, as the forum lists them."""
    with DiscourseClient(forum.base_url, credentials=signed_in(forum, "demo")) as client:
        return [n.id for n in client.notifications().newest if not n.read and n.id is not None]


def test_a_stop_leaves_the_notification_and_the_rest_unread(
    forum: DemoForum, tmp_path: Path
) -> None:
    seed_every_notification(forum.store, "demo")
    with DiscourseClient(forum.base_url, credentials=signed_in(forum, "demo")) as client:
        unread = [n for n in client.notifications().newest if not n.read]
    first, second, third = (notice_line(n, note) for n, note in enumerate(unread[:3], 1))
    before = unread_ids(forum)
    between: list[list[int]] = []
    speech = KeyPressedDuring([second])  # the key, pressed while the second is said
    converse(
        forum.base_url,
        ["notifications", "notifications", "repeat"],
        tmp_path / "data",
        credentials=signed_in(forum, "demo"),
        speech=speech.tracked,
        before_line={1: lambda: between.append(unread_ids(forum))},
    )
    said = speech.said

    # Stopped during the second: only the first counts as read on the forum.
    assert between == [before[1:]]
    stopped = said.index(second)
    assert said[stopped - 1] == first
    left = len(before) - 1
    assert said[stopped + 1] == (
        f"{left} notifications not heard yet. Say notifications to hear them."
    )
    assert third not in said[:stopped]

    # "notifications" again goes on from the stopped one; all five heard are marked read.
    again = said.index(f"You have {left} new notifications. Here are the newest 5.")
    # Numbered afresh in the new round.
    assert said[again + 1] == notice_line(1, unread[1])
    assert said[again + 2] == notice_line(2, unread[2])
    assert said[again + 6] == OPEN_OR_MORE
    assert unread_ids(forum) == before[6:]

    # "repeat" says that round again, marking nothing more.
    assert said[again + 7 :] == said[again : again + 7]


def test_a_stop_during_the_count_marks_none_read(forum: DemoForum, tmp_path: Path) -> None:
    seed_every_notification(forum.store, "demo")
    before = unread_ids(forum)
    speech = KeyPressedDuring(["new notifications."])
    converse(
        forum.base_url,
        ["notifications"],
        tmp_path / "data",
        credentials=signed_in(forum, "demo"),
        speech=speech.tracked,
    )
    assert speech.said[-1] == (
        f"{len(before)} notifications not heard yet. Say notifications to hear them."
    )
    assert len(speech.said) == 2
    assert unread_ids(forum) == before


def test_replies_the_forum_gathers_into_one_notification_are_counted(
    forum: DemoForum, tmp_path: Path
) -> None:
    # priya and sam answered the demo member's topic: the forum keeps one notification
    # for both ("2 replies"), named by the newest reply's author. Sam's welcome mentions
    # the member too: that is told first, as a mention of its own.
    talk = converse(
        forum.base_url, ["notifications"], tmp_path / "data", credentials=signed_in(forum, "demo")
    )
    assert talk.said == [
        "You have 3 new notifications.",
        "One: sam sent you a private message: Checking in after your first week.",
        "Two: 2 new replies to you in Hello from a new member, the newest by priya.",
        "Three: sam mentioned you in Hello from a new member.",
        "Say open and its number to read one.",
    ]


def test_a_staff_member_hears_small_actions_and_whispers_for_what_they_are(
    forum: DemoForum, tmp_path: Path
) -> None:
    store = forum.store
    topic = seed_topic_with_gaps(store, 2, title="A short talk that a moderator closed")
    add_special_post(
        store,
        topic,
        "ruth",
        post_type=PostType.WHISPER,
        raw="Keeping an eye on this one, it got heated last week.",
    )
    add_special_post(
        store, topic, "ruth", post_type=PostType.SMALL_ACTION, action_code="closed.enabled"
    )
    add_special_post(
        store,
        topic,
        "ruth",
        post_type=PostType.MODERATOR_ACTION,
        raw="Closed for now: please take it to a private message.",
    )
    with store.transaction() as conn:  # as if Ruth wrote them elsewhere and opens it afresh
        conn.execute("DELETE FROM topic_reads WHERE topic_id = ?", (topic,))
    position = latest_position(forum, topic)
    talk = converse(
        forum.base_url,
        # Said in a line, what happened to the topic is read to its end: "continue" goes on.
        [f"open topic {position}", *["next"] * 3, "continue"],
        tmp_path / "data",
        credentials=signed_in(forum, "ruth"),
        settings=VoiceSettings(greeting=False, max_listed_topics=20),
    )
    assert_understood(talk)
    posts = talk.said_after("A short talk that a moderator closed")
    # Ruth's own: "you".
    assert posts[2].startswith("Post 3 of 5, a whisper to staff, by you, ")
    assert posts[3].startswith("Post 4 of 5: You closed this topic")
    assert len(posts[3]) < 80  # said briefly, not read as a post
    assert posts[4].startswith("Post 5 of 5, a moderator's note, by you, ")

    # A member who is not staff never hears the whisper.
    member = converse(
        forum.base_url,
        [f"open topic {position}"],
        tmp_path / "member",
        credentials=signed_in(forum, "demo"),
        settings=VoiceSettings(greeting=False),
    )
    intro = next(line for line in member.said if line.startswith("A short talk"))
    assert "4 posts" in intro
    assert "Keeping an eye" not in member.transcript


def test_first_and_newest_post_of_a_mega_topic(forum: DemoForum, tmp_path: Path) -> None:
    # Opened in its middle, a mega topic knows only the posts around there: "first post"
    # and "newest post" fetch its ends, and "next" and "previous" go on from them.
    mega = seed_topic_with_gaps(forum.store, 520, title="A conversation longer than most")
    read_up_to(forum, "demo", mega, 300)
    talk = converse(
        forum.base_url,
        [
            f"open topic {latest_position(forum, mega)}",
            "first post",
            "next",
            "newest post",
            "previous",
            "the latest post",
        ],
        tmp_path / "data",
        credentials=signed_in(forum, "demo"),
        settings=VoiceSettings(greeting=False, max_listed_topics=20),
    )
    assert_understood(talk)
    headers = [line.split(",")[0] for line in talk.said if line.startswith("Post ")]
    assert headers == [
        "Post 301 of 520",
        "Post 1 of 520",
        "Post 2 of 520",
        "Post 520 of 520",
        "Post 519 of 520",
        "Post 520 of 520",
    ]


def test_a_mega_topic_read_to_its_end_opens_at_its_newest_post(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Asked for the posts before a number past the end, Discourse starts from the post
    # nearest it (the newest) and leaves that one out: it was post 519 that opened.
    mega = seed_topic_with_gaps(forum.store, 520, title="A conversation read to its end")
    read_up_to(forum, "demo", mega, 520)
    talk = converse(
        forum.base_url,
        [f"open topic {latest_position(forum, mega)}"],
        tmp_path / "data",
        credentials=signed_in(forum, "demo"),
        settings=VoiceSettings(greeting=False, max_listed_topics=20),
    )
    assert next(line for line in talk.said if line.startswith("Post ")).startswith(
        "Post 520 of 520"
    )
