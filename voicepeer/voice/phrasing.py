"""What voicepeer says about lists, topics and posts: short, predictable sentences."""

from __future__ import annotations

from datetime import datetime

from voicepeer.forum.base import (
    Category,
    Notification,
    Post,
    Topic,
    TopicList,
    TopicSummary,
)
from voicepeer.speech.text import spoken_age

_COUNT_WORDS = ("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
                "Ten")


def count_phrase(count: int, noun: str) -> str:
    """ "1 reply", "12 replies", "no replies" — numbers as the speech engine reads them."""
    if count == 0:
        return f"no {_plural(noun)}"
    return f"{count} {noun if count == 1 else _plural(noun)}"


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def age_of(post: Post, now: datetime) -> str:
    """How long ago the post was written, or "" when the forum did not say."""
    return spoken_age(post.created_at, now) if post.created_at else ""


def topic_line(position: int, topic: TopicSummary) -> str:
    """ "One: Heat and fatigue, by Sam, 12 replies, 2 unread." """
    number = _COUNT_WORDS[position] if position < len(_COUNT_WORDS) else str(position)
    parts = [f"{number}: {topic.title}"]
    if topic.created_by:
        parts.append(f"by {topic.created_by}")
    if topic.posts_count:  # 0 means not known (a search result), not "no replies"
        parts.append(count_phrase(topic.reply_count, "reply"))
    if topic.unread_posts:
        parts.append(f"{topic.unread_posts} unread")
    return ", ".join(parts) + "."


def topic_list_summary(topics: TopicList, shown: int, heading: str) -> str:
    """``heading`` (e.g. "5 latest topics."), then the first ``shown`` topics named."""
    count = len(topics.topics)
    lines = [heading]
    lines += [topic_line(i + 1, t) for i, t in enumerate(topics.topics[:shown])]
    if count > shown:
        lines.append(f"Say next to hear more, or open topic and a number up to {count}.")
    else:
        lines.append("Say open topic and a number.")
    return " ".join(lines)


def topic_intro(topic: Topic, category: Category | None) -> str:
    where = f", in {category.name}" if category else ""
    return f"{topic.title}{where}. {count_phrase(topic.posts_count, 'post').capitalize()}."


def post_header(post: Post, index: int, total: int, now: datetime) -> str:
    """ "Post 3 of 14, by Alex, 2 hours ago, replying to Sam." """
    parts = [f"Post {index + 1} of {total}", f"by {author_name(post)}"]
    age = age_of(post, now)
    if age:
        parts.append(age)
    if post.reply_to_username:
        parts.append(f"replying to {post.reply_to_username}")
    return ", ".join(parts) + "."


def author_name(post: Post) -> str:
    return post.name or post.username


NOTIFICATION_PHRASES = {
    "replied": "{who} replied to you in {topic}.",
    "mentioned": "{who} mentioned you in {topic}.",
    "quoted": "{who} quoted you in {topic}.",
    "liked": "{who} liked your post in {topic}.",
    "private_message": "{who} sent you a private message: {topic}.",
    "posted": "{who} posted in {topic}, which you are watching.",
}


def notification_line(notification: Notification) -> str:
    """ "Sam replied to you in Heat and fatigue." """
    template = NOTIFICATION_PHRASES.get(notification.kind, "{who}: something new in {topic}.")
    return template.format(who=notification.username or "Someone",
                           topic=notification.topic_title or "a topic")
