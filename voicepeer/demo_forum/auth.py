"""Who is asking: anonymous, an admin API key acting for a member, or a user API key.

Bad credentials are refused the way Discourse refuses them (HTTP 403, ``invalid_access``);
keys are compared by hash and never logged.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from voicepeer.demo_forum.http_api import Request, invalid_access, not_logged_in
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.demo_forum.store import Store, hash_key

USER_API_SCOPES = frozenset(
    {
        "read",
        "write",
        "message_bus",
        "push",
        "notifications",
        "session_info",
        "one_time_password",
        "bookmarks_calendar",
        "user_status",
    }
)


@dataclass(frozen=True)
class Viewer:
    user: sqlite3.Row | None
    kind: str = "anonymous"
    """``anonymous``, ``admin_api_key`` or ``user_api_key``."""
    scopes: frozenset[str] = frozenset()
    """Scopes of a user API key; empty for the other kinds."""
    rate_key: str | None = None
    rate_limit: int = 0
    user_api_key_id: int | None = None

    @property
    def user_id(self) -> int | None:
        return None if self.user is None else int(self.user["id"])

    def allows(self, needed: frozenset[str]) -> bool:
        """Whether a user API key's scopes cover a route needing any of ``needed``."""
        if self.kind != "user_api_key":
            return True
        return "write" in self.scopes or bool(self.scopes & needed)


def authenticate(store: Store, options: DemoForumOptions, request: Request) -> Viewer:
    headers = request.headers
    user_api_key = headers.get("user-api-key")
    if user_api_key:
        row = store.one(
            "SELECT * FROM user_api_keys WHERE key_hash = ? AND revoked_at IS NULL",
            (hash_key(user_api_key),),
        )
        if row is None:
            raise invalid_access()
        client_id = headers.get("user-api-client-id")
        if client_id is not None and client_id != row["client_id"]:
            raise invalid_access()
        user = store.user_by_id(row["user_id"])
        if user is None:
            raise invalid_access()
        return Viewer(
            user,
            "user_api_key",
            frozenset(row["scopes"].split(",")),
            rate_key=f"user-api-key:{row['id']}",
            rate_limit=options.user_api_key_requests_per_minute,
            user_api_key_id=int(row["id"]),
        )
    api_key = headers.get("api-key")
    if api_key:
        known = (options.admin_api_key and api_key == options.admin_api_key) or store.scalar(
            "SELECT COUNT(*) FROM admin_api_keys WHERE key_hash = ?", (hash_key(api_key),)
        )
        username = headers.get("api-username", "")
        user = store.user_by_name(username) if username else None
        if not known or user is None:
            raise invalid_access(
                "You are not permitted to view the requested resource. "
                "The API username or key is invalid."
            )
        return Viewer(
            user,
            "admin_api_key",
            rate_key=f"api-key:{hash_key(api_key)[:16]}",
            rate_limit=options.admin_api_key_requests_per_minute,
        )
    return Viewer(None)


def signed_in(viewer: Viewer) -> sqlite3.Row:
    """The member making the request; anonymous callers get Discourse's ``not_logged_in``."""
    if viewer.user is None:
        raise not_logged_in()
    return viewer.user
