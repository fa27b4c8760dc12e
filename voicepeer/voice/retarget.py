"""Whom a reply answers, corrected as its first words: "Replying to Sam Okafor", then "no,
to Priya", "not Sam, Priya" or "I meant Priya". Written in, they began a reply to Sam that
named Priya, posted as an answer to Sam for all to see.

A reply may begin with a "no" of its own ("No, Sam, I don't think so"), so only a "no",
"not Sam" or "I meant" followed by a name alone (or "to" and a name) is a correction, and
only when that name is someone who wrote in the topic (or a post said by its place or its
writer's title: "no, to the previous post", "no, to the nurse").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voicepeer.commands.natural import HESITATIONS
from voicepeer.commands.repeats import without_repeats
from voicepeer.commands.text import normalize
from voicepeer.forum.base import Post
from voicepeer.voice import phrasing
from voicepeer.voice.described_post import names_a_post

_CORRECTIONS = tuple(
    re.compile(
        r"(?P<no>(?:no|nope|sorry|oops)(?: sorry)? )?"
        rf"(?P<not>not (?:to )?{wrong} )?"  # "not Sam", "not Sam Okafor", "not to Sam"
        r"(?P<meant>i (?:meant|mean) )?"
        r"(?:to )?"
        r"(?P<name>\S+(?: \S+){0,2})"
    )
    for wrong in (r"\S+", r"\S+ \S+")
)


def writer_named(name: str, posts: Sequence[Post], not_meant: Sequence[str]) -> Post | None:
    """A post of the writer ``name`` (normalized: their full name, first name or username,
    said exactly), not one by the ``not_meant`` usernames; None when no one here is so
    named."""
    for post in posts:
        if any(phrasing.same_member(post.username, other) for other in not_meant if other):
            continue
        person = normalize(post.name or post.username)
        if name in (person, person.split()[0], normalize(post.username)):
            return post
    return None


def corrected_to(
    said: str, posts: Sequence[Post], answered: Post | None, me: str | None
) -> str | None:
    """The name of the writer ``said`` corrects the reply to ("no, to Priya": "priya"),
    someone of ``posts`` other than the person and the one ``answered``; None when ``said``
    is no such correction (the reply's own first words)."""
    words = [w for w in without_repeats(normalize(said)).split() if w not in HESITATIONS]
    not_meant = [me or "", answered.username if answered is not None else ""]
    for pattern in _CORRECTIONS:
        found = pattern.fullmatch(" ".join(words))
        if found is None or not (found["no"] or found["not"] or found["meant"]):
            continue
        name = str(found["name"])
        if writer_named(name, posts, not_meant) is not None:
            return name
        if names_a_post(name, posts, me):
            return name  # "no, to the previous post", "no, to the nurse"
    return None
