"""The person's own corner of a Discourse forum: who other members are, saved posts.

Kept apart from :class:`~voicepeer.forum.discourse.DiscourseClient` (topics and posts): these
requests need a signed-in account and go through the same HTTP layer, rate limits and errors.
Shapes follow Discourse's ``UserCardSerializer``, ``GroupShowSerializer``,
``UserBookmarkListSerializer`` / ``UserPostBookmarkSerializer`` and
``UsersController#search_users``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, Protocol
from urllib.parse import quote

from voicepeer.forum import parse
from voicepeer.forum.discourse import DiscourseClient


@dataclass(frozen=True)
class ForumUser:
    username: str
    name: str | None = None

    @property
    def display_name(self) -> str:
        return self.name or self.username


@dataclass(frozen=True)
class UserProfile:
    """What the forum's user card shows about a member."""

    username: str
    name: str | None = None
    created_at: datetime | None = None
    """When they joined the forum."""
    title: str | None = None
    group: str | None = None
    admin: bool = False
    moderator: bool = False


@dataclass(frozen=True)
class Bookmark:
    """A post the person saved to come back to."""

    id: int
    topic_id: int
    post_number: int
    title: str
    excerpt: str = ""
    author: str | None = None
    name: str | None = None
    """The reminder name the person gave it, if any."""
    whole_topic: bool = False
    """Saved as a whole topic (the bookmark at the top of a topic on the forum's web pages):
    ``post_number`` is then the first post not yet read there, where it opens, as on the
    web; its author the topic's."""


BOOKMARKS_PAGE = 20
"""Bookmarks Discourse sends a page (UserBookmarkList's per_page)."""
MAX_BOOKMARKS = 100
"""Saved posts listed at most, newest first: more than a person goes through by voice."""


class PeerForum(Protocol):
    """What the voice loop needs beyond reading and replying. Raises ForumError."""

    def username(self) -> str: ...

    def user_profile(self, username: str) -> UserProfile: ...

    def group_full_name(self, name: str) -> str | None:
        """The full name a group's page shows ("MS Society nurses" for ``ms_society_nurses``),
        None when it has none. Raises ForumNotFoundError for a group hidden from the person."""
        ...

    def find_users(self, term: str) -> tuple[ForumUser, ...]: ...

    def participants(self, topic_id: int) -> tuple[ForumUser, ...]:
        """Who else is in a private conversation."""
        ...

    def bookmarks(self) -> tuple[Bookmark, ...]: ...

    def add_bookmark(self, post_id: int) -> int:
        """Bookmark a post; returns the bookmark's id."""
        ...

    def remove_bookmark(self, bookmark_id: int) -> None: ...


