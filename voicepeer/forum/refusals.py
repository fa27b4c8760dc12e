"""What a forum's error answer means for the person, as one of voicepeer's errors.

Discourse answers refusals with a status and a JSON body ``{"errors": [...], "error_type":
...}`` (``ApplicationController``'s handlers for ``Discourse::InvalidAccess``,
``NotLoggedIn``, ``NotFound`` and ``InvalidParameters``); its per-IP layer answers a plain-text
429. Each becomes an error that says, in its type and kind, what happened — so the dialogue
never calls a refused like a broken account, nor a short search an unreadable answer.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from email.utils import parsedate_to_datetime
from typing import Any

from voicepeer.errors import (
    AuthError,
    AuthProblem,
    DeclinedByModeratorError,
    EditConflictError,
    Forbidden,
    ForumError,
    ForumForbiddenError,
    ForumGoneError,
    ForumNotFoundError,
    ForumRejectedError,
    ForumRequestError,
    ForumResponseError,
    HttpAnswer,
    RateLimitedError,
    RequestProblem,
)
from voicepeer.speech.text.sentences import as_sentence

#: Discourse's stock sentence for ``invalid_access``; a revoked key gets it too.
STOCK_INVALID_ACCESS = "You are not permitted to view the requested resource."
#: Its sentence for an admin API key or username it does not know.
_BAD_API_CREDENTIALS = "The API username or key is invalid"
#: ``PostActionCreator``'s sentence for a like (or flag) given twice.
_ALREADY_DONE = "You have already performed this action"


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


def _forbidden(
    method: str, path: str, reasons: tuple[str, ...], answer: HttpAnswer
) -> ForumForbiddenError:
    """A refused action, with what kind of refusal it is."""
    own = [r for r in reasons if r.strip() and r.strip() != STOCK_INVALID_ACCESS]
    reason = " ".join(as_sentence(" ".join(r.split())) for r in own[:2])
    detail = f"{method} {path}: HTTP 403 invalid_access" + (f" ({reason})" if reason else "")
    liking = path.startswith("/post_actions")
    if liking and method == "DELETE":
        kind = Forbidden.UNLIKE_REFUSED
    elif liking and any(_ALREADY_DONE in r for r in own):
        kind = Forbidden.ALREADY_LIKED
    elif liking and not own:
        kind = Forbidden.LIKE_REFUSED
    elif method == "DELETE" and path.startswith("/posts/") and not own:
        kind = Forbidden.DELETE_REFUSED
    elif method == "PUT" and path.endswith("/recover") and not own:
        kind = Forbidden.RECOVER_REFUSED
    elif own:
        kind = Forbidden.FORUM_SAYS
    elif method == "GET" and path.startswith(("/t/", "/posts/", "/c/", "/topics/")):
        kind = Forbidden.HIDDEN_PLACE
    elif method == "GET":
        kind = Forbidden.CANNOT_SEE
    else:
        kind = Forbidden.NOT_ALLOWED
    return ForumForbiddenError(detail, kind=kind, reason=reason, generic=not own, answer=answer)


def error_for_answer(
    method: str,
    path: str,
    status: int,
    data: Any,
    headers: Mapping[str, str],
    *,
    signed_in: bool,
    reason_phrase: str = "",
) -> ForumError:
    """The error a non-2xx, non-5xx answer stands for. ``data`` is the parsed JSON body or
    None; ``signed_in`` says whether the request carried an account key; ``reason_phrase``
    is the status line's ("Not Found"), where the forum sent one."""
    answer = HttpAnswer.of(status, reason_phrase)
    reasons = error_strings(data)
    kind = _error_type(data)
    detail = (
        f"{method} {path}: HTTP {status}"
        + (f" {kind}" if kind else "")
        + (f" ({'; '.join(reasons)})" if reasons else "")
    )
    if status == 429:
        return RateLimitedError(detail, wait_seconds=retry_after(headers, data), answer=answer)
    if status == 401 or kind == "not_logged_in":
        problem = AuthProblem.KEY_REFUSED if signed_in else AuthProblem.SIGN_IN_NEEDED
        return AuthError(detail, problem=problem, answer=answer)
    if status == 403:
        if any(_BAD_API_CREDENTIALS in r for r in reasons):
            return AuthError(detail, problem=AuthProblem.KEY_REFUSED, answer=answer)
        return _forbidden(method, path, reasons, answer)
    if status == 410:
        return ForumGoneError(detail, answer=answer)
    if status == 404:
        return ForumNotFoundError(detail, answer=answer)
    if status == 422:
        return ForumRejectedError(detail, errors=reasons, answer=answer)
    if status == 409:
        return EditConflictError(detail, errors=reasons, answer=answer)
    if status == 400 or kind == "invalid_parameters":
        if path.startswith("/search"):
            return ForumRequestError(detail, problem=RequestProblem.SEARCH_REFUSED, answer=answer)
        # TopicCreator's InvalidParameters.new(:category): "…to the request: category".
        if path.startswith("/posts") and any(r.endswith(": category") for r in reasons):
            return ForumRequestError(detail, problem=RequestProblem.NO_SUCH_CATEGORY, answer=answer)
        return ForumRequestError(detail, answer=answer)
    return ForumResponseError(detail, answer=answer)


def record_of(refusal: ForumError) -> str:
    """A refusal as it is kept with the words it refused (see :func:`refusal_from_record`)."""
    record: dict[str, Any] = {"error": type(refusal).__name__, "detail": str(refusal)}
    if isinstance(refusal, ForumRejectedError):
        record["errors"] = list(refusal.errors)
    elif isinstance(refusal, ForumForbiddenError):
        record.update(kind=refusal.kind.value, reason=refusal.reason)
    elif isinstance(refusal, ForumRequestError):
        record.update(problem=refusal.problem.value, minimum=refusal.minimum)
    elif isinstance(refusal, DeclinedByModeratorError):
        record.update(approved_there=refusal.approved_there)
    return json.dumps(record)


def refusal_from_record(text: str) -> ForumError:
    """The refusal kept by :func:`record_of`. Earlier versions kept a sentence instead: it
    comes back as the forum's reason for a rejection."""
    try:
        return _refusal(json.loads(text))
    except (ValueError, TypeError, KeyError, AttributeError):
        return ForumRejectedError("refused; the reason was kept in words", errors=(text,))


def _refusal(record: dict[str, Any]) -> ForumError:
    name, detail = record["error"], str(record["detail"])
    if name == ForumForbiddenError.__name__:
        return ForumForbiddenError(
            detail, kind=Forbidden(record["kind"]), reason=str(record["reason"]), generic=False
        )
    if name == ForumRequestError.__name__:
        return ForumRequestError(
            detail, problem=RequestProblem(record["problem"]), minimum=int(record["minimum"])
        )
    if name == ForumGoneError.__name__:
        return ForumGoneError(detail)
    if name == DeclinedByModeratorError.__name__:
        return DeclinedByModeratorError(detail, approved_there=record.get("approved_there") is True)
    if name == ForumNotFoundError.__name__:
        return ForumNotFoundError(detail)
    return ForumRejectedError(detail, errors=tuple(map(str, record.get("errors") or ())))
