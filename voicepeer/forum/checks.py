"""Checking a reply before it is sent, and saying in plain words what the forum refused."""

from __future__ import annotations

import re

from voicepeer.errors import ForumRequestError
from voicepeer.forum.base import SiteLimits

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable_text(text: str) -> str:
    """``text`` with anything that cannot be stored or sent as UTF-8 (lone surrogates from a
    broken decoder) replaced by U+FFFD, so saving a draft can never fail on odd input."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _length(text: str) -> int:
    # Discourse counts characters of the stripped text.
    return len(text.strip())


def _characters(count: int) -> str:
    return f"{count} character{'s' if count != 1 else ''}"


def check_reply(
    raw: str, limits: SiteLimits, *, private: bool = False, first_post: bool = False
) -> tuple[str, ...]:
    """Problems the forum would refuse this reply for, as sentences to speak; empty if fine.
    ``first_post`` for the opening post of a new topic, ``private`` for private messages."""
    length = _length(raw)
    if private:
        minimum = limits.min_personal_message_post_length
    elif first_post:
        minimum = limits.min_first_post_length
    else:
        minimum = limits.min_post_length
    if length == 0:
        return ("Your reply is empty. Please dictate what you want to say.",)
    if length < minimum:
        missing = minimum - length
        return (
            f"Your reply is a little too short for the forum: it needs {_characters(missing)} "
            f"more, at least {_characters(minimum)} in all. Please add a few words.",
        )
    if length > limits.max_post_length:
        extra = length - limits.max_post_length
        return (
            f"Your reply is too long for the forum by {_characters(extra)}. "
            "Please shorten it or split it into two replies.",
        )
    return ()


def check_title(title: str, limits: SiteLimits) -> tuple[str, ...]:
    """Problems with a new topic's title, as sentences to speak; empty if fine."""
    length = _length(title)
    if length < limits.min_topic_title_length:
        missing = limits.min_topic_title_length - length
        return (
            f"The title is too short: it needs {_characters(missing)} more, at least "
            f"{_characters(limits.min_topic_title_length)}. Please say a longer title.",
        )
    if length > limits.max_topic_title_length:
        return (
            f"The title is too long by {_characters(length - limits.max_topic_title_length)}. "
            "Please say a shorter title.",
        )
    return ()


def check_search_term(query: str, minimum: int) -> None:
    """Refuse, before sending, a search shorter than the forum's ``min_search_term_length``:
    the forum would answer it with a bare 400."""
    if len(query.strip()) < minimum:
        raise ForumRequestError(
            f"search term of {len(query.strip())} characters; the forum's minimum is {minimum}",
            spoken=f"That is too short to search for: the forum needs at least "
            f"{_characters(minimum)}. Say search for, and then a longer word.",
        )


_TOO_SHORT = re.compile(r"^(?P<what>\w+) is too short \(minimum is (?P<n>\d+) characters?\)", re.I)
_TOO_LONG = re.compile(r"^(?P<what>\w+) is too long \(maximum is (?P<n>\d+) characters?\)", re.I)


def _explain(error: str) -> str:
    if match := _TOO_SHORT.match(error):
        what = "title" if match["what"].lower() == "title" else "reply"
        return f"The {what} is too short: the forum wants at least {match['n']} characters."
    if match := _TOO_LONG.match(error):
        what = "title" if match["what"].lower() == "title" else "reply"
        return f"The {what} is too long: the forum allows at most {match['n']} characters."
    if "too similar" in error.lower():
        return "It is almost the same as something you posted a moment ago, so it was refused."
    # Discourse's own messages are written for people; read them as they are.
    return error.rstrip(".") + "."


def spoken_for_rejection(errors: tuple[str, ...]) -> str:
    """A spoken sentence for a 422's ``errors`` list."""
    if not errors:
        return "The forum did not accept that, and did not say why."
    return "The forum did not accept that. " + " ".join(_explain(e) for e in errors[:3])


def limit_from_rejection(errors: tuple[str, ...]) -> int | None:
    """The minimum body length a 422 reveals, so later checks use the forum's real rule."""
    for error in errors:
        match = _TOO_SHORT.match(error)
        if match and match["what"].lower() in ("body", "raw", "post"):
            return int(match["n"])
    return None
