"""Signing in with admin keys, read tracking, notifications and rate limits."""

from __future__ import annotations

from typing import Any

import httpx

from tests.demo_forum.conftest import ForumFactory
from tests.support.spec import validate_error_body, validate_response
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.member_limits import time_left
from voicepeer.demo_forum.tracking import WATCHING

NOT_PERMITTED = "You are not permitted to view the requested resource."


def test_anonymous_posting_is_refused(forum: DemoForum) -> None:
    with httpx.Client(base_url=forum.base_url) as client:
        assert client.get("/latest.json").status_code == 200  # public reading still works
        response = client.post("/posts.json", json={"topic_id": 1, "raw": "x" * 30})
        assert response.status_code == 403
        assert response.json() == {
            "errors": ["You need to be logged in to do that."],
            "error_type": "not_logged_in",
        }


def test_admin_key_acts_as_the_named_member(forum: DemoForum) -> None:
    key = forum.create_admin_api_key()
    with httpx.Client(base_url=forum.base_url) as client:
        headers = {"Api-Key": key, "Api-Username": "mei"}
        me = client.get("/session/current.json", headers=headers).json()["current_user"]
        assert me["username"] == "mei"
        posted = client.post(
            "/posts.json",
            headers=headers,
            json={"topic_id": 11, "raw": "Results were stable, thank you all!"},
        )
        assert posted.status_code == 200 and posted.json()["username"] == "mei"
        for bad in (
            {"Api-Key": "wrong", "Api-Username": "mei"},
            {"Api-Key": key, "Api-Username": "nobody"},
            {"Api-Key": key},
        ):
            refused = client.get("/latest.json", headers=bad)
            assert refused.status_code == 403
            assert refused.json()["error_type"] == "invalid_access"
            assert refused.json()["errors"][0].startswith(NOT_PERMITTED)
        bad_user_key = client.get("/latest.json", headers={"User-Api-Key": "made-up"})
        assert bad_user_key.status_code == 403


def test_configured_admin_key_is_accepted(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key="carer-key-123")
    with httpx.Client(base_url=forum.base_url) as client:
        headers = {"Api-Key": "carer-key-123", "Api-Username": "ruth"}
        assert client.get("/session/current.json", headers=headers).status_code == 200


def test_read_tracking_drives_unread_and_new(forum: DemoForum, client: httpx.Client) -> None:
    key = forum.create_admin_api_key()
    jo = {"Api-Key": key, "Api-Username": "jo"}
    latest = client.get("/latest.json", headers=jo).json()
    validate_response("GET", "/latest.json", 200, latest)
    by_id = {t["id"]: t for t in latest["topic_list"]["topics"]}
    # jo wrote in the fatigue topic (post 6 of 8) and has not read past her own post.
    assert by_id[1]["last_read_post_number"] == 6
    assert by_id[1]["unread_posts"] == 2
    unread_ids = [
        t["id"] for t in client.get("/unread.json", headers=jo).json()["topic_list"]["topics"]
    ]
    assert 1 in unread_ids
    new_ids = [t["id"] for t in client.get("/new.json", headers=jo).json()["topic_list"]["topics"]]
    assert 7 not in new_ids and 1 not in new_ids  # jo posted in both
    assert 14 not in new_ids  # never opened, but started more than two days ago
    sam = {"Api-Key": key, "Api-Username": "sam"}
    started = client.post(
        "/posts.json",
        headers=sam,
        json={
            "title": "Cooling vests in the summer heat",
            "raw": "Has anyone tried one yet?",
            "category": 1,
        },
    )
    assert started.status_code == 200, started.text
    fresh = started.json()["topic_id"]
    new_ids = [t["id"] for t in client.get("/new.json", headers=jo).json()["topic_list"]["topics"]]
    assert new_ids == [fresh]
    # Reading posts 7 and 8 (Discourse's timings call) clears the topic.
    marked = client.post(
        "/topics/timings",
        headers=jo,
        data={"topic_id": "1", "topic_time": "4000", "timings[7]": "2000", "timings[8]": "2000"},
    )
    assert marked.status_code == 200
    assert 1 not in [
        t["id"] for t in client.get("/unread.json", headers=jo).json()["topic_list"]["topics"]
    ]
    topic = client.get("/t/1.json", headers=jo).json()
    validate_response("GET", "/t/{id}.json", 200, topic)
    assert topic["last_read_post_number"] == 8
    assert all(p["read"] for p in topic["post_stream"]["posts"])
    # JSON timings for a never-opened topic take it off the new list.
    client.post("/topics/timings", headers=jo, json={"topic_id": fresh, "timings": {"1": 900}})
    assert client.get("/new.json", headers=jo).json()["topic_list"]["topics"] == []


