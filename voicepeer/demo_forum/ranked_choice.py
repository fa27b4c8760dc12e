"""A ranked-choice poll's result, worked out as the poll plugin bundled with Discourse does
(plugins/poll/lib/ranked_choice.rb, ``DiscoursePoll::RankedChoice``): instant runoff over
each voter's ranked choices, at most 50 rounds, every choice level with the fewest first
preferences eliminated together each round, and a tie when nothing is left or the rounds
run out. The shape returned is the plugin's, served as the poll's ``ranked_choice_outcome``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

MAX_ROUNDS = 50


def outcome(ballots: Sequence[Sequence[str]], choices: Sequence[tuple[str, str]]) -> Any:
    """The result of ``ballots`` (each voter's choice ids, most preferred first; unranked
    choices left out) among ``choices`` ((id, HTML) each); None when nobody has voted,
    as the plugin sends null."""
    if not ballots:
        return None
    html = dict(choices)

    def enrich(choice: str) -> dict[str, str]:
        return {"digest": choice, "html": html.get(choice, "")}

    current = [list(ballot) for ballot in ballots]
    activity: list[dict[str, Any]] = []
    leaders: dict[str, int] = {}
    for round_ in range(1, MAX_ROUNDS + 1):
        tally = _tally(current)
        if not tally:
            # Every voter left every choice unranked: the plugin fails here (it compares
            # nil); the demo forum says there is no result instead.
            return None
        most = max(tally.values())
        leaders = {c: n for c, n in tally.items() if n == most}
        if most > sum(tally.values()) // 2:  # a majority (Ruby integer division)
            winner = enrich(next(iter(leaders)))
            activity.append({"round": round_, "majority": winner, "eliminated": None})
            return {
                "tied": False,
                "tied_candidates": None,
                "winner": True,
                "winning_candidate": winner,
                "round_activity": activity,
            }
        fewest = min(tally.values())
        losers = [c for c, n in tally.items() if n == fewest]
        current = [[c for c in ballot if c not in losers] for ballot in current]
        eliminated = [enrich(c) for c in losers]
        activity.append({"round": round_, "majority": None, "eliminated": eliminated})
        if all(not ballot for ballot in current):
            return _tie(eliminated, activity)
    return _tie([enrich(c) for c in leaders], activity)


def _tally(ballots: list[list[str]]) -> dict[str, int]:
    """First preferences of every choice still on some ballot, in the order first seen."""
    tally: dict[str, int] = {}
    for ballot in ballots:
        for choice in ballot:
            tally.setdefault(choice, 0)
    for ballot in ballots:
        if ballot:
            tally[ballot[0]] += 1
    return tally


def _tie(candidates: list[dict[str, str]], activity: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "tied": True,
        "tied_candidates": candidates,
        "winner": None,
        "winning_candidate": None,
        "round_activity": activity,
    }
