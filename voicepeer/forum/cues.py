"""What a forum shows about a post and its author that helps a reader judge it.

Only what the forum itself states is kept — a role, a title or group the forum gave, an
edit, an answer marked as the accepted one, likes and reactions — never a rating of our own.
Field names follow Discourse's ``PostSerializer`` and the solved and reactions plugins'
additions to it (``accepted_answer``, ``reactions``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

LIKE_ACTION_ID = 2
"""Discourse's post action type for a like (``actions_summary``)."""
MAIN_REACTION = "heart"
"""The reactions plugin's default main reaction: it stands for a like."""


@dataclass(frozen=True)
class Reaction:
    emoji: str
    """The reaction's emoji name, e.g. ``hugs``."""
    count: int


@dataclass(frozen=True)
class PostCues:
    admin: bool = False
    moderator: bool = False
    user_title: str | None = None
    """A title the forum shows under the author's name (e.g. "MS Society nurse")."""
    group: str | None = None
    """The author's primary (or flair) group, as the forum names it."""
    edited: bool = False
    accepted_answer: bool = False
    """The solved plugin marks this post as the topic's accepted answer."""
    likes: int = 0
    reactions: tuple[Reaction, ...] = ()
    """Reactions other than likes (the reactions plugin); likes are counted in ``likes``."""
    liked: bool = False
    """The member reading has liked the post (the like summary's ``acted``)."""
    can_like: bool | None = None
    """Whether the forum lets the member reading like it (``can_act``): not their own post,
    not liked yet, not in an archived topic. None when the forum did not say."""
    can_unlike: bool = False
    """Whether the forum lets the member take their like back (``can_undo``): only for a
    few minutes after giving it (post_undo_action_window_mins), never in an archived topic."""
    yours: bool = False
    """The member reading wrote it."""
    can_edit: bool = False
    """Whether the forum lets the member reading edit it (Guardian#can_edit_post?: their own
    post, within the forum's edit time limit, not in an archived topic, not deleted)."""
    can_delete: bool = False
    """Whether the forum lets the member reading delete it (Guardian#can_delete_post?: their
    own reply, not a topic's first post, not in an archived topic, not deleted already)."""
    deleted_by_author: bool = False
    """Its author deleted it (``user_deleted``): the forum shows a stub in its place."""
    can_recover: bool = False
    """Whether the member reading may bring it back (Guardian#can_recover_post?: their own
    post they deleted, while the forum keeps the stub, a day by default)."""


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def post_cues(data: dict[str, Any]) -> PostCues:
    """The cues in one serialized post; anything missing or odd is simply left out."""
    likes, liked, can_unlike = 0, False, False
    actions = data.get("actions_summary")
    # PostSerializer lists a like summary only with a count or can_act: none listed means
    # the member cannot like it.
    can_like = False if isinstance(actions, list) else None
    for action in actions if isinstance(actions, list) else ():
        if isinstance(action, dict) and action.get("id") == LIKE_ACTION_ID:
            likes = _count(action.get("count"))
            liked = action.get("acted") is True
            can_like = action.get("can_act") is True
            can_unlike = action.get("can_undo") is True
    reactions: list[Reaction] = []
    for reaction in data.get("reactions") or ():
        if not isinstance(reaction, dict) or not isinstance(reaction.get("id"), str):
            continue
        if reaction["id"] == MAIN_REACTION:
            # With the plugin, likes are folded into the main reaction's count.
            likes = max(likes, _count(reaction.get("count")))
        elif _count(reaction.get("count")):
            reactions.append(Reaction(reaction["id"], _count(reaction.get("count"))))
    version = data.get("version")
    return PostCues(
        admin=data.get("admin") is True,
        moderator=data.get("moderator") is True,
        user_title=_text(data.get("user_title")),
        group=_text(data.get("primary_group_name")) or _text(data.get("flair_name")),
        edited=(isinstance(version, int) and version > 1) or bool(data.get("last_wiki_edit")),
        accepted_answer=data.get("accepted_answer") is True,
        likes=likes,
        reactions=tuple(sorted(reactions, key=lambda r: -r.count)),
        liked=liked,
        can_like=can_like,
        can_unlike=can_unlike,
        yours=data.get("yours") is True,
        can_edit=data.get("can_edit") is True,
        can_delete=data.get("can_delete") is True,
        deleted_by_author=data.get("user_deleted") is True,
        can_recover=data.get("can_recover") is True,
    )


def cues_from_saved(data: Any) -> PostCues | None:
    """Cues as the offline cache stored them (a plain mapping)."""
    if isinstance(data, PostCues) or data is None:
        return data
    reactions = tuple(Reaction(**r) for r in data.get("reactions") or ())
    return PostCues(**{**data, "reactions": reactions})