def test_timings_need_a_signed_in_member(client: httpx.Client) -> None:
    response = client.post("/topics/timings", data={"topic_id": "1", "timings[1]": "1000"})
    assert response.status_code == 403
    assert response.json()["error_type"] == "not_logged_in"


def test_notifications_for_replies_mentions_likes_and_messages(
    forum: DemoForum, client: httpx.Client
) -> None:
    key = forum.create_admin_api_key()
    demo = {"Api-Key": key, "Api-Username": "demo"}
    body = client.get("/notifications.json", headers=demo).json()
    validate_response("GET", "/notifications.json", 200, body)
    kinds = {n["notification_type"] for n in body["notifications"]}
    assert {2, 6} <= kinds  # replied and private message, from the seed
    assert all(not n["read"] for n in body["notifications"])
    sam = {"Api-Key": key, "Api-Username": "sam"}
    demo_post = client.get("/t/14.json").json()["post_stream"]["stream"][0]
    client.post("/post_actions.json", headers=sam, json={"id": demo_post, "post_action_type_id": 2})
    newest = client.get("/notifications.json", headers=demo).json()["notifications"][0]
    assert newest["notification_type"] == 5 and newest["data"]["display_username"] == "sam"
    client.post(
        "/posts.json", headers=sam, json={"topic_id": 2, "raw": "@demo you might like this"}
    )
    newest = client.get("/notifications.json", headers=demo).json()["notifications"][0]
    assert newest["notification_type"] == 1 and newest["topic_id"] == 2
    marked = client.put("/notifications/mark-read.json", headers=demo, json={})
    validate_response("PUT", "/notifications/mark-read.json", 200, marked.json())
    after = client.get("/notifications.json", headers=demo).json()["notifications"]
    assert all(n["read"] for n in after)
    me = client.get("/session/current.json", headers=demo).json()["current_user"]
    assert me["unread_notifications"] == 0
    assert client.get("/notifications.json").status_code == 403


def test_reading_posts_marks_their_notifications_read(
    forum: DemoForum, client: httpx.Client
) -> None:
    # PostTiming.process_timings → Notification.mark_posts_read: the posts' own, no others.
    key = forum.create_admin_api_key()
    demo = {"Api-Key": key, "Api-Username": "demo"}

    def unread() -> set[tuple[int, int]]:
        body = client.get("/notifications.json", headers=demo).json()["notifications"]
        return {(n["topic_id"], n["post_number"]) for n in body if not n["read"]}

    before = unread()
    assert (14, 2) in before  # the seed's replies to demo's topic, gathered at post 2
    read = {"topic_id": "14", "topic_time": "2000", "timings[2]": "1000", "timings[3]": "1000"}
    assert client.post("/topics/timings", headers=demo, data=read).status_code == 200
    assert unread() == before - {(14, 2)}


def test_a_mention_comes_first_and_other_watchers_hear_of_a_post(
    forum: DemoForum, client: httpx.Client
) -> None:
    # PostAlerter#after_save_post: mentions, then replies, then those watching the topic,
    # each member told once. Mei watches topic 1 (set here: the demo has no page for it).
    key = forum.create_admin_api_key()
    with forum.store.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO topic_reads (user_id, topic_id, last_read_post_number,"
            " notification_level, notifications_reason) SELECT id, 1, 1, ?, 'user_changed'"
            " FROM users WHERE username = 'mei'",
            (WATCHING,),
        )
    sam = {"Api-Key": key, "Api-Username": "sam"}
    answer = {"topic_id": 1, "raw": "@dave what a day, well done!", "reply_to_post_number": 1}
    assert client.post("/posts.json", headers=sam, json=answer).status_code == 200

    def newest_about_topic_one(who: str) -> dict[str, Any]:
        headers = {"Api-Key": key, "Api-Username": who}
        body = client.get("/notifications.json", headers=headers).json()
        return next(n for n in body["notifications"] if n["topic_id"] == 1)

    # Dave started the topic and is replied to, but is told of the mention.
    assert newest_about_topic_one("dave")["notification_type"] == 1
    assert newest_about_topic_one("mei")["notification_type"] == 9


def _told_of_sams_post(client: httpx.Client, key: str, who: str) -> list[int]:
    """The types of the notifications ``who`` has of Sam's posts in topic 1."""
    headers = {"Api-Key": key, "Api-Username": who}
    body = client.get("/notifications.json", headers=headers).json()
    return [
        n["notification_type"]
        for n in body["notifications"]
        if n["topic_id"] == 1 and n["data"].get("original_username") == "sam"
    ]