class DiscoursePeer:
    """:class:`PeerForum` on a Discourse site, through an existing client's connection."""

    def __init__(self, client: DiscourseClient) -> None:
        self._client = client

    def username(self) -> str:
        return self._client.username()

    def user_profile(self, username: str) -> UserProfile:
        data = self._client.http.get(f"/u/{quote(username, safe='')}/card.json")
        return parse.guarded("user card", lambda: _profile(data["user"]))

    def group_full_name(self, name: str) -> str | None:
        # GroupsController#show: {"group": GroupShowSerializer, "extras": …}; posts and
        # user cards carry only the group's short name.
        data = self._client.http.get(f"/g/{quote(name, safe='')}.json")
        full = parse.guarded("group", lambda: data["group"].get("full_name"))
        return (" ".join(full.split()) or None) if isinstance(full, str) else None

    def find_users(self, term: str) -> tuple[ForumUser, ...]:
        data = self._client.http.get("/u/search/users.json", {"term": term})
        return parse.guarded(
            "user search",
            lambda: tuple(
                ForumUser(parse._str(u["username"]), u.get("name") or None) for u in data["users"]
            ),
        )

    def participants(self, topic_id: int) -> tuple[ForumUser, ...]:
        data = self._client.http.get(f"/t/{int(topic_id)}.json")
        me = self.username().casefold()

        def build() -> tuple[ForumUser, ...]:
            details = data.get("details") or {}
            people = tuple(
                ForumUser(parse._str(u["username"]), u.get("name") or None)
                for u in details.get("allowed_users") or ()
                if str(u.get("username", "")).casefold() != me
            )
            groups = tuple(
                ForumUser(parse._str(g["name"]), None) for g in details.get("allowed_groups") or ()
            )
            return people + groups

        return parse.guarded("conversation", build)

    def bookmarks(self) -> tuple[Bookmark, ...]:
        """The newest :data:`MAX_BOOKMARKS` saved posts and topics, newest first: Discourse
        sends 20 a page, with ``more_bookmarks_url`` while there are more."""
        me = quote(self.username(), safe="")
        found: list[Bookmark] = []
        for page in range(MAX_BOOKMARKS // BOOKMARKS_PAGE):
            data = self._client.http.get(
                f"/u/{me}/bookmarks.json", {"page": page} if page else None
            )
            # Discourse answers a person with no bookmarks with a list-less body.
            listing = data.get("user_bookmark_list") if isinstance(data, dict) else None
            rows = listing.get("bookmarks") if isinstance(listing, dict) else None
            censor = self._client.censored()
            found += parse.guarded("bookmark list", partial(_bookmarks, rows, censor))
            if not rows or not isinstance(listing, dict) or not listing.get("more_bookmarks_url"):
                break
        return tuple(found[:MAX_BOOKMARKS])

    def add_bookmark(self, post_id: int) -> int:
        # Discourse 3.x bookmarks any record through /bookmarks.json (not in the OpenAPI spec).
        data = self._client.http.write(
            "POST", "/bookmarks.json", {"bookmarkable_id": post_id, "bookmarkable_type": "Post"}
        )
        return parse.guarded("new bookmark", lambda: int(data["id"]))

    def remove_bookmark(self, bookmark_id: int) -> None:
        self._client.http.write("DELETE", f"/bookmarks/{int(bookmark_id)}.json", {})


def peer_forum_for(forum: object) -> PeerForum | None:
    """The peer features of a forum client, when it offers them."""
    return DiscoursePeer(forum) if isinstance(forum, DiscourseClient) else None


def _profile(user: dict[str, Any]) -> UserProfile:
    group = user.get("primary_group_name") or user.get("flair_name")
    return UserProfile(
        username=parse._str(user["username"]),
        name=user.get("name") or None,
        created_at=parse.when(user.get("created_at")),
        title=user.get("title") or None,
        group=group if isinstance(group, str) else None,
        admin=user.get("admin") is True,
        moderator=user.get("moderator") is True,
    )


def _bookmarks(rows: Any, censor: parse.TitleCensor) -> list[Bookmark]:
    # Chat messages and other plugins' bookmarks have no topic to read.
    kinds = ("Post", "Topic")
    return [
        _bookmark(row, censor)
        for row in rows or ()
        if row.get("bookmarkable_type", "Post") in kinds
    ]


def _bookmark(row: dict[str, Any], censor: parse.TitleCensor) -> Bookmark:
    user = row.get("user") or {}
    whole_topic = row.get("bookmarkable_type") == "Topic"
    return Bookmark(
        id=int(row["id"]),
        topic_id=int(row["topic_id"]),
        post_number=_first_unread(row) if whole_topic else int(row.get("linked_post_number") or 1),
        title=parse.title_text(row.get("title") or row.get("fancy_title") or "", censor),
        excerpt=parse.excerpt_words(row.get("excerpt")),
        author=(user.get("name") or user.get("username")) if isinstance(user, dict) else None,
        name=row.get("name") or None,
        whole_topic=whole_topic,
    )


def _first_unread(row: dict[str, Any]) -> int:
    """Where a saved topic opens: after the last post read, as Discourse's web pages open it
    (UserTopicBookmarkSerializer's own linked_post_number is always 1)."""
    last_read = row.get("last_read_post_number")
    if not isinstance(last_read, int) or last_read < 1:
        return 1
    highest = row.get("highest_post_number")
    return min(last_read + 1, highest) if isinstance(highest, int) and highest > 0 else last_read
