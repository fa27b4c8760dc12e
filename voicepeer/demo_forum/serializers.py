"""JSON shapes of topics, posts and lists, following the Discourse API spec per endpoint.

Discourse serializes the same post differently per endpoint, and the spec forbids extra
keys in several of them, so each shape is a full dict narrowed to that endpoint's keys.
"""

from __future__ import annotations

import html
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from typing import Any

from voicepeer.demo_forum import polls, profiles
from voicepeer.demo_forum.excerpts import without_spoilers
from voicepeer.demo_forum.fancy_title import fancy_title
from voicepeer.demo_forum.likes import like_given_at, like_undoable
from voicepeer.demo_forum.profiles import PLUGIN_POST_KEYS
from voicepeer.demo_forum.store import Store, is_staff, iso, parse_iso
from voicepeer.demo_forum.tracking import TRACKING

POSTS_CHUNK = 20
"""Posts per chunk in /t/{id}.json, as Discourse serves them."""
TOPICS_PER_PAGE = 30

_COLOURS = ("8c91f0", "e47c5d", "5fb0a3", "b573b7", "d1a03b", "6ea5d3", "9dbb4c")

# Keys per endpoint, from the spec's response schemas (additionalProperties: false there).
STREAM_POST_KEYS = (
    "id",
    "name",
    "username",
    "avatar_template",
    "created_at",
    "cooked",
    "post_number",
    "post_type",
    "updated_at",
    "reply_count",
    "reply_to_post_number",
    "quote_count",
    "incoming_link_count",
    "reads",
    "readers_count",
    "score",
    "yours",
    "topic_id",
    "topic_slug",
    "display_username",
    "primary_group_name",
    "flair_name",
    "flair_url",
    "flair_bg_color",
    "flair_color",
    "version",
    "can_edit",
    "can_delete",
    "can_recover",
    "can_see_hidden_post",
    "can_wiki",
    "link_counts",
    "read",
    "user_title",
    "bookmarked",
    "actions_summary",
    "moderator",
    "admin",
    "staff",
    "user_id",
    "hidden",
    "trust_level",
    "deleted_at",
    "user_deleted",
    "edit_reason",
    "can_view_edit_history",
    "wiki",
    "reviewable_id",
    "reviewable_score_count",
    "reviewable_score_pending_count",
    "reply_to_user",
)
CREATED_POST_KEYS = (
    *(k for k in STREAM_POST_KEYS if k not in ("link_counts", "read")),
    "raw",
    "posts_count",
    "flair_group_id",
    "badges_granted",
    "draft_sequence",
    "post_url",
    "mentioned_users",
)
CATEGORY_TOPIC_KEYS = (
    "id",
    "title",
    "fancy_title",
    "slug",
    "posts_count",
    "reply_count",
    "highest_post_number",
    "image_url",
    "created_at",
    "last_posted_at",
    "bumped",
    "bumped_at",
    "archetype",
    "unseen",
    "pinned",
    "unpinned",
    "excerpt",
    "visible",
    "closed",
    "archived",
    "bookmarked",
    "liked",
    "views",
    "like_count",
    "has_summary",
    "last_poster_username",
    "category_id",
    "pinned_globally",
    "featured_link",
    "posters",
)


def avatar_template(username: str) -> str:
    colour = _COLOURS[sum(map(ord, username)) % len(_COLOURS)]
    first = (username[:1] or "x").lower()
    return f"/letter_avatar_proxy/v4/letter/{first}/{colour}/{{size}}.png"


def basic_user(user: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": user["id"],
        "username": user["username"],
        "name": user["name"],
        "avatar_template": avatar_template(user["username"]),
    }