def test_those_quoted_are_told_after_replies_and_once(
    forum: DemoForum, client: httpx.Client
) -> None:
    # PostAlerter#after_save_post: quotes after mentions and replies; the username a quote
    # names (its first part), found as username_lower.
    key = forum.create_admin_api_key()
    posts = client.get("/t/1.json").json()["post_stream"]["posts"]
    starter = posts[0]["username"]
    others = [p["username"] for p in posts if p["username"] not in (starter, "sam")]
    quoted, mentioned = others[0], others[-1]
    assert quoted != mentioned
    quotes = "".join(
        f'[quote="{who}, post:1, topic:1"]\nwords\n[/quote]\n\n'
        for who in (quoted.capitalize(), starter, mentioned, "sam")
    )
    sam = {"Api-Key": key, "Api-Username": "sam"}
    answer = {"topic_id": 1, "raw": f"{quotes}@{mentioned} this helped.", "reply_to_post_number": 1}
    assert client.post("/posts.json", headers=sam, json=answer).status_code == 200

    def told(who: str) -> list[int]:
        return _told_of_sams_post(client, key, who)

    assert told(quoted) == [3]
    assert told(starter) == [2]  # replied to: not told again of the quote
    assert told(mentioned) == [1]
    assert told("sam") == []  # nobody is told of their own quote


def test_those_whose_posts_in_other_topics_are_linked_to_are_told(
    forum: DemoForum, client: httpx.Client
) -> None:
    # PostAlerter#extract_linked_users over TopicLink.extract_from: the forum's own links to
    # a post, or to a topic (its first post), in another topic than the post's own.
    key = forum.create_admin_api_key()
    two = client.get("/t/2.json").json()
    second = two["post_stream"]["posts"][1]
    three = client.get("/t/3.json").json()["post_stream"]["posts"][0]
    linked = {second["username"], three["username"]} - {"sam"}
    assert len(linked) == 2
    ones = client.get("/t/1.json").json()["post_stream"]["posts"]
    starter = ones[0]["username"]  # told of every reply, watching
    one = next(p for p in ones if p["username"] not in linked | {"sam", starter})
    raw = (
        f"See {forum.base_url}/t/{two['slug']}/2/2 and [this one]({forum.base_url}/t/3), "
        f"not {forum.base_url}/t/x/1/{one['post_number']} in this topic."
    )
    sam = {"Api-Key": key, "Api-Username": "sam"}
    assert (
        client.post("/posts.json", headers=sam, json={"topic_id": 1, "raw": raw}).status_code == 200
    )

    def told(who: str) -> list[int]:
        return _told_of_sams_post(client, key, who)

    assert all(told(who) == [11] for who in linked)
    assert told(one["username"]) == []


def test_a_notification_names_its_topic_by_its_fancy_title(
    forum: DemoForum, client: httpx.Client
) -> None:
    # NotificationSerializer#fancy_title: Topic#fancy_title, escaped and made typographic.
    key = forum.create_admin_api_key()
    sam = {"Api-Key": key, "Api-Username": "sam"}
    body = {"title": "It's been a hard week -- any tips?", "raw": "@demo how do you pace?"}
    assert client.post("/posts.json", headers=sam, json={**body, "category": 1}).is_success
    demo = {"Api-Key": key, "Api-Username": "demo"}
    newest = client.get("/notifications.json", headers=demo).json()["notifications"][0]
    assert newest["notification_type"] == 1
    assert newest["fancy_title"] == "It&rsquo;s been a hard week &ndash; any tips?"


def test_a_topics_replies_to_a_member_are_gathered_into_one_notification(
    forum: DemoForum, client: httpx.Client
) -> None:
    # PostAlerter#create_notification: one replied/posted/message notification per topic,
    # at the first unread post, "N replies" while more than one is unread.
    key = forum.create_admin_api_key()
    demo = {"Api-Key": key, "Api-Username": "demo"}

    def replies_to_demo() -> list[dict[str, Any]]:
        body = client.get("/notifications.json", headers=demo).json()
        validate_response("GET", "/notifications.json", 200, body)
        # Sam's welcome mentions demo too: told first as a mention, never gathered.
        return [
            n for n in body["notifications"] if n["topic_id"] == 14 and n["notification_type"] != 1
        ]

    (seeded,) = replies_to_demo()  # priya and sam answered demo's topic
    assert seeded["data"]["display_username"] == "2 replies"
    assert seeded["data"]["original_username"] == "priya" and seeded["post_number"] == 2
    mei = {"Api-Key": key, "Api-Username": "mei"}
    answer = {"topic_id": 14, "raw": "Welcome, lovely to have you here.", "reply_to_post_number": 1}
    assert client.post("/posts.json", headers=mei, json=answer).status_code == 200
    (gathered,) = replies_to_demo()
    assert gathered["data"]["display_username"] == "3 replies"
    assert gathered["data"]["original_username"] == "mei" and gathered["post_number"] == 2
    # Read up to the end, one more reply is named as usual.
    read = {"topic_id": "14", "timings[4]": "1000", "topic_time": "1000"}
    assert client.post("/topics/timings", headers=demo, data=read).status_code == 200
    answer["raw"] = "Ask us anything, nothing is a silly question."
    sam = {"Api-Key": key, "Api-Username": "sam"}
    assert client.post("/posts.json", headers=sam, json=answer).status_code == 200
    (named,) = replies_to_demo()
    assert named["data"]["display_username"] == "sam" and named["post_number"] == 5
    # A reply to the topic, not to demo's post: demo started it and watches it, so is
    # told of it as a reply too (PostAlerter: the topic's author, when watching).
    plain = {"topic_id": 14, "raw": "Same here, I joined last month and love it."}
    assert client.post("/posts.json", headers=mei, json=plain).status_code == 200
    (watched,) = replies_to_demo()
    assert watched["notification_type"] == 2 and watched["post_number"] == 5
    assert watched["data"]["display_username"] == "2 replies"


