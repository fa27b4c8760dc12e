"""The demo forum answers reading requests as stock Discourse does: posts by post number,
mega topics, whispers for staff only, small actions, pinned topics, subcategories."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx

from tests.support.spec import validate_response
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.posting import add_post
from voicepeer.demo_forum.seed_reading import (
    add_special_post,
    add_subcategory,
    pin_topic,
    seed_topic_with_gaps,
)
from voicepeer.demo_forum.store import Store
from voicepeer.forum.base import PostType

from .conftest import ForumFactory

KEY = "stock-reading-admin-key-0123456789"


def numbers(body: dict) -> list[int]:
    return [p["post_number"] for p in body["post_stream"]["posts"]]


def test_posts_after_and_before_a_post_number(forum: DemoForum, client: httpx.Client) -> None:
    topic_id = seed_topic_with_gaps(forum.store, 60, deleted=(21, 22, 40))
    url = f"/t/{topic_id}/posts.json"
    after = client.get(url, params={"post_number": 18, "asc": "true"}).json()
    validate_response("GET", "/t/{id}/posts.json", 200, after)
    # TopicView#filter_posts_by_post_number: strictly after, a chunk of twenty, skipping gaps.
    assert numbers(after) == [19, 20, *range(23, 40), 41]
    before = client.get(url, params={"post_number": 18, "asc": "false"}).json()
    assert numbers(before) == list(range(17, 0, -1))  # newest first
    # A deleted number anchors on the nearest post (the lower one on a tie).
    assert numbers(client.get(url, params={"post_number": 21, "asc": "true"}).json())[0] == 23


def test_a_mega_topic_leaves_out_the_stream(make_forum: ForumFactory) -> None:
    forum = make_forum(mega_topic_posts_count=50)
    topic_id = seed_topic_with_gaps(forum.store, 60, deleted=())
    small = seed_topic_with_gaps(forum.store, 49, deleted=())
    with httpx.Client(base_url=forum.base_url, timeout=10) as client:
        body = client.get(f"/t/{topic_id}.json").json()
        stream = body["post_stream"]
        assert "stream" not in stream and stream["isMegaTopic"] is True
        assert stream["lastId"] == max(
            r[0] for r in forum.store.all("SELECT id FROM posts WHERE topic_id = ?", (topic_id,))
        )
        assert "timeline_lookup" not in body
        assert numbers(body) == list(range(1, 21))
        assert "stream" in client.get(f"/t/{small}.json").json()["post_stream"]


def test_whispers_are_seen_by_staff_only(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=KEY, admin_api_key_requests_per_minute=0)
    topic_id = seed_topic_with_gaps(forum.store, 3, deleted=())
    whisper = add_special_post(
        forum.store,
        topic_id,
        "ruth",
        post_type=PostType.WHISPER,
        raw="Staff only: keep an eye on this.",
    )
    closed = add_special_post(
        forum.store, topic_id, "ruth", post_type=PostType.SMALL_ACTION, action_code="closed.enabled"
    )
    with httpx.Client(base_url=forum.base_url, timeout=10) as client:

        def seen_by(username: str) -> dict:
            answer = client.get(
                f"/t/{topic_id}.json", headers={"Api-Key": KEY, "Api-Username": username}
            )
            return dict(answer.json())

        staff = seen_by("ruth")
        member = seen_by("demo")
    assert whisper in numbers(staff) and whisper not in numbers(member)
    assert len(member["post_stream"]["stream"]) == len(staff["post_stream"]["stream"]) - 1
    action = next(p for p in member["post_stream"]["posts"] if p["post_number"] == closed)
    assert (action["post_type"], action["action_code"]) == (3, "closed.enabled")


def test_participants_are_counted_as_discourse_counts_them(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=KEY, admin_api_key_requests_per_minute=0)
    topic_id = seed_topic_with_gaps(forum.store, 3, deleted=())
    writers = [
        r["username"]
        for r in forum.store.all(
            "SELECT u.username FROM posts p JOIN users u ON u.id = p.user_id"
            " WHERE p.topic_id = ? ORDER BY p.post_number",
            (topic_id,),
        )
    ]

    def details(username: str) -> dict:
        answer = httpx.get(
            f"{forum.base_url}/t/{topic_id}.json",
            headers={"Api-Key": KEY, "Api-Username": username},
        )
        return dict(answer.json())

    validate_response("GET", "/t/{id}.json", 200, details("demo"))
    # TopicView#post_counts_by_user: a whisper counts only for those who see it, a small
    # action never.
    add_special_post(forum.store, topic_id, "ruth", post_type=PostType.WHISPER, raw="Staff only.")
    add_special_post(
        forum.store, topic_id, "mei", post_type=PostType.SMALL_ACTION, action_code="closed.enabled"
    )
    member = details("demo")
    counts = {p["username"]: p["post_count"] for p in member["details"]["participants"]}
    assert counts == {name: writers.count(name) for name in writers}
    assert member["participant_count"] == len(set(writers))
    assert member["details"]["created_by"]["username"] == writers[0]
    staff = {p["username"] for p in details("ruth")["details"]["participants"]}
    assert staff == {*writers, "ruth"}
    # At most 24 are named; participant_count counts everyone.
    with forum.store.transaction() as conn:
        for n in range(30):
            conn.execute(
                "INSERT INTO users (username, name, admin, moderator, trust_level, created_at)"
                " VALUES (?, ?, 0, 0, 1, '2025-01-01T00:00:00.000Z')",
                (f"member{n}", f"Member {n}"),
            )
            joined = forum.store.user_by_name(f"member{n}")
            assert joined is not None
            add_post(forum.store, conn, topic_id=topic_id, user_id=joined["id"], raw="Me too.")
    crowded = details("demo")
    assert len(crowded["details"]["participants"]) == 24
    assert crowded["participant_count"] == len(set(writers)) + 30


def test_a_mega_topic_names_no_participants(make_forum: ForumFactory) -> None:
    # TopicViewDetailsSerializer#include_participants?: none counted for a mega topic.
    forum = make_forum(mega_topic_posts_count=50)
    topic_id = seed_topic_with_gaps(forum.store, 60, deleted=())
    body = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()
    assert "participants" not in body["details"] and body["participant_count"] == 0


def test_a_members_category_list_carries_their_reading_as_latest_does(
    make_forum: ForumFactory,
) -> None:
    # ListController serializes a category's topics as /latest.json's
    # (TopicListItemSerializer): what the member read of each, liked or bookmarked.
    forum = make_forum(admin_api_key=KEY, admin_api_key_requests_per_minute=0)
    member = {"Api-Key": KEY, "Api-Username": "demo"}
    with httpx.Client(base_url=forum.base_url, timeout=10) as client:
        latest = client.get("/latest.json", headers=member).json()["topic_list"]["topics"]
        living = next(
            c
            for c in client.get("/categories.json").json()["category_list"]["categories"]
            if c["slug"] == "living-with-ms"
        )
        path = f"/c/living-with-ms/{living['id']}.json"
        body = client.get(path, headers=member).json()
        visitor = client.get(path).json()["topic_list"]["topics"]
    validate_response("GET", "/c/{slug}/{id}.json", 200, body)
    topics = body["topic_list"]["topics"]
    reading = ("unread_posts", "last_read_post_number", "notification_level", "liked", "unseen")
    for topic in topics:
        same = next(t for t in latest if t["id"] == topic["id"])
        assert {k: topic.get(k) for k in reading} == {k: same.get(k) for k in reading}
    welcome = next(t for t in topics if t["title"] == "Hello from a new member")
    assert welcome["unread_posts"] == 2 and welcome["last_read_post_number"] == 1
    assert all(t["bookmarked"] is None and "unread_posts" not in t for t in visitor)


def test_pinned_topics_lead_the_lists_they_are_pinned_for(
    forum: DemoForum, client: httpx.Client
) -> None:
    # TopicQuery#prioritize_pinned_topics: outside a category only topics pinned for the
    # whole forum lead; a topic pinned in its category leads that category's list alone.
    oldest, older = forum.store.all(
        "SELECT id, category_id FROM topics WHERE archetype = 'regular' AND category_id IS NOT"
        " NULL ORDER BY bumped_at LIMIT 2"
    )
    pin_topic(forum.store, oldest["id"])
    latest = client.get("/latest.json").json()["topic_list"]["topics"]
    assert latest[0]["id"] != oldest["id"]
    pinned_in = next(t for t in latest if t["id"] == oldest["id"])
    assert (pinned_in["pinned"], pinned_in["pinned_globally"]) == (True, False)
    category = client.get(f"/c/any/{oldest['category_id']}.json").json()["topic_list"]["topics"]
    assert category[0]["id"] == oldest["id"]
    pin_topic(forum.store, older["id"], globally=True)
    latest = client.get("/latest.json").json()["topic_list"]["topics"]
    assert (latest[0]["id"], latest[0]["pinned_globally"]) == (older["id"], True)


def test_subcategories_are_listed_as_discourse_lists_them(
    forum: DemoForum, client: httpx.Client
) -> None:
    sub = add_subcategory(forum.store, "living-with-ms", "Fatigue")
    plain = client.get("/categories.json").json()["category_list"]["categories"]
    assert sub not in [c["id"] for c in plain]  # only top-level categories
    living = next(c for c in plain if c["slug"] == "living-with-ms")
    assert living["subcategory_ids"] == [sub] and living["has_children"]
    nested = client.get("/categories.json", params={"include_subcategories": "true"}).json()
    living = next(c for c in nested["category_list"]["categories"] if c["slug"] == "living-with-ms")
    assert [(c["id"], c["parent_category_id"]) for c in living["subcategory_list"]] == [
        (sub, living["id"])
    ]
    site = client.get("/site.json").json()
    assert (
        next(c for c in site["categories"] if c["id"] == sub)["parent_category_id"]
        == (living["id"])
    )


def test_an_older_database_gains_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE posts (id INTEGER PRIMARY KEY, topic_id INTEGER NOT NULL,"
            " post_number INTEGER NOT NULL, user_id INTEGER NOT NULL, raw TEXT NOT NULL,"
            " cooked TEXT NOT NULL, created_at TEXT NOT NULL,"
            " reply_to_post_number INTEGER, words INTEGER NOT NULL DEFAULT 0)"
        )
        db.execute("INSERT INTO posts VALUES (1, 1, 1, 1, 'x', '<p>x</p>', 'now', NULL, 1)")
    store = Store(path)
    try:
        row = store.one("SELECT post_type, action_code FROM posts")
        assert row is not None and (row["post_type"], row["action_code"]) == (1, None)
    finally:
        store.close()
