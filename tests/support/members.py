"""A demo forum that accepts an admin API key, and the person signed in to it as "demo"."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from voicepeer.demo_forum import DemoForum, DemoForumOptions
from voicepeer.demo_forum.store import iso, parse_iso
from voicepeer.forum.credentials import Credentials, CredentialStore
from voicepeer.speech.text.timefmt import spoken_age

ADMIN_KEY = "voice-test-admin-key-0123456789"


def keyed_forum(path: Path, **options: Any) -> DemoForum:
    """A demo forum (not started) on ``path`` that accepts :data:`ADMIN_KEY`."""
    return DemoForum(path, DemoForumOptions(admin_api_key=ADMIN_KEY, **options))


def signed_in(forum: DemoForum, username: str = "demo") -> Credentials:
    return Credentials(forum.base_url, "admin_api_key", ADMIN_KEY, username=username)


def user_key(forum: DemoForum, username: str = "demo") -> Credentials:
    """``username`` signed in with a user API key of their own, as ``voicepeer forum
    connect`` signs a person in (some writes are refused to an admin key acting for a
    member who is not an admin)."""
    client_id = f"voicepeer-tests-{username}"
    key = forum.member_key(username, client_id, ("read", "write"))
    return Credentials(forum.base_url, "user_api_key", key, username, client_id)


def saved_account(forum: DemoForum, username: str = "demo") -> Credentials:
    """``username``'s account saved as ``voicepeer forum connect`` leaves it, with a user
    API key of their own, for a ``voicepeer run`` started after as its own process (it finds
    the account in this test's HOME)."""
    account = user_key(forum, username)
    CredentialStore().save(account)
    return account


def member_headers(username: str) -> dict[str, str]:
    """Headers that act as ``username`` on a forum that accepts :data:`ADMIN_KEY`."""
    return {"Api-Key": ADMIN_KEY, "Api-Username": username}


def as_member(forum: DemoForum, path: str, username: str = "demo") -> Any:
    """The forum's JSON answer to ``path`` for ``username``."""
    return httpx.get(f"{forum.base_url}{path}", headers=member_headers(username)).json()


def posted(forum: DemoForum, who: str, body: dict[str, Any]) -> Any:
    """``who`` sends ``body`` to POST /posts.json (the forum must take it); its answer."""
    answer = httpx.post(f"{forum.base_url}/posts.json", json=body, headers=member_headers(who))
    assert answer.status_code == 200, answer.text
    return answer.json()


def post_reply(forum: DemoForum, who: str, words: str, topic_id: int) -> int:
    """``who`` replies ``words`` in the topic (the forum must take it); the new post's id."""
    return int(posted(forum, who, {"topic_id": topic_id, "raw": words})["id"])


def post_words(forum: DemoForum, post_id: int) -> str:
    """The post's words (``raw``) as the forum has them now."""
    return str(httpx.get(f"{forum.base_url}/posts/{post_id}.json").json()["raw"])


LONG_AGO = datetime(2026, 1, 1, 10, tzinfo=UTC)


def post_long_ago(forum: DemoForum, post_id: int) -> None:
    """Make the post as old as if written on 1 January 2026: past any edit time limit."""
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute("UPDATE posts SET created_at = ? WHERE id = ?", (iso(LONG_AGO), post_id))


def long_ago_said() -> str:
    """How long ago :func:`post_long_ago` made a post, as voicepeer says it."""
    return spoken_age(LONG_AGO, datetime.now(UTC))


def like(forum: DemoForum, who: str, post_id: int) -> None:
    """``who`` likes the post (the forum must take it)."""
    body = {"id": post_id, "post_action_type_id": 2}
    answer = httpx.post(
        f"{forum.base_url}/post_actions.json", json=body, headers=member_headers(who)
    )
    assert answer.status_code == 200, answer.text


def backdate_likes(forum: DemoForum, minutes: int) -> None:
    """Make every like on ``forum`` ``minutes`` older, as if given that long ago."""
    _backdate(forum, "post_likes", minutes)


def backdate_notifications(forum: DemoForum, minutes: int) -> None:
    """Make every notification on ``forum`` ``minutes`` older."""
    _backdate(forum, "notifications", minutes)


def _backdate(forum: DemoForum, table: str, minutes: int) -> None:
    with sqlite3.connect(forum.db_path) as conn:
        rows = conn.execute(f"SELECT rowid, created_at FROM {table}").fetchall()
        for rowid, created_at in rows:
            earlier = parse_iso(created_at) - timedelta(minutes=minutes)
            conn.execute(
                f"UPDATE {table} SET created_at = ? WHERE rowid = ?", (iso(earlier), rowid)
            )


def age_member_actions(forum: DemoForum, seconds: float) -> None:
    """Make every action the member limits counted ``seconds`` older."""
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute("UPDATE member_actions SET at = at - ?", (seconds,))


def make_new_member(forum: DemoForum, username: str, trust_level: int = 0) -> None:
    """Make ``username`` a member who joined just now, at ``trust_level``."""
    with sqlite3.connect(forum.db_path) as conn:
        conn.execute(
            "UPDATE users SET trust_level = ?, created_at = ? WHERE username = ?",
            (trust_level, iso(datetime.now(UTC)), username),
        )
