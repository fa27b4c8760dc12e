"""Finding a reply of the user's on the forum after its sending was interrupted.

The outbox notes the topic's newest post id before the first send, and only posts after it
can be the copy (Discourse's post ids only grow): the same words are found with no clocks
compared. Words changed since (edited on the web before voicepeer looked) are found by who
posted and when instead: the person's first post there made around the moment of sending
and not another reply's, compared on the clocks with a margin. A reply held for
a moderator has no post yet; Discourse lists the user's own waiting posts in the topic
(``pending_posts`` of ``/t/{id}.json``, present when the site queues posts) and at
``/posts/{username}/pending.json`` (``PostsController#pending``, readable by the user
themself with the ``read`` scope).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, Protocol
from urllib.parse import quote

from voicepeer.errors import AuthError, ForumNotFoundError, ForumResponseError
from voicepeer.forum import parse
from voicepeer.forum.base import Post, PostOutcome, PostStatus, Topic, WaitingPost

log = logging.getLogger(__name__)

MAX_POSTS_SEARCHED = 200
"""Most posts after the noted one to look through (a copy is among the newest)."""


_ODD_SPACES = re.compile("[\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
"""The spaces Discourse makes plain in a post's text (TextCleaner.normalize_whitespaces)."""


def normalize_raw(text: str) -> str:
    """Compare post text the way the forum stores it: trimmed, unusual spaces made plain,
    line endings and runs of spaces unified."""
    text = _ODD_SPACES.sub(" ", text.replace("\r\n", "\n"))
    return re.sub(r"[ \t]+", " ", text).strip()


_PLAIN_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "--",
        "\u2014": "---",
        "\u2026": "...",
        "\u00bd": "1/2",
        "\u00bc": "1/4",
        "\u00be": "3/4",
    }
)
"""HtmlPrettify's entities, read, back to what was typed."""


def title_key(title: str) -> str:
    """A title as it compares with the forum's copy of it: Discourse tidies a title before
    storing it (title_prettify: a capital, runs of ! and ? made one, final full stops and a
    space before a final ! or ? taken away, all capitals undone; spaces always), and its
    ``fancy_title`` (the only form some answers give) has curly quotes, dashes and ellipses
    for straight ones (HtmlPrettify), so a topic is found again whichever form came."""
    text = title.translate(_PLAIN_TYPOGRAPHY)
    text = " ".join(re.sub("[\u200b-\u200d\ufeff]", "", text).split()).casefold()
    text = re.sub(r"!+", "!", re.sub(r"\?+", "?", text))
    text = re.sub(r"([^.])\.+$", r"\1", text)
    return re.sub(r"\s+([!?])$", r"\1", text)


class _Reading(Protocol):
    """The parts of the Discourse client the search needs."""

    def get(self, path: str) -> Any: ...

    def posts(self, topic_id: int, post_ids: list[int]) -> tuple[Post, ...]: ...

    def posts_before(self, topic_id: int, post_number: int) -> tuple[Post, ...]:
        """The chunk of posts numbered below ``post_number``."""
        ...

    def raw_of(self, post_id: int) -> str | None: ...

    def me(self) -> str | None: ...


def newest_post_id(topic_data: Any) -> int | None:
    """The highest post id in a topic's answer (a mega topic's ``lastId``); None when the
    answer does not say (then the search looks at the newest posts without a boundary)."""
    try:
        topic = parse.topic(topic_data)
    except ForumResponseError:
        return None
    if topic.is_mega:
        return topic.last_post_id
    return max(topic.post_ids, default=0)


def find_own_post(
    forum: _Reading,
    topic_id: int,
    raw: str,
    after_post_id: int | None,
    *,
    chunk: int,
    sent_at: datetime | None = None,
    window_s: float = 0.0,
    claimed: Collection[int] = (),
) -> PostOutcome | None:
    """The user's post after ``after_post_id`` with the words ``raw``, or waiting for a
    moderator with them. Else, given when it was sent, their earliest post after it made
    within ``window_s`` seconds of ``sent_at`` (its words changed since); never one of the
    post numbers ``claimed`` by other replies."""
    data = forum.get(f"/t/{int(topic_id)}.json")
    topic = parse.topic(data)
    me = forum.me()
    wanted = normalize_raw(raw)
    newest_first = (
        _mega_newest_first(forum, topic, chunk)
        if topic.is_mega
        else _newest_first(forum, topic, chunk)
    )
    earliest: Post | None = None
    for seen, post in enumerate(newest_first):
        if seen >= MAX_POSTS_SEARCHED or (after_post_id is not None and post.id <= after_post_id):
            break
        if (me and post.username.lower() != me.lower()) or post.post_number in claimed:
            continue
        source = post.raw if post.raw is not None else forum.raw_of(post.id)
        if source is not None and normalize_raw(source) == wanted:
            return PostOutcome(PostStatus.POSTED, post.id, post.post_number, topic_id)
        if me and _made_when_sent(post, sent_at, window_s):
            earliest = post
    if any(normalize_raw(p.raw) == wanted for p in waiting_posts(forum, data, topic_id)):
        return PostOutcome(PostStatus.ENQUEUED, topic_id=topic_id)
    if earliest is not None and after_post_id is not None:
        log.info("own post found by its time, its words changed since")
        return PostOutcome(PostStatus.POSTED, earliest.id, earliest.post_number, topic_id)
    return None


