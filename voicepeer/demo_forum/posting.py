"""Creating topics, posts and their notifications: shared by the seed and the handlers."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from voicepeer.demo_forum.category_watching import (
    WATCHING_FIRST_POST,
    category_level,
    unfollowed_watchers,
    watchers,
)
from voicepeer.demo_forum.markdown import render
from voicepeer.demo_forum.store import Store, now_iso, slugify
from voicepeer.demo_forum.tracking import WATCHING, record_posting
from voicepeer.demo_forum.watched_words import censor

# Discourse's notification type numbers (site.json "notification_types").
MENTIONED = 1
REPLIED = 2
QUOTED = 3
LINKED = 11
PRIVATE_MESSAGE = 6
POSTED = 9
FIRST_POST = 17  # watching_first_post
POST_APPROVED = 20
WATCHING_CATEGORY_OR_TAG = 36
GATHERED = (REPLIED, POSTED, PRIVATE_MESSAGE, WATCHING_CATEGORY_OR_TAG)
"""PostAlerter::COLLAPSED_NOTIFICATION_TYPES: a member has at most one of these per topic."""

_MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_]|[A-Za-z0-9_])")
_QUOTE = re.compile(r'\[quote="([^,]+),.+"\]')
"""PostAlerter#extract_quoted_users: the username a quote names (display_name_on_posts off)."""
_HREF = re.compile(r'<a [^>]*href="([^"]+)"')
_TOPIC_PATH = re.compile(r"/t/(?:[^/]+/)?(\d+)(?:/(\d+))?/?(?:[?#].*)?$")
"""The forum's own address of a topic, or of one of its posts (Discourse.route_for)."""


def _notify(
    conn: sqlite3.Connection,
    *,
    user_id: int,
    kind: int,
    topic: sqlite3.Row,
    post_number: int,
    post_id: int,
    actor: str,
    created_at: str,
) -> None:
    shown = actor
    if kind in GATHERED:
        # PostAlerter#create_notification: the topic's earlier ones go, and the new one
        # points at the first post the member has not read, counting them when several.
        conn.execute(
            f"DELETE FROM notifications WHERE user_id = ? AND topic_id = ?"
            f" AND notification_type IN ({', '.join('?' * len(GATHERED))})",
            (user_id, topic["id"], *GATHERED),
        )
        unread = _unread_for(conn, user_id, topic)
        post_number = unread[0] if unread else post_number
        if len(unread) > 1:
            shown = f"{len(unread)} replies"  # embed.replies
    data = alert_data(topic, post_id, actor, shown)
    insert_notification(conn, user_id, kind, topic["id"], post_number, data, created_at)


def alert_data(topic: sqlite3.Row, post_id: int, actor: str, shown: str) -> dict[str, Any]:
    """The data PostAlerter#create_notification gives a notification about a post."""
    return {
        "topic_title": topic["title"],
        "original_post_id": post_id,
        "original_post_type": 1,
        "original_username": actor,
        "revision_number": None,
        "display_username": shown,
    }


