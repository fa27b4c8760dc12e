"""A member deleting their own reply, or their own topic, and bringing it back, as
PostsController#destroy / #recover and TopicsController#destroy / #recover do for someone
who is not staff.

PostDestroyer#mark_for_deletion leaves "(post deleted by author)" in the post's place, or
"(topic deleted by author)" in the first post's and closes the topic, keeps the words it had
as a revision, and answers 200 with an empty body. For a day (delete_removed_posts_after)
the author may bring it back: PostDestroyer#user_recovered restores the words as a new
revision and reopens the topic. Discourse then trashes the stub; here it stays, and only
bringing it back ends.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, invalid_access, rejected
from voicepeer.demo_forum.markdown import render
from voicepeer.demo_forum.member_limits import MemberLimits
from voicepeer.demo_forum.posting import new_version
from voicepeer.demo_forum.reading import visible_post
from voicepeer.demo_forum.serializers import (
    can_delete_post,
    can_delete_topic,
    can_recover_post,
    post_json,
)
from voicepeer.demo_forum.store import now_iso
from voicepeer.demo_forum.watched_words import censor

DELETED_BY_AUTHOR = "(post deleted by author)"
"""Discourse's js.post.deleted_by_author_simple: the stub's text."""
TOPIC_DELETED_BY_AUTHOR = "(topic deleted by author)"
"""Discourse's js.topic.deleted_by_author_simple, left in the first post's place."""


def delete_post(ctx: Context, match: re.Match[str]) -> Response:
    user = signed_in(ctx.viewer)
    post = visible_post(ctx, int(match["id"]))
    topic = ctx.store.topic(post["topic_id"])
    if topic is None or not _deletions_allowed(ctx) or not can_delete_post(post, topic, user["id"]):
        raise invalid_access()
    with _counted_as_deletion(ctx, user) as conn:
        _mark_for_deletion(conn, post["id"], DELETED_BY_AUTHOR)
    return Response.text(200, "")


def recover_post(ctx: Context, match: re.Match[str]) -> Response:
    """PostsController#recover: the post as it is now, with its raw (render_post_json)."""
    user = signed_in(ctx.viewer)
    post = visible_post(ctx, int(match["id"]))
    if not _deletions_allowed(ctx) or not can_recover_post(post, user["id"]):
        raise invalid_access()
    with _counted_as_deletion(ctx, user) as conn:  # the same limiter keys as deleting
        _recover(conn, post, ctx.store.usernames(), ctx.options.censored_words)
    now = visible_post(ctx, post["id"])
    return Response.json(200, post_json(ctx.store, now, user["id"], style="single"))


def recover_topic(ctx: Context, match: re.Match[str]) -> Response:
    """TopicsController#recover: Guardian#can_recover_topic? is can_recover_post? of its
    first post for a member; 200 with an empty body, no rate limit."""
    user = signed_in(ctx.viewer)
    first = ctx.store.one(
        "SELECT * FROM posts WHERE topic_id = ? ORDER BY post_number LIMIT 1",
        (int(match["id"]),),
    )
    if first is None or not _deletions_allowed(ctx) or not can_recover_post(first, user["id"]):
        raise invalid_access()
    with ctx.store.transaction() as conn:
        _recover(conn, first, ctx.store.usernames(), ctx.options.censored_words)
    return Response.text(200, "")


def delete_topic(ctx: Context, match: re.Match[str]) -> Response:
    """TopicsController#destroy: a refusal (Guardian#can_delete_topic? says no, or no such
    topic) is rescued into a 422 with the delete_topic_failed message, whose English
    wording is not checked here."""
    user = signed_in(ctx.viewer)
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
    return Response.text(200, "")


def _deletions_allowed(ctx: Context) -> bool:
    """Guardian#can_delete_post? and #can_recover_post?: either deletion limit set below 1
    stops a member deleting, and bringing back, altogether."""
    options = ctx.options
    return min(options.max_post_deletions_per_minute, options.max_post_deletions_per_day) >= 1


@contextmanager
def _counted_as_deletion(ctx: Context, user: sqlite3.Row) -> Iterator[sqlite3.Connection]:
    """A transaction for a deletion or a recovery, refused (429) past the member's limits."""
    member_limits = MemberLimits(ctx.store, ctx.options)
    limits = member_limits.for_deletion(user)
    member_limits.check(user, limits)
    with ctx.store.transaction() as conn:
        member_limits.record(conn, user, limits)
        yield conn


def _mark_for_deletion(conn: sqlite3.Connection, post_id: int, stub: str) -> None:
    """PostDestroyer#mark_for_deletion: the post revised to ``stub`` (one more version, the
    words it had kept) and marked deleted by its author."""
    conn.execute(
        "UPDATE posts SET raw_before_deletion = raw, raw = ?, cooked = ?, user_deleted = 1,"
        " user_deleted_at = ? WHERE id = ?",
        (stub, render(stub), now_iso(), post_id),
    )
    new_version(conn, post_id)


def _recover(
    conn: sqlite3.Connection,
    post: sqlite3.Row,
    usernames: frozenset[str],
    censored: tuple[str, ...],
) -> None:
    """PostDestroyer#user_recovered: no longer deleted, the words before the deletion back
    as one more version (its mentions linked among ``usernames``, its ``censored`` words
    blacked out), and a topic's first post reopens the topic."""
    raw = post["raw_before_deletion"] or ""
    conn.execute(
        "UPDATE posts SET raw = ?, cooked = ?, user_deleted = 0, user_deleted_at = NULL,"
        " raw_before_deletion = NULL WHERE id = ?",
        (raw, censor(render(raw, usernames, post["id"]), censored), post["id"]),
    )
    new_version(conn, post["id"])
    if post["post_number"] == 1:
        conn.execute("UPDATE topics SET closed = 0 WHERE id = ?", (post["topic_id"],))


ROUTES: tuple[Route, ...] = (
    route("DELETE", r"/posts/(?P<id>\d+)(?:\.json)?", delete_post),
    route("DELETE", r"/t/(?P<id>\d+)(?:\.json)?", delete_topic),
    route("PUT", r"/posts/(?P<id>\d+)/recover(?:\.json)?", recover_post),
    route("PUT", r"/t/(?P<id>\d+)/recover(?:\.json)?", recover_topic),
)
