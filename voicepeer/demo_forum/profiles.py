"""What the demo forum shows about members and posts beyond the basics, as Discourse does:
user titles and primary groups (and the groups' full names, on their pages), post edits
(``version``), and — when the demo forum is started with those plugins — the solved
plugin's accepted answers and the reactions plugin's reactions.

Kept in tables of their own, filled once per database, so older demo databases gain them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from voicepeer.demo_forum.likes import like_given_at
from voicepeer.demo_forum.store import Store, now_iso

PLUGINS = ("solved", "reactions")
"""Discourse plugins the demo forum can imitate (``DemoForumOptions.plugins``)."""
PLUGIN_POST_KEYS = (
    "can_accept_answer",
    "can_unaccept_answer",
    "accepted_answer",
    "topic_accepted_answer",
    "reactions",
    "current_user_reaction",
    "reaction_users_count",
    "current_user_used_main_reaction",
)
MAIN_REACTION = "heart"

SCHEMA = """
CREATE TABLE IF NOT EXISTS user_profiles (
    user_id INTEGER PRIMARY KEY REFERENCES users(id), title TEXT, primary_group_name TEXT,
    flair_name TEXT);
CREATE TABLE IF NOT EXISTS member_groups (
    name TEXT PRIMARY KEY, full_name TEXT, visible INTEGER NOT NULL DEFAULT 1);
