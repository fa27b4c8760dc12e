"""A topic as a lazy cursor: post *i* is fetched, with its neighbours, only when asked for.

A 2,000-post topic starts being read after one request (the topic with its first chunk);
later posts arrive ``chunk_size`` at a time in the direction the user is reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from voicepeer.errors import ForumNotFoundError
from voicepeer.forum.base import Post, Topic


class PostSource(Protocol):
    def posts(self, topic_id: int, post_ids: Sequence[int]) -> tuple[Post, ...]: ...


class Thread:
    """Posts of one topic by index (0 = first post), fetched in chunks on demand."""

    def __init__(self, source: PostSource, topic: Topic, *, chunk_size: int = 20) -> None:
        self.topic = topic
        self._source = source
        self._chunk = max(1, chunk_size)
        self._posts: dict[int, Post] = {p.id: p for p in topic.loaded_posts}
        self._last_index: int | None = None

    def __len__(self) -> int:
        return len(self.topic.post_ids)

    @property
    def fetched_count(self) -> int:
        return len(self._posts)

    def is_loaded(self, index: int) -> bool:
        return self.topic.post_ids[index] in self._posts

    def post_at(self, index: int) -> Post:
        """The post at ``index``; fetches a chunk ahead in the reading direction if needed.
        Raises IndexError outside the topic, ForumNotFoundError if the post was removed."""
        if not 0 <= index < len(self):
            raise IndexError(index)
        backwards = self._last_index is not None and index < self._last_index
        self._last_index = index
        post_id = self.topic.post_ids[index]
        if post_id not in self._posts:
            self._fetch_around(index, backwards=backwards)
        post = self._posts.get(post_id)
        if post is None:
            raise ForumNotFoundError(
                f"post {post_id} of topic {self.topic.id} is gone",
                spoken="That post has been removed from the forum. I will go on to the next one.",
            )
        return post

    def index_of_post_number(self, post_number: int) -> int | None:
        """Index of a post number among the posts already known (e.g. a reply target)."""
        for index, post_id in enumerate(self.topic.post_ids):
            post = self._posts.get(post_id)
            if post is not None and post.post_number == post_number:
                return index
        return None

    def find_post_number(self, post_number: int, *, max_requests: int = 4) -> int | None:
        """Index of a post number, fetching around where it should be when not yet known
        (e.g. to jump to the reply a notification is about). None if it was deleted."""
        known = self.index_of_post_number(post_number)
        ids = self.topic.post_ids
        # Deleted posts keep their numbers, so a post's index is at most its number minus one.
        guess = min(post_number - 1, len(ids) - 1)
        for _ in range(max_requests):
            if known is not None or guess < 0:
                break
            start = max(0, min(guess - self._chunk // 2, len(ids) - self._chunk))
            span = ids[start : start + self._chunk]
            wanted = [pid for pid in span if pid not in self._posts]
            for post in self._source.posts(self.topic.id, wanted) if wanted else ():
                self._posts[post.id] = post
            known = self.index_of_post_number(post_number)
            first = self._posts.get(span[0]) if span else None
            if known is not None or first is None or first.post_number < post_number:
                break
            guess = start - 1 - (first.post_number - post_number)
        return known

    def start_index(self) -> int:
        """Where to resume: after the last post the user read, else the first post."""
        last_read = self.topic.last_read_post_number
        if not last_read:
            return 0
        found = self.index_of_post_number(last_read)
        if found is not None:
            return min(found + 1, len(self) - 1)
        return min(max(0, last_read), len(self) - 1)

    def fetch_all(self, chunk_size: int = 200) -> tuple[Post, ...]:
        """Every post of the topic, in order (for saving a whole topic to read offline)."""
        missing = [pid for pid in self.topic.post_ids if pid not in self._posts]
        for start in range(0, len(missing), chunk_size):
            for post in self._source.posts(self.topic.id, missing[start : start + chunk_size]):
                self._posts[post.id] = post
        return tuple(self._posts[pid] for pid in self.topic.post_ids if pid in self._posts)

    def _fetch_around(self, index: int, *, backwards: bool) -> None:
        ids = self.topic.post_ids
        start = index - self._chunk + 1 if backwards else index
        # Keep the chunk full near either end (e.g. "last post" then reading backwards).
        start = max(0, min(start, len(ids) - self._chunk))
        span = range(start, min(len(ids), start + self._chunk))
        wanted = [ids[i] for i in span if ids[i] not in self._posts]
        for post in self._source.posts(self.topic.id, wanted):
            self._posts[post.id] = post
