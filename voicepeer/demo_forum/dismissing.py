"""Marking topics read, as the "Dismiss" buttons of Discourse's Unread and New lists do.

``PUT /topics/bulk`` (TopicsController#bulk) takes the topics from ``topic_ids[]`` (which
must be a list) or, without it, from ``filter=unread`` (every unread topic, not a page, and
muted categories too: TopicsController#bulk_unread_topic_ids), and an ``operation[type]``:
``dismiss_posts`` counts each topic the member has a reading of as read to its last post
(TopicsBulkAction#dismiss_posts: every id given comes back), ``dismiss_topics`` dismisses
those still new to them (DismissedTopicUser; only those come back). The demo forum knows no
other operation: it answers them as Discourse answers an unknown one.

``PUT /topics/reset-new`` (TopicsController#reset_new) dismisses every topic new to the
member, or only those of ``topic_ids[]``. Both are members only (requires_login: 403) and
answer ``{"topic_ids": [...]}``, sorted.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.category_watching import not_muted
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, error, missing_param
from voicepeer.demo_forum.reading import new_to, unread_to
from voicepeer.demo_forum.store import now_iso

OPERATIONS = ("dismiss_posts", "dismiss_topics")


def _topic_ids(ctx: Context) -> list[int] | None:
    """``topic_ids[]`` when given (a list, or Discourse's 400), else None."""
    given = ctx.request.params.raw("topic_ids")
    if given is None:
        return None
    if not isinstance(given, list):
        raise error(400, "Expecting topic_ids to contain a list of topic ids")
    return ctx.request.params.integers("topic_ids")


def _matching(
    ctx: Context, where: str, params: tuple[Any, ...], ids: list[int] | None
) -> list[int]:
    if ids is not None:
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        where, params = f"{where} AND id IN ({marks})", (*params, *ids)
    return [int(row["id"]) for row in ctx.store.all(f"SELECT id FROM topics WHERE {where}", params)]


def _dismiss_posts(conn: sqlite3.Connection, user_id: int, topic_ids: Sequence[int]) -> None:
    conn.executemany(
        "UPDATE topic_reads SET last_read_post_number = (SELECT MAX(post_number) FROM posts"
        " WHERE posts.topic_id = topic_reads.topic_id) WHERE user_id = ? AND topic_id = ?",
        [(user_id, topic_id) for topic_id in topic_ids],
    )


def _dismiss_new(conn: sqlite3.Connection, user_id: int, topic_ids: Sequence[int]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO dismissed_topics (user_id, topic_id, created_at) VALUES (?, ?, ?)",
        [(user_id, topic_id, now_iso()) for topic_id in topic_ids],
    )


def bulk(ctx: Context, _m: re.Match[str]) -> Response:
    user = signed_in(ctx.viewer)
    ids = _topic_ids(ctx)
    if ids is None and ctx.request.params.text("filter") != "unread":
        raise missing_param("topic_ids")
    operation = ctx.request.params.mapping("operation")
    if not operation:
        raise missing_param("operation")
    kind = str(operation.get("type") or "")
    if not kind:
        raise missing_param("operation[type]")
    if kind not in OPERATIONS:
        raise error(400, f"{kind} is not a valid operation")
    if ids is None:  # filter=unread
        ids = _matching(ctx, *unread_to(user), None)
    with ctx.store.transaction() as conn:
        if kind == "dismiss_posts":
            _dismiss_posts(conn, user["id"], ids)
            done = ids
        else:
            where, params = new_to(user)
            done = _matching(ctx, where, params, ids)
            _dismiss_new(conn, user["id"], done)
    return Response.json(200, {"topic_ids": sorted(set(done))})


def reset_new(ctx: Context, _m: re.Match[str]) -> Response:
    user = signed_in(ctx.viewer)
    ids = _topic_ids(ctx)
    where, params = new_to(user)
    unmuted, unmuted_params = not_muted(user["id"])
    found = _matching(ctx, f"{where} AND {unmuted}", (*params, *unmuted_params), ids)
    with ctx.store.transaction() as conn:
        _dismiss_new(conn, user["id"], found)
    return Response.json(200, {"topic_ids": sorted(found)})


ROUTES: tuple[Route, ...] = (
    route("PUT", r"/topics/bulk(?:\.json)?", bulk),
    route("PUT", r"/topics/reset-new(?:\.json)?", reset_new),
)
