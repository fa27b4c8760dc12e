"""A member deleting their own reply, as PostsController#destroy does for someone who is
not staff: PostDestroyer#mark_for_deletion leaves "(post deleted by author)" in its place
(Discourse removes the stub a day later; here it stays), keeps the words it had as a
revision, and answers 200 with an empty body."""

from __future__ import annotations

import re

from voicepeer.demo_forum.auth import acting_user
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, invalid_access
from voicepeer.demo_forum.markdown import render
from voicepeer.demo_forum.member_limits import MemberLimits
from voicepeer.demo_forum.reading import visible_post
from voicepeer.demo_forum.serializers import can_delete_post

DELETED_BY_AUTHOR = "(post deleted by author)"
"""Discourse's js.post.deleted_by_author_simple: the stub's text."""


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
        conn.execute(
            "UPDATE posts SET raw_before_deletion = raw, raw = ?, cooked = ?, user_deleted = 1"
            " WHERE id = ?",
            (DELETED_BY_AUTHOR, render(DELETED_BY_AUTHOR), post["id"]),
        )
        # PostDestroyer revises the post to the stub: one more version.
        conn.execute(
            "INSERT INTO post_versions (post_id, version) VALUES (?, 2) ON CONFLICT (post_id)"
            " DO UPDATE SET version = version + 1",
            (post["id"],),
        )
    return Response(200, b"", "text/plain; charset=utf-8")


ROUTES: tuple[Route, ...] = (route("DELETE", r"/posts/(?P<id>\d+)(?:\.json)?", delete_post),)