CREATE TABLE IF NOT EXISTS post_versions (
    post_id INTEGER PRIMARY KEY REFERENCES posts(id), version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS post_reactions (
    post_id INTEGER NOT NULL REFERENCES posts(id), user_id INTEGER NOT NULL REFERENCES users(id),
    reaction TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (post_id, user_id));
CREATE TABLE IF NOT EXISTS topic_solutions (
    topic_id INTEGER PRIMARY KEY REFERENCES topics(id), post_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS site_plugins (name TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS profile_seed (done INTEGER PRIMARY KEY);
"""

# Who is who in the seeded forum: Ruth is the charity's nurse and runs the forum.
_PROFILES = {
    "ruth": ("MS nurse", "ms_society_nurses", "ms_society_nurses"),
    "jo": (None, None, "peer_supporters"),
}
# Their groups' full names, as set on the groups' pages (posts carry only the short name).
_GROUPS = {"ms_society_nurses": "MS Society nurses", "peer_supporters": "Peer supporters"}
_FATIGUE_TITLE = "Fatigue that sleep doesn't fix: how do you pace yourself?"


def set_up(store: Store, plugins: Iterable[str]) -> None:
    """Create the tables, record which plugins are on, and seed once."""
    with store.transaction() as conn:
        for statement in _statements():  # executescript would end the transaction
            conn.execute(statement)
        conn.execute("DELETE FROM site_plugins")
        conn.executemany(
            "INSERT INTO site_plugins (name) VALUES (?)", [(p,) for p in sorted(set(plugins))]
        )
        conn.executemany(
            "INSERT OR IGNORE INTO member_groups (name, full_name) VALUES (?, ?)",
            _GROUPS.items(),
        )
        if conn.execute("SELECT COUNT(*) FROM profile_seed").fetchone()[0]:
            return
        conn.execute("INSERT INTO profile_seed (done) VALUES (1)")
        _seed(conn)


def _statements() -> list[str]:
    return [s.strip() for s in SCHEMA.split(";") if s.strip()]


def _seed(conn: sqlite3.Connection) -> None:
    ids = {r["username"]: r["id"] for r in conn.execute("SELECT id, username FROM users")}
    for username, (title, group, flair) in _PROFILES.items():
        if username in ids:
            conn.execute(
                "INSERT OR REPLACE INTO user_profiles VALUES (?, ?, ?, ?)",
                (ids[username], title, group, flair),
            )
    topic = conn.execute("SELECT id FROM topics WHERE title = ?", (_FATIGUE_TITLE,)).fetchone()
    if topic is None:
        return
    answer = conn.execute(
        "SELECT id FROM posts WHERE topic_id = ? AND post_number = 2", (topic["id"],)
    ).fetchone()
    if answer is None:
        return
    # Sam's pacing tips: edited once, accepted as the answer, liked and hugged.
    conn.execute("INSERT OR REPLACE INTO post_versions VALUES (?, 2)", (answer["id"],))
    conn.execute(
        "INSERT OR REPLACE INTO topic_solutions VALUES (?, ?)", (topic["id"], answer["id"])
    )
    for name in ("priya", "dave", "mei"):
        if name in ids:
            conn.execute(
                "INSERT OR IGNORE INTO post_likes VALUES (?, ?, ?)",
                (answer["id"], ids[name], now_iso()),
            )
    if "jo" in ids:
        conn.execute(
            "INSERT OR IGNORE INTO post_reactions VALUES (?, ?, 'hugs', ?)",
            (answer["id"], ids["jo"], now_iso()),
        )


def plugins_on(store: Store) -> frozenset[str]:
    return frozenset(r[0] for r in store.all("SELECT name FROM site_plugins"))


def profile(store: Store, user_id: int) -> dict[str, Any]:
    row = store.one("SELECT * FROM user_profiles WHERE user_id = ?", (user_id,))
    return {
        "title": row["title"] if row else None,
        "primary_group_name": row["primary_group_name"] if row else None,
        "flair_name": row["flair_name"] if row else None,
    }


def group(store: Store, name: str) -> dict[str, Any] | None:
    """A group as GroupsController#show serializes it (the fields voicepeer reads, and a
    few more), or None when there is none or it is hidden (Discourse answers 404)."""
    row = store.one("SELECT * FROM member_groups WHERE name = ?", (name,))
    if row is None or not row["visible"]:
        return None
    members = store.scalar(
        "SELECT COUNT(*) FROM user_profiles WHERE primary_group_name = ? OR flair_name = ?",
        (name, name),
    )
    return {
        "name": row["name"],
        "full_name": row["full_name"],
        "automatic": False,
        "user_count": int(members or 0),
        "visibility_level": 0,
        "title": None,
    }


def post_fields(store: Store, post: sqlite3.Row, viewer_id: int | None) -> dict[str, Any]:
    """The fields of one serialized post that come from profiles, edits and plugins."""
    about = profile(store, post["user_id"])
    version = store.scalar("SELECT version FROM post_versions WHERE post_id = ?", (post["id"],))
    fields: dict[str, Any] = {
        "user_title": about["title"],
        "primary_group_name": about["primary_group_name"],
        "flair_name": about["flair_name"],
        "version": int(version or 1),
    }
    plugins = plugins_on(store)
    if "solved" in plugins:
        solution = store.scalar(
            "SELECT post_id FROM topic_solutions WHERE topic_id = ?", (post["topic_id"],)
        )
        fields.update(
            accepted_answer=solution == post["id"],
            topic_accepted_answer=solution is not None,
            can_accept_answer=False,
            can_unaccept_answer=False,
        )
    if "reactions" in plugins:
        fields.update(_reaction_fields(store, post, viewer_id))
    return fields


def _reaction_fields(store: Store, post: sqlite3.Row, viewer_id: int | None) -> dict[str, Any]:
    # As the plugin serializes them: likes fold into the main reaction, most given first.
    counts = {
        r["reaction"]: int(r["n"])
        for r in store.all(
            "SELECT reaction, COUNT(*) AS n FROM post_reactions"
            " WHERE post_id = ? GROUP BY reaction",
            (post["id"],),
        )
    }
    likes = int(store.scalar("SELECT COUNT(*) FROM post_likes WHERE post_id = ?", (post["id"],)))
    if likes:
        counts[MAIN_REACTION] = counts.get(MAIN_REACTION, 0) + likes
    reactions = sorted(
        ({"id": k, "type": "emoji", "count": v} for k, v in counts.items()),
        key=lambda r: (-r["count"], r["id"]),
    )
    users = store.scalar(
        "SELECT COUNT(*) FROM (SELECT user_id FROM post_reactions WHERE post_id = ?"
        " UNION SELECT user_id FROM post_likes WHERE post_id = ?)",
        (post["id"], post["id"]),
    )
    mine = None
    if viewer_id is not None:
        own = store.scalar(
            "SELECT reaction FROM post_reactions WHERE post_id = ? AND user_id = ?",
            (post["id"], viewer_id),
        )
        if own or like_given_at(store, post["id"], viewer_id) is not None:
            mine = {"id": own or MAIN_REACTION, "type": "emoji", "can_undo": True}
    return {
        "reactions": reactions,
        "reaction_users_count": int(users or 0),
        "current_user_reaction": mine,
        "current_user_used_main_reaction": mine is not None and mine["id"] == MAIN_REACTION,
    }
