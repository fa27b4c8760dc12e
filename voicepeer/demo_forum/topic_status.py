"""Closed and archived topics, as Discourse keeps them: staff close or archive a topic with
``PUT /t/{id}/status`` (TopicsController#status), which leaves a small-action post
("closed.enabled"); then only some may still reply (Guardian#can_create_post_on_topic?).
"""

from __future__ import annotations

import re
import sqlite3

from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, error, invalid_access
from voicepeer.demo_forum.posting import add_post, make_special
from voicepeer.demo_forum.reading import visible_topic
from voicepeer.demo_forum.store import is_staff

TOPIC_NOT_FOUND = (
    "Something has gone wrong. Perhaps this topic was closed or deleted while you were "
    "looking at it?"
)
"""PostCreator's answer to a reply the member may not make (server.en.yml topic_not_found)."""
SMALL_ACTION = 3
_STATUSES = ("closed", "archived")


def can_post_in(topic: sqlite3.Row, user: sqlite3.Row | None) -> bool:
    """Guardian#can_create_post_on_topic?: admins always; in a closed or an archived topic
    only moderators and trust level 4 besides."""
    if user is None:
        return False
    if user["admin"]:
        return True
    shut = topic["closed"] or topic["archived"]
    return not shut or bool(user["moderator"]) or user["trust_level"] >= 4


def set_status(ctx: Context, match: re.Match[str]) -> Response:
    user = signed_in(ctx.viewer)
    topic = visible_topic(ctx, int(match["id"]))
    if not is_staff(user):
        raise invalid_access()
    params = ctx.request.params
    status = params.text("status")
    if status not in _STATUSES:
        raise error(400, "The demo forum closes and archives topics only.", "invalid_parameters")
    enabled = (params.text("enabled") or "").lower() == "true"
    with ctx.store.transaction() as conn:
        conn.execute(f"UPDATE topics SET {status} = ? WHERE id = ?", (int(enabled), topic["id"]))
        post = add_post(ctx.store, conn, topic_id=topic["id"], user_id=user["id"], raw=" ")
        make_special(
            conn,
            post["id"],
            post_type=SMALL_ACTION,
            action_code=f"{status}.{'enabled' if enabled else 'disabled'}",
        )
    return Response.json(200, {"success": "OK", "topic_status_update": None})


ROUTES: tuple[Route, ...] = (route("PUT", r"/t/(?P<id>\d+)/status(?:\.json)?", set_status),)
