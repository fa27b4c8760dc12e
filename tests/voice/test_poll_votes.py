"""Voting in a poll by voice, against the demo forum over loopback: "vote for choice two"
names the choice and asks; only a clear yes casts the vote (it is counted for everyone
to see); a change of vote, a multiple-choice poll's limits, a closed poll, an archived
topic and a post without a poll each get a plain answer and no request."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx
import pytest

from tests.support.conversation import Conversation, converse
from tests.support.members import ADMIN_KEY, keyed_forum, member_headers, signed_in
from tests.support.polls import own_votes, polls_seen, post_poll, vote_as
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.base import Post
from voicepeer.speech.text.polls import PollTally
from voicepeer.voice.error_phrases import not_signed_in
from voicepeer.voice.poll_votes import PollVote, after_vote, plan_vote

HEAT_POLL = (
    "How is everyone coping with the heat?\n\n[poll{attrs}]\n# What helps you most?\n"
    "* Cooling vest\n* Cold showers\n* Staying indoors\n[/poll]"
)
OPEN_IT = ["latest topics", "open topic one"]


def heard(forum: DemoForum, said: list[str], data: Path) -> Conversation:
    """What voicepeer says to "demo", signed in, as ``said`` is spoken in turn."""
    return converse(forum.base_url, said, data, credentials=signed_in(forum))


def _post_poll(base_url: str, attrs: str = "") -> tuple[int, list[str]]:
    post_id = post_poll(base_url, HEAT_POLL.format(attrs=attrs), "Heat poll: what helps you?")
    return post_id, [o["id"] for o in polls_seen(base_url, post_id)[0]["options"]]


def test_a_vote_is_cast_only_after_a_clear_yes(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id, (_, showers, _) = _post_poll(forum.base_url)
        vote_as(forum.base_url, "priya", post_id, [showers])
        declined = heard(forum, [*OPEN_IT, "vote for choice two", "yeah", "no"], tmp_path / "data")
        assert own_votes(forum.base_url, post_id, "demo") == []
        talk = heard(forum, [*OPEN_IT, "vote for choice two", "yes", "read"], tmp_path / "data")
        assert own_votes(forum.base_url, post_id, "demo") == [showers]
    question = "Vote for choice 2, Cold showers, in this poll? Say yes or no."
    # "yeah" is no clear yes: the question is asked again, and "no" casts nothing.
    asked = declined.said.index(question)
    assert declined.said[asked + 1 :][:2] == [question, "Not voted."]
    assert question in talk.said
    assert "You voted for choice 2, Cold showers. It has 2 votes now; 2 people have voted." in (
        talk.said
    )
    # Read again, the post has the new count and the person's own vote.
    assert "Choice two: Cold showers, 2 votes, your vote." in talk.said


def test_without_an_account_a_vote_is_refused_before_any_question(tmp_path: Path) -> None:
    # As a like or a reply: a yes the forum must refuse would be effort lost.
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id, _ = _post_poll(forum.base_url)
        talk = converse(forum.base_url, [*OPEN_IT, "vote for choice two", "yes"], tmp_path / "data")
        assert own_votes(forum.base_url, post_id, "demo") == []
    assert talk.said[-2] == not_signed_in()
    assert talk.said[-1].startswith("No question is waiting for an answer.")


def test_a_vote_changed_names_both_choices(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id, (vest, showers, _) = _post_poll(forum.base_url)
        vote_as(forum.base_url, "demo", post_id, [vest])
        talk = heard(forum, [*OPEN_IT, "vote for choice two", "yes"], tmp_path / "data")
        assert own_votes(forum.base_url, post_id, "demo") == [showers]
    assert (
        "Change your vote in this poll from choice 1, Cooling vest to choice 2, Cold showers?"
        " Say yes or no." in talk.said
    )


def test_a_multiple_choice_vote_adds_to_the_earlier_ones_up_to_the_most(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id, (vest, showers, _) = _post_poll(forum.base_url, " type=multiple max=2")
        vote_as(forum.base_url, "demo", post_id, [showers])
        talk = heard(
            forum,
            [*OPEN_IT, "vote for choice one", "yes", "vote for choice three"],
            tmp_path / "data",
        )
        assert own_votes(forum.base_url, post_id, "demo") == [vest, showers]
    assert "Add your vote for choice 1, Cooling vest, in this poll? Say yes or no." in talk.said
    assert "You have already voted for 2 choices, the most this poll takes." in talk.said


def test_a_ranked_choice_poll_is_ranked_by_voice_a_yes_at_each_step(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id, (vest, showers, indoors) = _post_poll(forum.base_url, " type=ranked_choice")
        talk = heard(
            forum,
            [*OPEN_IT, "vote for choice two", "yes", "vote for choice three", "no"],
            tmp_path / "data",
        )
        # One step counted, the second declined: Cold showers first, the rest unranked.
        assert own_votes(forum.base_url, post_id, "demo") == [
            {"digest": vest, "rank": 0},
            {"digest": showers, "rank": 1},
            {"digest": indoors, "rank": 0},
        ]
        again = heard(
            forum,
            [*OPEN_IT, "vote for choice three", "yes", "vote for choice two"],
            tmp_path / "data",
        )
        ranked = own_votes(forum.base_url, post_id, "demo")
    assert talk.said[-4:] == [
        "Rank choice 2, Cold showers, as your first choice, in this poll? Say yes or no.",
        "You ranked choice 2, Cold showers, as your first choice. To rank another next, say "
        "vote for choice and its number.",
        "Rank choice 3, Staying indoors, as your second choice, after choice 2, Cold showers, "
        "in this poll? Say yes or no.",
        "Not voted.",
    ]
    assert {r["digest"]: r["rank"] for r in ranked} == {vest: 0, showers: 1, indoors: 2}
    assert again.said[-1] == "You have already ranked choice 2, Cold showers, as your first choice."


def test_a_poll_taking_two_at_once_is_voted_in_by_saying_each(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id, (vest, _, indoors) = _post_poll(forum.base_url, " type=multiple min=2 max=3")
        talk = heard(
            forum,
            [*OPEN_IT, "vote for choice one", "vote for choice three", "yes"],
            tmp_path / "data",
        )
        assert own_votes(forum.base_url, post_id, "demo") == [vest, indoors]
    assert talk.said[-3:] == [
        "Choice 1, Cooling vest noted. This poll takes at least 2 choices at once: say vote "
        "for choice and another number, one at a time.",
        "Vote for choice 1, Cooling vest and choice 3, Staying indoors, in this poll? "
        "Say yes or no.",
        "You voted for choice 1, Cooling vest and choice 3, Staying indoors. 1 person has "
        "voted now.",
    ]


@pytest.mark.parametrize(
    ("lines", "answer"),
    [
        (["vote for choice nine"], "This poll has 3 choices."),
        (["vote for choice one"], "You have already voted for choice 1, Cooling vest."),
    ],
)
def test_a_choice_not_there_or_already_voted_for_sends_nothing(
    tmp_path: Path, lines: list[str], answer: str
) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id, (vest, *_) = _post_poll(forum.base_url)
        vote_as(forum.base_url, "demo", post_id, [vest])
        talk = heard(forum, [*OPEN_IT, *lines], tmp_path / "data")
        assert own_votes(forum.base_url, post_id, "demo") == [vest]
    assert any(line.startswith(answer) for line in talk.said), talk.said


def test_a_closed_poll_and_an_archived_topic_take_no_vote(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id, _ = _post_poll(forum.base_url)
        admin = {"Api-Key": ADMIN_KEY, "Api-Username": "ruth"}
        toggled = httpx.put(
            f"{forum.base_url}/polls/toggle_status.json",
            headers=admin,
            json={"post_id": post_id, "poll_name": "poll", "status": "closed"},
        )
        assert toggled.status_code == 200, toggled.text
        closed = heard(forum, [*OPEN_IT, "vote for choice one"], tmp_path / "closed")
        httpx.put(
            f"{forum.base_url}/polls/toggle_status.json",
            headers=admin,
            json={"post_id": post_id, "poll_name": "poll", "status": "open"},
        ).raise_for_status()
        topic_id = httpx.get(f"{forum.base_url}/posts/{post_id}.json").json()["topic_id"]
        httpx.put(
            f"{forum.base_url}/t/{topic_id}/status.json",
            headers=admin,
            json={"status": "archived", "enabled": "true"},
        ).raise_for_status()
        archived = heard(
            forum, [*OPEN_IT, "previous", "vote for choice one"], tmp_path / "archived"
        )  # back from "… archived this topic"
        refused = httpx.put(
            f"{forum.base_url}/polls/vote.json",
            headers=member_headers("demo"),
            json={"post_id": post_id, "poll_name": "poll", "options": [_[0]]},
        )
        assert own_votes(forum.base_url, post_id, "demo") == []
    assert "This poll is closed: it takes no more votes." in closed.said
    assert "This topic is archived, so its polls take no more votes." in archived.said
    # The forum refuses it too, as Discourse does in an archived topic.
    assert refused.status_code == 422
    assert refused.json()["errors"] == ["The topic must be open to vote."]


def _post_with(*tallies: PollTally) -> Post:
    from datetime import UTC, datetime

    return Post(
        id=7,
        topic_id=3,
        post_number=1,
        username="sam",
        cooked="",
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
        polls=tallies,
    )


NUMBERS = tuple((f"n{n}", str(n)) for n in range(1, 11))


def test_a_number_poll_takes_the_number_said() -> None:
    planned = plan_vote(_post_with(PollTally("poll", 0, kind="number", choices=NUMBERS)), 7)
    assert isinstance(planned, PollVote) and planned.choices == ("n7",)
    assert planned.question == "Vote for 7, in this poll? Say yes or no."
    outside = plan_vote(_post_with(PollTally("poll", 0, kind="number", choices=NUMBERS)), 12)
    assert outside == "This poll takes a number from 1 to 10."


def test_a_ranked_choice_poll_is_ranked_one_choice_at_a_time() -> None:
    choices = (("a", "Heat"), ("b", "Cold"), ("c", "Damp"))
    fresh = PollTally("poll", 0, kind="ranked_choice", choices=choices)
    first = plan_vote(_post_with(fresh), 2)
    assert isinstance(first, PollVote) and first.choices == ("b",)
    assert first.question == (
        "Rank choice 2, Cold, as your first choice, in this poll? Say yes or no."
    )
    # The whole ballot is sent: the choices not ranked yet at place 0.
    assert first.ranks == (("a", 0), ("b", 1), ("c", 0))
    started = replace(fresh, ranks=(("b", 1),))
    second = plan_vote(_post_with(started), 3)
    assert isinstance(second, PollVote) and second.ranks == (("a", 0), ("b", 1), ("c", 2))
    assert second.question == (
        "Rank choice 3, Damp, as your second choice, after choice 2, Cold, in this poll? "
        "Say yes or no."
    )
    assert plan_vote(_post_with(started), 2) == (
        "You have already ranked choice 2, Cold, as your first choice."
    )
    assert plan_vote(_post_with(started), 4) == (
        "This poll has 3 choices. Say vote for choice, and a number from 1 to 3."
    )


def test_the_last_choice_ranked_says_every_choice_is_ranked() -> None:
    choices = (("a", "Heat"), ("b", "Cold"))
    tally = PollTally("poll", 1, kind="ranked_choice", choices=choices, ranks=(("b", 1),))
    last = plan_vote(_post_with(tally), 1)
    assert isinstance(last, PollVote) and last.ranks == (("a", 2), ("b", 1))
    assert after_vote(last, None) == (
        "You ranked choice 1, Heat, as your second choice. Every choice is ranked now."
    )


def test_a_poll_taking_several_choices_at_once_notes_them_until_enough_are_said() -> None:
    choices = (("a", "Heat"), ("b", "Cold"), ("c", "Damp"))
    post = _post_with(PollTally("poll", 0, kind="multiple", choices=choices, least=2, most=3))
    first = plan_vote(post, 3)
    assert isinstance(first, PollVote) and not first.complete and first.choices == ("c",)
    assert first.question == (
        "Choice 3, Damp noted. This poll takes at least 2 choices at once: say vote for "
        "choice and another number, one at a time."
    )
    assert plan_vote(post, 3, noted=first) == "You have already chosen choice 3, Damp."
    both = plan_vote(post, 1, noted=first)
    assert isinstance(both, PollVote) and both.complete and both.several
    assert both.choices == ("a", "c")  # in the poll's order
    assert both.question == (
        "Vote for choice 1, Heat and choice 3, Damp, in this poll? Say yes or no."
    )
    # Noted in another post's poll, they do not count here.
    elsewhere = replace(first, post_id=99)
    alone = plan_vote(post, 1, noted=elsewhere)
    assert isinstance(alone, PollVote) and not alone.complete and alone.choices == ("a",)


def test_polls_voicepeer_cannot_vote_in_say_so() -> None:
    assert plan_vote(_post_with(), 1) == "This post has no poll to vote in."


def test_a_public_poll_says_everyone_sees_the_vote_and_a_second_poll_is_named() -> None:
    choices = (("a", "Heat"), ("b", "Cold"))
    public = PollTally("poll", 0, choices=choices, public=True)
    closed = PollTally("first", 0, choices=choices, closed=True)
    planned = plan_vote(_post_with(closed, public), 2)
    assert isinstance(planned, PollVote) and planned.poll == "poll"
    assert planned.question == (
        "Vote for choice 2, Cold, in the first open poll of this post? "
        "Everyone can see who voted for what in it. Say yes or no."
    )


def test_a_vote_is_taken_back_only_after_a_clear_yes(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        post_id, (_, showers, _) = _post_poll(forum.base_url)
        vote_as(forum.base_url, "priya", post_id, [showers])
        vote_as(forum.base_url, "demo", post_id, [showers])
        kept = heard(forum, [*OPEN_IT, "remove my vote", "yeah", "no"], tmp_path / "data")
        assert own_votes(forum.base_url, post_id, "demo") == [showers]
        talk = heard(
            forum,
            [*OPEN_IT, "take back my vote", "yes", "read", "remove my vote"],
            tmp_path / "data",
        )
        assert own_votes(forum.base_url, post_id, "demo") == []
        assert own_votes(forum.base_url, post_id, "priya") == [showers]
    question = "Take back your vote for choice 2, Cold showers, in this poll? Say yes or no."
    asked = kept.said.index(question)
    assert kept.said[asked + 1 :][:2] == [question, "Your vote stays."]
    assert question in talk.said
    assert "Your vote is taken back. 1 person has voted now." in talk.said
    # Read again, the post no longer says "your vote"; asked again, there is none.
    assert not any("your vote" in line for line in talk.said[talk.said.index(question) + 2 :])
    assert talk.said[-1] == "You have not voted in this poll."


def test_taking_back_a_vote_that_cannot_be_taken_back_sends_nothing() -> None:
    choices = (("a", "Heat"), ("b", "Cold"), ("c", "Damp"))
    voted = PollTally("poll", 2, choices=choices, mine=frozenset({"b"}))
    assert plan_vote(_post_with(), None) == "This post has no poll to vote in."
    assert plan_vote(_post_with(PollTally("poll", 2, choices=choices)), None) == (
        "You have not voted in this poll."
    )
    assert plan_vote(_post_with(replace(voted, closed=True)), None) == (
        "This poll is closed, so your vote in it stays."
    )
    assert plan_vote(_post_with(voted), None, archived=True) == (
        "This topic is archived, so its polls take no more votes."
    )


def test_taking_back_names_every_choice_or_the_ranking() -> None:
    choices = (("a", "Heat"), ("b", "Cold"), ("c", "Damp"))
    several = PollTally("poll", 3, kind="multiple", choices=choices, mine=frozenset({"a", "c"}))
    untouched = PollTally("first", 3, choices=choices)
    planned = plan_vote(_post_with(untouched, several), None)
    assert isinstance(planned, PollVote) and planned.taken_back and planned.poll == "poll"
    assert planned.question == (
        "Take back your vote for choice 1, Heat and choice 3, Damp, in the first open poll "
        "you voted in? Say yes or no."
    )
    ranked = PollTally(
        "poll", 3, kind="ranked_choice", choices=choices, ranks=(("b", 1), ("a", 2), ("c", 3))
    )
    planned = plan_vote(_post_with(ranked), None)
    assert isinstance(planned, PollVote) and planned.choices == ()
    assert planned.question == (
        "Take back your ranking of its choices, in this poll? Say yes or no."
    )
