"""What a forum's error answer means for the person, as one of voicepeer's errors.

Discourse answers refusals with a status and a JSON body ``{"errors": [...], "error_type":
...}`` (``ApplicationController``'s handlers for ``Discourse::InvalidAccess``,
``NotLoggedIn``, ``NotFound`` and ``InvalidParameters``); its per-IP layer answers a plain-text
429. Each becomes an error whose spoken sentence says what happened and what to do, so a
refused like is never called a broken account, nor a short search an unreadable answer.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from typing import Any

from voicepeer.errors import (
    AuthError,
    ForumError,
    ForumForbiddenError,
    ForumGoneError,
    ForumNotFoundError,
    ForumRejectedError,
    ForumRequestError,
    ForumResponseError,
    RateLimitedError,
)
from voicepeer.forum.checks import spoken_for_rejection

#: Discourse's stock sentence for ``invalid_access``; a revoked key gets it too.
STOCK_INVALID_ACCESS = "You are not permitted to view the requested resource."
#: Its sentence for an admin API key or username it does not know.
_BAD_API_CREDENTIALS = "The API username or key is invalid"
#: ``PostActionCreator``'s sentence for a like (or flag) given twice.
_ALREADY_DONE = "You have already performed this action"

RECONNECT = ("The forum no longer accepts voicepeer's key for your account. Please ask your "
             "helper to reconnect it with voicepeer forum connect.")
SIGN_IN_NEEDED = ("The forum needs you to be signed in for that. Please ask your helper to "
                  "connect your account with voicepeer forum connect.")


def wait_phrase(seconds: float) -> str:
    """Speakable form of a wait, e.g. "10 seconds", "2 minutes"."""
    whole = max(1, round(seconds))
    if whole < 90:
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes = round(whole / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def retry_after(headers: Mapping[str, str], data: Any) -> float:
    """Seconds to wait after a 429: JSON ``extras.wait_seconds``, else ``Retry-After``
    (seconds or an HTTP date), else 10."""
    if isinstance(data, dict):
        extras = data.get("extras")
        if isinstance(extras, dict) and isinstance(extras.get("wait_seconds"), int | float):
            return max(0.0, float(extras["wait_seconds"]))
    header = (headers.get("Retry-After") or "").strip()
    if header:
        try:
            return max(0.0, float(header))
        except ValueError:
            try:
                return max(0.0, parsedate_to_datetime(header).timestamp() - time.time())
            except (TypeError, ValueError):
                pass
    return 10.0


def error_strings(data: Any) -> tuple[str, ...]:
    """The ``errors`` list of a Discourse error body (empty when there is none)."""
    if isinstance(data, dict) and isinstance(data.get("errors"), list):
        return tuple(str(item) for item in data["errors"] if str(item).strip())
    return ()


def _error_type(data: Any) -> str:
    value = data.get("error_type") if isinstance(data, dict) else None
    return value if isinstance(value, str) else ""


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _forbidden(method: str, path: str, reasons: tuple[str, ...]) -> ForumForbiddenError:
    """A refused action, in words about that action."""
    own = [r for r in reasons if r.strip() and r.strip() != STOCK_INVALID_ACCESS]
    reason = " ".join(_sentence(r) for r in own[:2])
    detail = f"{method} {path}: HTTP 403 invalid_access" + (f" ({reason})" if reason else "")
    liking = path.startswith("/post_actions")
    if liking and any(_ALREADY_DONE in r for r in own):
        spoken = "You have already liked this post, so there is nothing more to do."
    elif liking and not own:
        spoken = ("The forum did not let you like this post. It may be one of your own "
                  "posts: the forum does not let anyone like their own.")
    elif own:
        spoken = f"The forum does not let you do that here. It says: {reason}"
    elif method == "GET" and path.startswith(("/t/", "/posts/", "/c/", "/topics/")):
        spoken = ("That is in a part of the forum your account cannot see, such as a "
                  "restricted category or a private message between other people.")
    elif method == "GET":
        spoken = "Your account cannot see that part of the forum."
    else:
        spoken = "The forum does not let your account do that here."
    return ForumForbiddenError(detail, reason=reason, generic=not own, spoken=spoken)


def error_for_answer(
    method: str,
    path: str,
    status: int,
    data: Any,
    headers: Mapping[str, str],
    *,
    signed_in: bool,
) -> ForumError:
    """The error a non-2xx, non-5xx answer stands for. ``data`` is the parsed JSON body or
    None; ``signed_in`` says whether the request carried an account key."""
    reasons = error_strings(data)
    kind = _error_type(data)
    detail = (f"{method} {path}: HTTP {status}" + (f" {kind}" if kind else "")
              + (f" ({'; '.join(reasons)})" if reasons else ""))
    if status == 429:
        wait = retry_after(headers, data)
        return RateLimitedError(
            detail, wait_seconds=wait,
            spoken=f"The forum asked me to wait {wait_phrase(wait)} before asking it again. "
            "Please try again after that; nothing you dictated is lost.",
        )
    if status == 401 or kind == "not_logged_in":
        return AuthError(detail, spoken=RECONNECT if signed_in else SIGN_IN_NEEDED)
    if status == 403:
        if any(_BAD_API_CREDENTIALS in r for r in reasons):
            return AuthError(detail, spoken=RECONNECT)
        return _forbidden(method, path, reasons)
    if status == 410:
        return ForumGoneError(detail)
    if status == 404:
        return ForumNotFoundError(detail)
    if status == 422:
        return ForumRejectedError(detail, errors=reasons, spoken=spoken_for_rejection(reasons))
    if status == 400 or kind == "invalid_parameters":
        if path.startswith("/search"):
            return ForumRequestError(detail, spoken="The forum would not search for that. "
                                     "Please try a longer or different word.")
        return ForumRequestError(detail)
    return ForumResponseError(detail)
