"""Discourse JSON → voicepeer records. Anything missing or of the wrong type becomes a
:class:`ForumResponseError`, never a KeyError deep in the voice loop."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from voicepeer.errors import ForumResponseError
from voicepeer.forum.base import (
    Category,
    Notification,
    Post,
    PostOutcome,
    PostStatus,
    SearchHit,
    Topic,
    TopicList,
    TopicSummary,
)

T = TypeVar("T")

#: Discourse's notification type ids (``/site.json`` ``notification_types``), for when the
#: site's own table is not at hand.
NOTIFICATION_KINDS: dict[int, str] = {
    1: "mentioned",
    2: "replied",
    3: "quoted",
    4: "edited",
    5: "liked",
    6: "private_message",
    7: "invited_to_private_message",
    9: "posted",
    11: "linked",
    12: "granted_badge",
    15: "group_mentioned",
    16: "group_message_summary",
    17: "watching_first_post",
    18: "topic_reminder",
    24: "bookmark_reminder",
    25: "reaction",
}


def guarded(what: str, build: Callable[[], T]) -> T:
    """Run ``build``; a shape error in the JSON becomes a clear ForumResponseError."""
    try:
        return build()
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ForumResponseError(
            f"unexpected {what} from the forum: {type(error).__name__}: {error}"
        ) from None


def when(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _opt_int(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def post(data: Any) -> Post:
    reply_to = data.get("reply_to_user") or {}
    return Post(
        id=int(data["id"]),
        topic_id=int(data["topic_id"]),
        post_number=int(data["post_number"]),
        username=_str(data["username"]),
        cooked=_str(data.get("cooked") or ""),
        created_at=when(data.get("created_at")),
        name=data.get("name") or None,
        reply_to_post_number=_opt_int(data.get("reply_to_post_number")),
        reply_to_username=reply_to.get("username") if isinstance(reply_to, dict) else None,
        raw=data["raw"] if isinstance(data.get("raw"), str) else None,
    )


def _original_poster(row: dict[str, Any], users: dict[int, str]) -> str | None:
    for poster in row.get("posters") or ():
        if "original poster" in str(poster.get("description", "")).lower():
            return users.get(poster.get("user_id"))
    return None


def topic_list(data: Any, page: int) -> TopicList:
    def build() -> TopicList:
        users = {u["id"]: u["username"] for u in data.get("users") or ()}
        listing = data["topic_list"]
        rows = []
        for row in listing["topics"]:
            rows.append(
                TopicSummary(
                    id=int(row["id"]),
                    title=html.unescape(_str(row["title"])),
                    slug=_str(row.get("slug") or ""),
                    posts_count=int(row.get("posts_count") or 0),
                    category_id=_opt_int(row.get("category_id")),
                    last_poster_username=row.get("last_poster_username"),
                    created_by=_original_poster(row, users),
                    bumped_at=when(row.get("bumped_at") or row.get("last_posted_at")),
                    unread_posts=int(row.get("unread_posts") or row.get("new_posts") or 0),
                )
            )
        return TopicList(
            topics=tuple(rows), page=page, has_more=bool(listing.get("more_topics_url"))
        )

    return guarded("topic list", build)


def topic(data: Any) -> Topic:
    def build() -> Topic:
        stream = data["post_stream"]
        return Topic(
            id=int(data["id"]),
            title=html.unescape(_str(data["title"])),
            slug=_str(data.get("slug") or ""),
            posts_count=int(data["posts_count"]),
            post_ids=tuple(int(i) for i in stream["stream"]),
            loaded_posts=tuple(post(p) for p in stream["posts"]),
            category_id=_opt_int(data.get("category_id")),
            archetype=str(data.get("archetype") or "regular"),
            last_read_post_number=_opt_int(data.get("last_read_post_number")),
        )

    return guarded("topic", build)


def posts(data: Any) -> tuple[Post, ...]:
    return guarded("posts", lambda: tuple(post(p) for p in data["post_stream"]["posts"]))


def categories(data: Any) -> tuple[Category, ...]:
    def build() -> tuple[Category, ...]:
        return tuple(
            Category(
                id=int(c["id"]),
                name=html.unescape(_str(c["name"])),
                slug=_str(c.get("slug") or ""),
                topic_count=int(c.get("topic_count") or 0),
                description=_str(c.get("description_text") or c.get("description") or ""),
            )
            for c in data["category_list"]["categories"]
        )

    return guarded("category list", build)


def post_outcome(data: Any) -> PostOutcome:
    def build() -> PostOutcome:
        if data.get("action") == "enqueued":
            return PostOutcome(status=PostStatus.ENQUEUED)
        return PostOutcome(
            status=PostStatus.POSTED,
            post_id=int(data["id"]),
            post_number=int(data["post_number"]),
            topic_id=int(data["topic_id"]),
        )

    return guarded("answer to a new post", build)


def notifications(data: Any, kinds: dict[int, str]) -> tuple[Notification, ...]:
    def build() -> tuple[Notification, ...]:
        rows = []
        for row in data["notifications"]:
            extra = row.get("data") or {}
            type_id = int(row["notification_type"])
            rows.append(
                Notification(
                    id=int(row["id"]),
                    kind=kinds.get(type_id, f"type {type_id}"),
                    read=bool(row.get("read")),
                    topic_id=_opt_int(row.get("topic_id")),
                    post_number=_opt_int(row.get("post_number")),
                    topic_title=html.unescape(
                        str(extra.get("topic_title") or row.get("fancy_title") or "")
                    )
                    or None,
                    username=extra.get("display_username") or extra.get("original_username"),
                    created_at=when(row.get("created_at")),
                )
            )
        return tuple(rows)

    return guarded("notification list", build)


def search_hits(data: Any) -> tuple[SearchHit, ...]:
    def build() -> tuple[SearchHit, ...]:
        topics = data.get("topics") or ()
        titles = {t["id"]: html.unescape(str(t.get("title") or "")) for t in topics}
        return tuple(
            SearchHit(
                post_id=int(p["id"]),
                topic_id=int(p["topic_id"]),
                post_number=int(p["post_number"]),
                username=_str(p["username"]),
                excerpt=html.unescape(re.sub(r"<[^>]+>", "", str(p.get("blurb") or ""))),
                topic_title=titles.get(p["topic_id"], ""),
            )
            for p in data["posts"]
        )

    return guarded("search result", build)