def newest_told(
    conn: sqlite3.Connection, user_id: int, kind: int, topic_id: int, post_number: int
) -> sqlite3.Row | None:
    """The member's newest notification of ``kind`` about this post (its ``created_at`` and
    ``data``): PostAlerter#should_notify_previous? looks at it before telling them again."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT created_at, data FROM notifications WHERE user_id = ? AND notification_type = ?"
        " AND topic_id = ? AND post_number = ? ORDER BY created_at DESC, id DESC LIMIT 1",
        (user_id, kind, topic_id, post_number),
    ).fetchone()
    return row


def insert_notification(
    conn: sqlite3.Connection,
    user_id: int,
    kind: int,
    topic_id: int | None,
    post_number: int | None,
    data: dict[str, Any],
    created_at: str,
    *,
    read: bool = False,
) -> None:
    conn.execute(
        "INSERT INTO notifications (user_id, notification_type, topic_id, post_number, data,"
        " read, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (user_id, kind, topic_id, post_number, json.dumps(data), read, created_at),
    )


def _unread_for(conn: sqlite3.Connection, user_id: int, topic: sqlite3.Row) -> list[int]:
    """PostAlerter#unread_posts: the numbers of the posts after the member's last read one
    that answer a post of theirs, or every one where they watch the topic (as its starter
    and the members of a private conversation do, or its category); whispers only for
    staff."""
    read = conn.execute(
        "SELECT last_read_post_number FROM topic_reads WHERE user_id = ? AND topic_id = ?",
        (user_id, topic["id"]),
    ).fetchone()
    staff = conn.execute("SELECT admin OR moderator FROM users WHERE id = ?", (user_id,)).fetchone()
    rows = conn.execute(
        "SELECT p.post_number FROM posts p LEFT JOIN posts parent ON parent.topic_id ="
        " p.topic_id AND parent.post_number = p.reply_to_post_number"
        " WHERE p.topic_id = ? AND p.post_number > ? AND (? OR parent.user_id = ?)"
        " AND (p.post_type != 4 OR ?) ORDER BY p.post_number",
        (
            topic["id"],
            read[0] if read else 0,
            topic["archetype"] == "private_message"
            or topic["user_id"] == user_id
            or category_level(conn, user_id, topic["category_id"]) == WATCHING,
            user_id,
            bool(staff and staff[0]),
        ),
    ).fetchall()
    return [int(r[0]) for r in rows]


def add_post(
    store: Store,
    conn: sqlite3.Connection,
    *,
    topic_id: int,
    user_id: int,
    raw: str,
    reply_to_post_number: int | None = None,
    created_at: str | None = None,
    notify: bool = True,
    censored: tuple[str, ...] = (),
    site: str = "",
) -> sqlite3.Row:
    """Append a post to a topic inside the caller's transaction; returns the new post row.
    ``censored``: the site's censored watched words, blacked out as it is cooked; ``site``:
    the forum's address, which links to its own topics begin with."""
    created_at = created_at or now_iso()
    topic = conn.execute("SELECT * FROM topics WHERE id = ?", (topic_id,)).fetchone()
    number = conn.execute(
        "SELECT COALESCE(MAX(post_number), 0) + 1 FROM posts WHERE topic_id = ?", (topic_id,)
    ).fetchone()[0]
    usernames = store.usernames()
    cursor = conn.execute(
        "INSERT INTO posts (topic_id, post_number, user_id, raw, cooked, created_at,"
        " reply_to_post_number, words) VALUES (?, ?, ?, ?, '', ?, ?, ?)",
        (topic_id, number, user_id, raw, created_at, reply_to_post_number, len(raw.split())),
    )
    # Cooked once the post has its id, which its footnotes' ids carry (as Discourse's
    # post-processing gives them).
    conn.execute(
        "UPDATE posts SET cooked = ? WHERE id = ?",
        (censor(render(raw, usernames, cursor.lastrowid), censored), cursor.lastrowid),
    )
    conn.execute("UPDATE topics SET bumped_at = ? WHERE id = ?", (created_at, topic_id))
    # The author has read their own post, and follows the topic now.
    record_posting(conn, user_id, topic_id, number)
    post = conn.execute("SELECT * FROM posts WHERE id = ?", (cursor.lastrowid,)).fetchone()
    if notify:
        _notify_for_post(conn, topic, post, site)
    return post


def new_version(conn: sqlite3.Connection, post_id: int) -> None:
    """One more version of the post (PostRevisor: ``version += 1``), made now."""
    conn.execute(
        "INSERT INTO post_versions (post_id, version) VALUES (?, 2) ON CONFLICT (post_id)"
        " DO UPDATE SET version = version + 1",
        (post_id,),
    )
    conn.execute("UPDATE posts SET last_version_at = ? WHERE id = ?", (now_iso(), post_id))


def make_special(
    conn: sqlite3.Connection,
    post_id: int,
    *,
    post_type: int,
    raw: str = "",
    action_code: str | None = None,
) -> None:
    """Turn a post into a small-action (3), whisper (4) or moderator-action (2) post; small
    actions carry no text of their own, only ``action_code``."""
    conn.execute(
        "UPDATE posts SET post_type = ?, action_code = ?, raw = ?, cooked = ? WHERE id = ?",
        (post_type, action_code, raw, f"<p>{raw}</p>" if raw else "", post_id),
    )


def _notify_for_post(
    conn: sqlite3.Connection, topic: sqlite3.Row, post: sqlite3.Row, site: str
) -> None:
    """PostAlerter#after_save_post, in its order, each member told once: those mentioned;
    in a private message its other members; else the member replied to, the topic's starter
    when watching it (both "replied"), those quoted, those whose posts in other topics it
    links to; then the others watching it ("posted"), those watching its category
    ("watching_category_or_tag") and, for a new topic, those watching its category for
    first posts (see category_watching)."""
    author = conn.execute("SELECT username FROM users WHERE id = ?", (post["user_id"],)).fetchone()
    told: set[int] = {post["user_id"]}
    private = topic["archetype"] == "private_message"
    allowed = {
        r[0]
        for r in conn.execute(
            "SELECT user_id FROM topic_allowed_users WHERE topic_id = ?", (topic["id"],)
        )
    }

    def tell(user_ids: list[int], kind: int) -> None:
        for user_id in user_ids:
            if user_id not in told:
                told.add(user_id)
                _notify(
                    conn,
                    user_id=user_id,
                    kind=kind,
                    topic=topic,
                    post_number=post["post_number"],
                    post_id=post["id"],
                    actor=author[0],
                    created_at=post["created_at"],
                )

    def members(names: list[str]) -> list[int]:
        """The members named (as Discourse finds them: by username_lower), each once."""
        found = []
        for name in dict.fromkeys(n.strip().lower() for n in names):
            row = conn.execute("SELECT id FROM users WHERE lower(username) = ?", (name,)).fetchone()
            if row is not None:
                found.append(int(row[0]))
        return found

    mentioned = members(_MENTION.findall(post["raw"]))
    tell([m for m in mentioned if not private or m in allowed], MENTIONED)
    if private:
        tell(sorted(allowed), PRIVATE_MESSAGE)
        return
    if post["reply_to_post_number"]:
        parent = conn.execute(
            "SELECT user_id FROM posts WHERE topic_id = ? AND post_number = ?",
            (topic["id"], post["reply_to_post_number"]),
        ).fetchone()
        tell([parent[0]] if parent else [], REPLIED)
    watching = [
        int(r[0])
        for r in conn.execute(
            "SELECT user_id FROM topic_reads WHERE topic_id = ? AND notification_level = ?"
            " ORDER BY user_id",
            (topic["id"], WATCHING),
        )
    ]
    tell([u for u in watching if u == topic["user_id"]], REPLIED)
    tell(members(_QUOTE.findall(post["raw"])), QUOTED)
    tell(_linked_authors(conn, post, site), LINKED)
    tell(watching, POSTED)  # PostAlerter#notify_post_users
    tell(unfollowed_watchers(conn, topic), WATCHING_CATEGORY_OR_TAG)
    if post["post_number"] == 1:
        tell(watchers(conn, topic["category_id"], WATCHING_FIRST_POST), FIRST_POST)