def test_user_api_key_rate_limit_answers_json_429(forum: DemoForum) -> None:
    key = forum.create_admin_api_key()
    with httpx.Client(base_url=forum.base_url) as client:
        headers = {"Api-Key": key, "Api-Username": "demo"}
        statuses = [
            client.get("/site/settings.json", headers=headers).status_code for _ in range(61)
        ]
        assert statuses[:60] == [200] * 60
        assert statuses[60] == 429
        limited = client.get("/site/settings.json", headers=headers)
        body = limited.json()
        validate_error_body(body)
        assert body["error_type"] == "rate_limit"
        wait = body["extras"]["wait_seconds"]
        assert 1 <= wait <= 60
        assert body["extras"]["time_left"] == time_left(wait)
        assert limited.headers["Retry-After"] == str(wait)
        # Other callers are not held back by this key's limit.
        assert client.get("/site/settings.json").status_code == 200


def test_per_ip_limit_answers_plain_text_429(make_forum: ForumFactory) -> None:
    forum = make_forum(ip_requests_per_minute=5)
    with httpx.Client(base_url=forum.base_url) as client:
        assert [client.get("/latest.json").status_code for _ in range(5)] == [200] * 5
        limited = client.get("/latest.json")
        assert limited.status_code == 429
        assert limited.headers["content-type"].startswith("text/plain")
        assert "too many requests" in limited.text.lower()
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        forum.reset_rate_limits()
        assert client.get("/latest.json").status_code == 200


def test_a_topic_is_followed_after_five_minutes_of_reading_or_a_reply(
    forum: DemoForum, client: httpx.Client
) -> None:
    """Discourse's TopicUser: a topic read is "regular" (no unread count, not on the Unread
    list) until about five minutes of reading in all (each batch counting a minute at most,
    the first counting nothing) or a reply make it "tracking"; its starter watches it."""
    key = forum.create_admin_api_key()
    jo, sam, mei = ({"Api-Key": key, "Api-Username": name} for name in ("jo", "sam", "mei"))
    started = client.post(
        "/posts.json",
        headers=sam,
        json={
            "title": "Cooling vests in the summer heat",
            "raw": "Has anyone tried one?",
            "category": 1,
        },
    )
    topic = started.json()["topic_id"]

    def read(who: dict[str, str], msecs: int) -> None:
        body = {"topic_id": str(topic), "topic_time": str(msecs), "timings[1]": "1000"}
        assert client.post("/topics/timings", headers=who, data=body).status_code == 200

    def row(who: dict[str, str]) -> dict[str, object]:
        topics = client.get("/latest.json", headers=who).json()["topic_list"]["topics"]
        return next(t for t in topics if t["id"] == topic)

    def unread(who: dict[str, str]) -> bool:
        listed = client.get("/unread.json", headers=who).json()["topic_list"]["topics"]
        return topic in [t["id"] for t in listed]

    for _ in range(6):  # the first batch counts nothing; five minutes exactly is not past
        read(jo, 90_000)
    reply = {"topic_id": topic, "raw": "Mine keeps me going through July afternoons."}
    assert client.post("/posts.json", headers=mei, json=reply).status_code == 200
    assert (row(jo)["notification_level"], row(jo)["unread_posts"], unread(jo)) == (1, 0, False)
    read(jo, 1_000)  # past five minutes: followed now
    assert (row(jo)["notification_level"], row(jo)["unread_posts"], unread(jo)) == (2, 1, True)
    assert row(sam)["notification_level"] == 3  # the starter watches it
    assert row(mei)["notification_level"] == 2  # replied: tracking
    assert "notification_level" not in row({"Api-Key": key, "Api-Username": "ruth"})
