"""Editing a post, as PostsController#update and PostRevisor do: ``PUT /posts/:id`` with
``post[raw]``, by its author or by staff.

Guardian#can_edit_post? decides who may (the author, within the edit time limit, not in an
archived topic, not a post they deleted); past the time limit the author gets the
too_late_to_edit sentence (422), anyone else the stock 403. The words are checked as a new
post's are (a 422 with the validation's sentences). An edit within the grace period of the
last version (editing_grace_period, 300 s, and a small change) makes no new version and is
not counted; any other is a new version, counted against the day's edits (EditRateLimiter).
Someone else's edit is always a new version (PostRevisor#edited_by_another_user?), and the
author is told ("edited": PostActionNotifier.after_post_revision, not in a private
message), once a day per editor and post (PostAlerter#should_notify_edit?).
The answer is ``{"post": …}``, the post as it now is, raw included. A client that sends
the text it changed (``post[original_text]``) gets a 409 when the post has been changed
since."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from voicepeer.demo_forum import slow_mode, watched_words
from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, error, invalid_access, missing_param, rejected
from voicepeer.demo_forum.markdown import render
from voicepeer.demo_forum.member_limits import MemberLimits
from voicepeer.demo_forum.posting import (
    alert_data,
    insert_notification,
    new_version,
    newest_told,
)
from voicepeer.demo_forum.reading import visible_post
from voicepeer.demo_forum.serializers import can_edit_post, edit_time_expired, post_json
from voicepeer.demo_forum.store import is_staff, now_iso, parse_iso
from voicepeer.demo_forum.text_cleaner import clean_raw
from voicepeer.demo_forum.writing import body_errors

EDIT_CONFLICT = "That post was edited by another user and your changes can no longer be saved."
"""server.en.yml edit_conflict: the 409 when ``post[original_text]`` is not the post's raw."""
TOO_LATE_TO_EDIT = "That post was created too long ago. It can no longer be edited or deleted."
"""server.en.yml too_late_to_edit."""
EDITING_GRACE_PERIOD = timedelta(seconds=300)
"""Discourse's editing_grace_period default."""
GRACE_MAX_DIFF = 100
"""editing_grace_period_max_diff: characters changed within the grace period."""
GRACE_MAX_DIFF_HIGH_TRUST = 400
"""editing_grace_period_max_diff_high_trust, from trust level 2 up."""
EDITED = 4
"""Discourse's notification type number (site.json "notification_types")."""
EDIT_NOTICE_QUIET = timedelta(days=1)
"""After an edit notification on a post, how long the same editor's edits tell nothing."""


def update_post(ctx: Context, match: re.Match[str]) -> Response:
    user = signed_in(ctx.viewer)
    post = visible_post(ctx, int(match["id"]))
    topic = ctx.store.topic(post["topic_id"])
    assert topic is not None
    raw = _raw_param(ctx)
    if not can_edit_post(post, topic, user):
        if post["user_id"] == user["id"] and edit_time_expired(post, user):
            raise error(422, TOO_LATE_TO_EDIT)
        raise invalid_access()
    original = ctx.request.params.mapping("post").get("original_text")
    if isinstance(original, str) and original and original != post["raw"]:
        raise error(409, EDIT_CONFLICT)
    raw = clean_raw(raw)
    private = topic["archetype"] == "private_message"
    errors = body_errors(ctx, raw, private=private, new_topic=post["post_number"] == 1)
    if not is_staff(user):  # WatchedWordsValidator, among PostValidator's checks
        errors += watched_words.blocked_errors(ctx.options.blocked_words, raw)
    if errors:
        raise rejected(errors)
    if raw.rstrip() != post["raw"].rstrip():
        _revise(ctx, user, post, topic, raw)
    now = visible_post(ctx, post["id"])
    return Response.json(200, {"post": post_json(ctx.store, now, user["id"], style="single")})


def _raw_param(ctx: Context) -> str:
    """``params.require(:post)``, then its ``raw`` (JSON ``{"post": {"raw": …}}`` or the
    form's ``post[raw]``)."""
    raw = ctx.request.params.mapping("post").get("raw")
    if not isinstance(raw, str) or not raw.strip():
        raise missing_param("post")
    return raw


def _revise(
    ctx: Context, user: sqlite3.Row, post: sqlite3.Row, topic: sqlite3.Row, raw: str
) -> None:
    """PostRevisor#revise!: the new words, a new version unless within the grace period."""
    by_another = user["id"] != post["user_id"]
    grace = not by_another and grace_period_edit(user, post, raw)
    if not grace and slow_mode.affected(topic, user):
        raise error(422, slow_mode.CANNOT_EDIT_ON_SLOW_MODE)  # slow_mode_prevents_editing
    usernames = ctx.store.usernames()
    with revision(ctx, user, post, grace=grace) as conn:
        conn.execute(
            "UPDATE posts SET raw = ?, cooked = ?, words = ? WHERE id = ?",
            (
                raw,
                watched_words.censor(
                    render(raw, usernames, post["id"]), ctx.options.censored_words
                ),
                len(raw.split()),
                post["id"],
            ),
        )
        if by_another and topic["archetype"] != "private_message":
            _notify_edit(conn, post, topic, user["username"])


@contextmanager
def revision(
    ctx: Context, user: sqlite3.Row, post: sqlite3.Row, *, grace: bool
) -> Iterator[sqlite3.Connection]:
    """A change to ``post`` (its words, or its topic's title) in one transaction: counted
    against the day's edits (EditRateLimiter) and made a new version, unless ``grace``
    (within the grace period of the last version)."""
    member_limits = MemberLimits(ctx.store, ctx.options)
    limits = [] if grace else [member_limits.for_edit(user)]
    member_limits.check(user, limits)
    with ctx.store.transaction() as conn:
        member_limits.record(conn, user, limits)
        if not grace:
            new_version(conn, post["id"])
        yield conn


def _notify_edit(
    conn: sqlite3.Connection, post: sqlite3.Row, topic: sqlite3.Row, editor: str
) -> None:
    """Tell the author that ``editor`` changed their post, unless the newest edit of it they
    were told of is by the same editor and less than a day old (should_notify_edit?)."""
    now = now_iso()
    told = newest_told(conn, post["user_id"], EDITED, topic["id"], post["post_number"])
    if (
        told is not None
        and parse_iso(now) - parse_iso(told["created_at"]) < EDIT_NOTICE_QUIET
        and json.loads(told["data"]).get("display_username") == editor
    ):
        return
    version = conn.execute(
        "SELECT version FROM post_versions WHERE post_id = ?", (post["id"],)
    ).fetchone()
    data = alert_data(topic, post["id"], editor, editor) | {"revision_number": version[0]}
    insert_notification(conn, post["user_id"], EDITED, topic["id"], post["post_number"], data, now)


def grace_period_edit(user: sqlite3.Row, post: sqlite3.Row, raw: str) -> bool:
    """PostRevisor#grace_period_edit?: soon after the last version, and a small change."""
    since = parse_iso(post["last_version_at"] or post["created_at"])
    if datetime.now(UTC) - since > EDITING_GRACE_PERIOD:
        return False
    most = GRACE_MAX_DIFF if int(user["trust_level"]) < 2 else GRACE_MAX_DIFF_HIGH_TRUST
    return abs(len(raw) - len(post["raw"])) <= most


ROUTES: tuple[Route, ...] = (route("PUT", r"/posts/(?P<id>\d+)(?:\.json)?", update_post),)
