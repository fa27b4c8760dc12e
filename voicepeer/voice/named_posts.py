"""'What did Sam say' while reading a topic: Sam's newest post in it, read; or, when Sam
has not written here, said so, with how to hear who has."""

from __future__ import annotations

import re

from voicepeer.forum.peer import ForumUser
from voicepeer.voice import phrasing
from voicepeer.voice.people import heard_name, rank
from voicepeer.voice.ports import Say
from voicepeer.voice.reader import Reader, ReadOutcome

_POSSESSIVE = re.compile(r"'s$")
NO_TOPIC = "That is for a topic being read. Open a topic first, then ask what someone said in it."


def read_post_by(reader: Reader, said: str, say: Say) -> ReadOutcome:
    """The newest post in the topic by the member ``said`` names, read; FAILED when there
    is none (said why)."""
    thread = reader.thread
    if thread is None:
        say(NO_TOPIC)
        return ReadOutcome.FAILED
    name = _POSSESSIVE.sub("", heard_name(said))
    people = [ForumUser(p.username, p.name) for p in thread.topic.participants]
    people += [ForumUser(p.username, p.name) for _, p in thread.loaded()]
    found = rank(name, people, reader.me())
    if not found:
        say(f"{name.title()} has not written in this topic. To hear who has, say who is here.")
        return ReadOutcome.FAILED
    who = found[0]
    # Their newest may be further on than fetched so far (a mega topic gives what it has).
    if reader.forum_call(thread.fetch_all) is None:
        return ReadOutcome.FAILED
    theirs = [i for i, post in thread.loaded() if phrasing.same_member(post.username, who.username)]
    if not theirs:
        say(
            f"I could not find a post by {who.display_name} here. To hear who wrote, say who "
            "is here."
        )
        return ReadOutcome.FAILED
    reader.post_index = theirs[-1]
    return reader.read_current()
