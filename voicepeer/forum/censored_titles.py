"""Words the forum censors, hidden in titles as the forum's own web page hides them.

Discourse blacks out a censored watched word when it cooks a post, but sends topic titles
as they were written: its web page censors them itself (``fancyTitle`` → ``censor``) with
the expressions ``/site.json`` lists as ``censored_regexp``, one object per expression,
``{"<expression>": {"case_sensitive": false}}`` (WordWatcher.serialized_regexps_for_action).
They are JavaScript expressions: a whole word is one with no letter beside it (``\\P{L}``),
which Python's ``re`` cannot read; the ``regex`` package reads them as a browser does.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import regex

log = logging.getLogger(__name__)

SAID_INSTEAD = "censored"
"""What a censored word in a title is said as (as the squares in a post are)."""
_SECONDS_PER_TITLE = 0.05
"""Longest one expression may take over one title: a moderator may write a regular
expression of their own, and one that backtracks badly must not stall the voice."""


@dataclass(frozen=True)
class CensoredWords:
    """The forum's censoring expressions; calling it hides their words in a title."""

    expressions: tuple[regex.Pattern[str], ...] = ()

    @classmethod
    def from_site(cls, site: Any) -> CensoredWords:
        """Read from ``/site.json``; what cannot be read is left out, with a warning."""
        rows = site.get("censored_regexp") if isinstance(site, dict) else None
        found: list[regex.Pattern[str]] = []
        for row in rows if isinstance(rows, list) else ():
            for source, options in row.items() if isinstance(row, dict) else ():
                exact_case = isinstance(options, dict) and options.get("case_sensitive") is True
                try:
                    found.append(regex.compile(source, 0 if exact_case else regex.IGNORECASE))
                except (regex.error, TypeError) as error:
                    log.warning("a censored-word expression of the forum is unreadable: %s", error)
        return cls(tuple(found))

    def __call__(self, title: str) -> str:
        for expression in self.expressions:
            try:
                title = expression.sub(_said_instead, title, timeout=_SECONDS_PER_TITLE)
            except TimeoutError:
                log.warning("a censored-word expression of the forum took too long")
        return title


def _said_instead(match: regex.Match[str]) -> str:
    # As the web page's censorFn: the first group that matched is the word; what else the
    # expression took (the character before a whole word) stays.
    group = next((g for g in range(1, len(match.groups()) + 1) if match.group(g)), 0)
    start, end = match.span(group)
    offset = match.start()
    whole = match.group(0)
    if start == end:
        return whole
    return whole[: start - offset] + SAID_INSTEAD + whole[end - offset :]
