"""Everyday questions voicepeer cannot answer from the forum, said clearly: a short honest
answer and the nearest thing it can do, not "Sorry, I didn't catch that" (which made the
person say it again, louder). The time and the day it can simply tell."""

from __future__ import annotations

import re
from datetime import datetime

from voicepeer.voice.written_forms import WRITTEN_FORMS, as_written

_TIME = frozenset(
    {"what time is it", "what's the time", "what is the time", "what time is it now"}
    | {"tell me the time", "do you know the time", "do you know what time it is"}
)
_DAY = frozenset(
    {"what day is it", "what day is it today", "what's the date", "what is the date"}
    | {"what's the date today", "what's today's date", "what is today's date"}
    | {"what's today", "what is today"}
)
_ONLINE = frozenset(
    {"who's online", "who is online", "who else is online", "is anyone online"}
    | {"is anybody online", "who's online now", "who is online now", "anyone online"}
)
_MEANING = (
    re.compile(r"^what does (?P<word>.+) mean$"),
    re.compile(r"^what does (?P<word>.+) stand for$"),
    re.compile(r"^what(?: is|'s) (?:a|an) (?P<word>.+)$"),
    re.compile(r"^what(?: is|'s) the meaning of (?P<word>.+)$"),
    re.compile(r"^what(?: is|'s) (?P<word>\w+)$"),
    re.compile(r"^(?:explain|define) (?P<word>.+)$"),
)
"""Asking what a word means ("what does RRMS mean", "what's a lesion")."""
_NO_WORD = frozenset({"it", "this", "that", "he", "she", "they", "happening", "up", "wrong"})
"""Said where the word goes, no word asked about ("what is it", "what's up")."""


def beyond_reach(text: str, now: datetime, in_a_topic: bool) -> str | None:
    """What to answer ``text`` (normalized words, no command), when it asks for what
    voicepeer cannot do from the forum; None for anything else."""
    if text in _TIME:
        return f"It is {_clock(now)}."
    if text in _DAY:
        return f"It is {now.strftime('%A')}, {now.day} {now.strftime('%B')}."
    if text in _ONLINE:
        nearest = (
            "To hear who has written in this topic, say who is here."
            if in_a_topic
            else "To hear who has written in a topic, open it and say who is here."
        )
        return f"I can't tell who is online. {nearest}"
    for pattern in _MEANING:
        found = pattern.match(text)
        if found is not None and found["word"] not in _NO_WORD:
            word = " ".join(as_written(found["word"].split(), WRITTEN_FORMS))
            return (
                f"I can't explain words. To hear what people here have written about "
                f"{word}, say search for {word}."
            )
    return None


def _clock(now: datetime) -> str:
    """ "10 past 3 in the afternoon": the hour as people say it, not a 24-hour figure."""
    hour = now.hour % 12 or 12
    if now.hour < 12:
        part = "in the morning"
    elif now.hour < 18:
        part = "in the afternoon"
    else:
        part = "in the evening"
    return f"{hour}:{now.minute:02d} {part}"
