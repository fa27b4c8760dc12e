"""Demo-forum content that real Discourse forums have and the starting seed lacks: topics
with gaps in their post numbers, small-action posts and whispers, pinned topics,
subcategories and notifications of every type. Used by tests and benchmarks.

The shapes follow Discourse: deleted posts keep their numbers (so numbers have gaps);
``data`` of each notification type holds what Discourse's PostAlerter, BadgeGranter,
ConsolidationPlanner and group-message code put there (read by its notification-types/*.js).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from voicepeer.demo_forum.posting import add_post, make_special
from voicepeer.demo_forum.seed import seed_forum, seed_long_topic
from voicepeer.demo_forum.store import Store, iso, now_iso, slugify


def delete_posts(store: Store, topic_id: int, post_numbers: Iterable[int]) -> None:
    """Remove posts as a moderator's deletion does for readers: gone from the topic, their
    numbers never reused."""
    numbers = sorted(set(post_numbers))
    with store.transaction() as conn:
        conn.executemany(
            "DELETE FROM posts WHERE topic_id = ? AND post_number = ?",
            [(topic_id, n) for n in numbers],
        )


def seed_topic_with_gaps(
    store: Store,
    posts: int = 452,
    *,
    deleted: Iterable[int] = (),
    title: str = "A long conversation with some posts deleted",
) -> int:
    """A topic of ``posts`` numbers of which ``deleted`` are gone, read by nobody yet (its
    generated authors included); returns its id."""
    topic_id = seed_long_topic(store, posts, title=title)
    delete_posts(store, topic_id, deleted)
    with store.transaction() as conn:
        conn.execute("DELETE FROM topic_reads WHERE topic_id = ?", (topic_id,))
    return topic_id


def _user_id(store: Store, username: str) -> int:
    seed_forum(store)
    user = store.user_by_name(username)
    if user is None:
        raise ValueError(f"no member {username!r}")
    return int(user["id"])


def add_special_post(
    store: Store,
    topic_id: int,
    username: str,
    *,
    post_type: int,
    raw: str = "",
    action_code: str | None = None,
) -> int:
    """A small-action (3), whisper (4) or moderator-action (2) post; returns its number.
    Small actions carry no text of their own, only ``action_code``."""
    user_id = _user_id(store, username)
    with store.transaction() as conn:
        post = add_post(
            store, conn, topic_id=topic_id, user_id=user_id, raw=raw or " ", notify=False
        )
        make_special(conn, post["id"], post_type=post_type, raw=raw, action_code=action_code)
    return int(post["post_number"])


def pin_topic(store: Store, topic_id: int, *, globally: bool = False) -> None:
    """Pin the topic in its category, or ``globally``: for the whole forum, leading every
    list (TopicsController#status with "pinned" or "pinned_globally")."""
    with store.transaction() as conn:
        conn.execute(
            "UPDATE topics SET pinned_at = ?, pinned_globally = ? WHERE id = ?",
            (now_iso(), int(globally), topic_id),
        )


def add_subcategory(store: Store, parent_slug: str, name: str, description: str = "") -> int:
    """A category inside ``parent_slug``; returns its id."""
    seed_forum(store)
    parent = store.one("SELECT * FROM categories WHERE slug = ?", (parent_slug,))
    if parent is None:
        raise ValueError(f"no category {parent_slug!r}")
    position = int(store.scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM categories"))
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO categories (name, slug, color, text_color, description, position,"
            " parent_category_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (name, slugify(name), parent["color"], "FFFFFF", description, position, parent["id"]),
        )
    return int(cursor.lastrowid or 0)


def keep_topics_to_staff(store: Store, slug: str) -> None:
    """Members may reply in the category but only staff start topics (an announcements
    category: "create_post" for everyone)."""
    with store.transaction() as conn:
        conn.execute("UPDATE categories SET staff_start_topics = 1 WHERE slug = ?", (slug,))


def _post_alert(topic_title: str, actor: str, post_id: int = 1) -> dict[str, Any]:
    # PostAlerter#create_notification's data for post-related notifications.
    return {
        "topic_title": topic_title,
        "original_post_id": post_id,
        "original_post_type": 1,
        "original_username": actor,
        "revision_number": None,
        "display_username": actor,
    }


def every_notification(topic_title: str) -> list[tuple[str, dict[str, Any], bool]]:
    """(type name, data, about a topic) for every type of Notification.types."""
    alert = _post_alert(topic_title, "sam")
    chat = {
        "chat_message_id": 7,
        "chat_channel_id": 2,
        "chat_channel_title": "Coffee",
        "mentioned_by_username": "mei",
    }
    return [
        ("mentioned", alert, True),
        ("replied", alert, True),
        ("quoted", alert, True),
        ("edited", alert, True),
        ("liked", {**_post_alert(topic_title, "priya"), "username2": "dave", "count": 2}, True),
        ("private_message", alert, True),
        ("invited_to_private_message", alert, True),
        ("invitee_accepted", {"display_username": "jo"}, False),
        ("posted", alert, True),
        ("moved_post", alert, True),
        ("linked", alert, True),
        (
            "granted_badge",
            {
                "badge_id": 9,
                "badge_name": "First Like",
                "badge_slug": "first-like",
                "badge_title": False,
                "username": "demo",
            },
            False,
        ),
        ("invited_to_topic", alert, True),
        ("custom", {"message": "discourse_plugin.notice", "title": "Site notice"}, False),
        ("group_mentioned", {**alert, "group_id": 3, "group_name": "carers"}, True),
        (
            "group_message_summary",
            {"group_id": 3, "group_name": "carers", "inbox_count": 4, "username": "demo"},
            False,
        ),
        ("watching_first_post", alert, True),
        ("topic_reminder", {"topic_title": topic_title, "display_username": "demo"}, True),
        ("liked_consolidated", {"username": "mei", "display_username": "mei", "count": 5}, False),
        # ReviewableQueuedPost: the post's address only; the title comes as fancy_title.
        ("post_approved", {"post_url": "/t/heat/1/1"}, True),
        ("code_review_commit_approved", {"num_approved_commits": 1}, False),
        ("membership_request_accepted", {"group_id": 3, "group_name": "carers"}, False),
        ("membership_request_consolidated", {"group_name": "carers", "count": 3}, False),
        (
            "bookmark_reminder",
            {
                "title": topic_title,
                "display_username": "demo",
                "bookmark_name": "read later",
                "topic_title": topic_title,
            },
            True,
        ),
        ("reaction", {**_post_alert(topic_title, "jo"), "reaction_icon": "heart"}, True),
        ("votes_released", {"topic_title": topic_title}, True),
        ("event_reminder", {"topic_title": topic_title}, True),
        ("event_invitation", {**alert, "display_username": "ruth"}, True),
        ("chat_mention", chat, False),
        ("chat_message", chat, False),
        ("chat_invitation", {**chat, "invited_by_username": "mei"}, False),
        ("chat_group_mention", chat, False),
        ("chat_quoted", chat, False),
        (
            "assigned",
            {
                "message": "discourse_assign.assign_notification",
                "display_username": "ruth",
                "topic_title": topic_title,
            },
            True,
        ),
        ("question_answer_user_commented", alert, True),
        ("watching_category_or_tag", alert, True),
        ("new_features", {}, False),
        ("admin_problems", {}, False),
        (
            "linked_consolidated",
            {"username": "dave", "display_username": "dave", "count": 3},
            False,
        ),
        ("chat_watched_thread", chat, False),
        ("following", {"display_username": "priya"}, False),
        ("following_created_topic", alert, True),
        ("following_replied", alert, True),
        ("circles_activity", {"topic_title": topic_title}, True),
    ]


def seed_every_notification(
    store: Store, username: str = "demo", *, topic_id: int | None = None
) -> int:
    """One unread notification of every Discourse type for ``username``, newest last;
    returns how many."""
    from voicepeer.demo_forum.site import NOTIFICATION_TYPES

    user_id = _user_id(store, username)
    topic = (
        store.topic(topic_id)
        if topic_id is not None
        else store.one("SELECT * FROM topics WHERE archetype = 'regular' ORDER BY id LIMIT 1")
    )
    assert topic is not None
    start = datetime.now(UTC) - timedelta(hours=2)
    rows = every_notification(topic["title"])
    with store.transaction() as conn:
        for n, (kind, data, about_topic) in enumerate(rows):
            conn.execute(
                "INSERT INTO notifications (user_id, notification_type, topic_id, post_number,"
                " data, read, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
                (
                    user_id,
                    NOTIFICATION_TYPES[kind],
                    topic["id"] if about_topic else None,
                    1 if about_topic else None,
                    json.dumps(data),
                    iso(start + timedelta(minutes=n)),
                ),
            )
    return len(rows)
