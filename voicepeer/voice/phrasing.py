"""What voicepeer says about lists, topics and posts: short, predictable sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from voicepeer.forum.base import Post, Topic, TopicList, TopicSummary
from voicepeer.speech.text import spoken_age
from voicepeer.speech.text.sanitize import one_line
from voicepeer.speech.text.sentences import as_sentence

_COUNT_WORDS = ("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten")


def count_phrase(count: int, noun: str) -> str:
    """ "1 reply", "12 replies", "no replies" — numbers as the speech engine reads them."""
    if count == 0:
        return f"no {_plural(noun)}"
    return f"{count} {noun if count == 1 else _plural(noun)}"


OPEN_BY_NUMBER = "Say open and its number."
"""In a list whose items are not chosen by words ("the one about heat"): how to choose."""


def no_such_number(noun: str, number: int, count: int, how: str) -> str:
    """ "There is no topic 9. Say open topic and a number from 1 to 5." for a choice made by
    number among ``count`` (``how``: the words the choice is made with)."""
    return f"There is no {noun} {number}. Say {how} and a number from 1 to {count}."


def and_list(parts: list[str]) -> str:
    """ "a, b and c" """
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def age_of(post: Post, now: datetime) -> str:
    """How long ago the post was written, or "" when the forum did not say."""
    return spoken_age(post.created_at, now) if post.created_at else ""


def topic_line(position: int, topic: TopicSummary, me: str | None = None) -> str:
    """ "One: Heat and fatigue, by Sam, 12 replies, 2 unread." (or ", new": never opened);
    "by you" when the person (``me``, their username) started it."""
    number = _COUNT_WORDS[position] if position < len(_COUNT_WORDS) else str(position)
    parts = [f"{number}: {topic.title}"]
    if topic.pinned:  # pinned by a moderator: at the top whatever its last activity
        parts.append("pinned")
    starter = topic.created_by
    if same_member(starter, me):
        parts.append("by you")
    elif starter:
        parts.append(f"by {starter}")
    if topic.posts_count:  # 0 means not known (a search result), not "no replies"
        parts.append(count_phrase(topic.reply_count, "reply"))
    if topic.unread_posts:
        parts.append(f"{topic.unread_posts} unread")
    elif topic.unseen:
        parts.append("new")
    if topic.archived or topic.closed:
        parts.append("archived" if topic.archived else "closed")
    return as_sentence(", ".join(parts))


def topic_list_summary(
    topics: TopicList,
    shown: int,
    heading: str,
    line: Callable[[int, TopicSummary], str] = topic_line,
) -> str:
    """``heading`` (e.g. "5 latest topics."), then the first ``shown`` topics named."""
    lines = [heading]
    lines += [line(i + 1, t) for i, t in enumerate(topics.topics[:shown])]
    lines.append(list_prompt(topics, shown))
    return " ".join(lines)


def list_prompt(topics: TopicList, named: int) -> str:
    """What to say once the first ``named`` topics of ``topics`` have been named."""
    if topics.has_more or len(topics.topics) > named:
        return more_prompt(topics)
    return OPEN_PROMPT


def more_prompt(topics: TopicList) -> str:
    """How to go on in ``topics`` while some are not named yet."""
    if topics.has_more:  # the forum has older ones, fetched as the person goes on
        return "Say next to hear more, or open topic and a number."
    return f"Say next to hear more, or open topic and a number up to {len(topics.topics)}."


OPEN_PROMPT = "Say open topic and a number."
"""What to say once every topic of a list has been named."""


def topic_intro(topic: Topic, category_name: str | None) -> str:
    where = f", in {category_name}" if category_name else ""
    if topic.archetype == "private_message":
        # Said with the title, so that nobody reads out or answers one unawares.
        where = ", a private conversation"
    intro = f"{topic.title}{where}. {count_phrase(topic.posts_count, 'post').capitalize()}."
    if topic.unread_posts:
        intro += (
            f" {count_phrase(topic.unread_posts, 'new post').capitalize()} since you last read."
        )
    if topic.archived or topic.closed:
        intro += f" {closed_topic_phrase(topic)}"
    return intro


def closed_topic_phrase(topic: Topic) -> str:
    """Why no reply can be added to ``topic``: said when it opens and at "reply". A
    moderator (or a member of the highest trust level) may still reply: said so."""
    if topic.can_reply:
        shut = "archived" if topic.archived else "closed to new replies"
        return f"This topic is {shut}, but the forum still lets you reply."
    if topic.archived:
        return "This topic is archived: no new replies can be added."
    return "This topic is closed to new replies."


def post_header(post: Post, index: int, total: int, now: datetime, me: str | None = None) -> str:
    """ "Post 3 of 14, by Alex, 2 hours ago, replying to Sam." The person (``me``, their
    username) is "you": their own display name may be one a carer chose."""
    parts = [f"Post {index + 1} of {total}", f"by {author_or_you(post)}"]
    age = age_of(post, now)
    if age:
        parts.append(age)
    answered = post.reply_to_username
    if same_member(answered, post.username):
        parts.append(f"replying to {'your' if post.yours else 'their'} own post")
    elif same_member(answered, me):
        parts.append("replying to you")
    elif answered:
        parts.append(f"replying to {post.reply_to_name or answered}")
    return ", ".join(parts) + "."


def not_kept(words: str, meant_for: str = "it") -> str:
    """Words said for a reply or message that is not begun, said not to be kept (they had
    gone with it unsaid)."""
    return f"I have not kept the words you said for {meant_for}: {words}."


def same_member(username: str | None, other: str | None) -> bool:
    """Whether two usernames name the same member (the forum ignores their case)."""
    if not username or not other:
        return False
    return username.casefold() == other.casefold()


def author_name(post: Post) -> str:
    return post.name or post.username


def author_or_you(post: Post) -> str:
    """The author's name, or "you" for the person's own post."""
    return "you" if post.yours else author_name(post)


def wait_phrase(seconds: float) -> str:
    """Speakable form of a wait, e.g. "10 seconds", "2 minutes", "13 hours" (a forum's
    daily limits ask for hours)."""
    whole = max(1, round(seconds))
    # A unit is used from one and a half of it: "89 seconds", "2 minutes", "89 minutes".
    for unit, size in (("hour", 3600), ("minute", 60)):
        if whole >= size * 3 // 2:
            count = round(whole / size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{whole} second{'s' if whole != 1 else ''}"


def waiting_announcement(seconds: float) -> str:
    """What to say when the forum asks for a pause ("The forum asked me to wait 10 seconds.")."""
    return f"The forum asked me to wait {wait_phrase(seconds)}."


def forum_name(title: str | None) -> str:
    """A forum's title as it fits in a sentence: "MS Society" → "the MS Society forum",
    "voicepeer demo forum" → "the voicepeer demo forum"; "the forum" when unknown."""
    title = one_line(title or "")  # the forum's own words: no escape or bidi tricks
    if not title:
        return "the forum"
    lowered = title.lower()
    if lowered.startswith("the "):
        return title
    if any(word in lowered for word in ("forum", "community", "group", "board")):
        return f"the {title}"
    return f"the {title} forum"


def saved_phrase(saved_at: datetime, now: datetime | None = None) -> str:
    """When a cached copy was saved, e.g. "saved today at 9:15 in the morning"."""
    now = now or datetime.now(saved_at.tzinfo or UTC)
    local = saved_at.astimezone(now.tzinfo) if saved_at.tzinfo and now.tzinfo else saved_at
    age = now - local
    if age < timedelta(minutes=2):
        return "saved a moment ago"
    if age < timedelta(hours=1):
        return f"saved {int(age.total_seconds() // 60)} minutes ago"
    hour = local.hour % 12 or 12
    clock = f"{hour}:{local.minute:02d}" if local.minute else f"{hour} o'clock"
    part = (
        "in the morning"
        if local.hour < 12
        else "in the afternoon"
        if local.hour < 18
        else ("in the evening")
    )
    if local.date() == now.date():
        return f"saved today at {clock} {part}"
    if local.date() == (now - timedelta(days=1)).date():
        return f"saved yesterday at {clock} {part}"
    if age < timedelta(days=7):
        return f"saved on {local:%A} at {clock} {part}"
    return f"saved on {local:%A} {local.day} {local:%B}"
