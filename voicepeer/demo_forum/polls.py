"""Polls, as the poll plugin bundled with Discourse keeps them: the question and choices
live in the post (see markdown.py), the votes in a table; each post with polls is served with
``polls`` (PollSerializer: counts only where the member may see the results) and
``polls_votes`` (the member's own choices). Voting and closing: see voting.py.
"""

from __future__ import annotations

import html
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from voicepeer.demo_forum.store import Store

POST_KEYS = ("polls", "polls_votes")

_POLL = re.compile(r'<div class="poll"([^>]*)>(.*?)<div class="poll-info">', re.DOTALL)
_DATA = re.compile(r'data-poll-([a-z]+)="([^"]*)"')
_CHOICE = re.compile(r'<li data-poll-option-id="([0-9a-f]+)">(.*?)</li>', re.DOTALL)
_TITLE = re.compile(r'<div class="poll-title">(.*?)</div>', re.DOTALL)


@dataclass(frozen=True)
class PollMarkup:
    """A poll as its post's cooked HTML states it."""

    name: str
    data: dict[str, str]
    """Its data-poll-* attributes (type, results, status, min, max …)."""
    choices: tuple[tuple[str, str], ...]
    """(id, HTML) of each choice, in order."""
    title: str | None


def polls_in(cooked: str) -> list[PollMarkup]:
    polls = []
    for found in _POLL.finditer(cooked):
        data = {k: html.unescape(v) for k, v in _DATA.findall(found.group(1))}
        title = _TITLE.search(found.group(2))
        polls.append(
            PollMarkup(
                name=data.get("name", "poll"),
                data=data,
                choices=tuple(_CHOICE.findall(found.group(2))),
                title=title.group(1) if title else None,
            )
        )
    return polls


def post_fields(store: Store, post: sqlite3.Row, viewer: sqlite3.Row | None) -> dict[str, Any]:
    """``polls`` and ``polls_votes`` of a post with polls (nothing for one without)."""
    polls = polls_in(post["cooked"])
    if not polls:
        return {}
    fields: dict[str, Any] = {"polls": [serialized(store, post, p, viewer) for p in polls]}
    if viewer is not None:
        mine: dict[str, list[str]] = {}
        for row in store.all(
            "SELECT poll_name, option_id FROM poll_votes WHERE post_id = ? AND user_id = ?"
            " ORDER BY rowid",
            (post["id"], viewer["id"]),
        ):
            mine.setdefault(row["poll_name"], []).append(row["option_id"])
        if mine:
            fields["polls_votes"] = mine
    return fields


def is_closed(store: Store, post_id: int, poll: PollMarkup) -> bool:
    return poll.data.get("status") == "closed" or bool(
        store.scalar(
            "SELECT COUNT(*) FROM closed_polls WHERE post_id = ? AND poll_name = ?",
            (post_id, poll.name),
        )
    )


def serialized(
    store: Store, post: sqlite3.Row, poll: PollMarkup, viewer: sqlite3.Row | None
) -> dict[str, Any]:
    votes = {
        row["option_id"]: int(row["n"])
        for row in store.all(
            "SELECT option_id, COUNT(*) AS n FROM poll_votes WHERE post_id = ? AND poll_name = ?"
            " GROUP BY option_id",
            (post["id"], poll.name),
        )
    }
    voters = int(
        store.scalar(
            "SELECT COUNT(DISTINCT user_id) FROM poll_votes WHERE post_id = ? AND poll_name = ?",
            (post["id"], poll.name),
        )
        or 0
    )
    closed = is_closed(store, post["id"], poll)
    results = poll.data.get("results", "always")
    voted = viewer is not None and bool(
        store.scalar(
            "SELECT COUNT(*) FROM poll_votes WHERE post_id = ? AND poll_name = ? AND user_id = ?",
            (post["id"], poll.name, viewer["id"]),
        )
    )
    # Poll#can_see_results?
    if results == "staff_only":
        can_see = viewer is not None and bool(viewer["admin"] or viewer["moderator"])
    else:
        is_author = viewer is not None and viewer["id"] == post["user_id"]
        can_see = results == "always" or closed or (results == "on_vote" and (voted or is_author))
    options = []
    for choice, choice_html in poll.choices:
        option: dict[str, Any] = {"id": choice, "html": choice_html}
        if can_see:  # PollOptionSerializer#include_votes?
            option["votes"] = votes.get(choice, 0)
        options.append(option)
    serialized: dict[str, Any] = {
        "name": poll.name,
        "type": poll.data.get("type", "regular"),
        "status": "closed" if closed else "open",
        "results": results,
        "options": options,
        "voters": voters,
        "chart_type": poll.data.get("charttype", "bar"),
        "title": poll.title,
    }
    if poll.data.get("type") in ("number", "multiple"):
        for key in ("min", "max"):
            if key in poll.data:
                serialized[key] = int(poll.data[key])
    if poll.data.get("public") == "true":
        serialized["public"] = True
    return serialized
