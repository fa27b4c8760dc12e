"""A poll in a post, heard through the voice loop against the demo forum over loopback:
its question, its choices with the live counts and the person's own vote. Before, voicepeer
said "A poll, skipped." and the person never learnt what was asked."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import converse
from tests.support.members import keyed_forum, member_headers, signed_in


def test_a_poll_is_read_with_its_counts_and_ones_own_vote(tmp_path: Path) -> None:
    raw = (
        "How is everyone coping with the heat?\n\n[poll]\n# What helps you most?\n"
        "* Cooling vest\n* Cold showers\n* Staying indoors\n[/poll]\n\nThanks all."
    )
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        body = {"title": "Heat poll: what helps you?", "raw": raw, "category": 1}
        made = httpx.post(f"{forum.base_url}/posts.json", headers=member_headers("sam"), json=body)
        assert made.status_code == 200, made.text
        post_id = made.json()["id"]
        seen = httpx.get(f"{forum.base_url}/posts/{post_id}.json", headers=member_headers("demo"))
        vest, showers, _indoors = (o["id"] for o in seen.json()["polls"][0]["options"])
        for username, choice in (("priya", vest), ("mei", vest), ("demo", showers)):
            body = {"post_id": post_id, "poll_name": "poll", "options": [choice]}
            voted = httpx.put(
                f"{forum.base_url}/polls/vote.json", headers=member_headers(username), json=body
            )
            assert voted.status_code == 200, voted.text
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
