"""What voicepeer says as it starts: that it is here, whether the forum answers and takes
the person's posts, what waits for them there, and how to go on from last time."""

from __future__ import annotations

from voicepeer.forum.base import Forum
from voicepeer.voice import phrasing
from voicepeer.voice.account_notice import AccountNotice
from voicepeer.voice.forum_back import ForumBackNotice
from voicepeer.voice.notifications import NotificationRounds
from voicepeer.voice.ports import PlaceKeeper
from voicepeer.voice.saved_drafts import SavedDraft, SavedDraftsList

FORUM_DOWN = (
    " I cannot reach the forum at the moment. I will keep trying, and anything you write is kept."
)
NOT_SIGNED_IN = (
    " I am not signed in, so I can read to you but not post. To reply, ask your helper to run "
    "voicepeer forum connect."
)


class Greeting:
    """The greeting's words, put together from what the forum and the person's places say."""

    def __init__(
        self,
        forum: Forum,
        places: PlaceKeeper,
        saved_drafts: SavedDraftsList,
        account_notice: AccountNotice,
        forum_back: ForumBackNotice,
        notifications: NotificationRounds,
    ) -> None:
        self._forum = forum
        self._places = places
        self._saved_drafts = saved_drafts
        self._account_notice = account_notice
        self._forum_back = forum_back
        self._notifications = notifications

    def words(self, left_writing: SavedDraft | None) -> str:
        """The greeting; ``left_writing`` is the reply being written when voicepeer last
        stopped, which "resume" goes back to."""
        again = self._again(left_writing)
        title = self._forum.title
        # Only a forum that answered is named as connected, or asked for notifications
        # (one out of reach would hold the greeting up for their timeouts).
        connected = f", connected to {phrasing.forum_name(title)}" if title is not None else ""
        return (
            f"Hello. This is voicepeer{connected}.{self._waiting(title)}"
            " Say latest topics to hear what people are talking about, or say help."
            + again
            + self._saved_drafts.reminder(left_writing)
        )

    def _again(self, left_writing: SavedDraft | None) -> str:
        """How to go back to where the person was, or "" (nowhere yet)."""
        if left_writing is not None:
            return f" Say resume to go on with {self._saved_drafts.named(left_writing)}."
        if self._places.last_topic() is not None:
            return " Say resume to go back to where you were."
        return ""

    def _waiting(self, title: str | None) -> str:
        """What stands between the person and the forum, or else the notifications waiting
        for them; ``title`` is the forum's, None when it did not answer."""
        refused = self._account_notice.in_greeting()
        if refused:
            return refused
        if title is None and self._forum.forum_down:
            self._forum_back.failure_told()
            return FORUM_DOWN
        if title is not None and not self._forum.signed_in:
            # Said before the first reply is refused, not after it was dictated.
            return NOT_SIGNED_IN
        return self._notifications.waiting() if title is not None else ""
