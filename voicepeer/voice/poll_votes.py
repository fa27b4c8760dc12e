"""Voting in a poll of the post being read: which choice "vote for choice N" means, what
is asked before the vote is cast (everyone sees the counts change, and on a public poll
the voter's name), and the choices the forum is sent; and taking a vote back ("remove my
vote"), asked the same way.

Choices are numbered as the post was read ("Choice two: Cold showers"); a number poll's
choices are its numbers, so "vote for choice seven" picks 7. A ranked-choice poll is
ranked one choice at a time: each "vote for choice N" puts that choice next in the
person's order (first when there is none yet), and each step is a whole vote — the choices
not yet ranked are sent unranked, which the forum takes. A multiple-choice poll that takes
several choices at once (its min) notes each choice said until there are enough, then asks
once about them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from voicepeer.forum.base import Post
from voicepeer.number_words import ordinal_word
from voicepeer.speech.text.polls import PollTally, choice_words, number_choices


@dataclass(frozen=True)
class PollVote:
    """A vote the person asked for, waiting for their yes."""

    post_id: int
    poll: str
    """The poll's name in the post."""
    choices: tuple[str, ...]
    """Every choice id the person's vote will hold once it is cast."""
    choice: str
    """The id of the choice asked for."""
    picked: str
    """The choice asked for, as said: "choice two, Cold showers"."""
    question: str
    declined: str = "Not voted."
    """Said when the person answers no."""
    ranks: tuple[tuple[str, int], ...] = ()
    """For a ranked-choice poll, (choice id, place) of every choice, 0 for those left
    unranked: the whole ballot sent; empty for other polls."""
    complete: bool = True
    """False: fewer choices than a multiple-choice poll takes at once (its min), so they are
    only noted (``question`` says so) until more are said; nothing is asked or sent."""
    several: bool = False
    """Several choices asked about at once (noted until the poll's min was reached)."""

    @property
    def question_again(self) -> str:
        """Asked again after an unclear answer: the whole question, as it names the choice."""
        return self.question

    @property
    def taken_back(self) -> bool:
        """The person asked to remove their vote: the forum is sent no choices."""
        return not self.choices


def _label(tally: PollTally, place: int, html: str) -> str:
    """How the choice at ``place`` is said: "choice 2, Cold showers", or a number poll's
    number alone."""
    words = choice_words(html)
    return words if tally.kind == "number" else f"choice {place}, {words}"


def _say_choice(tally: PollTally, number: int) -> tuple[str, str] | None:
    """(choice id, how it is said) for choice ``number``, or ``None`` when there is none."""
    if tally.kind == "number":
        place = next((i for i, (_, n) in enumerate(number_choices(tally), 1) if n == number), 0)
    else:
        place = number if 1 <= number <= len(tally.choices) else 0
    if not place:
        return None
    choice, html = tally.choices[place - 1]
    return choice, _label(tally, place, html)


def _choices_heard(tally: PollTally) -> str:
    numbers = number_choices(tally) if tally.kind == "number" else []
    if numbers:
        return f"This poll takes a number from {numbers[0][1]} to {numbers[-1][1]}."
    count = len(tally.choices)
    return f"This poll has {count} choices. Say vote for choice, and a number from 1 to {count}."


def plan_vote(
    post: Post, number: int | None, *, archived: bool = False, noted: PollVote | None = None
) -> PollVote | str:
    """The vote "vote for choice ``number``" asks for in ``post`` (``None``: taking the
    person's vote back), or what to say instead. ``archived``: the post's topic is archived,
    where polls take no votes (a closed topic's polls still do). ``noted``: choices said
    before and not sent, as a poll needing several at once takes them (see
    PollVote.complete)."""
    polls = [p for p in post.polls if p.choices]
    if not polls:
        return "This post has no poll to vote in."
    if archived:
        return "This topic is archived, so its polls take no more votes."
    if number is None:
        return _plan_taking_back(post, polls)
    tally = next((p for p in polls if not p.closed), None)
    if tally is None:
        return "This poll is closed: it takes no more votes."
    said = _say_choice(tally, number)
    if said is None:
        return _choices_heard(tally)
    choice, picked = said
    where = "the first open poll of this post" if len(polls) > 1 else "this poll"
    seen = " Everyone can see who voted for what in it." if tally.public else ""
    if tally.kind == "ranked_choice":
        return _plan_ranking(post, tally, choice, picked, f"in {where}?{seen}")
    if choice in tally.mine:
        return f"You have already voted for {picked}."
    if tally.kind == "multiple":
        return _plan_multiple(post, tally, choice, picked, where, seen, noted)
    if tally.mine:
        old = _said_choice(tally, next((c for c, _ in tally.choices if c in tally.mine), ""))
        choices = (choice,)
        question = f"Change your vote in {where} from {old} to {picked}?"
    else:
        choices = (choice,)
        question = f"Vote for {picked}, in {where}?"
    return PollVote(
        post.id, tally.name, choices, choice, picked, f"{question}{seen} Say yes or no."
    )


