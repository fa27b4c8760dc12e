"""Voting in polls and closing them, as the poll plugin's PollsController does."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from voicepeer.demo_forum import ranked_choice
from voicepeer.demo_forum.auth import signed_in
from voicepeer.demo_forum.context import Context, Route, route
from voicepeer.demo_forum.http_api import Response, error, invalid_access
from voicepeer.demo_forum.polls import PollMarkup, ballots, is_closed, polls_in, serialized
from voicepeer.demo_forum.reading import visible_post
from voicepeer.demo_forum.store import is_staff, now_iso


def _poll(ctx: Context) -> tuple[sqlite3.Row, PollMarkup]:
    params = ctx.request.params
    post = visible_post(ctx, params.integer("post_id", required=True) or 0)
    name = params.text("poll_name") or ""
    poll = next((p for p in polls_in(post["cooked"]) if p.name == name), None)
    if poll is None:
        raise error(422, "No poll with this name.", "invalid_parameters")
    return post, poll


def _open_poll(ctx: Context) -> tuple[sqlite3.Row, PollMarkup]:
    """Poll.change_vote's checks, before a vote is cast or removed."""
    post, poll = _poll(ctx)
    if ctx.store.scalar("SELECT archived FROM topics WHERE id = ?", (post["topic_id"],)):
        # A closed topic still takes votes; an archived one does not.
        raise error(422, "The topic must be open to vote.", "invalid_parameters")
    if is_closed(ctx.store, post["id"], poll):
        raise error(422, "Poll must be open to vote.", "invalid_parameters")
    return post, poll


def vote(ctx: Context, _m: re.Match[str]) -> Response:
    """PollsController#vote: the member's choices replace any earlier ones."""
    user = signed_in(ctx.viewer)
    post, poll = _open_poll(ctx)
    name = poll.name
    chosen = ctx.request.params.raw("options")
    known = {choice for choice, _ in poll.choices}
    kind = poll.data.get("type", "regular")
    if kind == "ranked_choice":
        ranks = _ranks(chosen, known)
        if len(ranks) != len(known):  # Poll.validate_votes!: every choice ranked, or 0
            raise error(422, f"You must rank all {len(known)} options.", "invalid_parameters")
        picked = list(ranks)
    else:
        picked = list(
            dict.fromkeys(str(c) for c in (chosen if isinstance(chosen, list) else [chosen]) if c)
        )
        ranks = dict.fromkeys(picked, 0)
        if not picked or not set(picked) <= known:
            raise error(422, "You voted for an option that doesn't exist.", "invalid_parameters")
        _check_count(poll, len(picked))
    with ctx.store.transaction() as conn:
        conn.execute(
            "DELETE FROM poll_votes WHERE post_id = ? AND poll_name = ? AND user_id = ?",
            (post["id"], name, user["id"]),
        )
        conn.executemany(
            "INSERT INTO poll_votes (post_id, poll_name, option_id, user_id, created_at, rank)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(post["id"], name, c, user["id"], now_iso(), ranks[c]) for c in picked],
        )
    body: dict[str, Any] = {"poll": _answered_poll(ctx, post, poll, user), "vote": picked}
    if kind == "ranked_choice":
        body["vote"] = [{"digest": c, "rank": ranks[c]} for c in picked]
    return Response.json(200, body)


def remove_vote(ctx: Context, _m: re.Match[str]) -> Response:
    """PollsController#remove_vote: every choice the member voted for in the poll goes
    (a member who had not voted gets the poll back unchanged)."""
    user = signed_in(ctx.viewer)
    post, poll = _open_poll(ctx)
    with ctx.store.transaction() as conn:
        conn.execute(
            "DELETE FROM poll_votes WHERE post_id = ? AND poll_name = ? AND user_id = ?",
            (post["id"], poll.name, user["id"]),
        )
    return Response.json(200, {"poll": _answered_poll(ctx, post, poll, user)})


def _answered_poll(
    ctx: Context, post: sqlite3.Row, poll: PollMarkup, user: sqlite3.Row
) -> dict[str, Any]:
    """The poll as Poll.vote and Poll.remove_vote answer with it: a ranked-choice poll with
    its outcome whether or not the poll shows results."""
    answered = serialized(ctx.store, post, poll, user)
    if poll.data.get("type") == "ranked_choice":
        answered["ranked_choice_outcome"] = ranked_choice.outcome(
            ballots(ctx.store, post["id"], poll.name), poll.choices
        )
    return answered


def _check_count(poll: PollMarkup, count: int) -> None:
    """Poll.validate_votes!: a multiple-choice poll takes from its min to its max choices,
    a regular or number poll one."""
    kind = poll.data.get("type", "regular")
    if kind == "multiple":
        low, high = poll.data.get("min"), poll.data.get("max")
        if low and low.isdigit() and count < int(low):
            raise error(422, f"You must select at least {low} options.", "invalid_parameters")
        if high and high.isdigit() and count > int(high):
            raise error(422, f"You can select at most {high} options.", "invalid_parameters")
    elif count > 1:
        raise error(422, "You must select exactly one option.", "invalid_parameters")


def _ranks(chosen: object, known: set[str]) -> dict[str, int]:
    """A ranked-choice vote's ``options``: ``{digest, rank}`` for each choice (rank 0 leaves
    it unranked), as a mapping by index (how the poll's page sends it) or a list; choices the
    poll does not have are dropped, as Poll.vote drops them."""
    items = list(chosen.values()) if isinstance(chosen, dict) else chosen
    ranks: dict[str, int] = {}
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, dict) or str(item.get("digest")) not in known:
            continue
        try:
            rank = int(str(item.get("rank")))
        except ValueError:
            raise error(422, "A choice's rank must be a number.", "invalid_parameters") from None
        if rank < 0:
            raise error(422, "A choice's rank must be a number.", "invalid_parameters")
        ranks[str(item["digest"])] = rank
    return ranks


def toggle_status(ctx: Context, _m: re.Match[str]) -> Response:
    """PollsController#toggle_status: the post's author or staff open or close a poll."""
    user = signed_in(ctx.viewer)
    post, poll = _poll(ctx)
    if post["user_id"] != user["id"] and not is_staff(user):
        raise invalid_access()
    status = ctx.request.params.text("status")
    if status not in ("open", "closed"):
        raise error(422, "status must be open or closed.", "invalid_parameters")
    with ctx.store.transaction() as conn:
        conn.execute(
            "DELETE FROM closed_polls WHERE post_id = ? AND poll_name = ?", (post["id"], poll.name)
        )
        if status == "closed":
            conn.execute("INSERT INTO closed_polls VALUES (?, ?)", (post["id"], poll.name))
    return Response.json(200, {"poll": serialized(ctx.store, post, poll, user)})


ROUTES: tuple[Route, ...] = (
    route("PUT", r"/polls/vote(?:\.json)?", vote),
    route("DELETE", r"/polls/vote(?:\.json)?", remove_vote),
    route("PUT", r"/polls/toggle_status(?:\.json)?", toggle_status),
)
