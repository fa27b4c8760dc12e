"""What a helper is told when a forum did not work for a check (``voicepeer forum status``,
``voicepeer doctor``): the address tried, what happened there, and what to do. One wording
for each fault, whichever command found it. The voice loop's sentences are for the person
and say "ask your helper"; these are the helper's own."""

from __future__ import annotations

from dataclasses import dataclass

from voicepeer.errors import (
    AuthError,
    ForumError,
    ForumForbiddenError,
    ForumNotFoundError,
    ForumResponseError,
    ForumUnreachableError,
    NetFault,
    RateLimitedError,
    ResponseProblem,
)
from voicepeer.forum.http import without_request
from voicepeer.unreachable import (
    CHECK_NETWORK,
    WHAT_HAPPENED,
    nothing_answered_here,
    on_this_computer,
)


@dataclass(frozen=True)
class ForumTrouble:
    what: str
    """What happened, naming the address tried."""
    todo: str
    """What the helper can do about it."""
    account: bool = False
    """The forum answers; it is the saved account it does not accept."""

    def __str__(self) -> str:
        return f"{self.what}. {self.todo}"


def forum_trouble(url: str, error: ForumError) -> ForumTrouble:
    """What went wrong at the forum ``url``, for a helper, and what to do about it."""
    if isinstance(error, ForumUnreachableError) and on_this_computer(url):
        return ForumTrouble(*nothing_answered_here(url, error.fault))
    if isinstance(error, ForumUnreachableError):
        happened = WHAT_HAPPENED[error.fault]
        if error.fault is NetFault.NO_CONNECTION:  # the system's own words, to look up
            happened += f" ({without_request(error)})"
        return ForumTrouble(
            f"Nothing answered at {url}: {happened}",
            f"{CHECK_NETWORK} If other web pages open, the forum itself may be down: open "
            f"{url} in the web browser to see, and try again later. If the forum opens at "
            "another address, connect that one: voicepeer forum connect ADDRESS",
        )
    answered = f"{url} answered{_answer(error)}"
    if isinstance(error, ForumResponseError) and error.problem is ResponseProblem.SERVER_TROUBLE:
        return ForumTrouble(
            f"{url} answered with an error of its own{_answer(error)}",
            "The forum may be down for maintenance or busy: try again later. If it lasts a "
            "day, tell the forum's administrators.",
        )
    if isinstance(error, (AuthError, ForumForbiddenError)):
        return ForumTrouble(
            f"{answered}, but no longer accepts voicepeer's key for this account",
            "The key was revoked on the forum, or the account changed. To reconnect, run: "
            f"voicepeer forum connect {url}",
            account=True,
        )
    if isinstance(error, RateLimitedError):
        return ForumTrouble(f"{answered}, asking voicepeer to wait", "Try again in a few minutes.")
    if isinstance(error, (ForumResponseError, ForumNotFoundError)):
        why = str(error.answer) if _failed(error) else without_request(error)
        return ForumTrouble(
            f"{url} answered, but it is not a Discourse forum, or not the forum's main "
            f"address ({why})",
            f"Open {url} in a web browser. If the forum is at another address now, connect "
            "that one: voicepeer forum connect ADDRESS",
        )
    return ForumTrouble(
        f"{answered}, but refused ({without_request(error)})",
        "Try again later. If it keeps happening, run 'voicepeer --debug doctor' and send "
        "the log to whoever supports you.",
    )


def _failed(error: ForumError) -> bool:
    return error.answer is not None and error.answer.status >= 300


def _answer(error: ForumError) -> str:
    return f" ({error.answer})" if error.answer is not None else ""
