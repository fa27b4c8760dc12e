"""The topics with something the person has not read ("unread topics"): the forum's Unread
list (topics they follow, with posts after the last one they read) and then its New list
(topics started lately that they never opened), as one list.

Discourse keeps the two apart on its web page; read aloud, one list is easier to follow,
and the topics they follow come first. A topic on both lists is heard once.
"""

from __future__ import annotations

from dataclasses import replace

from voicepeer.forum.base import Forum, TopicList
from voicepeer.voice import phrasing

NOTHING_UNREAD = (
    "You have read everything in the topics you follow, and no topic is new to you. Say "
    "latest topics to hear what people are talking about."
)


def unread_and_new(forum: Forum, page: int) -> TopicList:
    """Page ``page`` (from 0) of the Unread list followed by the same page of the New list.
    Raises ForumError."""
    unread, new = forum.unread_topics(page), forum.new_topics(page)
    listed = {topic.id for topic in unread.topics}
    return TopicList(
        (*unread.topics, *(topic for topic in new.topics if topic.id not in listed)),
        page=page,
        has_more=unread.has_more or new.has_more,
        saved_at=unread.saved_at or new.saved_at,
    )


def still_unread(listed: TopicList, heard: TopicList) -> TopicList:
    """``heard`` (``listed`` with what was heard this session counted as read) without the
    topics heard to the end since the forum listed them: reading progress reaches the forum
    in batches, so its lists lag behind. A topic the forum listed without counting anything
    new in it (a forum that does not say) stays."""
    kept = tuple(
        now
        for now, before in zip(heard.topics, listed.topics, strict=True)
        if now.has_new_posts or not before.has_new_posts
    )
    return replace(heard, topics=kept)


def heading(topics: TopicList) -> str:
    """ "2 topics you follow have new posts, and 3 topics are new to you." """
    new = sum(1 for topic in topics.topics if not topic.unread_posts)
    followed = len(topics.topics) - new
    parts = []
    if followed:
        have = "has" if followed == 1 else "have"
        parts.append(f"{phrasing.count_phrase(followed, 'topic')} you follow {have} new posts")
    if new:
        are = "is" if new == 1 else "are"
        parts.append(f"{phrasing.count_phrase(new, 'topic')} {are} new to you")
    return (", and ".join(parts) + ".").capitalize()
