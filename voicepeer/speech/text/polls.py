"""Polls in a post, said as a listener needs them: the question, the choices and the counts.

A post's HTML holds a poll's question and choices, but its counts are written when the post
is saved ("0 voters") and never change; the live counts come with the post from the forum
(Discourse's poll plugin: ``polls`` and ``polls_votes``) as :class:`PollTally`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from voicepeer.number_words import ordinal_word


@dataclass(frozen=True)
class RankedOutcome:
    """A ranked-choice poll's instant-runoff result as the forum sends it (Discourse's
    ``ranked_choice_outcome``, ``irv_outcome`` before the poll type was renamed)."""

    rounds: int
    """How many counting rounds it took (the length of its ``round_activity``)."""
    winner: str | None
    """The winning choice's HTML; None for a tie."""
    tied: tuple[str, ...] = ()
    """The HTML of each choice left level in a tie."""


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
    """(choice id, HTML) of each choice, in the order the post shows them: a number poll's
    choices are its numbers, from which its average is worked out as the forum's page does."""
    least: int | None = None
    """The fewest choices one may pick in a multiple-choice poll (its ``min``)."""
    most: int | None = None
    """The most choices one may pick in a multiple-choice poll (its ``max``)."""
    public: bool = False
    """Whether the forum shows who voted for what."""
    ranks: tuple[tuple[str, int], ...] = ()
    """(choice id, place) as the person ranked a ranked-choice poll's choices (0: unranked)."""
    outcome: RankedOutcome | None = None
    """A ranked-choice poll's result; None when there is none or it is not shown."""

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
    if kind in ("ranked_choice", "irv"):  # "irv": its name before the plugin renamed it
        return f"{heading}, choices ranked in order."
    return f"{heading}."


def choice_counts(tally: PollTally | None, choice: str, kind: str = "regular") -> str:
    """What follows a choice: its votes when the forum shows them, and the person's vote.
    A ranked-choice poll's counts are not said: each voter's ballot holds every choice, so
    each count is just the number of voters, and the forum's page leaves them out too
    (poll-results-standard.gjs); the person's own ranking is said instead."""
    if tally is None:
        return ""
    if kind in ("ranked_choice", "irv"):
        place = dict(tally.ranks).get(choice, 0)
        if place <= 0:  # unranked, or a forum that sends only which choices were voted for
            return ", your vote" if not tally.ranks and choice in tally.mine else ""
        ordinal = ordinal_word(place)
        return f", your {ordinal} choice" if ordinal else f", your choice number {place}"
    votes = tally.votes_for(choice)
    said = "" if votes is None else f", {_votes(votes)}"
    return said + (", your vote" if choice in tally.mine else "")


def poll_ending(tally: PollTally | None, kind: str = "regular", high: str = "") -> str:
    """What is said after a poll's choices: how many voted, whether results are hidden, and
    what the forum's page shows beneath them: a number poll's average rating, a ranked-choice
    poll's winner. ``high`` is the poll's ``data-poll-max``."""
    if tally is None:
        return ""  # the post's own "0 voters" was written when it was saved: never read
    said = _voted(tally)
    if kind == "number":
        average = _average_rating(tally, high)
        said = average or said
        mine = sorted(label for choice, label in number_choices(tally) if choice in tally.mine)
        if len(mine) == 1:
            said += f" Your vote: {mine[0]}."
    elif kind in ("ranked_choice", "irv") and tally.votes is not None and tally.outcome:
        said += " " + _ranked_outcome(tally.outcome)
    return said.strip()


def _voted(tally: PollTally) -> str:
    if tally.voters == 0:
        voted = "Nobody has voted yet."
    else:
        voted = "1 person voted." if tally.voters == 1 else f"{tally.voters} people voted."
    if tally.votes is None and tally.voters:
        voted += " The results are not shown yet."
    return voted


def number_choices(tally: PollTally) -> list[tuple[str, int]]:
    """(choice id, its number) of a number poll's choices; a choice that is not a whole
    number (a forum that sends something else) makes the list empty, so nothing is guessed."""
    numbers = []
    for choice, label in tally.choices:
        try:
            numbers.append((choice, int(label.strip())))
        except ValueError:
            return []
    return numbers


def _average_rating(tally: PollTally, high: str) -> str:
    """Discourse's "Average rating": each choice's number times its votes, over the voters,
    to two decimal places (poll.gjs ``averageRating``); only where the results are shown."""
    numbers = number_choices(tally)
    if tally.votes is None or not tally.voters or not numbers:
        return ""
    total = sum(number * (tally.votes_for(choice) or 0) for choice, number in numbers)
    # JavaScript's Math.round (halves up), which the page's round helper uses.
    hundredths = math.floor(total * 100 / tally.voters + 0.5)
    average = f"{hundredths / 100:.2f}".rstrip("0").rstrip(".")
    high = high.strip()
    out_of = f" out of {high}" if high.lstrip("-").isdigit() else ""
    return f"Average rating {average}{out_of}, from {_votes(tally.voters)}."


def _ranked_outcome(outcome: RankedOutcome) -> str:
    rounds = "1 round" if outcome.rounds == 1 else f"{outcome.rounds} rounds"
    if outcome.winner is not None:
        winner = choice_words(outcome.winner)
        return f"The winner, after {rounds}: {winner}." if winner else ""
    tied = [name for name in (choice_words(html) for html in outcome.tied) if name]
    if not tied:
        return f"A tie after {rounds}."
    between = tied[0] if len(tied) == 1 else ", ".join(tied[:-1]) + " and " + tied[-1]
    return f"A tie after {rounds}, between {between}."


def choice_words(choice_html: str) -> str:
    """A choice's HTML as it is said when the choice is read (emoji named, tags dropped),
    as one line without the full stop that ends a spoken block."""
    from voicepeer.speech.text import cooked_paragraphs  # the reader imports this module

    return " ".join(cooked_paragraphs(choice_html, emoji_in_brackets=True)).rstrip(".")
