"""Polls on the demo forum, as the poll plugin bundled with Discourse makes them: cooked
with each choice's id the MD5 of its markdown, served with ``polls`` (counts only where the
member may see the results) and ``polls_votes``, voted on with ``PUT /polls/vote``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.members import keyed_forum, member_headers
from voicepeer.demo_forum import DemoForum, ranked_choice
from voicepeer.demo_forum.markdown import render

# plugins/poll/spec/lib/pretty_text_spec.rb, "can correctly cook polls".
SPEC_CHOICE, SPEC_ID = "test 1 :) <b>test</b>", "b6475cbf6acb8676b20c60582cfc487a"


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    with keyed_forum(tmp_path / "forum.sqlite3") as server:
        yield server


def start_poll(forum: DemoForum, attributes: str = "") -> dict[str, Any]:
    raw = (
        f"Summer is coming.\n\n[poll{attributes}]\n# What helps you most?\n"
        "* Cooling vest\n* Cold showers\n[/poll]"
    )
    body = {"title": "Heat: what helps you most?", "raw": raw, "category": 1}
    made = httpx.post(f"{forum.base_url}/posts.json", headers=member_headers("sam"), json=body)
    assert made.status_code == 200, made.text
    return dict(made.json())


def seen_by(forum: DemoForum, post_id: int, username: str) -> dict[str, Any]:
    answer = httpx.get(f"{forum.base_url}/posts/{post_id}.json", headers=member_headers(username))
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def vote(forum: DemoForum, post_id: int, username: str, *choices: str) -> httpx.Response:
    body = {"post_id": post_id, "poll_name": "poll", "options": list(choices)}
    return httpx.put(
        f"{forum.base_url}/polls/vote.json", headers=member_headers(username), json=body
    )


def test_choices_are_cooked_with_the_plugins_ids() -> None:
    cooked = render(f"[poll type=multiple]\n1. {SPEC_CHOICE}\n2. test 2\n[/poll]")
    assert cooked.startswith(
        '<div class="poll" data-poll-name="poll" data-poll-status="open" data-poll-type="multiple">'
    )
    assert f'<li data-poll-option-id="{SPEC_ID}">' in cooked
    assert '<li data-poll-option-id="7158af352698eb1443d709818df097d4">test 2</li>' in cooked
    assert '<span class="info-number">0</span>' in cooked and "<ol>" in cooked
    titled = render("[poll]\n# Which *berry*?\n* Strawberry\n[/poll]")
    assert '<div class="poll-title">Which <em>berry</em>?</div>' in titled


def test_votes_are_counted_and_shown_as_the_poll_allows(forum: DemoForum) -> None:
    post = start_poll(forum, " results=on_vote")
    (poll,) = seen_by(forum, post["id"], "priya")["polls"]
    vest, showers = (o["id"] for o in poll["options"])
    assert poll["title"] == "What helps you most?" and poll["voters"] == 0
    assert all("votes" not in o for o in poll["options"])  # hidden until priya votes
    assert vote(forum, post["id"], "priya", vest).status_code == 200
    assert vote(forum, post["id"], "mei", showers).status_code == 200
    assert vote(forum, post["id"], "mei", vest).status_code == 200  # a changed mind
    seen = seen_by(forum, post["id"], "priya")
    assert seen["polls_votes"] == {"poll": [vest]}
    (poll,) = seen["polls"]
    assert [o["votes"] for o in poll["options"]] == [2, 0] and poll["voters"] == 2
    assert "votes" in seen_by(forum, post["id"], "sam")["polls"][0]["options"][0]  # the author
    assert "votes" not in seen_by(forum, post["id"], "dave")["polls"][0]["options"][0]
    assert "polls_votes" not in seen_by(forum, post["id"], "dave")


def test_votes_that_cannot_be_taken_are_refused(forum: DemoForum) -> None:
    post = start_poll(forum)
    vest, showers = (o["id"] for o in seen_by(forum, post["id"], "mei")["polls"][0]["options"])
    assert vote(forum, post["id"], "mei", vest, showers).status_code == 422  # one choice
    assert vote(forum, post["id"], "mei", "f" * 32).status_code == 422
    assert vote(forum, post["id"], "mei", vest, vest).status_code == 200  # the same one twice
    close = {"post_id": post["id"], "poll_name": "poll", "status": "closed"}
    url = f"{forum.base_url}/polls/toggle_status.json"
    assert httpx.put(url, headers=member_headers("mei"), json=close).status_code == 403
    assert httpx.put(url, headers=member_headers("sam"), json=close).status_code == 200
    refused = vote(forum, post["id"], "mei", vest)
    assert refused.status_code == 422 and "open" in refused.json()["errors"][0]
    (poll,) = seen_by(forum, post["id"], "dave")["polls"]
    assert poll["status"] == "closed" and [o["votes"] for o in poll["options"]] == [1, 0]


def test_a_multiple_choice_vote_is_held_to_the_polls_min_and_max(forum: DemoForum) -> None:
    raw = (
        "[poll type=multiple min=2 max=3]\n* Heat\n* Cold\n* Damp\n* Wind\n[/poll]\n\n"
        "Which weather makes your symptoms worse?"
    )
    body = {"title": "Weather and symptoms: which?", "raw": raw, "category": 1}
    made = httpx.post(f"{forum.base_url}/posts.json", headers=member_headers("sam"), json=body)
    assert made.status_code == 200, made.text
    post_id = made.json()["id"]
    ids = [o["id"] for o in seen_by(forum, post_id, "mei")["polls"][0]["options"]]
    too_few, too_many = vote(forum, post_id, "mei", ids[0]), vote(forum, post_id, "mei", *ids)
    assert too_few.status_code == too_many.status_code == 422
    assert too_few.json()["errors"] == ["You must select at least 2 options."]
    assert vote(forum, post_id, "mei", *ids[:2]).status_code == 200


def test_an_archived_topic_takes_no_votes_a_closed_one_does(forum: DemoForum) -> None:
    post = start_poll(forum)
    vest = seen_by(forum, post["id"], "mei")["polls"][0]["options"][0]["id"]
    staff = member_headers("ruth")
    url = f"{forum.base_url}/t/{post['topic_id']}/status.json"
    closing = httpx.put(url, headers=staff, json={"status": "closed", "enabled": "true"})
    assert closing.status_code == 200, closing.text
    assert vote(forum, post["id"], "mei", vest).status_code == 200
    httpx.put(url, headers=staff, json={"status": "archived", "enabled": "true"}).raise_for_status()
    refused = vote(forum, post["id"], "mei", vest)
    assert refused.status_code == 422
    assert refused.json()["errors"] == ["The topic must be open to vote."]


def remove_vote(forum: DemoForum, post_id: int, username: str) -> httpx.Response:
    body = {"post_id": post_id, "poll_name": "poll"}
    return httpx.request(
        "DELETE", f"{forum.base_url}/polls/vote", headers=member_headers(username), json=body
    )


def test_a_vote_is_taken_back_with_delete_as_the_plugin_does(forum: DemoForum) -> None:
    # PollsController#remove_vote answers with the poll alone; Poll.change_vote's checks
    # (an open poll in a topic not archived) hold as for a vote.
    post = start_poll(forum, " type=multiple max=2")
    vest, showers = (o["id"] for o in seen_by(forum, post["id"], "mei")["polls"][0]["options"])
    assert vote(forum, post["id"], "mei", vest, showers).status_code == 200
    assert vote(forum, post["id"], "priya", vest).status_code == 200
    taken_back = remove_vote(forum, post["id"], "mei")
    assert taken_back.status_code == 200, taken_back.text
    assert set(taken_back.json()) == {"poll"}
    assert [o["votes"] for o in taken_back.json()["poll"]["options"]] == [1, 0]
    assert taken_back.json()["poll"]["voters"] == 1
    assert "polls_votes" not in seen_by(forum, post["id"], "mei")
    assert remove_vote(forum, post["id"], "dave").status_code == 200  # nothing to take back
    staff = member_headers("ruth")
    url = f"{forum.base_url}/t/{post['topic_id']}/status.json"
    httpx.put(url, headers=staff, json={"status": "archived", "enabled": "true"}).raise_for_status()
    refused = remove_vote(forum, post["id"], "priya")
    assert refused.status_code == 422
    assert refused.json()["errors"] == ["The topic must be open to vote."]
    assert seen_by(forum, post["id"], "priya")["polls_votes"] == {"poll": [vest]}


def start(forum: DemoForum, raw: str) -> int:
    body = {"title": "Poll results read aloud", "raw": raw, "category": 1}
    made = httpx.post(f"{forum.base_url}/posts.json", headers=member_headers("sam"), json=body)
    assert made.status_code == 200, made.text
    return int(made.json()["id"])


def test_a_number_poll_is_served_with_its_numbers_as_choices(forum: DemoForum) -> None:
    post_id = start(forum, "How tired today?\n\n[poll type=number min=1 max=10 step=3]\n[/poll]")
    (poll,) = seen_by(forum, post_id, "mei")["polls"]
    assert [o["html"] for o in poll["options"]] == ["1", "4", "7", "10"]
    assert (poll["min"], poll["max"], poll["step"]) == (1, 10, 3)
    one, four, seven, _ = (o["id"] for o in poll["options"])
    for username, choice in (("mei", four), ("priya", seven), ("dave", seven)):
        assert vote(forum, post_id, username, choice).status_code == 200
    assert vote(forum, post_id, "mei", one, four).status_code == 422  # one number each
    (poll,) = seen_by(forum, post_id, "mei")["polls"]
    assert [o["votes"] for o in poll["options"]] == [0, 1, 2, 0] and poll["voters"] == 3


def rank(forum: DemoForum, post_id: int, username: str, ranks: dict[str, int]) -> httpx.Response:
    # As the poll's page sends it: {digest, rank} by index, rank 0 for an unranked choice.
    chosen = {str(i): {"digest": d, "rank": r} for i, (d, r) in enumerate(ranks.items())}
    body = {"post_id": post_id, "poll_name": "poll", "options": chosen}
    return httpx.put(
        f"{forum.base_url}/polls/vote.json", headers=member_headers(username), json=body
    )


def test_a_ranked_choice_poll_is_served_with_its_instant_runoff_outcome(
    forum: DemoForum,
) -> None:
    post_id = start(
        forum,
        "[poll type=ranked_choice results=on_vote]\n* Tea\n* Coffee\n* **Water**\n[/poll]",
    )
    (poll,) = seen_by(forum, post_id, "mei")["polls"]
    tea, coffee, water = (o["id"] for o in poll["options"])
    assert "ranked_choice_outcome" not in poll  # nobody may see results before voting
    answer = rank(forum, post_id, "mei", {tea: 1, coffee: 2, water: 0})
    assert answer.status_code == 200, answer.text
    assert answer.json()["vote"] == [
        {"digest": tea, "rank": 1},
        {"digest": coffee, "rank": 2},
        {"digest": water, "rank": 0},
    ]
    for username, ranks in (
        ("priya", {coffee: 1, tea: 2, water: 3}),
        ("dave", {water: 1, coffee: 2, tea: 3}),
    ):
        assert rank(forum, post_id, username, ranks).status_code == 200
    assert rank(forum, post_id, "sam", {tea: 1, coffee: 2}).status_code == 422  # all ranked
    seen = seen_by(forum, post_id, "mei")
    (poll,) = seen["polls"]
    # Round 1: one first preference each, all level, none a majority: all eliminated at once.
    assert poll["ranked_choice_outcome"]["tied"] is True
    assert [o["votes"] for o in poll["options"]] == [3, 3, 3]  # a row per choice per voter
    assert seen["polls_votes"]["poll"][0] == {"digest": tea, "rank": 1}
    assert rank(forum, post_id, "dave", {coffee: 1, water: 2, tea: 3}).status_code == 200
    (poll,) = seen_by(forum, post_id, "priya")["polls"]
    assert poll["ranked_choice_outcome"] == {
        "tied": False,
        "tied_candidates": None,
        "winner": True,
        "winning_candidate": {"digest": coffee, "html": "Coffee"},
        "round_activity": [
            {"round": 1, "majority": {"digest": coffee, "html": "Coffee"}, "eliminated": None}
        ],
    }
    assert "ranked_choice_outcome" not in seen_by(forum, post_id, "demo")["polls"][0]


# plugins/poll/spec/lib/ranked_choice_spec.rb, every case.
def test_instant_runoff_as_the_plugins_own_spec_has_it() -> None:
    def run(votes: list[str], names: str) -> Any:
        choices = [(n, n) for n in names.split()]
        return ranked_choice.outcome([v.split() for v in votes], choices)

    def named(*names: str) -> list[dict[str, str]]:
        return [{"digest": n, "html": n} for n in names]

    simple = run(["Alice Bob", "Bob Alice", "Alice Bob", "Bob Alice", "Alice Bob"], "Alice Bob")
    assert simple["winning_candidate"] == named("Alice")[0]
    once = run(
        [
            "Alice Bob Charlie",
            "Bob Charlie Alice",
            "Charlie Alice Bob",
            "Charlie Alice Bob",
            "Bob Charlie Alice",
        ],
        "Alice Bob Charlie",
    )
    assert once["winning_candidate"] == named("Bob")[0]
    four = "Alice Bob Charlie Dave"
    tie = run(
        [
            "Alice Bob Charlie Dave",
            "Bob Charlie Dave Alice",
            "Charlie Dave Alice Bob",
            "Dave Alice Bob Charlie",
            "Bob Dave Charlie Alice",
            "Dave Charlie Bob Alice",
        ],
        four,
    )
    assert tie["tied_candidates"] == named("Bob", "Dave") and len(tie["round_activity"]) == 2
    assert run(["Dave Alice", "Bob Dave"], four)["tied_candidates"] == named("Dave", "Bob")
    genres = "Belle-lettres Comedy Fantasy Historical Mystery Non-fiction Sci-fi Thriller"
    complex_ = run(
        [
            "Belle-lettres Thriller Non-fiction Sci-fi Mystery Comedy Historical Fantasy",
            "Mystery Fantasy Belle-lettres Sci-fi Non-fiction Historical Thriller Comedy",
            "Mystery Thriller Belle-lettres Sci-fi Comedy Non-fiction Fantasy Historical",
            "Mystery Sci-fi Fantasy Thriller Non-fiction Belle-lettres Historical Comedy",
            "Mystery Thriller Non-fiction Sci-fi Comedy Historical Belle-lettres Fantasy",
            "Fantasy Non-fiction Mystery Sci-fi Thriller Historical Belle-lettres Comedy",
            "Fantasy Mystery Historical Thriller Sci-fi Non-fiction Comedy Belle-lettres",
            "Thriller Mystery Fantasy Non-fiction Sci-fi Historical Comedy Belle-lettres",
            "Mystery Fantasy Historical Thriller Non-fiction Comedy Sci-fi Belle-lettres",
            "Fantasy Sci-fi Thriller Mystery Non-fiction Comedy Historical Belle-lettres",
            "Fantasy Sci-fi Historical Non-fiction Comedy",
            "Fantasy Sci-fi Mystery Comedy Thriller Non-fiction Historical",
            "Fantasy Mystery Historical Non-fiction Sci-fi Comedy",
            "Fantasy Sci-fi Mystery Comedy Thriller Historical Non-fiction",
            "Comedy Historical Fantasy Sci-fi Mystery",
            "Sci-fi Thriller Mystery Non-fiction Comedy Fantasy",
        ],
        genres,
    )
    assert complex_["tied_candidates"] == named("Mystery", "Fantasy")
    assert len(complex_["round_activity"]) == 3
    assert ranked_choice.outcome([], [("a", "A")]) is None  # nobody voted: null
