"""GET /t/{id}.json: a topic with its first chunk of posts and every post id."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from voicepeer.demo_forum import slow_mode
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.fancy_title import fancy_title
from voicepeer.demo_forum.http_api import Response
from voicepeer.demo_forum.pending import topic_pending_posts
from voicepeer.demo_forum.reading import visible_topic
from voicepeer.demo_forum.retitling import can_edit_topic
from voicepeer.demo_forum.serializers import (
    POSTS_CHUNK,
    avatar_template,
    basic_user,
    can_delete_topic,
    post_json,
)
from voicepeer.demo_forum.slow_mode import last_posted_at
from voicepeer.demo_forum.topic_status import can_post_in
from voicepeer.demo_forum.tracking import REGULAR

MAX_PARTICIPANTS = 24
"""Members named in a topic's ``details.participants`` at most (TopicView)."""


def _days_ago(stamp: str) -> int:
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return max(0, (datetime.now(UTC) - moment).days)


def show_topic(ctx: Context, match: re.Match[str]) -> Response:
    store = ctx.store
    topic = visible_topic(ctx, int(match["id"]))
    viewer_id = ctx.viewer.user_id
    with store.transaction() as conn:
        conn.execute("UPDATE topics SET views = views + 1 WHERE id = ?", (topic["id"],))
    # Only ids and numbers for the whole stream (from the index); full rows for the chunk.
    visible, args = store.visible_posts_sql(viewer_id)
    posts = store.all(
        f"SELECT id, post_number FROM posts WHERE topic_id = ? AND {visible} ORDER BY post_number",
        (topic["id"], *args),
    )
    last_post = store.one(
        f"SELECT user_id, created_at FROM posts WHERE topic_id = ? AND {visible}"
        " ORDER BY post_number DESC LIMIT 1",
        (topic["id"], *args),
    )
    # Discourse leaves the list of every post id out of mega topics (TopicView#is_mega_topic?
    # and PostStreamSerializerMixin): clients page them by post number instead.
    mega = len(posts) >= ctx.options.mega_topic_posts_count
    start = 0
    near = match.groupdict().get("post_number")
    if near:  # /t/{id}/{post_number}.json: the chunk that holds that post
        numbers = [p["post_number"] for p in posts]
        target = int(near)
        index = next((i for i, n in enumerate(numbers) if n >= target), max(0, len(numbers) - 1))
        start = max(0, min(index, len(posts) - POSTS_CHUNK))
    chunk_ids = [p["id"] for p in posts[start : start + POSTS_CHUNK]]
    chunk = store.all(
        f"SELECT * FROM posts WHERE id IN ({','.join('?' * len(chunk_ids))}) ORDER BY post_number",
        chunk_ids,
    )
    author = store.user_by_id(topic["user_id"])
    last_author = store.user_by_id(last_post["user_id"]) if last_post else author
    assert author is not None and last_author is not None
    # TopicView#post_counts_by_user: posts the viewer may see, small actions left out, the
    # 24 who wrote most (none for a mega topic, and then no participants at all).
    posters = (
        f"FROM posts p JOIN users u ON u.id = p.user_id WHERE p.topic_id = ?"
        f" AND p.action_code IS NULL AND {visible}"
    )
    participants = (
        []
        if mega
        else store.all(
            f"SELECT u.*, COUNT(p.id) AS post_count {posters}"
            f" GROUP BY u.id ORDER BY post_count DESC, MIN(p.post_number) LIMIT {MAX_PARTICIPANTS}",
            (topic["id"], *args),
        )
    )
    participant_count = len(participants)
    if participant_count == MAX_PARTICIPANTS:  # TopicView#participant_count
        participant_count = int(
            store.scalar(f"SELECT COUNT(DISTINCT p.user_id) {posters}", (topic["id"], *args))
        )
    likes = int(
        store.scalar(
            "SELECT COUNT(*) FROM post_likes l JOIN posts p ON p.id = l.post_id"
            " WHERE p.topic_id = ?",
            (topic["id"],),
        )
    )
    bookmarks = []
    if viewer_id is not None:
        for row in store.all(
            "SELECT b.* FROM bookmarks b JOIN posts p ON p.id = b.post_id"
            " WHERE b.user_id = ? AND p.topic_id = ?",
            (viewer_id, topic["id"]),
        ):
            bookmarks.append(
                {
                    "id": row["id"],
                    "bookmarkable_id": (
                        topic["id"] if row["bookmarkable_type"] == "Topic" else row["post_id"]
                    ),
                    "bookmarkable_type": row["bookmarkable_type"],
                    "name": row["name"],
                    "reminder_at": None,
                }
            )
    words = int(
        store.scalar("SELECT COALESCE(SUM(words), 0) FROM posts WHERE topic_id = ?", (topic["id"],))
    )
    post_stream: dict[str, Any] = {"posts": [post_json(store, p, viewer_id) for p in chunk]}
    if mega:
        post_stream.update(isMegaTopic=True, lastId=posts[-1]["id"])
    else:
        post_stream["stream"] = [p["id"] for p in posts]
    poster = ctx.viewer.user
    data: dict[str, Any] = {
        "post_stream": post_stream,
        "timeline_lookup": [[1, _days_ago(topic["created_at"])]],
        "suggested_topics": [],
        "tags": [],
        "tags_descriptions": {},
        "id": topic["id"],
        "title": topic["title"],
        "fancy_title": fancy_title(topic["title"]),
        "posts_count": len(posts),
        "created_at": topic["created_at"],
        "views": topic["views"] + 1,
        "reply_count": max(0, len(posts) - 1),
        "like_count": likes,
        "last_posted_at": last_post["created_at"] if last_post else None,
        "visible": True,
        "closed": bool(topic["closed"]),
        "archived": bool(topic["archived"]),
        "has_summary": False,
        "archetype": topic["archetype"],
        "slug": topic["slug"],
        "category_id": topic["category_id"],
        "word_count": words,
        "deleted_at": None,
        "user_id": topic["user_id"],
        "featured_link": None,
        "pinned_globally": bool(topic["pinned_globally"]),
        "pinned_at": topic["pinned_at"],
        "pinned_until": None,
        "image_url": None,
        "slow_mode_seconds": slow_mode.interval(topic),
        "draft": None,
        "draft_key": f"topic_{topic['id']}",
        "draft_sequence": 0,
        "unpinned": None,
        "pinned": topic["pinned_at"] is not None,
        "current_post_number": chunk[0]["post_number"] if chunk else 1,
        "highest_post_number": posts[-1]["post_number"] if posts else 0,
        "deleted_by": None,
        "has_deleted": False,
        "actions_summary": [
            {"id": n, "count": 0, "hidden": False, "can_act": viewer_id is not None}
            for n in (4, 8, 10, 7)
        ],
        "chunk_size": POSTS_CHUNK,
        "bookmarked": bool(bookmarks),
        "bookmarks": bookmarks,
        "topic_timer": None,
        "message_bus_last_id": 0,
        "participant_count": participant_count,
        "show_read_indicator": False,
        "thumbnails": None,
        "slow_mode_enabled_until": slow_mode.ends_at(topic),
        "details": {
            "can_edit": can_edit_topic(store, ctx.options, topic, poster),
            "notification_level": store.following(viewer_id, topic["id"]) or REGULAR,
            "can_move_posts": False,
            "can_delete": can_delete_topic(store, topic, viewer_id),
            "can_remove_allowed_users": False,
            "can_reply_as_new_topic": viewer_id is not None,
            "can_convert_topic": False,
            "can_review_topic": False,
            "can_close_topic": False,
            "can_archive_topic": False,
            "can_split_merge_topic": False,
            "can_edit_staff_notes": False,
            "can_toggle_topic_visibility": False,
            "can_pin_unpin_topic": False,
            "can_moderate_category": False,
            "can_remove_self_id": viewer_id or 0,
            "participants": [
                {
                    **basic_user(u),
                    "post_count": u["post_count"],
                    "primary_group_name": None,
                    "flair_name": None,
                    "flair_url": None,
                    "flair_color": None,
                    "flair_bg_color": None,
                    "flair_group_id": None,
                    "admin": bool(u["admin"]),
                    "moderator": bool(u["moderator"]),
                    "trust_level": u["trust_level"],
                }
                for u in participants
            ],
            "created_by": basic_user(author),
            "last_poster": basic_user(last_author),
        },
    }
    if topic["archetype"] == "private_message":
        data["details"]["allowed_users"] = [
            {
                "id": u["id"],
                "username": u["username"],
                "name": u["name"],
                "avatar_template": avatar_template(u["username"]),
            }
            for uid in sorted(store.allowed_user_ids(topic["id"]))
            if (u := store.user_by_id(uid)) is not None
        ]
    # TopicViewDetailsSerializer sends can_create_post only when it is true.
    if can_post_in(topic, poster):
        data["details"]["can_create_post"] = True
    if mega:
        del data["timeline_lookup"]
    if not participants:  # TopicViewDetailsSerializer#include_participants?
        del data["details"]["participants"]
    waiting = topic_pending_posts(ctx, topic["id"])
    if waiting is not None:
        data["pending_posts"] = waiting
    if viewer_id is not None:
        last_read = store.last_read(viewer_id, topic["id"])
        if last_read is not None:
            data["last_read_post_number"] = last_read
        # TopicViewSerializer: only in slow mode, and for a member with a TopicUser row.
        if slow_mode.interval(topic) and last_read is not None:
            data["user_last_posted_at"] = last_posted_at(store, topic["id"], viewer_id)
    return Response.json(200, data)


ROUTES: tuple[Route, ...] = (
    route("GET", r"/t/(?P<id>\d+)(?:\.json)?", show_topic),
    route("GET", r"/t/(?P<id>\d+)/(?P<post_number>\d+)(?:\.json)?", show_topic),
    route("GET", r"/t/(?P<slug>[^/]*[^/\d][^/]*)/(?P<id>\d+)(?:\.json)?", show_topic),
    route(
        "GET",
        r"/t/(?P<slug>[^/]*[^/\d][^/]*)/(?P<id>\d+)/(?P<post_number>\d+)(?:\.json)?",
        show_topic,
    ),
)
