"""Slow mode, as Discourse keeps it: a moderator lets each member post in a topic only once
every ``slow_mode_seconds`` (``PUT /t/:id/slow_mode``, TopicsController#set_slow_mode).
PostCreator#valid? refuses a reply sooner than that after the member's last post there
(TopicUser.last_posted_at) with a 422 that gives no time; the topic's page shows
``slow_mode_seconds`` and the member's ``user_last_posted_at``, from which the web composer
tells the wait. Staff are not affected (Guardian#affected_by_slow_mode?), and an edit outside
the grace period is refused while it lasts (slow_mode_prevents_editing, on by default).
A moderator may give it an end (``enabled_until``): a topic timer turns it off then, and the
topic's page shows the time as ``slow_mode_enabled_until``."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta

from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, invalid_access, invalid_param, missing_param
from voicepeer.demo_forum.reading import visible_topic
from voicepeer.demo_forum.store import Store, is_staff, iso, parse_iso

SLOW_MODE_ENABLED = "This topic is in slow mode."
"""server.en.yml slow_mode_enabled."""
CANNOT_EDIT_ON_SLOW_MODE = (
    "This topic is in slow mode. To encourage thoughtful, considered discussion, editing old "
    "posts in this topic is not currently allowed during slow mode."
)
"""server.en.yml cannot_edit_on_slow_mode."""


def interval(topic: sqlite3.Row) -> int:
    """The topic's slow-mode interval in seconds; 0 when off, or over by its end time (the
    clear_slow_mode timer has run)."""
    until = topic["slow_mode_until"]
    if until is not None and datetime.now(UTC) >= parse_iso(until):
        return 0
    return int(topic["slow_mode_seconds"])


def ends_at(topic: sqlite3.Row) -> str | None:
    """TopicViewSerializer#slow_mode_enabled_until: when a slow mode under way ends."""
    return topic["slow_mode_until"] if interval(topic) else None


def affected(topic: sqlite3.Row, user: sqlite3.Row) -> bool:
    """Guardian#affected_by_slow_mode?: a slow topic, and not staff."""
    return interval(topic) > 0 and not is_staff(user)


def last_posted_at(store: Store, topic_id: int, user_id: int) -> str | None:
    """When the member last posted in the topic (TopicUser.last_posted_at)."""
    value = store.scalar(
        "SELECT MAX(created_at) FROM posts WHERE topic_id = ? AND user_id = ?",
        (topic_id, user_id),
    )
    return str(value) if value else None


def slow_mode_errors(store: Store, topic: sqlite3.Row, user: sqlite3.Row) -> list[str]:
    """PostCreator#valid?'s refusal of a reply too soon after the member's last one."""
    if not affected(topic, user):
        return []
    last = last_posted_at(store, topic["id"], user["id"])
    if last is None:
        return []
    ready = parse_iso(last) + timedelta(seconds=interval(topic))
    return [SLOW_MODE_ENABLED] if datetime.now(UTC) < ready else []


def set_slow_mode(ctx: Context, match: re.Match[str]) -> Response:
    """TopicsController#set_slow_mode: staff, or trust level 4 (Guardian#can_moderate?);
    ``seconds`` 0 turns it off, ``enabled_until`` (a time) ends it then; 200 with an empty
    body."""
    user = signed_in(ctx.viewer)
    topic = visible_topic(ctx, int(match["id"]))
    if not (is_staff(user) or int(user["trust_level"]) >= 4):
        raise invalid_access()
    seconds = ctx.request.params.integer("seconds")
    if seconds is None or seconds < 0:
        raise missing_param("seconds")
    until = ctx.request.params.text("enabled_until") if seconds else None
    try:
        ends = iso(parse_iso(until)) if until else None
    except ValueError:
        raise invalid_param("enabled_until") from None
    with ctx.store.transaction() as conn:
        conn.execute(
            "UPDATE topics SET slow_mode_seconds = ?, slow_mode_until = ? WHERE id = ?",
            (seconds, ends, topic["id"]),
        )
    return Response.text(200, "")


ROUTES: tuple[Route, ...] = (route("PUT", r"/t/(?P<id>\d+)/slow_mode(?:\.json)?", set_slow_mode),)
