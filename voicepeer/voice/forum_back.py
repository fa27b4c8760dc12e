"""Telling the person, once, that the forum answers again after they heard it was out of
reach: otherwise nothing says when to try again. A reply kept meanwhile has news of its own
when it is sent; this is for when nothing was kept."""

from __future__ import annotations

from voicepeer.forum.base import Forum
from voicepeer.voice.ports import Say

FORUM_BACK = "The forum answers again."


class ForumBackNotice:
    """Says :data:`FORUM_BACK` in a quiet moment after the forum, told out of reach, was
    found answering again by voicepeer's look in the background."""

    def __init__(self, forum: Forum, say: Say) -> None:
        self._forum = forum
        self._say = say
        self._told_down = False
        """The person heard that the forum is out of reach, and not yet that it is back."""
        self._back = False
        """It answered since (set on the thread that noticed)."""
        forum.on_back(self._answered)

    def failure_told(self) -> None:
        """A failure at the forum was just told: if the forum is known to be out of reach,
        its return is worth telling."""
        if self._forum.forum_down:
            self._told_down, self._back = True, False

    def acted(self) -> None:
        """The person's words were acted on: a forum back meanwhile answered them, which
        said all there is to say."""
        if self._back:
            self._told_down = self._back = False

    def tell(self) -> bool:
        """Say that the forum answers again, when due; True when it was said."""
        if not (self._told_down and self._back):
            return False
        self._told_down = self._back = False
        self._say(FORUM_BACK)
        return True

    def _answered(self) -> None:
        if self._told_down:
            self._back = True
