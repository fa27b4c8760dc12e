"""How much a member follows each category, as Discourse's CategoryUser keeps it.

A member sets a category's level on the forum's website (CategoriesController
#set_notifications: ``POST /category/:id/notifications``). Watching (3): told of every new
post in its topics ("watching_category_or_tag" until they follow the topic themselves, then
"posted"), and the topics they open or reply in are watched. Tracking (2): those topics are
tracked. Watching first post (4): told of each new topic ("watching_first_post"). Muted
(0): its topics leave the member's topic lists (unless that category is listed, or they
follow the topic themselves). A topic's own level, once the member has one, decides
(TopicUser).
"""

from __future__ import annotations

import re
import sqlite3

from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, not_found
from voicepeer.demo_forum.tracking import CATEGORY_REASONS, REGULAR, TRACKING, WATCHING

MUTED, WATCHING_FIRST_POST = 0, 4
"""CategoryUser.notification_levels beyond the topics' own (tracking.py)."""

LEVEL_IN_CATEGORY = (
    "SELECT COALESCE(MAX(notification_level), 1) FROM category_users"
    " WHERE user_id = ? AND category_id = ?"
)
"""The member's level in a category (regular where they set none), by (user, category)."""


def category_level(conn: sqlite3.Connection, user_id: int, category_id: int | None) -> int:
    """The member's level in the category; regular where they set none."""
    return int(conn.execute(LEVEL_IN_CATEGORY, (user_id, category_id)).fetchone()[0])


def watchers(conn: sqlite3.Connection, category_id: int | None, level: int) -> list[int]:
    """The members at ``level`` in the category, by id."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT user_id FROM category_users WHERE category_id = ? AND notification_level = ?"
            " ORDER BY user_id",
            (category_id, level),
        )
    ]


def unfollowed_watchers(conn: sqlite3.Connection, topic: sqlite3.Row) -> list[int]:
    """PostAlerter#notify_post_users for category watchers: those watching the topic's
    category who have no level of their own in the topic, or watch it too."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT cu.user_id FROM category_users cu LEFT JOIN topic_reads r"
            " ON r.user_id = cu.user_id AND r.topic_id = ?"
            " WHERE cu.category_id = ? AND cu.notification_level = ?"
            " AND (r.user_id IS NULL OR r.notification_level = ?) ORDER BY cu.user_id",
            (topic["id"], topic["category_id"], WATCHING, WATCHING),
        )
    ]


def not_muted(user_id: int | None, listed: int | None = None) -> tuple[str, tuple[int | None, ...]]:
    """A topic-list condition (and its parameters) leaving out the topics of categories the
    member muted, except those of the category ``listed`` and those they follow themselves
    (TopicQuery#remove_muted_categories); nothing for visitors."""
    if user_id is None:
        return "1", ()
    return (
        "(category_id IS NULL OR category_id IS ? OR category_id NOT IN (SELECT category_id"
        " FROM category_users WHERE user_id = ? AND notification_level = ?) OR id IN"
        " (SELECT topic_id FROM topic_reads WHERE user_id = ? AND notification_level > ?))",
        (listed, user_id, MUTED, user_id, REGULAR),
    )


def set_notifications(ctx: Context, match: re.Match[str]) -> Response:
    """CategoriesController#set_notifications: the level is read as Ruby's ``to_i`` does
    (anything not a number is 0, muted). After it, the member's topics in categories they
    watch are watched, and those the category alone made watched go back to tracking
    (CategoryUser.auto_watch); regular topics in tracked categories are tracked
    (CategoryUser.auto_track)."""
    user = signed_in(ctx.viewer)
    category_id = int(match["id"])
    if ctx.store.one("SELECT id FROM categories WHERE id = ?", (category_id,)) is None:
        raise not_found()
    level = _to_i(ctx.request.params.raw("notification_level"))
    with ctx.store.transaction() as conn:
        conn.execute(
            "INSERT INTO category_users (user_id, category_id, notification_level)"
            " VALUES (?, ?, ?) ON CONFLICT (user_id, category_id)"
            " DO UPDATE SET notification_level = excluded.notification_level",
            (user["id"], category_id, level),
        )
        _follow_topics(conn, int(user["id"]))
        muted_parents = conn.execute(
            "SELECT c.id FROM categories c JOIN category_users cu ON cu.category_id ="
            " c.parent_category_id AND cu.user_id = ? AND cu.notification_level = ?"
            " WHERE c.id NOT IN (SELECT category_id FROM category_users WHERE user_id = ?)"
            " ORDER BY c.id",
            (user["id"], MUTED, user["id"]),
        ).fetchall()
    return Response.json(
        200,
        {"success": "OK", "indirectly_muted_category_ids": [int(r[0]) for r in muted_parents]},
    )


def _follow_topics(conn: sqlite3.Connection, user_id: int) -> None:
    """CategoryUser.auto_watch and .auto_track over the member's topics."""
    in_category = (
        "SELECT cu.notification_level FROM category_users cu JOIN topics t"
        " ON t.category_id = cu.category_id WHERE cu.user_id = topic_reads.user_id"
        " AND t.id = topic_reads.topic_id"
    )
    conn.execute(
        f"UPDATE topic_reads SET notification_level = ?, notifications_reason = ?"
        f" WHERE user_id = ? AND notification_level IN (?, ?) AND ({in_category}) = ?",
        (WATCHING, CATEGORY_REASONS[WATCHING], user_id, REGULAR, TRACKING, WATCHING),
    )
    conn.execute(
        f"UPDATE topic_reads SET notification_level = ?, notifications_reason = NULL"
        f" WHERE user_id = ? AND notification_level = ? AND notifications_reason = ?"
        f" AND COALESCE(({in_category}), ?) != ?",
        (TRACKING, user_id, WATCHING, CATEGORY_REASONS[WATCHING], REGULAR, WATCHING),
    )
    conn.execute(
        f"UPDATE topic_reads SET notification_level = ?, notifications_reason = ?"
        f" WHERE user_id = ? AND notification_level = ? AND ({in_category}) = ?",
        (TRACKING, CATEGORY_REASONS[TRACKING], user_id, REGULAR, TRACKING),
    )


def _to_i(value: object) -> int:
    """Ruby's String#to_i: the leading whole number, else 0."""
    found = re.match(r"\s*([-+]?\d+)", str(value if value is not None else ""))
    return int(found[1]) if found else 0


ROUTES: tuple[Route, ...] = (
    route("POST", r"/category/(?P<id>\d+)/notifications(?:\.json)?", set_notifications),
)