def excerpt(cooked: str, limit: int = 200) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", without_spoilers(cooked)))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def topic_stats(store: Store, topic_id: int) -> dict[str, Any]:
    row = store.one(
        "SELECT COUNT(*) AS n, MAX(post_number) AS highest, MAX(created_at) AS last_at"
        " FROM posts WHERE topic_id = ?",
        (topic_id,),
    )
    assert row is not None
    last = store.one(
        "SELECT u.id, u.username FROM posts p JOIN users u ON u.id = p.user_id"
        " WHERE p.topic_id = ? ORDER BY p.post_number DESC LIMIT 1",
        (topic_id,),
    )
    likes = store.scalar(
        "SELECT COUNT(*) FROM post_likes l JOIN posts p ON p.id = l.post_id WHERE p.topic_id = ?",
        (topic_id,),
    )
    first = store.one(
        "SELECT id, cooked FROM posts WHERE topic_id = ? AND post_number = 1", (topic_id,)
    )
    op_likes = store.scalar(
        "SELECT COUNT(*) FROM post_likes WHERE post_id = ?", (first["id"] if first else -1,)
    )
    posters = store.all(
        "SELECT user_id, MIN(post_number) AS first_number FROM posts WHERE topic_id = ?"
        " GROUP BY user_id ORDER BY first_number LIMIT 5",
        (topic_id,),
    )
    return {
        "posts_count": int(row["n"]),
        "highest_post_number": int(row["highest"] or 0),
        "last_posted_at": row["last_at"],
        "last_poster_username": last["username"] if last else "",
        "like_count": int(likes or 0),
        "op_like_count": int(op_likes or 0),
        "excerpt": excerpt(first["cooked"]) if first else "",
        "poster_ids": [r["user_id"] for r in posters],
        "last_poster_id": last["id"] if last else None,
    }


def topic_list_item(
    store: Store, topic: sqlite3.Row, viewer_id: int | None, *, style: str = "latest"
) -> dict[str, Any]:
    """One topic in a list; ``style`` is ``latest`` (also new/unread), ``category`` or
    ``private`` (private message lists)."""
    stats = topic_stats(store, topic["id"])
    # Like Discourse: the original poster first, then others, always the latest poster.
    poster_ids: list[int] = list(stats["poster_ids"])
    last_id = stats["last_poster_id"]
    if last_id is not None and last_id not in poster_ids:
        if len(poster_ids) >= 5:
            poster_ids[-1] = last_id
        else:
            poster_ids.append(last_id)
    posters = []
    for index, user_id in enumerate(poster_ids):
        roles = ["Original Poster"] if index == 0 else []
        if user_id == last_id:
            roles.append("Most Recent Poster")
        posters.append(
            {
                "extras": "latest" if user_id == last_id else "",
                "description": ", ".join(roles) or "Frequent Poster",
                "user_id": user_id,
                "primary_group_id": None,
            }
        )
    item: dict[str, Any] = {
        "id": topic["id"],
        "title": topic["title"],
        "fancy_title": fancy_title(topic["title"]),
        "slug": topic["slug"],
        "posts_count": stats["posts_count"],
        "reply_count": max(0, stats["posts_count"] - 1),
        "highest_post_number": stats["highest_post_number"],
        "image_url": None,
        "created_at": topic["created_at"],
        "last_posted_at": stats["last_posted_at"],
        "bumped": True,
        "bumped_at": topic["bumped_at"],
        "archetype": topic["archetype"],
        "unseen": False,
        "pinned": topic["pinned_at"] is not None,
        "unpinned": None,
        "excerpt": stats["excerpt"],
        "visible": True,
        "closed": bool(topic["closed"]),
        "archived": bool(topic["archived"]),
        "bookmarked": False,
        "liked": False,
        "views": topic["views"],
        "like_count": stats["like_count"],
        "has_summary": False,
        "last_poster_username": stats["last_poster_username"],
        "category_id": topic["category_id"],
        "op_like_count": stats["op_like_count"],
        "pinned_globally": bool(topic["pinned_globally"]),
        "featured_link": None,
        "posters": posters,
    }
    tracking = (
        _tracking(store, topic, viewer_id, stats["highest_post_number"])
        if viewer_id is not None
        else {}
    )
    item.update(tracking)
    if style == "category":
        # The same TopicListItemSerializer as /latest.json: a member's reading of each topic
        # (what the spec's example, made without one, leaves out), nothing for a visitor.
        narrowed = {key: item[key] for key in CATEGORY_TOPIC_KEYS}
        narrowed.update(tracking or {"bookmarked": None, "liked": None})
        return narrowed
    del item["image_url"]  # the spec types it as a plain string in /latest.json
    if style == "private":
        allowed = sorted(store.allowed_user_ids(topic["id"]))
        item["allowed_user_count"] = len(allowed)
        item["participants"] = [
            {"extras": "", "description": None, "user_id": uid, "primary_group_id": None}
            for uid in allowed
        ]
    return item


