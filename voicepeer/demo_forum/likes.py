"""Likes, and the notifications they give the post's author, as a stock forum gives them.

With the default like notification frequency (site setting
default_other_like_notification_frequency: 1, "first time and daily"):

- PostAlerter#create_notification / should_notify_like?: a like on a post whose author
  was told of a like on it less than a day ago tells them nothing new.
- Notifications::ConsolidationPlanner#liked: a liker's likes inside
  likes_notification_consolidation_window_mins become one ``liked_consolidated``
  notification once there would be more than notification_consolidation_threshold of
  them; that liker's later likes in the window count it up and make it unread again.
- PostActionNotifier.post_action_deleted: taking a like back replaces the post's like
  notifications with one naming the likes of the last day, newest first.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

from voicepeer.demo_forum.posting import alert_data, insert_notification, newest_told
from voicepeer.demo_forum.store import Store, iso, now_iso, parse_iso

LIKED = 5
LIKED_CONSOLIDATED = 19
"""Discourse's notification type numbers (site.json "notification_types")."""

POST_UNDO_ACTION_WINDOW = timedelta(minutes=10)
"""How long after liking a member may take the like back (Discourse's site setting
post_undo_action_window_mins, default 10; Guardian#can_delete_post_action?)."""

LIKE_NOTICE_QUIET = timedelta(days=1)
"""After a like notification on a post, how long further likes on it tell nothing."""

CONSOLIDATION_WINDOW = timedelta(minutes=120)
"""Site setting likes_notification_consolidation_window_mins (default 120)."""

CONSOLIDATION_THRESHOLD = 3
"""Site setting notification_consolidation_threshold (default 3): one liker's fourth
like inside the window gathers them."""


def add_like(conn: sqlite3.Connection, *, post: sqlite3.Row, user_id: int, actor: str) -> bool:
    """Like a post; False when this member had already liked it."""
    created_at = now_iso()
    cursor = conn.execute(
        "INSERT OR IGNORE INTO post_likes (post_id, user_id, created_at) VALUES (?, ?, ?)",
        (post["id"], user_id, created_at),
    )
    if cursor.rowcount == 0:
        return False
    if post["user_id"] != user_id:
        _notify_like(conn, post, actor, created_at)
    return True


def _notify_like(conn: sqlite3.Connection, post: sqlite3.Row, actor: str, now: str) -> None:
    author = post["user_id"]
    told = newest_told(conn, author, LIKED, post["topic_id"], post["post_number"])
    if told is not None and parse_iso(now) - parse_iso(told["created_at"]) < LIKE_NOTICE_QUIET:
        return
    topic = conn.execute("SELECT * FROM topics WHERE id = ?", (post["topic_id"],)).fetchone()
    data = alert_data(topic, post["id"], actor, actor)
    since = iso(parse_iso(now) - CONSOLIDATION_WINDOW)
    gathered = _from_liker(conn, LIKED_CONSOLIDATED, author, actor, since)
    if gathered:
        count = json.loads(gathered[0]["data"]).get("count", 0) + 1
        conn.execute(
            "UPDATE notifications SET data = ?, read = 0 WHERE id = ?",
            (json.dumps(data | {"username": actor, "count": count}), gathered[0]["id"]),
        )
        return
    # Only likes told alone count (not "sam and dave liked …").
    single = _from_liker(
        conn, LIKED, author, actor, since, " AND json_extract(data, '$.username2') IS NULL"
    )
    if len(single) + 1 <= CONSOLIDATION_THRESHOLD:
        insert_notification(conn, author, LIKED, post["topic_id"], post["post_number"], data, now)
        return
    conn.executemany("DELETE FROM notifications WHERE id = ?", [(row["id"],) for row in single])
    # The gathered notification has no topic, and the time of the newest like it replaces.
    data |= {"username": actor, "count": len(single) + 1}
    insert_notification(
        conn, author, LIKED_CONSOLIDATED, None, None, data, single[-1]["created_at"]
    )


def _from_liker(
    conn: sqlite3.Connection, kind: int, author: int, actor: str, since: str, also: str = ""
) -> list[sqlite3.Row]:
    """The author's notifications of ``kind`` from ``actor`` made after ``since``, oldest
    first."""
    return conn.execute(
        "SELECT id, data, created_at FROM notifications WHERE user_id = ? AND notification_type"
        " = ? AND created_at > ? AND json_extract(data, '$.display_username') = ?"
        f"{also} ORDER BY id",
        (author, kind, since, actor),
    ).fetchall()


def like_given_at(store: Store, post_id: int, user_id: int) -> str | None:
    """When the member liked the post (as Discourse writes times); None: they have not."""
    given = store.scalar(
        "SELECT created_at FROM post_likes WHERE post_id = ? AND user_id = ?", (post_id, user_id)
    )
    return None if given is None else str(given)


def like_undoable(liked_at: str, archived: bool) -> bool:
    """Guardian#can_delete_post_action? for the member's own like given at ``liked_at``:
    within POST_UNDO_ACTION_WINDOW, and never in an archived topic."""
    return not archived and datetime.now(UTC) - parse_iso(liked_at) < POST_UNDO_ACTION_WINDOW


def remove_like(conn: sqlite3.Connection, *, post: sqlite3.Row, user_id: int) -> None:
    """Take a like back; the author's notifications of likes on the post make way for one
    naming who liked it in the last day (unread if any of those it replaces was)."""
    conn.execute("DELETE FROM post_likes WHERE post_id = ? AND user_id = ?", (post["id"], user_id))
    where = (
        " FROM notifications WHERE notification_type = ? AND user_id = ? AND topic_id = ?"
        " AND post_number = ?"
    )
    key = (LIKED, post["user_id"], post["topic_id"], post["post_number"])
    unread = conn.execute(f"SELECT COUNT(*){where} AND read = 0", key).fetchone()[0]
    conn.execute(f"DELETE{where}", key)
    names = [
        str(row[0])
        for row in conn.execute(
            "SELECT u.username FROM post_likes l JOIN users u ON u.id = l.user_id"
            " WHERE l.post_id = ? AND l.created_at > ? ORDER BY l.created_at DESC",
            (post["id"], iso(datetime.now(UTC) - LIKE_NOTICE_QUIET)),
        )
    ]
    if not names:
        return
    topic = conn.execute("SELECT title FROM topics WHERE id = ?", (post["topic_id"],)).fetchone()
    data = {
        "topic_title": topic["title"],
        "username": names[0],
        "display_username": names[0],
        "username2": names[1] if len(names) > 1 else None,
        "count": len(names),
    }
    author, topic_id, number = post["user_id"], post["topic_id"], post["post_number"]
    insert_notification(conn, author, LIKED, topic_id, number, data, now_iso(), read=not unread)
