"""Answering "who wrote this": the author as the forum shows them, and since when; and
"who else replied": who wrote in the topic."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from voicepeer.forum.base import Participant, Topic
from voicepeer.forum.peer import PeerForum
from voicepeer.voice import phrasing
from voicepeer.voice.cues import who_wrote
from voicepeer.voice.ports import Say
from voicepeer.voice.reader import Reader


def say_who_wrote(
    reader: Reader, peer: PeerForum | None, say: Say, now: Callable[[], datetime]
) -> None:
    post = reader.current_post()
    if post is None:
        say("There is no post open. Say latest topics, then open one.")
        return
    # The user card adds when they joined; without it the post's own cues still stand.
    profile = (
        reader.forum_call(lambda: peer.user_profile(post.username), quiet=True)
        if peer is not None and not post.yours
        else None
    )
    say(who_wrote(post, profile, now(), reader.group_names.full_name))


MOST_NAMED = 6
"""People named at most besides whoever started the topic; the rest are counted."""


def say_who_is_here(reader: Reader, say: Say) -> None:
    thread = reader.thread
    if thread is None:
        say("There is no topic open. To hear who replied to you, say notifications.")
        return
    say(who_is_here(thread.topic, reader.me()))


def who_is_here(topic: Topic, me: str | None) -> str:
    """Who started the topic and who replied, most posts first, as the forum counts them
    (``details.participants``); the person themself is "you"."""
    people = topic.participants
    if not people:  # Discourse leaves them out of a topic of 10,000 posts or more
        return "This topic is too long for the forum to say who wrote in it."
    what = "conversation" if topic.archetype == "private_message" else "topic"

    def named(person: Participant) -> str:
        if phrasing.same_member(person.username, me):
            return "you"
        return person.name or person.username

    starter = next((p for p in people if p.username == topic.created_by), None)
    others = [p for p in people if p is not starter]
    lines = []
    if starter is not None:
        first = named(starter)
        if not others:
            return f"Only {first} {'have' if first == 'you' else 'has'} written here so far."
        more = starter.post_count - 1
        wrote = f" and wrote {phrasing.count_phrase(more, 'more post')}" if more > 0 else ""
        lines.append(f"{'You' if first == 'you' else first} started this {what}{wrote}.")
    shown = [
        named(p) + (f", {phrasing.count_phrase(p.post_count, 'post')}" if p.post_count > 1 else "")
        for p in others[:MOST_NAMED]
    ]
    rest = max(len(others), topic.participant_count - (starter is not None)) - len(shown)
    if rest > 0:
        shown.append(phrasing.count_phrase(rest, "other"))
    lines.append(f"Replies from {_listed(shown)}.")
    return " ".join(lines)


def _listed(names: list[str]) -> str:
    """ "a, b and c", or "a, 2 posts; b; and c" when a name carries its count."""
    if len(names) == 1 or not any("," in n for n in names):
        return phrasing.and_list(names)
    return "; ".join(names[:-1]) + "; and " + names[-1]
