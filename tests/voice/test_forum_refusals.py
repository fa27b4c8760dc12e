"""What the person hears when the forum refuses: each refusal in words about what it means,
never "I could not understand" and never "reconnect" for an account that works.

The real voice loop talks to the real demo forum over loopback HTTP. Answers the demo forum
never gives by itself (a restricted category, a deleted topic, rate limits of a busy site)
are canned in the shape Discourse sends them and served by the same server.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.support.conversation import Conversation, converse
from tests.support.members import keyed_forum, member_headers, signed_in
from tests.voice.test_assistant import first_topic_id
from voicepeer.demo_forum import DemoForum, DemoForumOptions
from voicepeer.demo_forum.http_api import Response
from voicepeer.voice.error_phrases import ALREADY_LIKED, LIKE_REFUSED

STOCK_403 = {
    "errors": ["You are not permitted to view the requested resource."],
    "error_type": "invalid_access",
}
NOT_FOUND = {
    "errors": ["The requested URL or resource could not be found."],
    "error_type": "not_found",
}


def latest_ids(forum: DemoForum) -> list[int]:
    topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    return [int(t["id"]) for t in topics]


def never_misleading(talk: Conversation) -> None:
    text = talk.transcript.lower()
    assert "could not understand" not in text, talk.transcript
    assert "reconnect" not in text, talk.transcript
    assert "connect" not in text, talk.transcript


def test_liking_a_post_twice_is_explained(forum: DemoForum, data: Path) -> None:
    # Liked on the web between the question and the yes: the forum's refusal is explained.
    def like_on_the_web() -> None:
        post_id = httpx.get(f"{forum.base_url}/t/{first_topic_id(forum)}.json").json()[
            "post_stream"
        ]["posts"][0]["id"]
        liked = httpx.post(
            f"{forum.base_url}/post_actions.json",
            data={"id": post_id, "post_action_type_id": 2},
            headers=member_headers("demo"),
        )
        assert liked.status_code == 200, liked.text

    talk = converse(
        forum.base_url,
        ["open topic one", "like this post", "yes"],
        data,
        credentials=signed_in(forum),
        before_line={2: like_on_the_web},
    )
    assert talk.said[-1] == ALREADY_LIKED
    never_misleading(talk)


def test_liking_your_own_post_is_explained(forum: DemoForum, data: Path) -> None:
    made = httpx.post(
        f"{forum.base_url}/posts.json",
        json={
            "title": "A topic of my own about pacing",
            "raw": "Pacing has helped me more than I expected this winter.",
            "category": 1,
        },
        headers=member_headers("demo"),
    )
    assert made.status_code == 200, made.text
    talk = converse(
        forum.base_url, ["open topic one", "like this post"], data, credentials=signed_in(forum)
    )
    assert talk.said[-1] == LIKE_REFUSED  # at once: the forum says the person cannot
    never_misleading(talk)


def test_a_two_letter_search_is_answered_without_asking_the_forum(
    forum: DemoForum, data: Path
) -> None:
    # If voicepeer sent the search, this canned answer would be used up.
    forum.faults.answer_next("/search.json", Response.json(500, {"errors": ["sent"]}))
    talk = converse(forum.base_url, ["search for ms"], data)
    assert talk.said[-2:] == [
        "That is too short to search for: the forum needs a word of at least 3 characters.",
        "Say search for, and a longer word, like multiple sclerosis.",
    ]
    assert forum.faults.canned_left() == 1
    never_misleading(talk)


def test_a_search_the_forum_gives_no_result_for_finds_nothing(forum: DemoForum, data: Path) -> None:
    # A stock forum's answer when every word was too short for it (its minimum may be
    # longer than the one voicepeer knows): no posts at all, not even an empty list. It
    # was "not understood", as a broken answer is.
    forum.faults.answer_next("/search.json", Response.json(200, {"grouped_search_result": None}))
    talk = converse(forum.base_url, ["search for ms nurse"], data)
    assert talk.said[-1] == "I found nothing about MS nurse. Say search for, and other words."
    never_misleading(talk)


def test_the_search_minimum_is_the_forums_own(tmp_path: Path, data: Path) -> None:
    options = DemoForumOptions(min_search_term_length=6)
    with DemoForum(tmp_path / "strict.sqlite3", options) as strict:
        talk = converse(strict.base_url, ["search for pacing", "search for heat"], data)
    assert "about pacing" in talk.said[-3]
    assert "at least 6 characters" in talk.said[-2]


def test_a_search_the_forum_refuses_is_not_called_unreadable(forum: DemoForum, data: Path) -> None:
    forum.faults.answer_next(
        "/search.json",
        Response.json(
            400,
            {
                "errors": ["You supplied invalid parameters to the request: q"],
                "error_type": "invalid_parameters",
            },
        ),
    )
    talk = converse(forum.base_url, ["search for fatigue"], data)
    assert talk.said[-1] == (
        "The forum would not search for that. Please try a longer or different word."
    )
    never_misleading(talk)


def test_a_restricted_category_is_explained(forum: DemoForum, data: Path) -> None:
    forum.faults.answer_next(f"/t/{latest_ids(forum)[0]}.json", Response.json(403, STOCK_403))
    talk = converse(forum.base_url, ["latest topics", "open topic one"], data)
    assert talk.said[-1] == (
        "That is in a part of the forum your account cannot see, such as "
        "a restricted category or a private message between other people."
    )
    never_misleading(talk)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (404, "I could not find that on the forum. It may have been removed."),
        (410, "That has been deleted from the forum, so I cannot open it."),
    ],
)
def test_a_missing_or_deleted_topic_is_explained(
    forum: DemoForum, data: Path, status: int, expected: str
) -> None:
    forum.faults.answer_next(f"/t/{latest_ids(forum)[1]}.json", Response.json(status, NOT_FOUND))
    talk = converse(forum.base_url, ["latest topics", "open topic two"], data)
    assert talk.said[-1] == expected
    never_misleading(talk)


def test_a_controller_rate_limit_says_how_long_to_wait(forum: DemoForum, data: Path) -> None:
    body = {
        "errors": [
            "You’ve performed this action too many times. Please wait 600 seconds "
            "before trying again."
        ],
        "error_type": "rate_limit",
        "extras": {"wait_seconds": 600, "time_left": "10 minutes"},
    }
    forum.faults.answer_next(
        "/latest.json", Response(429, json.dumps(body).encode(), headers=[("Retry-After", "600")])
    )
    talk = converse(forum.base_url, ["latest topics"], data)
    assert talk.said[-1] == (
        "The forum asked me to wait 10 minutes before asking it again. "
        "Please try again after that; nothing you dictated is lost."
    )
    never_misleading(talk)


def test_the_per_address_rate_limit_says_how_long_to_wait(forum: DemoForum, data: Path) -> None:
    forum.faults.answer_next(
        "/latest.json",
        Response.text(
            429, "Slow down, too many requests from this IP address\n", [("Retry-After", "240")]
        ),
    )
    talk = converse(forum.base_url, ["latest topics"], data)
    assert talk.said[-1].startswith("The forum asked me to wait 4 minutes before asking it")
    never_misleading(talk)


def test_a_reply_to_a_closed_topic_is_kept_and_not_retried(forum: DemoForum, data: Path) -> None:
    forum.faults.answer_next(
        "/posts.json",
        Response.json(
            403,
            {
                "errors": [
                    "You are not permitted to view the requested resource.",
                    "This topic is closed; it no longer accepts new replies.",
                ],
                "error_type": "invalid_access",
            },
        ),
    )
    talk = converse(
        forum.base_url,
        ["open topic one", "reply", "thank you for this it helps a lot to know", "send it", "yes"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[-1] == (
        "Your reply to Walked to the end of the pier today was not posted. The forum does not "
        "let you do that here. It says: This topic is closed; it no longer accepts new "
        "replies. I have kept your words: say reply in that topic to change them and send "
        "them again."
    )
    never_misleading(talk)
    # Refused for good: the next start does not try it again behind the person's back.
    again = converse(forum.base_url, [], data, credentials=signed_in(forum))
    assert not any("Walked to the end of the pier" in line for line in again.said)
    # The words come back as the topic's draft, with the forum's reason.
    back = converse(forum.base_url, ["open topic one", "reply"], data, credentials=signed_in(forum))
    assert back.said[-1].startswith("The forum did not accept your reply to Walked to the end")
    assert "This topic is closed" in back.said[-1] and "helps a lot to know" in back.said[-1]


def test_a_reply_the_forum_finds_unclear_is_kept_and_explained(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        lines = ["open topic one", "reply", "no no no no no no no no", "send it", "yes"]
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
        again = converse(
            forum.base_url,
            ["open topic one", "reply"],
            tmp_path / "data",
            credentials=signed_in(forum),
        )
    assert "It thinks your reply seems unclear" in talk.said[-1], talk.transcript
    assert "No no no no no no no no" in again.said[-1], again.transcript