NEW_TOPIC_DURATION = timedelta(days=2)
"""How long a topic a member has not opened counts as new to them (Discourse's default
new_topic_duration_minutes, 2880), never from before they joined."""


def new_since(member: sqlite3.Row) -> str:
    """The member's treat_as_new_topic_start_date: topics started since may be new to them."""
    return max(str(member["created_at"]), iso(datetime.now(UTC) - NEW_TOPIC_DURATION))


def _unseen(store: Store, topic: sqlite3.Row, viewer_id: int, last_read: int | None) -> bool:
    """ListableTopicSerializer#unseen: never read, and started since the member's
    treat_as_new_topic_start_date."""
    viewer = store.user_by_id(viewer_id)
    if last_read is not None or viewer is None:
        return False
    return str(topic["created_at"]) >= new_since(viewer)


def _tracking(store: Store, topic: sqlite3.Row, viewer_id: int, highest: int) -> dict[str, Any]:
    topic_id = topic["id"]
    read = store.reading(viewer_id, topic_id)  # one look at the row for both
    last_read = None if read is None else int(read["last_read_post_number"])
    level = None if read is None else int(read["notification_level"])
    bookmarked = bool(
        store.scalar(
            "SELECT COUNT(*) FROM bookmarks b JOIN posts p ON p.id = b.post_id"
            " WHERE b.user_id = ? AND p.topic_id = ?",
            (viewer_id, topic_id),
        )
    )
    liked = bool(
        store.scalar(
            "SELECT COUNT(*) FROM post_likes l JOIN posts p ON p.id = l.post_id"
            " WHERE l.user_id = ? AND p.topic_id = ?",
            (viewer_id, topic_id),
        )
    )
    # Unread posts are counted only in a topic the member follows (Unread#unread_posts).
    followed = level is not None and level >= TRACKING
    unread = max(0, highest - last_read) if last_read is not None and followed else 0
    tracking: dict[str, Any] = {
        "unseen": _unseen(store, topic, viewer_id, last_read),
        "bookmarked": bookmarked,
        "liked": liked,
        "unread_posts": unread,
        "new_posts": unread,
        "unread": 0,
    }
    if last_read is not None:
        tracking["last_read_post_number"] = last_read
        tracking["notification_level"] = level
    return tracking


def can_delete_post(post: sqlite3.Row, topic: sqlite3.Row, viewer_id: int | None) -> bool:
    """Guardian#can_delete_post? for a member's own post: never a topic's first post,
    nothing in an archived topic, nothing deleted already (staff deleting others' posts is
    not imitated)."""
    return (
        viewer_id == post["user_id"]
        and post["post_number"] > 1
        and not topic["archived"]
        and not post["user_deleted"]
    )


POST_EDIT_TIME_LIMIT = timedelta(minutes=1440)
"""How long a member below trust level 2 may edit their post (Discourse's site setting
post_edit_time_limit, default 1440 minutes)."""
TL2_POST_EDIT_TIME_LIMIT = timedelta(minutes=43_200)
"""The same from trust level 2 up (tl2_post_edit_time_limit, default 43200 minutes)."""


