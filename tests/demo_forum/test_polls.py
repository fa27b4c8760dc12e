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
from voicepeer.demo_forum import DemoForum
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
