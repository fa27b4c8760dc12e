"""Members and the signed-in member's saved posts: user cards, user search, bookmark list,
and the lists of topics and messages a member started — shaped as Discourse serves them
(``UserCardSerializer``, ``GroupsController#show``, ``UsersController#search_users``,
``UserBookmarkListSerializer``)."""

from __future__ import annotations

import re
from typing import Any

from voicepeer.demo_forum import profiles
from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.excerpts import post_excerpt
from voicepeer.demo_forum.fancy_title import fancy_title
from voicepeer.demo_forum.http_api import Response, invalid_access, not_found
from voicepeer.demo_forum.reading import _paged
from voicepeer.demo_forum.serializers import avatar_template, basic_user

USER_SEARCH_LIMIT = 20
BOOKMARKS_PER_PAGE = 20


def user_card(ctx: Context, match: re.Match[str]) -> Response:
    user = ctx.store.user_by_name(match["username"])
    if user is None:
        raise not_found()
    about = profiles.profile(ctx.store, user["id"])
    card: dict[str, Any] = {
        **basic_user(user),
        "created_at": user["created_at"],
        "title": about["title"],
        "primary_group_name": about["primary_group_name"],
        "flair_name": about["flair_name"],
        "admin": bool(user["admin"]),
        "moderator": bool(user["moderator"]),
        "trust_level": user["trust_level"],
        "can_send_private_message_to_user": ctx.viewer.user is not None,
    }
    return Response.json(200, {"user": card})


def group_page(ctx: Context, match: re.Match[str]) -> Response:
    found = profiles.group(ctx.store, match["name"])
    if found is None:
        raise not_found()
    visible = [r["name"] for r in ctx.store.all("SELECT name FROM member_groups WHERE visible")]
    return Response.json(200, {"group": found, "extras": {"visible_group_names": visible}})


def search_users(ctx: Context, _m: re.Match[str]) -> Response:
    term = (ctx.request.params.text("term") or "").strip().lower().lstrip("@")
    if not term:
        return Response.json(200, {"users": []})
    # Discourse matches the start of the username or of any word of the full name.
    rows = ctx.store.all(
        "SELECT * FROM users WHERE lower(username) LIKE ? ESCAPE '\\'"
        " OR lower(name) LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE '\\'"
        " ORDER BY lower(username) = ? DESC, username LIMIT ?",
        (*(_like(term, p) for p in ("{}%", "{}%", "% {}%")), term, USER_SEARCH_LIMIT),
    )
    users = [
        {
            "username": r["username"],
            "name": r["name"],
            "avatar_template": avatar_template(r["username"]),
        }
        for r in rows
    ]
    return Response.json(200, {"users": users})


