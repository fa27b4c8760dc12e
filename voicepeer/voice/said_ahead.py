"""Words said while voicepeer was still busy with the words before (typed ahead while it
waited for a slow forum): the person said them expecting what came before to work.

When what came before failed at the forum, acting on them could open the wrong topic, or
take a reply's words for commands and drop them as not understood. So they are not acted
on, and each is named, with what to do. Words being written (a reply, a title) are always
taken as they are: nothing dictated is held back. A failure of words said ahead names them
too, since the person may be some commands further on in their mind.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from voicepeer.commands import Intent
from voicepeer.errors import ForumError, ForumRequestError, RequestProblem
from voicepeer.recognition.base import Heard

ANY_TIME = frozenset(
    {
        *(Intent.QUIT, Intent.SLEEP, Intent.PAUSE, Intent.WAKE, Intent.HELP, Intent.WHERE),
        *(Intent.FASTER, Intent.SLOWER, Intent.LOUDER, Intent.QUIETER),
    }
)
"""Commands that mean the same whatever became of the words before them."""


class SaidAhead:
    """Knows when voicepeer was last ready for new words and when it last told of a
    failure, and so which words were said before the person could know of either."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._ready_at = 0.0
        """When voicepeer had finished with the words before (it then listened again)."""
        self._failed_at: float | None = None
        """When a failure at the forum was last told."""
        self._current: Heard | None = None
        """The words being acted on, when said ahead."""
        self._held_since: float | None = None
        """The failure whose words said meanwhile have been named (the first of them with
        why, the others shorter)."""

    def begin(self, heard: Heard) -> None:
        """``heard`` is about to be acted on."""
        ahead = heard.said_at is not None and heard.said_at < self._ready_at
        self._current = heard if ahead else None

    def done(self) -> None:
        """Finished with the words heard: what is said from now on was said after this."""
        self._current = None
        self._ready_at = self._clock()

    def holds(self, heard: Heard, intent: Intent | None) -> bool:
        """Whether ``heard`` (meaning ``intent``, None: no command) was said before the
        person heard that what came before it failed, and means something only if it had
        worked."""
        failed = self._failed_at
        if failed is None or heard.said_at is None or heard.said_at >= failed:
            return False
        return intent not in ANY_TIME

    def held_line(self, heard: Heard) -> str:
        """What to say of ``heard``, held back: which words, and what to do."""
        words = heard.text.strip()
        if self._held_since == self._failed_at:
            return f"You also said: {words}. Not done either."
        self._held_since = self._failed_at
        return (
            f"While I waited for the forum, you also said: {words}. I have not done it, "
            "since what you asked before did not work. Say it again if you still want it."
        )

    def failure_line(self, error: ForumError, line: str) -> str:
        """``line``, telling of ``error``, as said: it names the words it answers when they
        were said ahead, long before the person hears it."""
        if _at_forum(error):
            self._failed_at = self._clock()
        if self._current is None:
            return line
        return f"You said: {self._current.text.strip()}. {line}"


def _at_forum(error: ForumError) -> bool:
    """Whether ``error`` is a failure at the forum. A search too short is refused before
    anything is sent: it is answered at once, like a question asked again, and the words
    said after it mean what the person meant them to."""
    return not (
        isinstance(error, ForumRequestError) and error.problem is RequestProblem.SEARCH_TOO_SHORT
    )