def _plan_multiple(
    post: Post,
    tally: PollTally,
    choice: str,
    picked: str,
    where: str,
    seen: str,
    noted: PollVote | None,
) -> PollVote | str:
    """Adding ``choice`` to the person's votes in a multiple-choice poll, with any choices
    noted before (a poll whose min is more than one takes its first vote whole)."""
    earlier = (
        noted.choices if noted and (noted.post_id, noted.poll) == (post.id, tally.name) else ()
    )
    if choice in earlier:
        return f"You have already chosen {picked}."
    # In the poll's order; an earlier vote for a choice no longer there is dropped.
    chosen = {*tally.mine, *earlier, choice}
    choices = tuple(c for c, _ in tally.choices if c in chosen)
    if tally.most is not None and len(choices) > tally.most:
        return f"You have already voted for {len(tally.mine)} choices, the most {where} takes."
    if tally.least is not None and len(choices) < tally.least:
        more = "another number" if tally.least - len(choices) == 1 else "more numbers"
        said = f"{picked[0].upper()}{picked[1:]} noted. {where.capitalize()} takes at least "
        said += f"{tally.least} choices at once: say vote for choice and {more}, one at a time."
        return PollVote(post.id, tally.name, choices, choice, picked, said, complete=False)
    new = [c for c in choices if c not in tally.mine]
    named = " and ".join(_said_choice(tally, c) for c in new)
    verb = "Add your vote for" if tally.mine else "Vote for"
    question = f"{verb} {named}, in {where}?{seen} Say yes or no."
    return PollVote(post.id, tally.name, choices, choice, named, question, several=len(new) > 1)


def _ranked(tally: PollTally) -> list[str]:
    """The choices the person has ranked, first place first."""
    known = {c for c, _ in tally.choices}
    return [c for c, place in sorted(tally.ranks, key=lambda r: r[1]) if c in known]


def _place(order: int) -> str:
    return ordinal_word(order) or f"number {order}"


def _plan_ranking(
    post: Post, tally: PollTally, choice: str, picked: str, where: str
) -> PollVote | str:
    """Ranking ``choice`` next after the choices the person has already ranked."""
    ranked = _ranked(tally)
    if choice in ranked:
        return (
            f"You have already ranked {picked}, as your {_place(ranked.index(choice) + 1)} choice."
        )
    order = [*ranked, choice]
    after = f", after {_said_choice(tally, ranked[-1])}" if ranked else ""
    question = f"Rank {picked}, as your {_place(len(order))} choice{after}, {where} Say yes or no."
    ranks = tuple((c, order.index(c) + 1 if c in order else 0) for c, _ in tally.choices)
    return PollVote(post.id, tally.name, tuple(order), choice, picked, question, ranks=ranks)


def _plan_taking_back(post: Post, polls: list[PollTally]) -> PollVote | str:
    """Taking back the person's whole vote in the first open poll they voted in (Discourse
    removes a vote only whole: PollsController#remove_vote)."""
    voted = [p for p in polls if p.mine or p.ranks]
    if not voted:
        where = "this poll" if len(polls) == 1 else "this post's polls"
        return f"You have not voted in {where}."
    tally = next((p for p in voted if not p.closed), None)
    if tally is None:
        return "This poll is closed, so your vote in it stays."
    where = "the first open poll you voted in" if len(polls) > 1 else "this poll"
    if tally.kind == "ranked_choice":
        picked = "your ranking of its choices"
        question = f"Take back {picked}, in {where}?"
    else:
        picked = " and ".join(
            _label(tally, place, html)
            for place, (choice, html) in enumerate(tally.choices, start=1)
            if choice in tally.mine
        )
        question = f"Take back your vote for {picked}, in {where}?"
    first = next((c for c, _ in tally.choices if c in tally.mine), "")
    return PollVote(
        post.id, tally.name, (), first, picked, f"{question} Say yes or no.", "Your vote stays."
    )


def _said_choice(tally: PollTally, choice: str) -> str:
    """How an earlier vote is said, by its place among the choices."""
    for place, (found, html) in enumerate(tally.choices, start=1):
        if found == choice:
            return _label(tally, place, html)
    return "your earlier choice"


def after_vote(vote: PollVote, tally: PollTally | None) -> str:
    """What is said once the forum has counted the vote, or taken it back."""
    if vote.taken_back:
        said = "Your vote is taken back."
        return said if tally is None else f"{said} {_people_voted(tally.voters).capitalize()} now."
    if vote.ranks:
        return _after_ranking(vote)
    said = f"You voted for {vote.picked}."
    if vote.several and tally is not None:
        return f"{said} {_people_voted(tally.voters).capitalize()} now."
    votes = None if tally is None else tally.votes_for(vote.choice)
    if tally is None or votes is None:
        return said  # the forum keeps the counts hidden from voters
    count = "1 vote" if votes == 1 else f"{votes} votes"
    return f"{said} It has {count} now; {_people_voted(tally.voters)}."


def _people_voted(voters: int) -> str:
    if voters == 0:
        return "nobody has voted in it"
    return "1 person has voted" if voters == 1 else f"{voters} people have voted"


def _after_ranking(vote: PollVote) -> str:
    """What is said once a ranking step is counted, and how to go on."""
    place = _place(len(vote.choices))
    said = f"You ranked {vote.picked}, as your {place} choice."
    if len(vote.choices) == len(vote.ranks):
        return f"{said} Every choice is ranked now."
    return f"{said} To rank another next, say vote for choice and its number."