def _like(term: str, pattern: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return pattern.format(escaped)


def _owner(ctx: Context, username: str) -> int:
    user = signed_in(ctx.viewer)
    owner = ctx.store.user_by_name(username)
    if owner is None:
        raise not_found()
    if owner["id"] != user["id"]:
        raise invalid_access()
    return int(owner["id"])


def bookmarks(ctx: Context, match: re.Match[str]) -> Response:
    owner_id = _owner(ctx, match["username"])
    page = max(0, ctx.request.params.integer("page") or 0)
    rows = ctx.store.all(
        "SELECT b.id AS bookmark_id, b.name AS bookmark_name, b.created_at AS bookmarked_at,"
        " b.bookmarkable_type, p.*, t.title, t.slug, t.archetype, t.category_id FROM bookmarks b"
        " JOIN posts p ON p.id = b.post_id JOIN topics t ON t.id = p.topic_id"
        " WHERE b.user_id = ? ORDER BY b.id DESC LIMIT ? OFFSET ?",
        (owner_id, BOOKMARKS_PER_PAGE, page * BOOKMARKS_PER_PAGE),
    )
    if not rows and page == 0:
        # Discourse's answer when there is nothing bookmarked: no list at all.
        return Response.json(
            200, {"bookmarks": [], "no_results_help": "You haven't bookmarked anything yet."}
        )
    listing: dict[str, Any] = {"bookmarks": [_bookmark(ctx, row) for row in rows]}
    # UserBookmarkListSerializer: the next page's address only while there is one (has_more,
    # from BookmarkQuery's count), not whenever a page is full.
    count = ctx.store.scalar(
        "SELECT COUNT(*) FROM bookmarks b JOIN posts p ON p.id = b.post_id"
        " JOIN topics t ON t.id = p.topic_id WHERE b.user_id = ?",
        (owner_id,),
    )
    if (page + 1) * BOOKMARKS_PER_PAGE < int(count):
        listing["more_bookmarks_url"] = f"/u/{match['username']}/bookmarks.json?page={page + 1}"
    return Response.json(200, {"user_bookmark_list": listing})


def _bookmark(ctx: Context, row: Any) -> dict[str, Any]:
    author = ctx.store.user_by_id(row["user_id"])
    assert author is not None
    shown = {
        "id": row["bookmark_id"],
        "created_at": row["bookmarked_at"],
        "updated_at": row["bookmarked_at"],
        "name": row["bookmark_name"],
        "reminder_at": None,
        "pinned": False,
        "title": row["title"],
        "fancy_title": fancy_title(row["title"]),
        "excerpt": post_excerpt(row["cooked"]),
        "bookmarkable_id": row["id"],
        "bookmarkable_type": "Post",
        "bookmarkable_url": f"{ctx.base_url}/t/{row['slug']}/{row['topic_id']}/"
        f"{row['post_number']}",
        "topic_id": row["topic_id"],
        "linked_post_number": row["post_number"],
        "deleted": False,
        "hidden": False,
        "category_id": row["category_id"],
        "archetype": row["archetype"],
        "slug": row["slug"],
        "post_user_username": author["username"],
        "user": basic_user(author),
    }
    if row["bookmarkable_type"] == "Topic":
        shown.update(_topic_bookmark(ctx, row))
    return shown


def _topic_bookmark(ctx: Context, row: Any) -> dict[str, Any]:
    """What UserTopicBookmarkSerializer says differently: the topic is the bookmarkable,
    linked to post 1 (Discourse's own pages open it at the first unread post), with how far
    the member has read; the excerpt is of that first unread post once some is read."""
    topic_id = row["topic_id"]
    last_read = ctx.store.last_read(ctx.viewer.user["id"] if ctx.viewer.user else None, topic_id)
    highest = int(
        ctx.store.scalar("SELECT MAX(post_number) FROM posts WHERE topic_id = ?", (topic_id,))
    )
    cooked = row["cooked"]
    if last_read is not None:
        unread = ctx.store.scalar(
            "SELECT cooked FROM posts WHERE topic_id = ? AND post_number >= ? AND post_type = 1"
            " ORDER BY post_number LIMIT 1",
            (topic_id, min(last_read + 1, highest)),
        )
        cooked = unread or cooked
    return {
        "bookmarkable_id": topic_id,
        "bookmarkable_type": "Topic",
        "bookmarkable_url": f"{ctx.base_url}/t/{row['slug']}/{topic_id}",
        "linked_post_number": 1,
        "excerpt": post_excerpt(cooked),
        "last_read_post_number": last_read,
        "highest_post_number": highest,
    }


def topics_created_by(ctx: Context, match: re.Match[str]) -> Response:
    owner = ctx.store.user_by_name(match["username"])
    if owner is None:
        raise not_found()
    return _paged(
        ctx,
        "archetype = 'regular' AND user_id = ?",
        (owner["id"],),
        f"/topics/created-by/{owner['username']}",
        muted=True,  # TopicQuery#list_topics_by removes no muted category
    )


def messages_sent(ctx: Context, match: re.Match[str]) -> Response:
    owner_id = _owner(ctx, match["username"])
    return _paged(
        ctx,
        "archetype = 'private_message' AND user_id = ?",
        (owner_id,),
        f"/topics/private-messages-sent/{match['username']}",
        style="private",
        pinned=None,
    )


ROUTES: tuple[Route, ...] = (
    route("GET", r"/u/search/users(?:\.json)?", search_users),
    route("GET", r"/u/(?P<username>[^/]+?)/card(?:\.json)?", user_card),
    route("GET", r"/g/(?P<name>[^/]+?)(?:\.json)?", group_page),
    route("GET", r"/u/(?P<username>[^/]+?)/bookmarks(?:\.json)?", bookmarks, login=True),
    route("GET", r"/topics/created-by/(?P<username>[^/]+?)(?:\.json)?", topics_created_by),
    route(
        "GET",
        r"/topics/private-messages-sent/(?P<username>[^/]+?)(?:\.json)?",
        messages_sent,
        login=True,
    ),
)
