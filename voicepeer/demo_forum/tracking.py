"""How much a member follows each topic, as Discourse's TopicUser keeps it.

A topic read is "regular" (1): its new posts are not counted as unread, and it is not on
the Unread list. It becomes "tracking" (2) after about five minutes of reading in all
(``auto_track_topics_after_msecs``; each batch of reading progress counts at most a minute,
PostTiming::MAX_READ_TIME_PER_BATCH, and the batch that first records the topic counts
nothing, TopicUser.update_last_read), or once the member replies in it
(``notification_level_when_replying``: tracking). Starting a topic makes its starter
"watching" (3). A topic in a category the member watches or tracks starts at that level
(see category_watching). A level reached by replying or starting is never lowered by
reading, nor one the member chose.
"""

from __future__ import annotations

import sqlite3

REGULAR, TRACKING, WATCHING = 1, 2, 3
"""TopicUser.notification_levels for topics."""
CATEGORY_REASONS = {WATCHING: "auto_watch_category", TRACKING: "auto_track_category"}
"""TopicUser.notification_reasons for a topic level taken from its category."""
MAX_MSECS_PER_BATCH = 60_000
"""PostTiming::MAX_READ_TIME_PER_BATCH: reading time one batch of progress may add."""
MAX_TOTAL_MSECS = 86_400_000
"""TopicUser keeps at most a day of reading time per topic."""


def record_reading(
    conn: sqlite3.Connection,
    user_id: int,
    topic: sqlite3.Row,
    read_up_to: int,
    msecs: int,
    auto_track_after_msecs: int,
) -> None:
    """A batch of reading progress (TopicsController#timings): the last post read, and the
    time spent reading (``topic_time``), which may make the member track the topic."""
    counted = max(0, min(msecs, MAX_MSECS_PER_BATCH))
    level, reason = topic_level_from_category(conn, user_id, topic["id"]) or (
        TRACKING if auto_track_after_msecs == 0 else REGULAR,
        None,
    )
    first = conn.execute(
        "INSERT INTO topic_reads (user_id, topic_id, last_read_post_number, notification_level,"
        " notifications_reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, topic_id) DO NOTHING",
        (user_id, topic["id"], read_up_to, level, reason),
    ).rowcount
    if first:
        return
    conn.execute(
        "UPDATE topic_reads SET"
        " last_read_post_number = MAX(last_read_post_number, ?),"
        " notification_level = CASE WHEN notifications_reason IS NULL AND ? AND"
        " total_msecs_viewed + ? > ? THEN ? ELSE notification_level END,"
        " total_msecs_viewed = MIN(total_msecs_viewed + ?, ?)"
        " WHERE user_id = ? AND topic_id = ?",
        (
            read_up_to,
            topic["archetype"] == "regular",
            counted,
            auto_track_after_msecs,
            TRACKING,
            counted,
            MAX_TOTAL_MSECS,
            user_id,
            topic["id"],
        ),
    )


def record_posting(conn: sqlite3.Connection, user_id: int, topic_id: int, post_number: int) -> None:
    """The member posted in the topic: read up to their post, and following it — watching
    a topic they started (TopicNotifier#watch_topic!), tracking one they replied in
    (TopicUser.auto_notification, which leaves a level that has a reason as it is)."""
    level, reason = (WATCHING, "created_topic") if post_number == 1 else (TRACKING, "created_post")
    from_category = topic_level_from_category(conn, user_id, topic_id)
    if from_category is not None and from_category[0] > level:
        level, reason = from_category
    conn.execute(
        "INSERT INTO topic_reads (user_id, topic_id, last_read_post_number, notification_level,"
        " notifications_reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, topic_id) DO UPDATE"
        " SET last_read_post_number = MAX(last_read_post_number, excluded.last_read_post_number),"
        " notification_level = CASE WHEN notifications_reason IS NULL"
        " THEN excluded.notification_level ELSE notification_level END,"
        " notifications_reason = COALESCE(notifications_reason, excluded.notifications_reason)",
        (user_id, topic_id, post_number, level, reason),
    )


def topic_level_from_category(
    conn: sqlite3.Connection, user_id: int, topic_id: int
) -> tuple[int, str] | None:
    """The level (and its reason) a member's first record of a topic takes from a category
    they watch or track (TopicUser.create_missing_record); None from any other."""
    row = conn.execute(
        "SELECT cu.notification_level FROM category_users cu JOIN topics t"
        " ON t.category_id = cu.category_id WHERE cu.user_id = ? AND t.id = ?",
        (user_id, topic_id),
    ).fetchone()
    level = None if row is None else int(row[0])
    return (level, CATEGORY_REASONS[level]) if level in CATEGORY_REASONS else None
