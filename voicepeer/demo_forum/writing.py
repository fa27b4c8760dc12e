"""Endpoints that change the forum: posting, liking, bookmarking and read tracking."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

from voicepeer.demo_forum import watched_words
from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import (
    Response,
    error,
    invalid_access,
    invalid_param,
    missing_param,
    not_found,
    rejected,
)
from voicepeer.demo_forum.likes import add_like, like_given_at, like_undoable, remove_like
from voicepeer.demo_forum.member_limits import MemberLimits
from voicepeer.demo_forum.posting import add_post, add_topic
from voicepeer.demo_forum.reading import can_start_topic_in, visible_post, visible_topic
from voicepeer.demo_forum.reply_limits import reply_limit_errors
from voicepeer.demo_forum.seed_content import UNCATEGORIZED_SLUG
from voicepeer.demo_forum.serializers import avatar_template, post_json
from voicepeer.demo_forum.slow_mode import slow_mode_errors
from voicepeer.demo_forum.store import is_staff, iso, now_iso
from voicepeer.demo_forum.text_cleaner import clean_raw, clean_title
from voicepeer.demo_forum.text_sentinel import body_unclear, title_unclear
from voicepeer.demo_forum.topic_status import TOPIC_NOT_FOUND, can_post_in
from voicepeer.demo_forum.tracking import record_reading


def title_errors(
    ctx: Context, title: str | None, *, private: bool, retitled: int | None = None
) -> list[str]:
    """The Topic model's validations of a title (``retitled``: the topic whose title it is
    to become, which has it already without that being a duplicate)."""
    options = ctx.options
    title_text = (title or "").strip()
    min_title = (
        options.min_personal_message_title_length if private else options.min_topic_title_length
    )
    if not title_text:
        return ["Title can't be blank"]
    length: list[str] = []
    if len(title_text) < min_title:
        length = [f"Title is too short (minimum is {min_title} characters)"]
    elif len(title_text) > options.max_topic_title_length:
        length = [f"Title is too long (maximum is {options.max_topic_title_length} characters)"]
    # The Topic model's validations each add theirs: quality_title (not for messages),
    # then unique_among.
    errors = length + ([] if private else title_unclear(title_text, options))
    taken = _title_taken(ctx, title_text, retitled)
    if not private and not options.allow_duplicate_topic_titles and taken:
        errors.append("Title has already been used")
    return errors


def _title_taken(ctx: Context, title: str, retitled: int | None) -> bool:
    """Topic's ``unique_among`` validation: another topic that is not a message (closed
    or archived ones too) has this title, in any case (SQLite's lower() knows only ASCII)."""
    wanted = title.lower()
    topics = ctx.store.all(
        "SELECT title FROM topics WHERE archetype != 'private_message' AND id != ?",
        (retitled or 0,),
    )
    return any(row["title"].lower() == wanted for row in topics)


def body_errors(ctx: Context, raw: str, *, private: bool, new_topic: bool) -> list[str]:
    options = ctx.options
    body = raw.strip()
    if private:
        minimum = options.min_personal_message_post_length
    elif new_topic:
        minimum = options.min_first_post_length
    else:
        minimum = options.min_post_length
    # PostValidator: stripped_length, then raw_quality, each adding its own.
    errors = []
    if len(body) < minimum:
        errors.append(f"Body is too short (minimum is {minimum} characters)")
    elif len(body) > options.max_post_length:
        errors.append(f"Body is too long (maximum is {options.max_post_length} characters)")
    return errors + body_unclear(raw, options, private=private)


def _repeat_errors(ctx: Context, user: sqlite3.Row, raw: str, *, private: bool) -> list[str]:
    """PostValidator#unique_post_validator: the member posted these very words (topics and
    messages apart) within ``unique_posts_mins``; staff are exempt."""
    minutes = ctx.options.unique_posts_mins
    if minutes <= 0 or is_staff(user):
        return []
    since = iso(datetime.now(UTC) - timedelta(minutes=minutes))
    rows = ctx.store.all(
        "SELECT p.raw, t.archetype FROM posts p JOIN topics t ON t.id = p.topic_id"
        " WHERE p.user_id = ? AND p.created_at >= ?",
        (user["id"], since),
    )
    words = raw.strip()
    if any(
        row["raw"].strip() == words and (row["archetype"] == "private_message") == private
        for row in rows
    ):
        return ["Body is too similar to what you recently posted"]
    return []


def _category_errors(ctx: Context, category: sqlite3.Row | None) -> list[str]:
    """The Topic model's ``validates :category_id, presence, exclusion`` while
    allow_uncategorized_topics is off: it applies to staff too (Discourse dropped their
    exemption), so an admin whom /site.json lets start topics there still cannot."""
    if ctx.options.allow_uncategorized_topics:
        return []
    if category is None:
        return ["Category can't be blank"]
    if category["slug"] == UNCATEGORIZED_SLUG:
        return ["Category is reserved"]
    return []


def _needs_moderation(ctx: Context, user: sqlite3.Row, raw: str, title: str | None) -> bool:
    if user["username"].lower() in {u.lower() for u in ctx.options.moderated_usernames}:
        return True
    return bool(watched_words.matches(ctx.options.moderated_words, f"{title or ''} {raw}"))


def create_post(ctx: Context, _m: re.Match[str]) -> Response:
    params = ctx.request.params
    user = signed_in(ctx.viewer)
    raw = params.text("raw")
    if raw is None or not raw.strip():
        raise missing_param("raw")
    raw = clean_raw(raw)
    topic_id = params.integer("topic_id")
    reply_to = params.integer("reply_to_post_number")
    title = params.text("title")
    if title is not None:  # the Topic model's before_validation
        title = clean_title(title, prettify=ctx.options.title_prettify)
    archetype = params.text("archetype") or "regular"
    if archetype not in ("regular", "private_message"):
        raise invalid_param("archetype")
    recipients: list[sqlite3.Row] = []
    topic: sqlite3.Row | None = None
    category_id: int | None = None
    category: sqlite3.Row | None = None
    private = archetype == "private_message"
    if topic_id is not None:
        topic = visible_topic(ctx, topic_id)
        if slow := slow_mode_errors(ctx.store, topic, user):  # PostCreator#valid?, first
            raise rejected(slow, "create_post")
        if topic["archetype"] == "private_message" and user["id"] not in ctx.store.allowed_user_ids(
            topic["id"]
        ):
            raise invalid_access()
        private = topic["archetype"] == "private_message"
        if not can_post_in(topic, user):
            raise rejected([TOPIC_NOT_FOUND], "create_post")
        if reply_to is not None and not ctx.store.scalar(
            "SELECT COUNT(*) FROM posts WHERE topic_id = ? AND post_number = ?",
            (topic_id, reply_to),
        ):
            reply_to = None  # Discourse ignores a reply target that is not in the topic
    elif private:
        names = params.text("target_recipients") or params.text("target_usernames") or ""
        wanted = [n.strip() for n in names.split(",") if n.strip()]
        if not wanted:
            raise rejected(["You must choose a valid user."], "create_post")
        for name in wanted:
            found = ctx.store.user_by_name(name)
            if found is None:
                raise rejected([f'Sorry, you can\'t send a message to "{name}".'], "create_post")
            recipients.append(found)
    else:
        category_param = params.integer("category")
        if category_param is not None:
            category = ctx.store.one("SELECT * FROM categories WHERE id = ?", (category_param,))
            if category is None:  # TopicCreator: InvalidParameters.new(:category)
                raise invalid_param("category")
            if not can_start_topic_in(category, user, ctx.options):
                raise invalid_access()  # TopicCreator: guardian.ensure_can_create!(Topic, ...)
        # Topic#ensure_topic_has_a_category files a topic sent without one in Uncategorized.
        category_id = (
            category["id"]
            if category is not None
            else ctx.store.scalar("SELECT id FROM categories WHERE slug = ?", (UNCATEGORIZED_SLUG,))
        )
    # NewPostManager#perform refuses a blocked word before any other check (staff aside).
    if not is_staff(user) and (
        blocked := watched_words.blocked_errors(ctx.options.blocked_words, f"{title or ''} {raw}")
    ):
        raise rejected(blocked, "created_post")
    new_topic = topic_id is None
    errors: list[str] = []
    if new_topic:
        # In the order the Topic model validates: title, then category.
        errors += title_errors(ctx, title, private=private)
        if not private:
            errors += _category_errors(ctx, category)
    errors += body_errors(ctx, raw, private=private, new_topic=new_topic)
    # PostValidator's order: the new-member limit, the repeat, then the run of replies.
    new_member, in_a_row = (
        reply_limit_errors(ctx.store, ctx.options, user, topic) if topic else ([], [])
    )
    errors += new_member
    errors += _repeat_errors(ctx, user, raw, private=private)
    errors += in_a_row
    if errors:
        raise rejected(errors, "create_post")
    if _needs_moderation(ctx, user, raw, title):
        return _enqueue(ctx, user, raw, title, topic_id, category_id, archetype)
    # The models' limits come after validation; a post waiting for a moderator meets none.
    member_limits = MemberLimits(ctx.store, ctx.options)
    limits = (
        member_limits.for_topic(user, private=private)
        if new_topic
        else member_limits.for_post(user, reply=True)
    )
    member_limits.check(user, limits)
    with ctx.store.transaction() as conn:
        member_limits.record(conn, user, limits)
        if topic_id is not None:
            post = add_post(
                ctx.store,
                conn,
                topic_id=topic_id,
                user_id=user["id"],
                raw=raw,
                reply_to_post_number=reply_to,
                censored=ctx.options.censored_words,
                site=ctx.base_url,
            )
        else:
            post = add_topic(
                ctx.store,
                conn,
                user_id=user["id"],
                title=(title or "").strip(),
                raw=raw,
                category_id=category_id,
                archetype=archetype,
                recipients=tuple(r["id"] for r in recipients),
                censored=ctx.options.censored_words,
                site=ctx.base_url,
            )
    return Response.json(200, post_json(ctx.store, post, user["id"], style="created"))


def _enqueue(
    ctx: Context,
    user: sqlite3.Row,
    raw: str,
    title: str | None,
    topic_id: int | None,
    category_id: int | None,
    archetype: str,
) -> Response:
    created_at = now_iso()
    with ctx.store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO pending_posts (user_id, topic_id, category_id, title, raw, archetype,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (user["id"], topic_id, category_id, title, raw, archetype, created_at),
        )
        pending_count = conn.execute(
            "SELECT COUNT(*) FROM pending_posts WHERE user_id = ?", (user["id"],)
        ).fetchone()[0]
    pending: dict[str, Any] = {
        "id": cursor.lastrowid,
        "avatar_template": avatar_template(user["username"]),
        "category_url": None,
        "created_at": created_at,
        "created_by_id": user["id"],
        "name": user["name"],
        "raw_text": raw,
        "title": title,
        "topic_id": topic_id,
        "topic_url": f"/t/{topic_id}" if topic_id else None,
        "username": user["username"],
    }
    return Response.json(
        200,
        {
            "success": True,
            "action": "enqueued",
            "pending_post": pending,
            "pending_count": pending_count,
        },
    )


def _like_action(ctx: Context) -> None:
    if ctx.request.params.integer("post_action_type_id", required=True) != 2:
        raise error(
            400, "The demo forum only supports likes (post_action_type_id 2).", "invalid_parameters"
        )


def post_action(ctx: Context, _m: re.Match[str]) -> Response:
    params = ctx.request.params
    user = signed_in(ctx.viewer)
    post = visible_post(ctx, params.integer("id", required=True) or 0)
    _like_action(ctx)
    topic = ctx.store.topic(post["topic_id"])
    if post["user_id"] == user["id"] or (topic is not None and topic["archived"]):
        raise invalid_access()  # Guardian#post_can_act? (see serializers.post_json)
    member_limits = MemberLimits(ctx.store, ctx.options)
    _limit_action(ctx, member_limits, user, post)
    daily = member_limits.for_like(user)
    member_limits.check(user, [daily])
    with ctx.store.transaction() as conn:
        if not add_like(conn, post=post, user_id=user["id"], actor=user["username"]):
            raise error(403, "You have already performed this action.", "invalid_access")
        member_limits.record(conn, user, [daily])
    # PostActionsController#create: the likes left today, which the forum's page warns of.
    headers = [
        ("Discourse-Actions-Remaining", str(member_limits.remaining(user, daily))),
        ("Discourse-Actions-Max", str(daily.most)),
    ]
    answer = post_json(ctx.store, post, user["id"], style="single")
    return Response.json(200, answer, headers=headers)


def _limit_action(
    ctx: Context, member_limits: MemberLimits, user: sqlite3.Row, post: sqlite3.Row
) -> None:
    """``PostAction.limit_action!``: counted as soon as it passes, whatever follows."""
    limit = member_limits.for_action_on(post["id"])
    member_limits.check(user, [limit])
    with ctx.store.transaction() as conn:
        member_limits.record(conn, user, [limit])


def delete_post_action(ctx: Context, match: re.Match[str]) -> Response:
    """PostActionsController#destroy: the member's like taken back (PostActionDestroyer: 404
    when there is none, 403 when Guardian#can_delete_post_action? says no); the post."""
    user = signed_in(ctx.viewer)
    post = visible_post(ctx, int(match["id"]))
    _like_action(ctx)
    liked_at = like_given_at(ctx.store, post["id"], user["id"])
    if liked_at is None:
        raise not_found()
    topic = ctx.store.topic(post["topic_id"])
    if not like_undoable(liked_at, topic is not None and bool(topic["archived"])):
        raise invalid_access()
    # Taking a like back gives no like back to the day's limit (the like is only trashed).
    _limit_action(ctx, MemberLimits(ctx.store, ctx.options), user, post)
    with ctx.store.transaction() as conn:
        remove_like(conn, post=post, user_id=user["id"])
    return Response.json(200, post_json(ctx.store, post, user["id"], style="single"))


def create_bookmark(ctx: Context, _m: re.Match[str]) -> Response:
    """A bookmark on a post, or on a whole topic (``bookmarkable_type`` Topic, as the
    bookmark button at the top of a topic makes), kept on the topic's first post."""
    params = ctx.request.params
    user = signed_in(ctx.viewer)
    kind = params.text("bookmarkable_type") or "Post"
    if kind not in ("Post", "Topic"):
        raise error(
            400,
            "The demo forum bookmarks posts and topics only (bookmarkable_type Post or Topic).",
            "invalid_parameters",
        )
    target = params.integer("bookmarkable_id", required=True) or 0
    if kind == "Topic":
        topic = visible_topic(ctx, target)
        post = ctx.store.one(
            "SELECT * FROM posts WHERE topic_id = ? AND post_number = 1", (topic["id"],)
        )
        if post is None:
            raise not_found()
    else:
        post = visible_post(ctx, target)
    with ctx.store.transaction() as conn:
        try:
            cursor = conn.execute(
                "INSERT INTO bookmarks (user_id, post_id, name, created_at, bookmarkable_type)"
                " VALUES (?, ?, ?, ?, ?)",
                (user["id"], post["id"], params.text("name"), now_iso(), kind),
            )
        except sqlite3.IntegrityError as exc:
            raise error(400, f"You have already bookmarked this {kind.lower()}.") from exc
    return Response.json(200, {"success": "OK", "id": cursor.lastrowid})


def delete_bookmark(ctx: Context, match: re.Match[str]) -> Response:
    user = signed_in(ctx.viewer)
    with ctx.store.transaction() as conn:
        cursor = conn.execute(
            "DELETE FROM bookmarks WHERE id = ? AND user_id = ?", (int(match["id"]), user["id"])
        )
    if cursor.rowcount == 0:
        raise not_found()
    return Response.json(200, {"success": "OK", "topic_bookmarked": False})


def topic_timings(ctx: Context, _m: re.Match[str]) -> Response:
    """Discourse's read tracking: ``timings[post_number]=milliseconds`` per post read, and
    ``topic_time``, the milliseconds spent in the topic (which may make the member track
    it: voicepeer.demo_forum.tracking)."""
    user = signed_in(ctx.viewer)
    params = ctx.request.params
    topic = visible_topic(ctx, params.integer("topic_id", required=True) or 0)
    try:
        numbers = [int(n) for n in params.mapping("timings")]
    except ValueError as exc:
        raise invalid_param("timings") from exc
    highest = int(
        ctx.store.scalar(
            "SELECT COALESCE(MAX(post_number), 0) FROM posts WHERE topic_id = ?", (topic["id"],)
        )
    )
    read_up_to = max((n for n in numbers if 1 <= n <= highest), default=0)
    with ctx.store.transaction() as conn:
        # PostTiming.process_timings: the member's notifications about the posts read are
        # read now (Notification.mark_posts_read).
        conn.executemany(
            "UPDATE notifications SET read = 1 WHERE user_id = ? AND topic_id = ?"
            " AND post_number = ? AND read = 0",
            [(user["id"], topic["id"], number) for number in numbers],
        )
        if read_up_to:
            record_reading(
                conn,
                user["id"],
                topic,
                read_up_to,
                params.integer("topic_time") or 0,
                ctx.options.auto_track_topics_after_s * 1000,
            )
    # Discourse answers timings with an empty 200.
    return Response.text(200, "")


ROUTES: tuple[Route, ...] = (
    route("POST", r"/posts(?:\.json)?", create_post),
    route("POST", r"/post_actions(?:\.json)?", post_action),
    route("DELETE", r"/post_actions/(?P<id>\d+)(?:\.json)?", delete_post_action),
    route("POST", r"/bookmarks(?:\.json)?", create_bookmark),
    route("DELETE", r"/bookmarks/(?P<id>\d+)(?:\.json)?", delete_bookmark),
    route("POST", r"/topics/timings(?:\.json)?", topic_timings),
)
