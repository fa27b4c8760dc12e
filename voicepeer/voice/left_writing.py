"""A reply left part-written when voicepeer stopped: after a restart the greeting names it,
and "resume" goes back to writing it (not to the post read before it), its words as saved.

Only the first "resume" of a run goes there, and only while the reply's topic is still the
one read last: once the person has read elsewhere, "resume" means there.
"""

from __future__ import annotations

from voicepeer.voice.ports import DraftKeeper, PlaceKeeper
from voicepeer.voice.saved_drafts import DraftKind, SavedDraft, saved_drafts


def left_writing(places: PlaceKeeper, drafts: DraftKeeper) -> SavedDraft | None:
    """The reply being written when voicepeer last stopped, if it is still saved unsent."""
    key = places.writing()
    if key is None:
        return None
    for draft in saved_drafts(drafts):
        if draft.key == key and draft.kind is DraftKind.REPLY and draft.words:
            return draft if draft.topic_id == places.last_topic() else None
    return None
