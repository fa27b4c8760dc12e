"""A member deleting their own reply, or their own topic, as PostsController#destroy and
TopicsController#destroy do for someone who is not staff: PostDestroyer#mark_for_deletion
leaves "(post deleted by author)" in the post's place, or "(topic deleted by author)" in
the first post's and closes the topic (Discourse removes the stub a day later; here it
stays), keeps the words it had as a revision, and answers 200 with an empty body."""

from __future__ import annotations

import re
import sqlite3

from voicepeer.demo_forum.auth import acting_user
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, invalid_access, rejected
from voicepeer.demo_forum.markdown import render
from voicepeer.demo_forum.member_limits import MemberLimits
from voicepeer.demo_forum.reading import visible_post
from voicepeer.demo_forum.serializers import can_delete_post, can_delete_topic

DELETED_BY_AUTHOR = "(post deleted by author)"
"""Discourse's js.post.deleted_by_author_simple: the stub's text."""
TOPIC_DELETED_BY_AUTHOR = "(topic deleted by author)"
"""Discourse's js.topic.deleted_by_author_simple, left in the first post's place."""


def delete_post(ctx: Context, match: re.Match[str]) -> Response:
    user = acting_user(ctx.store, ctx.options, ctx.viewer)
    post = visible_post(ctx, int(match["id"]))
    topic = ctx.store.topic(post["topic_id"])
    options = ctx.options
    # Guardian#can_delete_post?: either deletion limit set below 1 stops it altogether.
    allowed = min(options.max_post_deletions_per_minute, options.max_post_deletions_per_day) >= 1
    if topic is None or not allowed or not can_delete_post(post, topic, user["id"]):
        raise invalid_access()
    member_limits = MemberLimits(ctx.store, options)
    limits = member_limits.for_deletion(user)
    member_limits.check(user, limits)
    with ctx.store.transaction() as conn:
        member_limits.record(conn, user, limits)
        _mark_for_deletion(conn, post["id"], DELETED_BY_AUTHOR)
    return Response(200, b"", "text/plain; charset=utf-8")


def delete_topic(ctx: Context, match: re.Match[str]) -> Response:
    """TopicsController#destroy: a refusal (Guardian#can_delete_topic? says no, or no such
    topic) is rescued into a 422 with the delete_topic_failed message, whose English
    wording is not checked here."""
    user = acting_user(ctx.store, ctx.options, ctx.viewer)
    topic = ctx.store.topic(int(match["id"]))
    if topic is None or not can_delete_topic(ctx.store, topic, user["id"]):
        raise rejected(["This topic could not be deleted."])
    first = ctx.store.one(
        "SELECT id FROM posts WHERE topic_id = ? ORDER BY post_number LIMIT 1", (topic["id"],)
    )
    with ctx.store.transaction() as conn:
        if first is not None:
            _mark_for_deletion(conn, first["id"], TOPIC_DELETED_BY_AUTHOR)
        conn.execute("UPDATE topics SET closed = 1 WHERE id = ?", (topic["id"],))
    return Response(200, b"", "text/plain; charset=utf-8")


def _mark_for_deletion(conn: sqlite3.Connection, post_id: int, stub: str) -> None:
    """PostDestroyer#mark_for_deletion: the post revised to ``stub`` (one more version, the
    words it had kept) and marked deleted by its author."""
    conn.execute(
        "UPDATE posts SET raw_before_deletion = raw, raw = ?, cooked = ?, user_deleted = 1"
        " WHERE id = ?",
        (stub, render(stub), post_id),
    )
    conn.execute(
        "INSERT INTO post_versions (post_id, version) VALUES (?, 2) ON CONFLICT (post_id)"
        " DO UPDATE SET version = version + 1",
        (post_id,),
    )


ROUTES: tuple[Route, ...] = (
    route("DELETE", r"/posts/(?P<id>\d+)(?:\.json)?", delete_post),
    route("DELETE", r"/t/(?P<id>\d+)(?:\.json)?", delete_topic),
)
