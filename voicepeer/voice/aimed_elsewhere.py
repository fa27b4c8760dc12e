"""What is said when words written into a public reply ask for it to go to someone else:
"send it to Priya", "send it to everyone", "send it to her", or "no, to Priya" once words
of it are written. They stay written (they may be words of the reply), and the person is
told whom the reply answers, and how to answer someone else: written in unsaid, the reply
went on answering Sam, with "send it to Priya" in it for all to read."""

from __future__ import annotations

import re
from collections.abc import Sequence

from voicepeer.commands.matcher import WHOLE_TOPIC
from voicepeer.commands.text import normalize
from voicepeer.forum.base import Post
from voicepeer.voice import phrasing
from voicepeer.voice.described_post import names_a_post
from voicepeer.voice.retarget import corrected_to, writer_named

_SENT_TO = re.compile(
    r"(?:please )?(?:send|post|give) (?:it|this|that|my reply|the reply|this reply) "
    r"(?:over )?to (?P<whom>\S+(?: \S+){0,2})(?: please)?"
)
SOMEONE_UNNAMED = frozenset({"her", "him", "them", "that person", "this person", "someone"})
"""Whom "send it to her" names: someone, not said who."""
SCRATCHED_AND_KEPT = "say scratch that, then cancel, then"
"""The way to another post: the words out, the reply put aside (kept), a reply begun."""


def aimed_elsewhere(said: str, reply_to: Post | None, posts: Sequence[Post]) -> str | None:
    """What to say of ``said``, written into a public reply answering ``reply_to`` (None:
    the topic), when it asks for the reply to go to someone (of ``posts``, or not) or to
    all; None for anything else."""
    found = _SENT_TO.fullmatch(" ".join(normalize(said).split()))
    named = found["whom"] if found else corrected_to(said, posts, reply_to, None)
    if named is None:
        return None
    added = f'I added "{said}" to your reply.'
    answers = phrasing.author_name(reply_to) if reply_to is not None else "the whole topic"
    if named in WHOLE_TOPIC:
        return (
            f"{added} A reply is for everyone here to read already; this one answers "
            f"{answers}. To send it, say scratch that, then send it."
        )
    if named in SOMEONE_UNNAMED:
        return (
            f"{added} Your reply answers {answers}. To answer someone else, "
            f"{SCRATCHED_AND_KEPT} reply to and their name: your words are kept."
        )
    if names_a_post(named, posts, None):  # "no, to the previous post", "no, to the nurse"
        return (
            f"{added} Your reply answers {answers}. To answer {named} instead, "
            f"{SCRATCHED_AND_KEPT} reply to {named}: your words are kept."
        )
    name = " ".join(word.title() for word in named.split())
    writer = writer_named(named, posts, ())
    if writer is None:  # "send it to Jo", who has not written here
        return (
            f"{added} Your reply answers {answers}, for everyone here to read. To write to "
            f"{name} privately instead, {SCRATCHED_AND_KEPT} message {name}."
        )
    if reply_to is not None and phrasing.same_member(writer.username, reply_to.username):
        return (
            f"{added} Your reply answers {answers} already. To send it, say scratch that, "
            "then send it."
        )
    return (
        f"{added} Your reply answers {answers}, not {phrasing.author_name(writer)}. To answer "
        f"{name} instead, {SCRATCHED_AND_KEPT} reply to {name}: your words are kept."
    )
