"""Groups' full names asked of the forum: once each, and not again and again while the forum
is out of reach (each ask then cost a wait for the network before an author's first post)."""

from __future__ import annotations

from typing import cast

from voicepeer.errors import ForumUnreachableError
from voicepeer.forum.peer import PeerForum
from voicepeer.voice.group_names import ASK_AGAIN_AFTER_S, GroupNames


class _Forum:
    """A forum that cannot be reached until ``reachable`` is set (a fault a live forum
    cannot be made to give on cue)."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.reachable = False

    def group_full_name(self, name: str) -> str | None:
        self.asked.append(name)
        if not self.reachable:
            raise ForumUnreachableError("no route")
        return "MS Society nurses"


def test_out_of_reach_the_forum_is_not_asked_again_for_a_while() -> None:
    forum, now = _Forum(), [0.0]
    names = GroupNames(cast(PeerForum, forum), clock=lambda: now[0])
    assert names.full_name("ms_society_nurses") is None
    assert names.full_name("peer_supporters") is None
    assert forum.asked == ["ms_society_nurses"]
    forum.reachable, now[0] = True, ASK_AGAIN_AFTER_S
    assert names.full_name("ms_society_nurses") == "MS Society nurses"
    assert names.full_name("ms_society_nurses") == "MS Society nurses"
    assert forum.asked == ["ms_society_nurses", "ms_society_nurses"]
