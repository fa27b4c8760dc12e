"""The signed-in member's own things: who am I, notifications; and forum search."""

from __future__ import annotations

import html
import json
import re
from typing import Any

from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.excerpts import search_text
from voicepeer.demo_forum.fancy_title import fancy_title
from voicepeer.demo_forum.http_api import (
    Response,
    error,
    invalid_param,
    missing_param,
    not_found,
)
from voicepeer.demo_forum.reading import category_json
from voicepeer.demo_forum.serializers import avatar_template, topic_list_item

NOTIFICATIONS_PER_PAGE = 60
SEARCH_RESULTS = 50
MAX_SEARCH_TERMS = 64
"""Most words one search may have; each becomes a condition of the database query."""


def current_session(ctx: Context, _m: re.Match[str]) -> Response:
    user = ctx.viewer.user
    if user is None:  # Discourse answers anonymous callers with 404 here
        raise not_found()
    unread = ctx.store.scalar(
        "SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read = 0", (user["id"],)
    )
    return Response.json(
        200,
        {
            "current_user": {
                "id": user["id"],
                "username": user["username"],
                "name": user["name"],
                "avatar_template": avatar_template(user["username"]),
                "admin": bool(user["admin"]),
                "moderator": bool(user["moderator"]),
                "trust_level": user["trust_level"],
                "unread_notifications": int(unread or 0),
                "can_create_topic": True,
            }
        },
    )


def notifications(ctx: Context, _m: re.Match[str]) -> Response:
    user = signed_in(ctx.viewer)
    offset = max(0, ctx.request.params.integer("offset") or 0)
    # NotificationsController#index: filter=read or unread keeps only those.
    kind = ctx.request.params.text("filter") or ""
    kept = {"read": " AND n.read = 1", "unread": " AND n.read = 0"}.get(kind, "")
    total = int(
        ctx.store.scalar(
            f"SELECT COUNT(*) FROM notifications n WHERE n.user_id = ?{kept}", (user["id"],)
        )
    )
    rows = ctx.store.all(
        "SELECT n.*, t.slug, t.title FROM notifications n LEFT JOIN topics t ON t.id = n.topic_id"
        # NotificationsController#index: newest made first (a gathered like keeps its time).
        f" WHERE n.user_id = ?{kept} ORDER BY n.created_at DESC, n.id DESC LIMIT ? OFFSET ?",
        (user["id"], NOTIFICATIONS_PER_PAGE, offset),
    )
    items = [
        {
            "id": row["id"],
            "user_id": row["user_id"],
            "notification_type": row["notification_type"],
            "read": bool(row["read"]),
            "high_priority": row["notification_type"] == 6,
            "created_at": row["created_at"],
            "post_number": row["post_number"],
            "topic_id": row["topic_id"],
            "slug": row["slug"],
            "data": json.loads(row["data"]),
        }
        # NotificationSerializer: the topic's fancy_title, left out with no topic.
        | ({"fancy_title": fancy_title(row["title"])} if row["title"] is not None else {})
        for row in rows
    ]
    seen = ctx.store.scalar(
        "SELECT COALESCE(MAX(id), 0) FROM notifications WHERE user_id = ? AND read = 1",
        (user["id"],),
    )
    body: dict[str, Any] = {
        "notifications": items,
        "total_rows_notifications": total,
        "seen_notification_id": int(seen or 0),
        "load_more_notifications": (
            f"/notifications?offset={offset + NOTIFICATIONS_PER_PAGE}&username={user['username']}"
            + (f"&filter={kind}" if kept else "")
        ),
    }
    return Response.json(200, body)


def mark_notifications_read(ctx: Context, _m: re.Match[str]) -> Response:
    user = signed_in(ctx.viewer)
    only = ctx.request.params.integer("id")
    with ctx.store.transaction() as conn:
        if only is None:
            conn.execute("UPDATE notifications SET read = 1 WHERE user_id = ?", (user["id"],))
        else:
            conn.execute(
                "UPDATE notifications SET read = 1 WHERE user_id = ? AND id = ?",
                (user["id"], only),
            )
    return Response.json(200, {"success": "OK"})


BLURB_LENGTH = 300
"""Characters of a search blurb: SearchController#show asks for 300 (the 200 of
Search::GroupedSearchResults::BLURB_LENGTH is the header search's)."""
OMISSION = "..."


def _blurb(text: str, term: str) -> str:
    """A search result's blurb as stock Discourse makes it (GroupedSearchResults.blurb_for
    with ActionView's excerpt and truncate): up to half the blurb length either side of the
    whole term, found ignoring case, else the post's beginning; cut at any character, even
    inside a word, and marked with "..."."""
    text = " ".join(text.split())
    quoted = re.search(r'"([^"]+)"', term)  # Search::PHRASE_MATCH_REGEXP_PATTERN
    phrase = (quoted[1] if quoted else term).strip()
    found = text.lower().find(phrase.lower()) if phrase else -1
    if found < 0:
        if len(text) <= BLURB_LENGTH:
            return text
        return text[: BLURB_LENGTH - len(OMISSION)] + OMISSION
    radius = BLURB_LENGTH // 2
    start, end = max(0, found - radius), found + len(phrase) + radius
    before = OMISSION if start > 0 else ""
    after = OMISSION if end < len(text) else ""
    return before + text[start:end] + after


