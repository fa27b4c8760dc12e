"""Polls in a post, said as a listener needs them: the question, the choices and the counts.

A post's HTML holds a poll's question and choices, but its counts are written when the post
is saved ("0 voters") and never change; the live counts come with the post from the forum
(Discourse's poll plugin: ``polls`` and ``polls_votes``) as :class:`PollTally`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PollTally:
    """One poll's counts as the forum sends them with the post."""

    name: str
    """The poll's name in the post (``data-poll-name``; "poll" unless the author named it)."""
    voters: int
    votes: tuple[tuple[str, int], ...] | None = None
    """(choice id, votes) for each choice; None while the forum keeps the results hidden
    (until one votes, or the poll closes, as its author chose)."""
    mine: frozenset[str] = frozenset()
    """Ids of the choices the person voted for."""
    closed: bool = False
    kind: str = "regular"
    """"regular", "multiple", "number" or "ranked_choice"."""
    choices: tuple[tuple[str, str], ...] = ()
    """(choice id, choice HTML) of each choice, in the order the post shows them."""
    least: int | None = None
    """The fewest choices one may pick in a multiple-choice poll (its ``min``)."""
    most: int | None = None
    """The most choices one may pick in a multiple-choice poll (its ``max``)."""
    public: bool = False
    """Whether the forum shows who voted for what."""

    def votes_for(self, choice: str) -> int | None:
        return None if self.votes is None else dict(self.votes).get(choice, 0)


def _votes(count: int) -> str:
    return {0: "no votes", 1: "1 vote"}.get(count, f"{count} votes")


def poll_heading(kind: str, closed: bool, low: str, high: str) -> str:
    """What is said before a poll's question: what kind of poll, and whether it is closed."""
    heading = "A closed poll" if closed else "A poll"
    if kind == "number":
        return f"{heading}: a number from {low or 1} to {high or 'any'}."
    if kind == "multiple":
        if high and low and low not in ("0", "1"):
            return f"{heading}: choose from {low} to {high} of the choices."
        if high:
            return f"{heading}: choose up to {high} of the choices."
        return f"{heading}, more than one choice allowed."
    if kind == "ranked_choice":
        return f"{heading}, choices ranked in order."
    return f"{heading}."


def choice_counts(tally: PollTally | None, choice: str) -> str:
    """What follows a choice: its votes when the forum shows them, and the person's vote."""
    if tally is None:
        return ""
    votes = tally.votes_for(choice)
    said = "" if votes is None else f", {_votes(votes)}"
    return said + (", your vote" if choice in tally.mine else "")


def poll_ending(tally: PollTally | None) -> str:
    """What is said after a poll's choices: how many voted, and whether results are hidden."""
    if tally is None:
        return ""  # the post's own "0 voters" was written when it was saved: never read
    if tally.voters == 0:
        voted = "Nobody has voted yet."
    else:
        voted = "1 person voted." if tally.voters == 1 else f"{tally.voters} people voted."
    if tally.votes is None and tally.voters:
        voted += " The results are not shown yet."
    return voted
