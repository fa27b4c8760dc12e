"""Telling the person, as they hear their notifications, that a reply the forum held back
(no more replies in a row from them in a topic, or a new member's replies until someone
answers them) can go now: someone else has posted there."""

from __future__ import annotations

from collections.abc import Iterable

from voicepeer.forum.base import Notification
from voicepeer.forum.checks import RepliesHeld
from voicepeer.voice.composer import reply_draft_key
from voicepeer.voice.cues import number_word
from voicepeer.voice.outbox_phrases import refusal_held
from voicepeer.voice.ports import DraftKeeper

ANSWERED_KINDS = frozenset({"replied", "mentioned", "quoted", "posted"})
"""Notifications that someone else has posted in a topic ("posted": one the person watches);
all but the last also answer the person there."""


def held_replies_free(notifications: Iterable[Notification], drafts: DraftKeeper) -> list[str]:
    """For each topic where a notification says someone else has posted, and the reply
    saved there was held back by the forum until then: that it can go now, and how (the
    notifications heard, in the order said and numbered so, are the list "open" takes
    from)."""
    lines: list[str] = []
    seen: set[int] = set()
    for position, note in enumerate(notifications, 1):
        if note.topic_id is None or note.topic_id in seen or note.kind not in ANSWERED_KINDS:
            continue
        held = refusal_held(drafts.refusal(reply_draft_key(note.topic_id)))
        # A new member's limit is lifted by an answer to them, not by any post.
        lifted = held is RepliesHeld.IN_A_ROW or (
            held is RepliesHeld.NEW_MEMBER and note.kind != "posted"
        )
        if lifted:
            seen.add(note.topic_id)
            title = (note.topic_title or "that topic").rstrip(".?! ")
            lines.append(
                f"Your reply in {title} that the forum held back can go now: say open "
                f"{number_word(position)}, then reply, then send it."
            )
    return lines
