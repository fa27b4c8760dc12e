"""Read-only endpoints: topic lists, categories, topics and posts."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.category_watching import LEVEL_IN_CATEGORY, not_muted
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, invalid_access, invalid_param, not_found
from voicepeer.demo_forum.seed_content import UNCATEGORIZED_SLUG
from voicepeer.demo_forum.serializers import (
    POSTS_CHUNK,
    TOPICS_PER_PAGE,
    basic_user,
    new_since,
    post_json,
    topic_list_item,
)
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.demo_forum.store import is_staff
from voicepeer.demo_forum.tracking import TRACKING


def _page(ctx: Context) -> int:
    page = ctx.request.params.integer("page") or 0
    if page < 0:
        raise invalid_param("page")
    return page


def topic_list_response(
    ctx: Context,
    topics: list[sqlite3.Row],
    *,
    page: int,
    more_url: str | None,
    style: str = "latest",
    extra: dict[str, Any] | None = None,
) -> Response:
    viewer_id = ctx.viewer.user_id
    items = [topic_list_item(ctx.store, t, viewer_id, style=style) for t in topics]
    user_ids = sorted({p["user_id"] for item in items for p in item["posters"]})
    users = [basic_user(u) for uid in user_ids if (u := ctx.store.user_by_id(uid))]
    topic_list: dict[str, Any] = {
        "can_create_topic": ctx.viewer.user is not None,
        "per_page": TOPICS_PER_PAGE,
        "topics": items,
    }
    if style != "category":
        topic_list.update(draft=None, draft_key="new_topic", draft_sequence=0)
    if more_url is not None:
        topic_list["more_topics_url"] = more_url
    topic_list.update(extra or {})
    return Response.json(200, {"users": users, "primary_groups": [], "topic_list": topic_list})


NEWEST_ACTIVITY = "bumped_at DESC, id DESC"
PINNED_GLOBALLY = "pinned_globally AND pinned_at IS NOT NULL"
"""TopicQuery#prioritize_pinned_topics outside a category: only topics pinned for the
whole forum lead a list (the latest, new, unread, a member's topics); a topic pinned in
its category leads only that category's list."""


def _paged(
    ctx: Context,
    where: str,
    params: tuple[Any, ...],
    base: str,
    style: str = "latest",
    order: str = NEWEST_ACTIVITY,
    listed: int | None = None,
    *,
    pinned: str | None = PINNED_GLOBALLY,
    muted: bool = False,
) -> Response:
    """A page of the topics ``where`` says, but those of the member's muted categories
    (other than the category ``listed``; all with ``muted``). The ``pinned`` ones lead,
    the most lately pinned first, then ``order`` (TopicQuery#prioritize_pinned_topics;
    None: a list with no pinned topics, the messages)."""
    page = _page(ctx)
    unmuted, unmuted_params = ("1", ()) if muted else not_muted(ctx.viewer.user_id, listed)
    if pinned is not None:
        order = f"({pinned}) DESC, CASE WHEN {pinned} THEN pinned_at END DESC, {order}"
    rows = ctx.store.all(
        f"SELECT * FROM topics WHERE {where} AND {unmuted} ORDER BY {order} LIMIT ? OFFSET ?",
        (*params, *unmuted_params, TOPICS_PER_PAGE, page * TOPICS_PER_PAGE),
    )
    # TopicListSerializer#include_more_topics_url?: offered whenever the page is full,
    # though the next may hold nothing.
    joiner = "&" if "?" in base else "?"
    more_url = f"{base}{joiner}page={page + 1}" if len(rows) == TOPICS_PER_PAGE else None
    return topic_list_response(ctx, rows, page=page, more_url=more_url, style=style)


def latest(ctx: Context, _m: re.Match[str]) -> Response:
    return _paged(ctx, "archetype = 'regular'", (), "/latest")


def new_to(user: sqlite3.Row) -> tuple[str, tuple[Any, ...]]:
    """TopicQuery#new_filter with remove_dismissed: topics started since the member's
    new-topic start date (two days back, never before they joined) that they have not read
    nor dismissed (a topic-list condition and its parameters)."""
    return (
        "archetype = 'regular' AND created_at >= ?"
        " AND id NOT IN (SELECT topic_id FROM topic_reads WHERE user_id = ?)"
        " AND id NOT IN (SELECT topic_id FROM dismissed_topics WHERE user_id = ?)",
        (new_since(user), user["id"], user["id"]),
    )


def unread_to(user: sqlite3.Row) -> tuple[str, tuple[Any, ...]]:
    """TopicQuery.unread_filter: topics the member follows (tracking or watching:
    voicepeer.demo_forum.tracking) with posts after the last one they read."""
    return (
        "archetype = 'regular' AND id IN (SELECT r.topic_id FROM topic_reads r WHERE r.user_id = ?"
        " AND r.notification_level >= ? AND r.last_read_post_number < (SELECT MAX(post_number)"
        " FROM posts p WHERE p.topic_id = r.topic_id))",
        (user["id"], TRACKING),
    )


def new_topics(ctx: Context, _m: re.Match[str]) -> Response:
    """TopicQuery#new_results: the topics :func:`new_to` the member, newest activity first,
    pinned or not. Members only (ListController#ensure_logged_in: /new is not one of
    Discourse.anonymous_filters)."""
    where, params = new_to(signed_in(ctx.viewer))
    return _paged(ctx, where, params, "/new")


def posted_topics(ctx: Context, _m: re.Match[str]) -> Response:
    """TopicQuery#list_posted: the topics the member has posted in (``tu.posted``), newest
    activity first, pinned ones leading, muted categories kept (default_results removes
    none). Members only: /posted is not one of Discourse.anonymous_filters."""
    user = signed_in(ctx.viewer)
    where = (
        "archetype = 'regular' AND id IN (SELECT topic_id FROM posts"
        " WHERE user_id = ? AND user_deleted_at IS NULL)"
    )
    return _paged(ctx, where, (user["id"],), "/posted", muted=True)


def unread_topics(ctx: Context, _m: re.Match[str]) -> Response:
    """TopicQuery#unread_results: the topics :func:`unread_to` the member; their own topics
    first, then newest activity. Members only."""
    user = signed_in(ctx.viewer)
    where, params = unread_to(user)
    order = f"user_id != {int(user['id'])}, bumped_at DESC, id DESC"
    return _paged(ctx, where, params, "/unread", order=order)


def category_json(ctx: Context, row: sqlite3.Row) -> dict[str, Any]:
    counts = ctx.store.one(
        "SELECT COUNT(DISTINCT t.id) AS topics, COUNT(p.id) AS posts FROM topics t"
        " JOIN posts p ON p.topic_id = t.id WHERE t.category_id = ?",
        (row["id"],),
    )
    assert counts is not None
    children = [
        r[0]
        for r in ctx.store.all(
            "SELECT id FROM categories WHERE parent_category_id = ? ORDER BY position", (row["id"],)
        )
    ]
    may_start = can_start_topic_in(row, ctx.viewer.user, ctx.options)
    data: dict[str, Any] = {
        "id": row["id"],
        "name": row["name"],
        "color": row["color"],
        "text_color": row["text_color"],
        "style_type": "square",
        "emoji": None,
        "icon": None,
        "slug": row["slug"],
        "topic_count": counts["topics"],
        "post_count": counts["posts"],
        "position": row["position"],
        "description": row["description"],
        "description_text": row["description"],
        "description_excerpt": row["description"],
        "topic_url": f"/t/about-the-{row['slug']}-category/0",
        "read_restricted": False,
        # CategoryList sets permission to 1 (full) where the member may start topics and
        # leaves it null elsewhere, visitors included.
        "permission": 1 if may_start else None,
        # CategoryList#notification_levels_for: the member's own; regular for visitors.
        "notification_level": int(
            ctx.store.scalar(LEVEL_IN_CATEGORY, (ctx.viewer.user_id, row["id"]))
        ),
        "can_edit": False,
        "topic_template": None,
        "topic_title_placeholder": None,
        "has_children": False,
        "subcategory_count": None,
        "sort_order": None,
        "sort_ascending": None,
        "show_subcategory_list": False,
        "num_featured_topics": 3,
        "default_view": None,
        "subcategory_list_style": "rows",
        "default_top_period": "all",
        "default_list_filter": "all",
        "minimum_required_tags": 0,
        "navigate_to_first_post_after_read": False,
        "topics_day": 0,
        "topics_week": 0,
        "topics_month": 0,
        "topics_year": 0,
        "topics_all_time": counts["topics"],
        "subcategory_ids": children,
        "uploaded_logo": None,
        "uploaded_logo_dark": None,
        "uploaded_background": None,
        "uploaded_background_dark": None,
    }
    data.update(has_children=bool(children), subcategory_count=len(children) or None)
    if row["parent_category_id"] is not None:
        data["parent_category_id"] = row["parent_category_id"]
    return data


def can_start_topic_in(
    category: sqlite3.Row, user: sqlite3.Row | None, options: DemoForumOptions
) -> bool:
    """Category.topic_create_allowed: staff may start topics anywhere; members not where
    the category keeps that to staff, nor in Uncategorized unless
    ``allow_uncategorized_topics`` is on. (A topic there is still refused to staff too,
    by the Topic model's own check: see writing.py.)"""
    if user is None:
        return False
    if is_staff(user):
        return True
    if category["staff_start_topics"]:
        return False
    return options.allow_uncategorized_topics or category["slug"] != UNCATEGORIZED_SLUG


def categories(ctx: Context, _m: re.Match[str]) -> Response:
    # Top-level categories; with include_subcategories=true each lists its subcategories.
    # Uncategorized is left out unless topics may be started there (CategoryList#prune_empty,
    # for staff too): /site.json still lists it, for naming the topics filed in it.
    rows = ctx.store.all(
        "SELECT * FROM categories WHERE parent_category_id IS NULL ORDER BY position"
    )
    listed = [
        category_json(ctx, row)
        for row in rows
        if ctx.options.allow_uncategorized_topics or row["slug"] != UNCATEGORIZED_SLUG
    ]
    if (ctx.request.params.text("include_subcategories") or "").lower() == "true":
        for item in listed:
            item["subcategory_list"] = [
                category_json(ctx, sub)
                for sub in ctx.store.all(
                    "SELECT * FROM categories WHERE parent_category_id = ? ORDER BY position",
                    (item["id"],),
                )
            ]
    return Response.json(
        200,
        {
            "category_list": {
                "can_create_category": False,
                "can_create_topic": ctx.viewer.user is not None,
                "categories": listed,
            }
        },
    )


def category_topics(ctx: Context, match: re.Match[str]) -> Response:
    category = ctx.store.one("SELECT * FROM categories WHERE id = ?", (int(match["id"]),))
    if category is None:
        raise not_found()
    return _paged(
        ctx,
        "archetype = 'regular' AND category_id = ?",
        (category["id"],),
        f"/c/{category['slug']}/{category['id']}",
        style="category",
        listed=category["id"],
        pinned=f"category_id = {int(category['id'])} AND pinned_at IS NOT NULL",
    )


def visible_topic(ctx: Context, topic_id: int) -> sqlite3.Row:
    topic = ctx.store.topic(topic_id)
    if topic is None:
        raise not_found()
    if not ctx.store.can_see_topic(topic, ctx.viewer.user_id):
        raise invalid_access()
    return topic


def topic_posts(ctx: Context, match: re.Match[str]) -> Response:
    """TopicsController#posts: the posts named by ``post_ids[]``, or the chunk after (``asc``)
    or before ``post_number``, or the first chunk."""
    topic = visible_topic(ctx, int(match["id"]))
    params = ctx.request.params
    wanted = params.integers("post_ids")
    visible, args = ctx.store.visible_posts_sql(ctx.viewer.user_id)
    where = f"topic_id = ? AND {visible}"
    near = params.integer("post_number")
    if wanted:
        marks = ",".join("?" * len(wanted))
        rows = ctx.store.all(
            f"SELECT * FROM posts WHERE {where} AND id IN ({marks}) ORDER BY post_number",
            (topic["id"], *args, *wanted),
        )
    elif near is not None:
        rows = _posts_beside(
            ctx,
            where,
            (topic["id"], *args),
            near,
            ascending=(params.text("asc") or "").lower() in ("true", "1", "t"),
        )
    else:
        rows = ctx.store.all(
            f"SELECT * FROM posts WHERE {where} ORDER BY post_number LIMIT ?",
            (topic["id"], *args, POSTS_CHUNK),
        )
    posts = [post_json(ctx.store, row, ctx.viewer.user_id) for row in rows]
    return Response.json(200, {"post_stream": {"posts": posts}, "id": topic["id"]})


def _posts_beside(
    ctx: Context, where: str, args: tuple[Any, ...], post_number: int, *, ascending: bool
) -> list[sqlite3.Row]:
    """TopicView#filter_posts_by_post_number: the chunk strictly after (or, newest first,
    before) the post with that number, or the post nearest it when it was deleted."""
    anchor = ctx.store.scalar(
        f"SELECT post_number FROM posts WHERE {where} ORDER BY abs(post_number - ?),"
        " post_number LIMIT 1",
        (*args, post_number),
    )
    if anchor is None:
        return []
    if ascending:
        return ctx.store.all(
            f"SELECT * FROM posts WHERE {where} AND post_number > ? ORDER BY post_number LIMIT ?",
            (*args, anchor, POSTS_CHUNK),
        )
    return ctx.store.all(
        f"SELECT * FROM posts WHERE {where} AND post_number < ? ORDER BY post_number DESC LIMIT ?",
        (*args, anchor, POSTS_CHUNK),
    )


def visible_post(ctx: Context, post_id: int) -> sqlite3.Row:
    """The post, when it exists and the viewer may see its topic (else 404 or 403)."""
    post = ctx.store.one("SELECT * FROM posts WHERE id = ?", (post_id,))
    if post is None:
        raise not_found()
    visible_topic(ctx, post["topic_id"])
    return post


def single_post(ctx: Context, match: re.Match[str]) -> Response:
    post = visible_post(ctx, int(match["id"]))
    return Response.json(200, post_json(ctx.store, post, ctx.viewer.user_id, style="single"))


def private_messages(ctx: Context, match: re.Match[str]) -> Response:
    user = signed_in(ctx.viewer)
    owner = ctx.store.user_by_name(match["username"])
    if owner is None:
        raise not_found()
    if owner["id"] != user["id"] and not user["admin"]:
        raise invalid_access()
    return _paged(
        ctx,
        "archetype = 'private_message' AND id IN"
        " (SELECT topic_id FROM topic_allowed_users WHERE user_id = ?)",
        (owner["id"],),
        f"/topics/private-messages/{owner['username']}",
        style="private",
        pinned=None,
    )


ROUTES: tuple[Route, ...] = (
    route("GET", r"/latest(?:\.json)?", latest),
    route("GET", r"/new(?:\.json)?", new_topics, login=True),
    route("GET", r"/unread(?:\.json)?", unread_topics, login=True),
    route("GET", r"/posted(?:\.json)?", posted_topics, login=True),
    route("GET", r"/categories(?:\.json)?", categories),
    route("GET", r"/c/(?P<slug>[^/]+)/(?P<id>\d+)(?:/l/latest)?(?:\.json)?", category_topics),
    route("GET", r"/t/(?P<id>\d+)/posts\.json", topic_posts),
    route("GET", r"/posts/(?P<id>\d+)(?:\.json)?", single_post),
    route(
        "GET",
        r"/topics/private-messages/(?P<username>[^/]+?)(?:\.json)?",
        private_messages,
        login=True,
    ),
)