def _made_when_sent(post: Post, sent_at: datetime | None, window_s: float) -> bool:
    """Whether the post was made within ``window_s`` seconds of ``sent_at``."""
    if sent_at is None or post.created_at is None or window_s <= 0:
        return False
    return abs(post.created_at - sent_at) <= timedelta(seconds=window_s)


def _newest_first(forum: _Reading, topic: Topic, chunk: int) -> Iterator[Post]:
    """A topic's posts from the newest back, fetched a chunk at a time as needed."""
    loaded = {p.id: p for p in topic.loaded_posts}
    ids = topic.post_ids
    for end in range(len(ids), 0, -chunk):
        part = ids[max(0, end - chunk) : end]
        missing = [pid for pid in part if pid not in loaded]
        loaded.update(
            (p.id, p) for p in (forum.posts(topic_id=topic.id, post_ids=missing) if missing else ())
        )
        yield from (loaded[pid] for pid in reversed(part) if pid in loaded)


def _mega_newest_first(forum: _Reading, topic: Topic, chunk: int) -> Iterator[Post]:
    """A mega topic (no list of post ids) from the newest back, paged by post number."""
    number = max(topic.highest_post_number, topic.posts_count) + 1
    while True:
        batch = sorted(forum.posts_before(topic.id, number), key=lambda p: -p.post_number)
        if not batch:
            return
        yield from batch
        number = batch[-1].post_number
        if len(batch) < chunk:
            return


def waiting_posts(forum: _Reading, topic_data: Any, topic_id: int) -> tuple[WaitingPost, ...]:
    """The user's posts in this topic that wait for a moderator: as the topic lists them,
    else as their own list does."""
    listed = waiting_in_topic(topic_data, topic_id)
    if listed is not None:
        return listed
    return tuple(p for p in all_waiting_posts(forum) or () if p.topic_id == topic_id)


def waiting_in_topic(topic_data: Any, topic_id: int) -> tuple[WaitingPost, ...] | None:
    """The user's waiting posts a topic's answer lists (``pending_posts``); None when it
    leaves them out (the site queues no posts by rule)."""
    listed = topic_data.get("pending_posts") if isinstance(topic_data, dict) else None
    if not isinstance(listed, list):
        return None
    return tuple(
        replace(_waiting(p, "raw"), topic_id=topic_id) for p in listed if isinstance(p, dict)
    )


def all_waiting_posts(forum: _Reading) -> tuple[WaitingPost, ...] | None:
    """Every post of the user's waiting for a moderator, in any topic or starting one
    (``/posts/{username}/pending.json``); None when the forum does not let it be read."""
    if (me := forum.me()) is None:
        return None
    try:
        data = forum.get(f"/posts/{quote(me, safe='')}/pending.json")
    except (ForumNotFoundError, AuthError) as error:
        log.info("own waiting posts not readable: %s", type(error).__name__)
        return None
    found = data.get("pending_posts") if isinstance(data, dict) else None
    if not isinstance(found, list):
        return None
    return tuple(_waiting(p, "raw_text") for p in found if isinstance(p, dict))


def _waiting(listed: dict[str, Any], text: str) -> WaitingPost:
    title = listed.get("title")
    return WaitingPost(
        str(listed.get(text) or ""),
        parse.when(listed.get("created_at")),
        _whole_number(listed, "id"),  # its review-queue id, in both serializers
        _whole_number(listed, "topic_id"),
        title if isinstance(title, str) else "",  # the payload's, as written
        _whole_number(listed, "category_id"),
    )


def _whole_number(listed: dict[str, Any], name: str) -> int | None:
    found = listed.get(name)
    return found if isinstance(found, int) and not isinstance(found, bool) else None
