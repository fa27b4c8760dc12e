"""A poll in a post, heard through the voice loop against the demo forum over loopback:
its question, its choices with the live counts and the person's own vote. Before, voicepeer
said "A poll, skipped." and the person never learnt what was asked."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import keyed_forum, signed_in
from tests.support.polls import polls_seen, post_poll, vote_as


def test_a_poll_is_read_with_its_counts_and_ones_own_vote(tmp_path: Path) -> None:
    raw = (
        "How is everyone coping with the heat?\n\n[poll]\n# What helps you most?\n"
        "* Cooling vest\n* Cold showers\n* Staying indoors\n[/poll]\n\nThanks all."
    )
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id = post_poll(forum.base_url, raw, "Heat poll: what helps you?")
        (poll,) = polls_seen(forum.base_url, post_id)
        vest, showers, _indoors = (o["id"] for o in poll["options"])
        for username, choice in (("priya", vest), ("mei", vest), ("demo", showers)):
            vote_as(forum.base_url, username, post_id, [choice])
        talk = converse(
            forum.base_url,
            ["latest topics", "open topic one"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
    start = talk.said.index("A poll.")
    assert talk.said[start - 1].endswith("How is everyone coping with the heat?")
    assert talk.said[start + 1 : start + 7] == [
        "What helps you most?",
        "Choice one: Cooling vest, 2 votes.",
        "Choice two: Cold showers, 1 vote, your vote.",
        "Choice three: Staying indoors, no votes.",
        "3 people voted.",
        "Thanks all.",
    ]


def test_a_number_polls_average_and_a_ranked_choice_winner_are_heard(tmp_path: Path) -> None:
    raw = (
        "Two quick questions.\n\n[poll name=tired type=number min=1 max=10]\n"
        "# How tired are you today?\n[/poll]\n\n[poll type=ranked_choice]\n"
        "# Which drink in the heat?\n* Tea\n* Coffee\n* Water\n[/poll]"
    )
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id = post_poll(forum.base_url, raw, "Tiredness and drinks")
        tired, drinks = polls_seen(forum.base_url, post_id)
        number = {o["html"]: o["id"] for o in tired["options"]}
        tea, coffee, water = (o["id"] for o in drinks["options"])
        for username, rating in (("priya", "3"), ("mei", "4"), ("demo", "7")):
            vote_as(forum.base_url, username, post_id, [number[rating]], poll="tired")
        # Round 1: Tea 1, Coffee 2, Water 1 of 4, no majority; Tea and Water go together,
        # and in round 2 every ballot is Coffee's.
        for username, order in (
            ("priya", (tea, coffee, water)),
            ("mei", (coffee, tea, water)),
            ("demo", (water, coffee, tea)),
            ("dave", (coffee, water, tea)),
        ):
            ranks = {str(i): {"digest": d, "rank": i + 1} for i, d in enumerate(order)}
            vote_as(forum.base_url, username, post_id, ranks)
        talk = converse(
            forum.base_url,
            ["latest topics", "open topic one"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
    start = talk.said.index("A poll: a number from 1 to 10.")
    assert talk.said[start + 1 : start + 9] == [
        "How tired are you today?",
        "Average rating 4.67 out of 10, from 3 votes. Your vote: 7.",
        "A poll, choices ranked in order.",
        "Which drink in the heat?",
        "Choice one: Tea, your third choice.",
        "Choice two: Coffee, your second choice.",
        "Choice three: Water, your first choice.",
        "4 people voted. The winner, after 2 rounds: Coffee.",
    ]
