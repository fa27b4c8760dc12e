"""Checking a reply before it is sent, and reading what the forum refused: both as
structured reasons (kinds and numbers), put into words by the dialogue."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from voicepeer.errors import ForumRequestError, RequestProblem
from voicepeer.forum.base import SiteLimits

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """``text`` with anything that cannot be stored or sent as UTF-8 (lone surrogates from a
    broken decoder) replaced by U+FFFD, so saving a draft can never fail on odd input."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _length(text: str) -> int:
    # Discourse counts characters of the stripped text.
    return len(text.strip())


class LengthProblem(Enum):
    EMPTY = "empty"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"


@dataclass(frozen=True)
class DraftProblem:
    """Why the forum would refuse a reply or a title, in numbers."""

    problem: LengthProblem
    title: bool = False
    """About a new topic's title rather than the body."""
    limit: int = 0
    """The forum's minimum (too short) or maximum (too long), in characters."""
    by: int = 0
    """Characters missing (too short) or too many (too long)."""


def check_reply(
    raw: str, limits: SiteLimits, *, private: bool = False, first_post: bool = False
) -> DraftProblem | None:
    """What the forum would refuse this reply for; None if fine. ``first_post`` for the
    opening post of a new topic, ``private`` for private messages."""
    length = _length(raw)
    if private:
        minimum = limits.min_personal_message_post_length
    elif first_post:
        minimum = limits.min_first_post_length
    else:
        minimum = limits.min_post_length
    if length == 0:
        return DraftProblem(LengthProblem.EMPTY, limit=minimum, by=minimum)
    if length < minimum:
        return DraftProblem(LengthProblem.TOO_SHORT, limit=minimum, by=minimum - length)
    if length > limits.max_post_length:
        return DraftProblem(
            LengthProblem.TOO_LONG, limit=limits.max_post_length, by=length - limits.max_post_length
        )
    return None


def check_title(title: str, limits: SiteLimits) -> DraftProblem | None:
    """What the forum would refuse a new topic's title for; None if fine."""
    length = _length(title)
    if length < limits.min_topic_title_length:
        return DraftProblem(
            LengthProblem.TOO_SHORT,
            title=True,
            limit=limits.min_topic_title_length,
            by=limits.min_topic_title_length - length,
        )
    if length > limits.max_topic_title_length:
        return DraftProblem(
            LengthProblem.TOO_LONG,
            title=True,
            limit=limits.max_topic_title_length,
            by=length - limits.max_topic_title_length,
        )
    return None


def check_search_term(query: str, minimum: int) -> None:
    """Refuse, before sending, a search shorter than the forum's ``min_search_term_length``,
    or one whose every word is (Discourse's Search#execute): the forum would answer the
    first with a bare 400, the second with no result at all ("ms uk")."""
    words = query.split()
    if len(query.strip()) < minimum or all(len(w) < minimum for w in words):
        raise ForumRequestError(
            f"search term of {len(query.strip())} characters, the longest word "
            f"{max((len(w) for w in words), default=0)}; the forum's minimum is {minimum}",
            problem=RequestProblem.SEARCH_TOO_SHORT,
            minimum=minimum,
        )


_TOO_SHORT = re.compile(r"^(?P<what>\w+) is too short \(minimum is (?P<n>\d+) characters?\)", re.I)
_TOO_LONG = re.compile(r"^(?P<what>\w+) is too long \(maximum is (?P<n>\d+) characters?\)", re.I)
_TITLE_TAKEN = re.compile(r"^title has already been used", re.I)
# TextSentinel's judgement (server.en.yml is_invalid and errors.messages is_invalid_*):
# "Body seems unclear, is it a complete sentence?", "Title seems unclear, ...".
_UNCLEAR = re.compile(r"^(?P<what>\w+) seems unclear", re.I)
# PostValidator's limits on replies in one topic (server.en.yml too_many_replies and
# max_consecutive_replies; "No consecutive replies" when the limit is 1).
_NEW_MEMBER_REPLIES = re.compile(r"new users are temporarily limited to (?P<n>\d+) repl", re.I)
_REPLIES_IN_A_ROW = re.compile(r"no (?:more than (?P<n>\d+) )?consecutive replies", re.I)


class RepliesHeld(Enum):
    """Why the forum takes no more replies from the member in a topic for now."""

    NEW_MEMBER = "new_member"
    """A new member's replies in a topic until someone answers them there."""
    IN_A_ROW = "in_a_row"
    """Replies in a row at the end of someone else's topic."""


@dataclass(frozen=True)
class Rejection:
    """One of the forum's reasons for refusing a post (an HTTP 422's ``errors``), read."""

    problem: LengthProblem | None
    """A length rule broken; None for any other reason."""
    title: bool = False
    limit: int = 0
    """The forum's minimum or maximum: characters for a length, replies for a reply limit."""
    too_similar: bool = False
    """Almost the same as something the person posted a moment ago."""
    title_taken: bool = False
    """Another topic has this title (Discourse's default: titles are unique)."""
    unclear: bool = False
    """The forum judged the words unclear: the same few letters over and over, a very long
    word (a title), or all in capitals."""
    replies_held: RepliesHeld | None = None
    """A limit of ``limit`` replies from the member in the topic, lifted when someone else
    posts there."""
    words: str = ""
    """The forum's own sentence, as it gave it."""


def read_rejection(error: str) -> Rejection:
    """What one of the forum's refusal sentences says, as far as voicepeer knows it."""
    for problem, pattern in (
        (LengthProblem.TOO_SHORT, _TOO_SHORT),
        (LengthProblem.TOO_LONG, _TOO_LONG),
    ):
        if match := pattern.match(error):
            return Rejection(
                problem, title=match["what"].lower() == "title", limit=int(match["n"]), words=error
            )
    for held, pattern in (
        (RepliesHeld.NEW_MEMBER, _NEW_MEMBER_REPLIES),
        (RepliesHeld.IN_A_ROW, _REPLIES_IN_A_ROW),
    ):
        if match := pattern.search(error):
            return Rejection(None, limit=int(match["n"] or 1), replies_held=held, words=error)
    if match := _UNCLEAR.match(error):
        return Rejection(None, title=match["what"].lower() == "title", unclear=True, words=error)
    return Rejection(
        None,
        too_similar="too similar" in error.lower(),
        title_taken=_TITLE_TAKEN.match(error) is not None,
        words=error,
    )


def slow_mode_refusal(errors: tuple[str, ...]) -> bool:
    """Whether the forum refused a reply because its topic is in slow mode
    (server.en.yml slow_mode_enabled: "This topic is in slow mode.")."""
    return any(e.strip().lower().startswith("this topic is in slow mode") for e in errors)


def limit_from_rejection(errors: tuple[str, ...]) -> int | None:
    """The minimum body length a 422 reveals, so later checks use the forum's real rule."""
    for error in errors:
        match = _TOO_SHORT.match(error)
        if match and match["what"].lower() in ("body", "raw", "post"):
            return int(match["n"])
    return None
