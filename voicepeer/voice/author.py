"""Answering "who wrote this": the author as the forum shows them, and since when."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from voicepeer.forum.peer import PeerForum
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
        if peer is not None
        else None
    )
    say(who_wrote(post, profile, now()))