def edit_time_expired(post: sqlite3.Row, author: sqlite3.Row) -> bool:
    """LimitedEdit#edit_time_limit_expired? for the post's author."""
    limit = POST_EDIT_TIME_LIMIT if int(author["trust_level"]) < 2 else TL2_POST_EDIT_TIME_LIMIT
    return datetime.now(UTC) - parse_iso(post["created_at"]) > limit


def can_edit_post(post: sqlite3.Row, topic: sqlite3.Row, viewer: sqlite3.Row | None) -> bool:
    """Guardian#can_edit_post?: staff always (here: where the topic takes posts), a member
    their own post while it is not deleted, not in an archived topic, and within the edit
    time limit (a closed topic does not stop it)."""
    if viewer is None:
        return False
    if is_staff(viewer):
        return True
    if topic["archived"] or post["user_deleted"] or viewer["id"] != post["user_id"]:
        return False
    return not edit_time_expired(post, viewer)


DELETE_REMOVED_POSTS_AFTER = timedelta(hours=24)
"""How long a post its author deleted stays a stub the author may bring back (Discourse's
site setting delete_removed_posts_after, default 24 hours; its job then trashes the post).
Here the stub stays in place afterwards, and only bringing it back ends."""


def can_recover_post(post: sqlite3.Row, viewer_id: int | None) -> bool:
    """Guardian#can_recover_post? for a member's own post: one they deleted themselves, while
    it is still a stub (the deletion limits, which also stop recovering, are the handler's)."""
    if viewer_id != post["user_id"] or not post["user_deleted"]:
        return False
    deleted_at = post["user_deleted_at"]
    return deleted_at is None or datetime.now(UTC) - parse_iso(deleted_at) < (
        DELETE_REMOVED_POSTS_AFTER
    )


def can_delete_topic(store: Store, topic: sqlite3.Row, viewer_id: int | None) -> bool:
    """Guardian#can_delete_topic? for a member's own topic: while it has no replies and in
    its first 24 hours (not after its author deleted it already)."""
    if viewer_id != topic["user_id"]:
        return False
    posts = store.all("SELECT user_deleted FROM posts WHERE topic_id = ?", (topic["id"],))
    return (
        len(posts) <= 1
        and not any(p["user_deleted"] for p in posts)
        and datetime.now(UTC) - parse_iso(topic["created_at"]) < timedelta(hours=24)
    )