def _linked_authors(conn: sqlite3.Connection, post: sqlite3.Row, site: str) -> list[int]:
    """PostAlerter#extract_linked_users: the authors of the posts in other topics that the
    post links to (TopicLink.extract_from: the forum's own addresses, a topic's standing for
    its first post; not the topic the post is in)."""
    authors: list[int] = []
    for href in _HREF.findall(post["cooked"]):
        path = href.removeprefix(site) if site and href.startswith(site) else href
        route = _TOPIC_PATH.match(path) if path.startswith("/t/") else None
        if route is None or int(route[1]) == post["topic_id"]:
            continue
        row = conn.execute(
            "SELECT user_id FROM posts WHERE topic_id = ? AND post_number = ?",
            (int(route[1]), int(route[2] or 1)),
        ).fetchone()
        if row is not None and int(row[0]) not in authors:
            authors.append(int(row[0]))
    return authors


def add_topic(
    store: Store,
    conn: sqlite3.Connection,
    *,
    user_id: int,
    title: str,
    raw: str,
    category_id: int | None,
    archetype: str = "regular",
    recipients: tuple[int, ...] = (),
    created_at: str | None = None,
    notify: bool = True,
    censored: tuple[str, ...] = (),
    site: str = "",
) -> sqlite3.Row:
    """Create a topic (or private message) with its first post; returns that post's row."""
    created_at = created_at or now_iso()
    cursor = conn.execute(
        "INSERT INTO topics (title, slug, category_id, archetype, user_id, created_at, bumped_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (title, slugify(title), category_id, archetype, user_id, created_at, created_at),
    )
    topic_id = int(cursor.lastrowid or 0)
    if archetype == "private_message":
        for member in {user_id, *recipients}:
            conn.execute(
                "INSERT INTO topic_allowed_users (topic_id, user_id) VALUES (?, ?)",
                (topic_id, member),
            )
    return add_post(
        store,
        conn,
        topic_id=topic_id,
        user_id=user_id,
        raw=raw,
        created_at=created_at,
        notify=notify,
        censored=censored,
        site=site,
    )


def approve_pending(
    store: Store, pending_id: int, censored: tuple[str, ...] = ()
) -> sqlite3.Row | None:
    """Publish a post held for moderation, as a moderator would; None if it is gone."""
    with store.transaction() as conn:
        pending = conn.execute("SELECT * FROM pending_posts WHERE id = ?", (pending_id,)).fetchone()
        if pending is None:
            return None
        conn.execute("DELETE FROM pending_posts WHERE id = ?", (pending_id,))
        if pending["topic_id"] is not None:
            post = add_post(
                store,
                conn,
                topic_id=pending["topic_id"],
                user_id=pending["user_id"],
                raw=pending["raw"],
                censored=censored,
            )
        else:
            post = add_topic(
                store,
                conn,
                user_id=pending["user_id"],
                title=pending["title"] or "",
                raw=pending["raw"],
                category_id=pending["category_id"],
                archetype=pending["archetype"],
                censored=censored,
            )
        topic = conn.execute("SELECT * FROM topics WHERE id = ?", (post["topic_id"],)).fetchone()
        # ReviewableQueuedPost#perform_approve_post: only the post's address in the data;
        # the topic's title comes with the notification's topic (fancy_title).
        url = f"/t/{topic['slug']}/{topic['id']}/{post['post_number']}"
        insert_notification(
            conn,
            pending["user_id"],
            POST_APPROVED,
            topic["id"],
            post["post_number"],
            {"post_url": url},
            now_iso(),
        )
        return post
