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

from voicepeer.demo_forum import ranked_choice
from voicepeer.demo_forum.store import Store, is_staff

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
        ranked = {p.name for p in polls if p.data.get("type") == "ranked_choice"}
        mine: dict[str, list[Any]] = {}
        for row in store.all(
            "SELECT poll_name, option_id, rank FROM poll_votes WHERE post_id = ? AND user_id = ?"
            " ORDER BY rowid",
            (post["id"], viewer["id"]),
        ):
            # plugin.rb: a ranked-choice poll's own votes are {digest, rank}, rank 0 unranked.
            choice = row["option_id"]
            mine.setdefault(row["poll_name"], []).append(
                {"digest": choice, "rank": row["rank"]} if row["poll_name"] in ranked else choice
            )
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
        can_see = viewer is not None and is_staff(viewer)
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
    kind = poll.data.get("type")
    if kind in ("number", "multiple"):
        for key in ("min", "max") + (("step",) if kind == "number" else ()):
            if key in poll.data:
                serialized[key] = int(poll.data[key])
    if kind == "ranked_choice" and can_see:  # PollSerializer#include_ranked_choice_outcome?
        serialized["ranked_choice_outcome"] = ranked_choice.outcome(
            ballots(store, post["id"], poll.name), poll.choices
        )
    if poll.data.get("public") == "true":
        serialized["public"] = True
    return serialized


def ballots(store: Store, post_id: int, poll_name: str) -> list[list[str]]:
    """Each voter's ranked choices, first preference first, by voter as RankedChoice.outcome
    reads them: a voter who left every choice unranked still has an (empty) ballot."""
    ballots: dict[int, list[str]] = {}
    for row in store.all(
        "SELECT user_id, option_id, rank FROM poll_votes WHERE post_id = ? AND poll_name = ?"
        " ORDER BY user_id, rank",
        (post_id, poll_name),
    ):
        ballot = ballots.setdefault(row["user_id"], [])
        if row["rank"] > 0:
            ballot.append(row["option_id"])
    return list(ballots.values())