def post_json(
    store: Store, post: sqlite3.Row, viewer_id: int | None, *, style: str = "stream"
) -> dict[str, Any]:
    """One post; ``style`` is ``stream`` (/t/{id}.json, /t/{id}/posts.json), ``single``
    (/posts/{id}.json, /post_actions.json) or ``created`` (POST /posts.json)."""
    topic = store.topic(post["topic_id"])
    author = store.user_by_id(post["user_id"])
    assert topic is not None and author is not None
    reply_count = store.scalar(
        "SELECT COUNT(*) FROM posts WHERE topic_id = ? AND reply_to_post_number = ?",
        (post["topic_id"], post["post_number"]),
    )
    likes = int(store.scalar("SELECT COUNT(*) FROM post_likes WHERE post_id = ?", (post["id"],)))
    liked_at = like_given_at(store, post["id"], viewer_id) if viewer_id is not None else None
    liked = liked_at is not None
    bookmarked = viewer_id is not None and bool(
        store.scalar(
            "SELECT COUNT(*) FROM bookmarks WHERE post_id = ? AND user_id = ?"
            " AND bookmarkable_type = 'Post'",
            (post["id"], viewer_id),
        )
    )
    last_read = store.last_read(viewer_id, post["topic_id"])
    yours = viewer_id == post["user_id"]
    viewer = store.user_by_id(viewer_id) if viewer_id is not None else None
    deleted = bool(post["user_deleted"])
    # Guardian#post_can_act?: signed in, not one's own post, not liked yet, and nothing
    # but flags in an archived topic. PostSerializer lists the summary only with a count
    # or can_act.
    like_action: dict[str, Any] = {"id": 2}
    if viewer_id is not None and not (yours or liked or topic["archived"]):
        like_action["can_act"] = True
    if likes:
        like_action["count"] = likes
    if liked_at is not None:
        like_action["acted"] = True
        if like_undoable(liked_at, bool(topic["archived"])):
            like_action["can_undo"] = True
    data: dict[str, Any] = {
        "id": post["id"],
        "name": author["name"],
        "username": author["username"],
        "avatar_template": avatar_template(author["username"]),
        "created_at": post["created_at"],
        "cooked": post["cooked"],
        "post_number": post["post_number"],
        "post_type": post["post_type"],
        "updated_at": post["created_at"],
        "reply_count": int(reply_count or 0),
        "reply_to_post_number": post["reply_to_post_number"],
        "quote_count": post["cooked"].count('<aside class="quote'),
        "incoming_link_count": 0,
        "reads": 1,
        "readers_count": 0,
        "score": 0,
        "yours": yours,
        "topic_id": post["topic_id"],
        "topic_slug": topic["slug"],
        "display_username": author["name"],
        "primary_group_name": None,
        "flair_name": None,
        "flair_url": None,
        "flair_bg_color": None,
        "flair_color": None,
        "flair_group_id": None,
        "version": 1,
        "can_edit": can_edit_post(post, topic, viewer),
        "can_delete": can_delete_post(post, topic, viewer_id),
        "can_recover": can_recover_post(post, viewer_id),
        "can_see_hidden_post": False,
        "can_wiki": False,
        "link_counts": [],
        "read": last_read is not None and post["post_number"] <= last_read,
        "user_title": None,
        "bookmarked": bookmarked,
        "actions_summary": [like_action] if len(like_action) > 1 else [],
        "moderator": bool(author["moderator"]),
        "admin": bool(author["admin"]),
        "staff": is_staff(author),
        "user_id": author["id"],
        "hidden": False,
        "trust_level": author["trust_level"],
        "deleted_at": None,
        "user_deleted": deleted,
        "edit_reason": None,
        "can_view_edit_history": True,
        "wiki": False,
        "reviewable_id": 0,
        "reviewable_score_count": 0,
        "reviewable_score_pending_count": 0,
        "raw": post["raw"],
        "posts_count": int(
            store.scalar("SELECT COUNT(*) FROM posts WHERE topic_id = ?", (post["topic_id"],))
        ),
        "post_url": f"/t/{topic['slug']}/{topic['id']}/{post['post_number']}",
        "badges_granted": [],
        "draft_sequence": 0,
        "mentioned_users": [],
    }
    data.update(profiles.post_fields(store, post, viewer_id))
    data.update(polls.post_fields(store, post, viewer))
    if post["reply_to_post_number"]:
        parent_author = store.one(
            "SELECT u.* FROM posts p JOIN users u ON u.id = p.user_id"
            " WHERE p.topic_id = ? AND p.post_number = ?",
            (post["topic_id"], post["reply_to_post_number"]),
        )
        if parent_author is not None:
            data["reply_to_user"] = {
                "username": parent_author["username"],
                "name": parent_author["name"],
                "avatar_template": avatar_template(parent_author["username"]),
            }
    if post["action_code"]:  # Discourse includes it only on small-action posts
        data["action_code"] = post["action_code"]
    if style == "stream":
        narrowed = {
            key: data[key]
            for key in (*STREAM_POST_KEYS, *PLUGIN_POST_KEYS, *polls.POST_KEYS)
            if key in data
        }
        if "action_code" in data:
            narrowed["action_code"] = data["action_code"]
        return narrowed
    if style == "created":
        return {
            key: data[key]
            for key in (*CREATED_POST_KEYS, *PLUGIN_POST_KEYS, *polls.POST_KEYS)
            if key in data
        }
    data.pop("link_counts")
    data.pop("read")
    return data
