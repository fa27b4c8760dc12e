"""Which post "reply to the previous post", "reply to the person who started this" or
"reply to the nurse" means: a post named by where it is, or by its writer's title, not by a
name or a number."""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from voicepeer.commands.text import normalize
from voicepeer.forum.base import Post
from voicepeer.forum.peer import ForumUser


class Place(Enum):
    BEFORE = "before"
    """The post before the one being read."""
    FIRST = "first"
    """The topic's first post: its starter's."""


_ONE = r"(?:post|one|reply|message|comment|person|writer)"
_THIS = r"(?: (?:this|that|it|this one|that one|this post|that post))?"
_BEFORE = (
    re.compile(rf"(?:the )?(?:previous|preceding|earlier)(?: {_ONE})?"),
    re.compile(rf"the {_ONE} (?:before|above){_THIS}"),
    re.compile(r"(?:the )?(?:last|previous) one before" + _THIS),
)
_TOPIC = r"(?:this|it|the topic|this topic|the thread|this thread|the conversation|this one)"
_FIRST = (
    re.compile(r"(?:the )?(?:first|original) (?:person|poster|writer|author|message|member)"),
    re.compile(
        rf"(?:the )?(?:person|one|member|lady|woman|man|guy) (?:who|that) "
        rf"(?:started|began|opened|posted|wrote) {_TOPIC}(?: first)?"
    ),
    re.compile(rf"(?:whoever|who) (?:started|began|opened) {_TOPIC}"),
    re.compile(r"(?:the )?(?:topic|thread|conversation) (?:starter|author|opener)"),
    re.compile(r"(?:the )?(?:op|o p|starter|original post|beginning|start|top)"),
    re.compile(rf"(?:the )?(?:author|writer|starter) of {_TOPIC}"),
)
_TITLE_LEAD = re.compile(r"^(?:the|our|that|this|a|an) ")


def place_named(said: str) -> Place | None:
    """The post ``said`` (the words after "reply to") names by where it is in the topic;
    None when it names none so."""
    text = normalize(said)
    if any(pattern.fullmatch(text) for pattern in _BEFORE):
        return Place.BEFORE
    if any(pattern.fullmatch(text) for pattern in _FIRST):
        return Place.FIRST
    return None


def titled(said: str, posts: Sequence[Post], me: str | None) -> ForumUser | None:
    """The one writer of ``posts`` whose title (as the forum shows it: "MS nurse") ``said``
    names ("the nurse", "the MS nurse"); None when no one's does, or more than one's."""
    words = _TITLE_LEAD.sub("", normalize(said)).split()
    if not words:
        return None
    found: dict[str, ForumUser] = {}
    for post in posts:
        title = post.cues.user_title if post.cues else None
        if not title or (me and post.username.casefold() == me.casefold()):
            continue
        title_words = normalize(title).split()
        if title_words[-len(words) :] == words:
            found[post.username.casefold()] = ForumUser(post.username, post.name)
    return next(iter(found.values())) if len(found) == 1 else None


def names_a_post(said: str, posts: Sequence[Post], me: str | None) -> bool:
    """Whether ``said`` names a post by where it is ("the previous post") or by its
    writer's title ("the nurse": a title is said with "the", where a name is not)."""
    if place_named(said) is not None:
        return True
    return said.split()[:1] == ["the"] and titled(said, posts, me) is not None