def search(ctx: Context, _m: re.Match[str]) -> Response:
    term = (ctx.request.params.text("q") or "").strip()
    terms = [t.lower() for t in term.split() if t]
    grouped: dict[str, Any] = {
        "more_posts": None,
        "more_users": None,
        "more_categories": None,
        "term": term,
        "search_log_id": 0,
        "more_full_page_results": None,
        "can_create_topic": True,
        "error": None,
        "post_ids": [],
        "user_ids": [],
        "category_ids": [],
        "tag_ids": [],
        "group_ids": [],
    }
    result: dict[str, Any] = {
        "posts": [],
        "topics": [],
        "users": [],
        "categories": [],
        "tags": [],
        "groups": [],
        "grouped_search_result": grouped,
    }
    if not terms:  # Rails' params.require(:q): a blank term is a missing one
        raise missing_param("q")
    if len(term) < ctx.options.min_search_term_length:
        # Discourse's SearchController refuses a short term outright.
        raise invalid_param("q")
    if all(len(t) < ctx.options.min_search_term_length for t in terms):
        # Search#execute searches for nothing when every word is short ("ms uk"), and the
        # nil it returns is serialized under the serializer's root.
        return Response.json(200, {"grouped_search_result": None})
    if len(terms) > MAX_SEARCH_TERMS:
        raise error(
            400, f"A search may have at most {MAX_SEARCH_TERMS} words.", "invalid_parameters"
        )
    viewer_id = ctx.viewer.user_id
    # Full-page search (type_filter "topic", no context) aggregates: one post per topic,
    # its first matching one, topics by relevance, 50 a page from page 1. Private messages
    # only with "in:messages", which voicepeer never asks. Relevance is Postgres ranking
    # there, with the title weighted most; here, a title holding every word comes first,
    # then the most recently bumped.
    page = max(1, ctx.request.params.integer("page") or 1)
    matching = " AND ".join(
        "(instr(lower(p.raw), ?) > 0 OR instr(lower(t.title), ?) > 0)" for _ in terms
    )
    in_title = " AND ".join("instr(lower(t.title), ?) > 0" for _ in terms)
    args: list[Any] = [value for t in terms for value in (t, t)]
    rows = ctx.store.all(
        "WITH hits AS (SELECT p.topic_id, MIN(p.post_number) AS first_number FROM posts p"
        f" JOIN topics t ON t.id = p.topic_id WHERE {matching} AND t.archetype = 'regular'"
        " GROUP BY p.topic_id)"
        " SELECT p.*, u.username, u.name, t.archetype FROM hits h"
        " JOIN posts p ON p.topic_id = h.topic_id AND p.post_number = h.first_number"
        " JOIN topics t ON t.id = p.topic_id JOIN users u ON u.id = p.user_id"
        f" ORDER BY ({in_title}) DESC, t.bumped_at DESC, t.id DESC LIMIT ? OFFSET ?",
        (*args, *terms, SEARCH_RESULTS + 1, (page - 1) * SEARCH_RESULTS),
    )
    if len(rows) > SEARCH_RESULTS:
        grouped["more_full_page_results"] = True
        rows = rows[:SEARCH_RESULTS]
    topic_ids: list[int] = []
    for row in rows:
        likes = ctx.store.scalar("SELECT COUNT(*) FROM post_likes WHERE post_id = ?", (row["id"],))
        result["posts"].append(
            {
                "id": row["id"],
                "name": row["name"],
                "username": row["username"],
                "avatar_template": avatar_template(row["username"]),
                "created_at": row["created_at"],
                "like_count": int(likes or 0),
                # Sanitize.clean, last in blurb_for, writes the text out as HTML.
                "blurb": html.escape(_blurb(search_text(row["cooked"], ctx.base_url), term), False),
                "post_number": row["post_number"],
                "topic_id": row["topic_id"],
            }
        )
        grouped["post_ids"].append(row["id"])
        if row["topic_id"] not in topic_ids:
            topic_ids.append(row["topic_id"])
    for topic_id in topic_ids:
        topic = ctx.store.topic(topic_id)
        if topic is not None:
            result["topics"].append(topic_list_item(ctx.store, topic, viewer_id))
    name_matches = " AND ".join("instr(lower(name), ?) > 0" for _ in terms)
    categories = ctx.store.all(f"SELECT * FROM categories WHERE {name_matches}", terms)
    for category in categories:
        result["categories"].append(category_json(ctx, category))
        grouped["category_ids"].append(category["id"])
    return Response.json(200, result)


ROUTES: tuple[Route, ...] = (
    route("GET", r"/session/current(?:\.json)?", current_session, "read", "session_info"),
    route("GET", r"/notifications(?:\.json)?", notifications, "read", "notifications", login=True),
    route(
        "PUT",
        r"/notifications/mark-read(?:\.json)?",
        mark_notifications_read,
        "write",
        "notifications",
    ),
    route("GET", r"/search(?:\.json)?", search),
)
