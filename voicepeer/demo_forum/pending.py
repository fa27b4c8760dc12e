"""A member's own posts waiting for a moderator, as Discourse shows them to that member.

Discourse lists them in two places: ``pending_posts`` of ``/t/{id}.json`` (the viewer's own
waiting posts in that topic, ``TopicPendingPostSerializer``: id, raw, created_at — only
when the site queues posts by rule, ``NewPostManager.queue_enabled?``; a post held for a
watched word does not switch it on), and ``GET /posts/{username}/pending.json``
(``PostsController#pending``, ``PendingPostSerializer``), which only that member (or
staff) may read; anyone else gets a 404.

The member may withdraw one (``DELETE /review/{id}``, ReviewablesController#destroy): it
is never posted. Only its author finds it (anyone else, or a post a moderator has dealt
with, gets a 404), and an admin API key is let in only for an admin, who names the author
with ``username``.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, invalid_access, not_found
from voicepeer.demo_forum.serializers import avatar_template


def topic_pending_posts(ctx: Context, topic_id: int) -> list[dict[str, Any]] | None:
    """The viewer's waiting posts in a topic, or None when the topic view leaves the field
    out (no queue rule on the site, or nobody signed in)."""
    user = ctx.viewer.user
    if not ctx.options.moderated_usernames or user is None:
        return None
    return [
        {"id": row["id"], "raw": row["raw"], "created_at": row["created_at"]}
        for row in ctx.store.all(
            "SELECT * FROM pending_posts WHERE user_id = ? AND topic_id = ? ORDER BY id",
            (user["id"], topic_id),
        )
    ]


def _serialized(
    store_row: sqlite3.Row, user: sqlite3.Row, topic: sqlite3.Row | None
) -> dict[str, Any]:
    return {
        "id": store_row["id"],
        "avatar_template": avatar_template(user["username"]),
        "category_id": topic["category_id"] if topic else store_row["category_id"],
        "created_at": store_row["created_at"],
        "created_by_id": user["id"],
        "name": user["name"],
        "raw_text": store_row["raw"],
        "title": store_row["title"] or (topic["title"] if topic else None),
        "topic_id": store_row["topic_id"],
        "topic_url": f"/t/{topic['slug']}/{topic['id']}" if topic else None,
        "username": user["username"],
    }


def user_pending_posts(ctx: Context, match: re.Match[str]) -> Response:
    viewer = signed_in(ctx.viewer)
    user = ctx.store.user_by_name(match["username"])
    if user is None or (
        user["id"] != viewer["id"] and not viewer["admin"] and not viewer["moderator"]
    ):
        raise not_found()
    rows = ctx.store.all(
        "SELECT * FROM pending_posts WHERE user_id = ? ORDER BY created_at DESC, id DESC",
        (user["id"],),
    )
    listed = []
    for row in rows:
        topic = (
            ctx.store.one("SELECT * FROM topics WHERE id = ?", (row["topic_id"],))
            if row["topic_id"] is not None
            else None
        )
        listed.append(_serialized(row, user, topic))
    return Response.json(200, {"pending_posts": listed})


def withdraw_pending_post(ctx: Context, match: re.Match[str]) -> Response:
    author = signed_in(ctx.viewer)
    if ctx.viewer.kind == "admin_api_key":
        if not author["admin"]:
            raise invalid_access()
        named = ctx.store.user_by_name(ctx.request.params.text("username") or "")
        if named is None:
            raise not_found()
        author = named
    with ctx.store.transaction() as conn:
        gone = conn.execute(
            "DELETE FROM pending_posts WHERE id = ? AND user_id = ?",
            (int(match["id"]), author["id"]),
        ).rowcount
    if not gone:
        raise not_found()
    return Response.json(200, {"success": "OK"})


ROUTES: tuple[Route, ...] = (
    route("DELETE", r"/review/(?P<id>\d+)(?:\.json)?", withdraw_pending_post),
    route(
        "GET",
        r"/posts/(?P<username>[A-Za-z0-9_.\-]*[A-Za-z_.\-][A-Za-z0-9_.\-]*)/pending"
        r"(?:\.json)?",
        user_pending_posts,
        login=True,
    ),
)
