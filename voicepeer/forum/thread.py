"""A topic as a lazy cursor: post *i* is fetched, with its neighbours, only when asked for.

A 2,000-post topic starts being read after one request (the topic with its first chunk);
later posts arrive :data:`POSTS_CHUNK` at a time in the direction the user is reading.

Post numbers are not positions: deleted posts leave gaps, so the first unread post is found
by number (the first post numbered above the last one read), never by counting.

Mega topics (10,000 posts or more) come without the list of every post id. Their cursor
knows one stretch of consecutive posts and grows it, a chunk at a time, by asking for the
posts after the last one it knows (or before the first), as Discourse's own client does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from voicepeer.errors import PostRemovedError
from voicepeer.forum.base import Post, Topic
from voicepeer.speech.text.polls import PollTally

POSTS_CHUNK = 20
"""Posts fetched per request: Discourse's own chunk size (``TopicView.chunk_size``), which is
also how many it sends when asked for the posts after or before a post number."""


class PostSource(Protocol):
    def posts(self, topic_id: int, post_ids: Sequence[int]) -> tuple[Post, ...]: ...

    def posts_after(
        self, topic_id: int, post_number: int, *, before: bool = False
    ) -> tuple[Post, ...]: ...


class Thread:
    """Posts of one topic by index, fetched in chunks on demand.

    For an ordinary topic index 0 is the first post. For a mega topic the indexes cover the
    stretch known so far; :meth:`extend_backwards` may add posts in front (and says how many,
    so a caller can shift its own index)."""

    def __init__(self, source: PostSource, topic: Topic, *, chunk_size: int = POSTS_CHUNK) -> None:
        self.topic = topic
        self._source = source
        self._chunk = max(1, chunk_size)
        self._posts: dict[int, Post] = {p.id: p for p in topic.loaded_posts}
        self._last_index: int | None = None
        if topic.is_mega:
            self._ids = [p.id for p in sorted(topic.loaded_posts, key=lambda p: p.post_number)]
            first = min((p.post_number for p in topic.loaded_posts), default=1)
            self._complete_start = first <= 1
            self._complete_end = not self._ids or topic.last_post_id in self._posts
        else:
            self._ids = list(topic.post_ids)
            self._complete_start = self._complete_end = True

    def __len__(self) -> int:
        """Posts known so far (every post, except in a mega topic)."""
        return len(self._ids)

    @property
    def fetched_count(self) -> int:
        return len(self._posts)

    def position(self, index: int) -> tuple[int, int]:
        """(ordinal, total) to say "post 3 of 14". A mega topic's posts are counted by their
        post numbers, as its whole list is never known."""
        if not self.topic.is_mega:
            return index + 1, len(self)
        post = self._posts.get(self._ids[index]) if 0 <= index < len(self._ids) else None
        total = max(self.topic.highest_post_number, self.topic.posts_count)
        return (post.post_number if post else index + 1), total

    def loaded(self) -> list[tuple[int, Post]]:
        """The posts fetched so far, each with its index, in the topic's order."""
        return [(i, self._posts[id_]) for i, id_ in enumerate(self._ids) if id_ in self._posts]

    def is_loaded(self, index: int) -> bool:
        return 0 <= index < len(self._ids) and self._ids[index] in self._posts

    def exists(self, index: int) -> bool:
        """Whether there is a post at ``index``; a mega topic fetches the next chunk to know."""
        if index >= len(self._ids) and not self._complete_end:
            self._extend_forwards()
        return 0 <= index < len(self._ids)

    def extend_backwards(self) -> int:
        """Fetch the chunk before the first known post of a mega topic; how many were added."""
        if self._complete_start or not self._ids:
            return 0
        first = self._posts[self._ids[0]]
        earlier = sorted(
            self._source.posts_after(self.topic.id, first.post_number, before=True),
            key=lambda p: p.post_number,
        )
        earlier = [p for p in earlier if p.id not in self._posts]
        if not earlier or earlier[0].post_number <= 1:
            self._complete_start = True
        self._remember(earlier)
        self._ids[:0] = [p.id for p in earlier]
        if self._last_index is not None:
            self._last_index += len(earlier)
        return len(earlier)

    def post_at(self, index: int) -> Post:
        """The post at ``index``; fetches a chunk ahead in the reading direction if needed.
        Raises IndexError outside the topic, PostRemovedError if the post was removed."""
        if not self.exists(index):
            raise IndexError(index)
        backwards = self._last_index is not None and index < self._last_index
        self._last_index = index
        post_id = self._ids[index]
        if post_id not in self._posts:
            self._fetch_around(index, backwards=backwards)
        post = self._posts.get(post_id)
        if post is None:
            raise PostRemovedError(f"post {post_id} of topic {self.topic.id} is gone")
        return post

    def add_newer(self, fresh: Topic) -> int:
        """Posts written since the topic was opened, from ``fresh`` (the topic as the forum
        sends it now), added after the known ones; how many. Posts deleted since stay, to
        be told as gone when reached."""
        before = len(self._ids)
        self.topic = replace(fresh, loaded_posts=self.topic.loaded_posts)
        if fresh.is_mega:  # no whole list: the chunk after the known posts, asked for
            self._complete_end = False
            self.exists(before)
        else:
            known = set(self._ids)
            newer = [i for i in fresh.post_ids if i not in known]
            self._ids.extend(newer)
            self._remember([p for p in fresh.loaded_posts if p.id in newer])
        return len(self._ids) - before

    def update_poll(self, post_id: int, tally: PollTally) -> None:
        """A poll of a fetched post as the forum counts it now (after the person voted)."""
        post = self._posts.get(post_id)
        if post is not None:
            polls = tuple(tally if p.name == tally.name else p for p in post.polls)
            self._posts[post_id] = replace(post, polls=polls)

    def replace_post(self, post: Post) -> None:
        """A fetched post as the forum shows it now (after the person deleted it)."""
        if post.id in self._posts:
            self._posts[post.id] = post

    def update_cues(self, post: Post) -> None:
        """What the forum now shows about a fetched post (after the person liked it)."""
        known = self._posts.get(post.id)
        if known is not None and post.cues is not None:
            self._posts[post.id] = replace(known, cues=post.cues)

    def index_of_post_number(self, post_number: int) -> int | None:
        """Index of a post number among the posts already known (e.g. a reply target)."""
        for index, post_id in enumerate(self._ids):
            post = self._posts.get(post_id)
            if post is not None and post.post_number == post_number:
                return index
        return None

    def find_post_number(self, post_number: int) -> int | None:
        """Index of a post number, fetched with its chunk when not yet known (e.g. to open a
        search hit or a notification at its post). None if it was deleted."""
        known = self.index_of_post_number(post_number)
        if known is not None or not self.topic.is_mega:
            return known if known is not None else self._guess_post_number(post_number)
        index = self._first_index_after(post_number - 1)
        if index is None or self._posts[self._ids[index]].post_number != post_number:
            return None
        return index

    def _guess_post_number(self, post_number: int, max_requests: int = 4) -> int | None:
        # Deleted posts keep their numbers, so a post's index is at most its number minus one:
        # fetch a chunk there, then step back by the gap the chunk shows.
        ids, known = self._ids, None
        guess = min(post_number - 1, len(ids) - 1)
        for _ in range(max_requests):
            if guess < 0:
                break
            start = max(0, min(guess - self._chunk // 2, len(ids) - self._chunk))
            span = ids[start : start + self._chunk]
            wanted = [pid for pid in span if pid not in self._posts]
            self._remember(self._source.posts(self.topic.id, wanted) if wanted else ())
            known = self.index_of_post_number(post_number)
            first = self._posts.get(span[0]) if span else None
            if known is not None or first is None or first.post_number < post_number:
                break
            guess = start - 1 - (first.post_number - post_number)
        return known

    def start_index(self) -> int:
        """Where to resume: the first post numbered above the last one the user read (post
        numbers have gaps, so never ``last read`` used as a position); the last post when
        everything is read; the first post when the topic was never opened."""
        last_read = self.topic.last_read_post_number
        if not last_read:
            return 0
        if last_read >= self.topic.highest_post_number > 0:
            return self.last_index()
        found = self._first_index_after(last_read)
        return found if found is not None else self.last_index()

    def fetch_all(self, chunk_size: int = 200) -> tuple[Post, ...]:
        """Every post of the topic, in order (for saving a whole topic to read offline);
        a mega topic gives the posts known so far."""
        missing = [pid for pid in self._ids if pid not in self._posts]
        for start in range(0, len(missing), chunk_size):
            self._remember(self._source.posts(self.topic.id, missing[start : start + chunk_size]))
        return tuple(self._posts[pid] for pid in self._ids if pid in self._posts)

    # -- fetching --------------------------------------------------------------------------

    def _remember(self, posts: Sequence[Post]) -> None:
        for post in posts:
            self._posts[post.id] = post

    def _first_index_after(self, post_number: int) -> int | None:
        """Index of the first post numbered above ``post_number``, known or fetched (one
        request: Discourse answers ``post_number=N&asc=true`` with the chunk after N)."""
        known = [(i, self._posts[pid]) for i, pid in enumerate(self._ids) if pid in self._posts]
        for position, (index, post) in enumerate(known):
            if post.post_number > post_number:
                # Certain only when the known post just before it is at or below the number.
                before = known[position - 1] if position else None
                if (index == 0 and self._complete_start) or (
                    before is not None
                    and before[0] == index - 1
                    and before[1].post_number <= post_number
                ):
                    return index
                break
        after = self._source.posts_after(self.topic.id, post_number)
        if not after:
            return None
        self._remember(after)
        if self.topic.is_mega:
            # A new stretch starting here; what lies before it is fetched when read backwards.
            self._ids = [p.id for p in after]
            self._complete_start = False
            self._complete_end = self.topic.last_post_id in {p.id for p in after}
            self._last_index = None
            return 0
        positions = {post_id: index for index, post_id in enumerate(self._ids)}
        return next((positions[p.id] for p in after if p.id in positions), None)

    def first_index(self) -> int:
        """The first post's index (0); a mega topic fetches its first posts, in place of the
        stretch known so far, when they are not among them."""
        if self.topic.is_mega and not self._complete_start:
            # The chunk after the first post, then what is before that chunk: the first
            # post itself (asked for directly, as post 0, a forum answers from post 2).
            after = self._source.posts_after(self.topic.id, 1)
            start = min((p.post_number for p in after), default=2)
            head = self._source.posts_after(self.topic.id, start, before=True)
            first = sorted({p.id: p for p in (*head, *after)}.values(), key=lambda p: p.post_number)
            if first:
                self._remember(first)
                self._ids = [p.id for p in first]
                self._complete_start = True
                self._complete_end = self.topic.last_post_id in self._ids
                self._last_index = None
        return 0

    def last_index(self) -> int:
        """The newest post's index; a mega topic fetches its newest posts, in place of the
        stretch known so far, when they are not among them."""
        if self.topic.is_mega and not self._complete_end:
            # The chunk before the highest post number, then the newest post itself: asked
            # for the posts before a number past the end, a forum starts from the post
            # nearest it, the newest, and leaves it out (TopicView#get_sort_order).
            topic = self.topic
            before = self._source.posts_after(topic.id, topic.highest_post_number, before=True)
            last = self._source.posts(topic.id, [topic.last_post_id]) if topic.last_post_id else ()
            newest = list({p.id: p for p in (*before, *last)}.values())
            if newest:
                self._remember(newest)
                self._ids = [p.id for p in sorted(newest, key=lambda p: p.post_number)]
                self._complete_start = False
                self._complete_end = True
                self._last_index = None
        return max(0, len(self._ids) - 1)

    def _extend_forwards(self) -> None:
        if not self._ids:
            self._complete_end = True
            return
        last = self._posts[self._ids[-1]]
        later = [
            p
            for p in self._source.posts_after(self.topic.id, last.post_number)
            if p.id not in self._posts
        ]
        self._remember(later)
        self._ids.extend(p.id for p in later)
        if not later or self.topic.last_post_id in {p.id for p in later}:
            self._complete_end = True

    def _fetch_around(self, index: int, *, backwards: bool) -> None:
        ids = self._ids
        start = index - self._chunk + 1 if backwards else index
        # Keep the chunk full near either end (e.g. "last post" then reading backwards).
        start = max(0, min(start, len(ids) - self._chunk))
        span = range(start, min(len(ids), start + self._chunk))
        wanted = [ids[i] for i in span if ids[i] not in self._posts]
        self._remember(self._source.posts(self.topic.id, wanted))
