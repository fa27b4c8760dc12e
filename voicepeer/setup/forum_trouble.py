"""What a helper is told when a forum did not work for a check (``voicepeer forum status``):
the address tried, what happened there, and what to check. The voice loop's sentences are
for the person and say "ask your helper"; these are the helper's own."""

from __future__ import annotations

import re

from voicepeer.errors import (
    AuthError,
    ForumError,
    ForumForbiddenError,
    ForumNotFoundError,
    ForumResponseError,
    ForumUnreachableError,
    RateLimitedError,
    ResponseProblem,
)
from voicepeer.forum.http import without_request
from voicepeer.unreachable import nothing_answered

_HTTP_STATUS = re.compile(r"\bHTTP (\d{3})\b")


def forum_trouble(url: str, error: ForumError) -> str:
    """What went wrong at the forum ``url``, for a helper, and what to do about it."""
    if isinstance(error, ForumUnreachableError):
        return nothing_answered(
            url,
            error.fault,
            "If other web pages open, the forum itself may be down: open "
            f"{url} in the web browser to see, and try again later.",
        )
    answered = f"{url} answered{_status(error)}"
    if isinstance(error, ForumResponseError) and error.problem is ResponseProblem.SERVER_TROUBLE:
        return (
            f"{answered}, with an error of its own: the forum may be down for maintenance or "
            "busy. Try again later; if it lasts a day, tell the forum's administrators."
        )
    if isinstance(error, (AuthError, ForumForbiddenError)):
        return (
            f"{answered}, but no longer accepts voicepeer's key for this account (it was "
            "revoked on the forum, or the account changed). To reconnect, run: "
            f"voicepeer forum connect {url}"
        )
    if isinstance(error, RateLimitedError):
        return f"{answered}, asking voicepeer to wait: try again in a few minutes."
    if isinstance(error, (ForumResponseError, ForumNotFoundError)):
        return (
            f"{answered}, but not as a Discourse forum does ({without_request(error)}). "
            "Open the address in a web browser: if the forum is elsewhere now, connect "
            "that address with voicepeer forum connect."
        )
    return f"{answered}, but refused: {without_request(error)}."


def _status(error: ForumError) -> str:
    found = _HTTP_STATUS.search(str(error))
    return f" (HTTP {found[1]})" if found else ""
