"""Filling an empty demo forum database, and generating big topics for benchmarks."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from voicepeer.demo_forum.posting import add_post, add_topic
from voicepeer.demo_forum.seed_content import CATEGORIES, MEMBERS, PRIVATE_MESSAGES, TOPICS
from voicepeer.demo_forum.store import Store, iso

log = logging.getLogger(__name__)

# Seed replies are spread out in time after the topic was opened.
_REPLY_GAP = timedelta(hours=3, minutes=17)


def seed_forum(store: Store, *, now: datetime | None = None) -> None:
    """Write the starting members, categories, topics and private messages.

    Does nothing when the database already has members, so restarting keeps new posts.
    """
    if not store.is_empty():
        return
    now = now or datetime.now(UTC)
    with store.transaction() as conn:
        for member in MEMBERS:
            conn.execute(
                "INSERT INTO users (username, name, admin, moderator, trust_level, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    member.username,
                    member.name,
                    int(member.admin),
                    int(member.moderator),
                    4 if member.admin else 1,
                    iso(now - timedelta(days=400)),
                ),
            )
        for position, category in enumerate(CATEGORIES, start=1):
            conn.execute(
                "INSERT INTO categories (name, slug, color, text_color, description, position)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    category.name,
                    category.slug,
                    category.color,
                    "FFFFFF",
                    category.description,
                    position,
                ),
            )
        user_ids = {r["username"]: r["id"] for r in conn.execute("SELECT id, username FROM users")}
        category_ids = {r["slug"]: r["id"] for r in conn.execute("SELECT id, slug FROM categories")}
        for seed in (*TOPICS, *PRIVATE_MESSAGES):
            opened = now - timedelta(days=seed.days_ago)
            first, *replies = seed.posts
            post = add_topic(
                store,
                conn,
                user_id=user_ids[first.username],
                title=seed.title,
                raw=first.raw,
                created_at=iso(opened),
                category_id=category_ids[seed.category] if seed.category else None,
                archetype="private_message" if seed.recipients else "regular",
                recipients=tuple(user_ids[name] for name in seed.recipients),
            )
            topic_id = post["topic_id"]
            for n, reply in enumerate(replies, start=1):
                moment = min(opened + n * _REPLY_GAP, now - timedelta(minutes=len(replies) - n))
                add_post(
                    store,
                    conn,
                    topic_id=topic_id,
                    user_id=user_ids[reply.username],
                    raw=reply.raw.replace("{topic}", str(topic_id)),
                    reply_to_post_number=reply.reply_to,
                    created_at=iso(moment),
                )
    log.info("Seeded the demo forum at %s", store.path)


def seed_long_topic(
    store: Store,
    posts: int = 2000,
    *,
    title: str = "A very long conversation for testing",
    category_slug: str = "living-with-ms",
) -> int:
    """Add a topic with ``posts`` posts from a rotating set of members; returns its id.

    Made for benchmarks and tests of reading big topics (e.g. time to the first post).
    """
    if posts < 1:
        raise ValueError("a topic needs at least one post")
    seed_forum(store)
    user_ids = [r["id"] for r in store.all("SELECT id FROM users ORDER BY id")]
    category_id = store.scalar("SELECT id FROM categories WHERE slug = ?", (category_slug,))
    start = datetime.now(UTC) - timedelta(minutes=posts + 1)
    with store.transaction() as conn:
        first = add_topic(
            store,
            conn,
            user_id=user_ids[0],
            title=title,
            category_id=category_id,
            raw="This topic is here to test reading a long conversation. Post number 1.",
            created_at=iso(start),
            notify=False,
        )
        topic_id = int(first["topic_id"])
        for n in range(2, posts + 1):
            add_post(
                store,
                conn,
                topic_id=topic_id,
                user_id=user_ids[n % len(user_ids)],
                raw=f"Reply number {n}. Pacing myself today, a short walk and a long rest.",
                reply_to_post_number=n - 1 if n % 5 == 0 else None,
                created_at=iso(start + timedelta(minutes=n)),
                notify=False,
            )
    return topic_id
