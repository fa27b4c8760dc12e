"""'Anything new here' while reading a topic: what is newer in it, told where the person
is (it had left the topic for the latest topics, or looked for a category called "this
topic")."""

from __future__ import annotations

from voicepeer.voice import phrasing
from voicepeer.voice.ports import Say
from voicepeer.voice.reader import Reader


def say_news_here(reader: Reader, say: Say) -> None:
    """How many posts come after the one being read (the forum asked for any written since
    the topic was opened, which are told as well), and how to hear them."""
    thread = reader.thread
    if thread is None:
        return
    reader.newer_posts()
    ordinal, total = thread.position(reader.post_index)
    after = total - ordinal
    if after <= 0:
        say(
            "Nothing newer here: this is the newest post. Say reply to answer, or back for "
            "the topic list."
        )
        return
    more = phrasing.count_phrase(after, "more post")
    say(f"{more.capitalize()} after this one. Say next to hear the next.")
