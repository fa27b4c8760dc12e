"""Topics new to the person: Discourse marks a topic ``unseen`` when they have never opened it
and it was started since it counts topics as new for them (two days by default, never from
before they joined). voicepeer says "new" in the list and counts a new conversation among
those with new messages. Against the real demo forum over loopback."""

from __future__ import annotations

import socket
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.key_press import KeyPressedDuring
from tests.support.members import ADMIN_KEY, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.posting import insert_notification
from voicepeer.demo_forum.seed_reading import delete_posts
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.settings import ForumSettings
from voicepeer.voice.notifications import NO_NEW_NOTIFICATIONS
from voicepeer.voice.settings import VoiceSettings

SAM = {"Api-Key": ADMIN_KEY, "Api-Username": "sam"}
DEMO = {"Api-Key": ADMIN_KEY, "Api-Username": "demo"}


def start(forum: DemoForum, body: Mapping[str, object]) -> int:
    made = httpx.post(f"{forum.base_url}/posts.json", headers=SAM, json=body)
    assert made.status_code == 200, made.text
    return int(made.json()["topic_id"])


def test_a_topic_started_since_is_new_until_it_is_opened(forum: DemoForum, tmp_path: Path) -> None:
    body = {
        "title": "Cooling towels: which ones work?",
        "raw": "I have tried two kinds this summer.",
        "category": 1,  # like a new Discourse site, the demo forum wants a category
    }
    topic_id = start(forum, body)
    rows = httpx.get(f"{forum.base_url}/latest.json", headers=DEMO).json()["topic_list"]["topics"]
    unseen = {row["id"] for row in rows if row["unseen"]}
    two_days_ago = (datetime.now(UTC) - timedelta(days=2)).isoformat()[:19]
    assert topic_id in unseen
    # Only topics started in the last two days are new; the seed's are older but one.
    assert all(row["created_at"][:19] >= two_days_ago for row in rows if row["unseen"])
    assert len(unseen) < len(rows) - 5
    anonymous = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    assert not any(row.get("unseen") for row in anonymous)
    talk = converse(
        forum.base_url,
        ["latest topics", "open topic one", "back", "latest topics"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    fresh = sum(1 for row in rows if row["unseen"] or row["unread_posts"])
    assert talk.said[0].startswith(f"{len(rows)} latest topics, {fresh} with new posts. ")
    assert "One: Cooling towels: which ones work?, by sam, no replies, new." in talk.said[0]
    # Read aloud, it is not new in the list at once, though the forum hears of the reading
    # within half a minute and a fetched list is reused for one.
    seen = "One: Cooling towels: which ones work?, by sam, no replies."
    assert talk.said[-2].startswith(f"Back to the topic list. {seen}")
    assert seen in talk.said[-1]
    assert talk.said[-1].startswith(f"{len(rows)} latest topics, {fresh - 1} with new posts. ")
    # Opened once, it is no longer new (the next time the list is fetched).
    later = converse(
        forum.base_url, ["latest topics"], tmp_path / "data", credentials=signed_in(forum)
    )
    assert "One: Cooling towels: which ones work?, by sam, no replies." in later.said[0]


def test_a_new_private_conversation_counts_among_those_with_new_messages(
    forum: DemoForum, tmp_path: Path
) -> None:
    before = converse(
        forum.base_url, ["my messages"], tmp_path / "before", credentials=signed_in(forum)
    )
    assert before.said[0].startswith("1 private conversation, 1 with new messages.")
    start(
        forum,
        {
            "title": "Lift to the meet-up on Thursday",
            "raw": "I can pick you up at ten if that helps.",
            "archetype": "private_message",
            "target_recipients": "demo",
        },
    )
    talk = converse(
        forum.base_url,
        ["my messages", "open topic one", "my messages"],
        tmp_path / "after",
        credentials=signed_in(forum),
    )
    assert talk.said[0].startswith(
        "2 private conversations, 2 with new messages. "
        "One: Lift to the meet-up on Thursday, by sam, no replies, new."
    )
    # Read aloud, it is no longer new, though the forum has not heard of it yet.
    assert talk.said[-1].startswith("2 private conversations, 1 with new messages. ")
    assert "Lift to the meet-up on Thursday, by sam, no replies." in talk.said[-1]


def test_replies_read_aloud_are_no_longer_counted_unread(forum: DemoForum, tmp_path: Path) -> None:
    rows = httpx.get(f"{forum.base_url}/latest.json", headers=DEMO).json()["topic_list"]["topics"]
    (position,) = [n for n, row in enumerate(rows, 1) if row["unread_posts"]]
    number = ("one", "two", "three", "four", "five")[position - 1]
    talk = converse(
        forum.base_url,
        ["latest topics", f"open topic {number}", "next", "next", "back"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    line = f"{number.capitalize()}: Hello from a new member, by you, 2 replies"
    assert f"{line}, 2 unread." in talk.said[0]
    assert talk.said[-1] == f"Back to the topic list. {line}."


def test_posts_left_unread_are_counted_by_number_past_a_deleted_one(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Discourse's unread count is the highest post number minus the last one read; a
    # deleted post keeps its number, so it is not the number of posts left.
    rows = httpx.get(f"{forum.base_url}/latest.json", headers=DEMO).json()["topic_list"]["topics"]
    (position,) = [n for n, row in enumerate(rows, 1) if row["unread_posts"]]
    topic_id = rows[position - 1]["id"]
    for n in range(2):
        body = {"topic_id": topic_id, "raw": f"Welcome! Glad you found us, reply {n}."}
        assert httpx.post(f"{forum.base_url}/posts.json", headers=SAM, json=body).status_code == 200
    delete_posts(forum.store, topic_id, [2])
    row = httpx.get(f"{forum.base_url}/latest.json", headers=DEMO).json()["topic_list"]["topics"][0]
    assert (row["id"], row["posts_count"], row["highest_post_number"]) == (topic_id, 4, 5)
    talk = converse(
        forum.base_url,
        ["latest topics", "open topic one", "next", "back"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    line = "One: Hello from a new member, by you, 3 replies"
    assert f"new posts. {line}, 4 unread. Two:" in talk.said[0]
    # Posts 3 and 4 were read aloud; post 5 is left.
    assert talk.said[-1] == f"Back to the topic list. {line}, 1 unread."


def test_replies_just_heard_are_not_told_again_as_notifications(
    forum: DemoForum, tmp_path: Path
) -> None:
    # The forum marks the notifications about posts read once it hears of the reading,
    # which voicepeer sends before asking for notifications.
    unread = httpx.get(
        f"{forum.base_url}/notifications.json", headers=DEMO, params={"filter": "unread"}
    ).json()["notifications"]
    assert {(n["topic_id"], n["post_number"]) for n in unread} == {(14, 2), (15, 3)}
    talk = converse(
        forum.base_url,
        ["latest topics", "open topic three", "next", "notifications"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[3].startswith("Post 3 of 3, by Priya Nair"), talk.said
    assert talk.said[-3:] == [
        "You have 1 new notification.",
        "One: sam sent you a private message: Checking in after your first week.",
        "Say open and its number to read one.",
    ]


def test_a_link_to_the_persons_post_from_another_topic_is_told(
    forum: DemoForum, tmp_path: Path
) -> None:
    # A stock forum tells the author of a post that another topic links to ("linked").
    rows = httpx.get(f"{forum.base_url}/latest.json", headers=DEMO).json()["topic_list"]["topics"]
    mine = next(row for row in rows if row["title"] == "Hello from a new member")
    link = f"{forum.base_url}/t/{mine['slug']}/{mine['id']}"
    body = {
        "title": "Cooling towels: which ones work?",
        "raw": f"As in {link} I tried two.",
        "category": 1,
    }
    start(forum, body)
    talk = converse(
        forum.base_url, ["notifications"], tmp_path / "data", credentials=signed_in(forum)
    )
    assert "sam linked to your post from Cooling towels: which ones work?" in talk.transcript


def test_new_topics_and_posts_in_watched_categories_are_told_and_opened(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Set on the forum's website (here its endpoint): new topics in Good news (4), every post
    # in Living with MS (3). voicepeer's own words for both, and the topic opened from them.
    categories = httpx.get(f"{forum.base_url}/categories.json").json()["category_list"]
    ids = {c["slug"]: c["id"] for c in categories["categories"]}
    for slug, level in (("good-news", "4"), ("living-with-ms", "3")):
        url = f"{forum.base_url}/category/{ids[slug]}/notifications"
        assert httpx.post(url, headers=DEMO, data={"notification_level": level}).is_success
    walk = "No stick today, and no bench on the way."
    start(forum, {"title": "Walked to the shop and back", "raw": walk, "category": 4})
    priya = {"Api-Key": ADMIN_KEY, "Api-Username": "priya"}
    vests = "Three of them, a week each, in the July heat."
    body = {"title": "Cooling vests compared", "raw": vests, "category": 1}
    made = httpx.post(f"{forum.base_url}/posts.json", headers=priya, json=body)
    assert made.status_code == 200, made.text
    reply = {"topic_id": made.json()["topic_id"], "raw": "The gel one lasted the longest for me."}
    assert httpx.post(f"{forum.base_url}/posts.json", headers=SAM, json=reply).is_success
    talk = converse(
        forum.base_url,
        ["notifications", "open number one"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    told = talk.said[:3]
    assert told[0] == "You have 5 new notifications."
    gathered = "2 new posts in Cooling vests compared, in a category or tag you watch"
    assert told[1] == f"One: {gathered}, the newest by sam."
    started = "sam started a new topic in a category you watch"
    assert told[2] == f"Two: {started}: Walked to the shop and back."
    assert talk.said[-2].startswith("Cooling vests compared, in Living with MS. 2 posts.")
    assert talk.said[-1].startswith("Post 1 of 2, by Priya Nair, just now. Three of them")


def test_the_notifications_heard_are_the_list_open_next_and_back_go_through(
    forum: DemoForum, tmp_path: Path
) -> None:
    # A badge is about no topic: it has a number, and nothing to open.
    with forum.store.transaction() as conn:
        badge = {"badge_id": 1, "badge_name": "First Like", "badge_slug": "first-like"}
        insert_notification(conn, 7, 12, None, None, badge, "2099-01-01T00:00:00.000Z")
    talk = converse(
        forum.base_url,
        [
            "latest topics",
            "notifications",
            "open number three",
            "back",
            "next",
            "where am i",
            "read",
            "open topic one",
            "open topic nine",
            "latest topics",
            "open topic one",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    said = talk.said
    told = said.index("You have 4 new notifications.")
    assert said[told + 1] == "One: You were given the badge First Like."
    assert said[told + 2] == (
        "Two: sam sent you a private message: Checking in after your first week."
    )
    assert said[told + 3].startswith("Three: 2 new replies to you in Hello from a new member")
    assert said[told + 5] == "Say open and its number to read one."
    # Opened at the first of the two replies (the forum's notification points at it).
    rest = said[told + 6 :]
    assert rest[0].startswith("Hello from a new member, in Living with MS. 3 posts.")
    assert rest[1].startswith("Post 2 of 3, by Sam Okafor")
    assert rest[2].startswith("Back to your notifications. Three: 2 new replies to you")
    assert rest[3] == ("Four: sam mentioned you in Hello from a new member. Say read to open it.")
    assert rest[4] == (
        "You are in your notifications, on 4 of 4: sam mentioned you in Hello from a new member."
    )
    assert rest[5].startswith("Hello from a new member")
    assert rest[7] == "Notification 1 is not about a topic, so there is nothing to open."
    assert rest[8] == "There is no notification 9. Say open and a number from 1 to 4."
    # Another list read, "open" goes by it again.
    latest = next(line for line in rest if line.startswith("14 latest topics"))
    first = latest.split("One: ", 1)[1].split(",", 1)[0]
    assert rest[-2].startswith(f"{first}, in ")


def test_open_the_last_one_opens_the_last_notification_heard(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(
        forum.base_url,
        ["notifications", "open the last one", "back"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[3] == "Three: sam mentioned you in Hello from a new member."
    assert talk.said[-1] == (
        "Back to your notifications. Three: sam mentioned you in Hello from a new member."
    )


def test_the_greeting_says_how_many_notifications_wait(forum: DemoForum, tmp_path: Path) -> None:
    greeting = VoiceSettings(greeting=True)
    data = tmp_path / "data"
    first = converse(
        forum.base_url, ["notifications"], data, credentials=signed_in(forum), settings=greeting
    )
    assert first.said[0] == (
        "Hello. This is voicepeer, connected to the voicepeer demo forum. You have 3 new "
        "notifications: say notifications to hear them. Say latest topics to hear what "
        "people are talking about, or say help."
    )
    # Heard, they are read on the forum: the next greeting has none to tell.
    again = converse(forum.base_url, [], data, credentials=signed_in(forum), settings=greeting)
    assert "notification" not in again.said[0]
    # Read anonymously there are none to tell, and none asked for.
    anonymous = converse(forum.base_url, [], data, settings=greeting)
    assert "notification" not in anonymous.said[0]
    # Said before a reply is dictated in vain: reading as a visitor, nothing can be posted.
    assert anonymous.said[0] == (
        "Hello. This is voicepeer, connected to the voicepeer demo forum. I am not signed "
        "in, so I can read to you but not post. To reply, ask your helper to run voicepeer "
        "forum connect. Say latest topics to hear what people are talking about, or say help."
    )


def test_notifications_heard_before_can_be_heard_and_opened_again(
    forum: DemoForum, tmp_path: Path
) -> None:
    # Each is marked read once heard: a later session has no new ones, yet the reply told
    # of yesterday can still be reached.
    data = tmp_path / "data"
    converse(forum.base_url, ["notifications"], data, credentials=signed_in(forum))
    talk = converse(
        forum.base_url,
        ["notifications", "notifications", "open two"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[0] == NO_NEW_NOTIFICATIONS
    assert talk.said[1:6] == [
        "The last 3 notifications you heard, newest first.",
        "One: sam sent you a private message: Checking in after your first week.",
        "Two: 2 new replies to you in Hello from a new member, the newest by priya.",
        "Three: sam mentioned you in Hello from a new member.",
        "Say open and its number to read one.",
    ]
    assert talk.said[6].startswith("Hello from a new member, in Living with MS.")
    # Only right after "no new ones": asked later, "notifications" asks the forum anew.
    later = converse(
        forum.base_url,
        ["notifications", "latest topics", "notifications"],
        data,
        credentials=signed_in(forum),
    )
    assert later.said[0] == later.said[-1] == NO_NEW_NOTIFICATIONS


def test_a_stop_among_notifications_heard_before_leaves_those_said_to_open(
    forum: DemoForum, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    converse(forum.base_url, ["notifications"], data, credentials=signed_in(forum))
    speech = KeyPressedDuring(["Two: 2 new replies"])
    converse(
        forum.base_url,
        ["notifications", "notifications", "open one"],
        data,
        credentials=signed_in(forum),
        speech=speech.tracked,
    )
    said = speech.said
    stopped = next(i for i, line in enumerate(said) if line.startswith("Two: 2 new replies"))
    # Nothing is "not heard yet" among those heard before; the one said opens.
    assert not any("not heard yet" in line for line in said)
    assert said[stopped + 1].startswith("Checking in after your first week, a private conv")


def test_a_forum_out_of_reach_is_not_greeted_as_connected(tmp_path: Path) -> None:
    # Nothing listens there: no "connected to the forum", and no wait for notifications.
    talk = converse(
        "http://127.0.0.1:9",
        ["latest topics"],
        tmp_path / "data",
        settings=VoiceSettings(greeting=True),
        credentials=Credentials("http://127.0.0.1:9", "admin_api_key", ADMIN_KEY, "demo"),
    )
    greeting = next(line for line in talk.said if line.startswith("Hello."))
    assert greeting.startswith(
        "Hello. This is voicepeer. I cannot reach the forum at the moment. I will keep "
        "trying, and anything you write is kept. Say latest topics to hear what people are "
        "talking about"
    )
    assert "connected to" not in greeting and "notification" not in greeting
    # Known out of reach from the greeting on: answered at once, without retries.
    assert talk.said[-1].startswith("The forum is still out of reach.")


def test_a_forum_that_does_not_answer_holds_up_no_greeting(tmp_path: Path) -> None:
    # Started before the network is really up: a forum that takes the connection and never
    # answers. The greeting comes first, without the forum's name, and only the person's
    # own request is announced as slow and then failed.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        talk = converse(
            url,
            ["latest topics"],
            tmp_path / "data",
            settings=VoiceSettings(greeting=True),
            forum_settings=ForumSettings(
                slow_after_s=0.5, request_deadline_s=2.0, read_deadline_s=2.0, read_retries=0
            ),
            credentials=Credentials(url, "admin_api_key", ADMIN_KEY, "demo"),
            tell_waits=True,
        )
    assert talk.said[0].startswith("Hello. This is voicepeer. Say latest topics"), talk.said
    assert talk.said[1:] == [
        "Still waiting for the forum.",
        # Slow or gone, said as either; nothing was being dictated to keep.
        "I cannot reach the forum right now, or it is too slow to answer. Check the internet "
        "connection, or try again in a few minutes.",
    ]
