"""Bodies and titles that "seem unclear" are refused as Discourse's TextSentinel refuses
them (lib/text_sentinel.rb, PostValidator#raw_quality, QualityTitleValidator), staff
included, with server.en.yml's words."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import ADMIN_KEY, keyed_forum, member_headers, post_reply
from tests.support.spec import validate_error_body
from voicepeer.demo_forum import DemoForumOptions
from voicepeer.demo_forum.text_sentinel import (
    BODY_UNCLEAR,
    TITLE_UNCLEAR,
    TextSentinel,
    body_sentinel,
)

BODY = "Thank you all, pacing really does help me on the bad days."
SAME_LETTERS = "no no no no no no no no no"


def _post(forum_url: str, who: str, **body: object) -> httpx.Response:
    """``who`` posts ``body`` (on a forum that accepts the admin key of the tests)."""
    return httpx.post(f"{forum_url}/posts.json", json=body, headers=member_headers(who))


def test_entropy_counts_different_bytes_and_scales_for_messages() -> None:
    assert TextSentinel("evil trout is evil", 0).entropy == 10
    assert TextSentinel("去年十社會警告", 0).entropy == 18  # bytes of UTF-8, not characters
    options = DemoForumOptions()
    assert body_sentinel(BODY, options, private=False).min_entropy == 7
    # Messages: 7 scaled by their minimum length, 10 of the 20 of a post.
    assert body_sentinel(BODY, options, private=True).min_entropy == 3
    # Never above 0.7 of a short minimum length.
    short = DemoForumOptions(min_post_length=5)
    assert body_sentinel(BODY, short, private=False).min_entropy == 3


def test_a_reply_and_an_edit_of_the_same_letters_over_and_over_are_refused(
    make_forum: ForumFactory,
) -> None:
    url = make_forum(admin_api_key=ADMIN_KEY).base_url
    refused = _post(url, "demo", topic_id=1, raw=SAME_LETTERS)
    assert refused.status_code == 422
    assert refused.json() == {"action": "create_post", "errors": [BODY_UNCLEAR]}
    both = _post(url, "demo", topic_id=1, raw="no no no")
    assert both.json()["errors"] == ["Body is too short (minimum is 20 characters)", BODY_UNCLEAR]
    assert _post(url, "demo", topic_id=1, raw=BODY.upper()).json()["errors"] == [BODY_UNCLEAR]
    symbols = _post(url, "demo", topic_id=1, raw="?!*&%$#@" * 4)
    assert symbols.json()["errors"] == [BODY_UNCLEAR]


def test_staff_are_refused_too_and_messages_need_fewer_different_letters(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        staff = _post(forum.base_url, "ruth", topic_id=1, raw=SAME_LETTERS)
        assert staff.status_code == 422 and staff.json()["errors"] == [BODY_UNCLEAR]
        validate_error_body(staff.json())
        post_id = post_reply(forum, "demo", BODY, 1)
        edit = httpx.put(
            f"{forum.base_url}/posts/{post_id}.json",
            json={"post": {"raw": SAME_LETTERS}},
            headers=member_headers("demo"),
        )
        assert edit.status_code == 422 and edit.json()["errors"] == [BODY_UNCLEAR]
        # "no no no no" has 3 different bytes: enough for a message's body.
        message = _post(
            forum.base_url,
            "demo",
            title="Hello",
            raw="no no no no",
            archetype="private_message",
            target_recipients="sam",
        )
        assert message.status_code == 200, message.text


def test_a_title_says_what_seems_unclear_and_a_message_title_is_not_judged(
    make_forum: ForumFactory,
) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, title_prettify=False)

    def title_errors(title: str) -> list[str]:
        answer = _post(forum.base_url, "demo", title=title, raw=BODY, category=1)
        return list(answer.json().get("errors", []))

    assert title_errors("aaaa aaaa aaaa aaaa") == [TITLE_UNCLEAR["meaningful"]]
    assert title_errors("Neurologist appointment " + "x" * 31) == [TITLE_UNCLEAR["unpretentious"]]
    assert title_errors("TIRED ALL THE TIME TODAY") == [TITLE_UNCLEAR["quiet"]]
    assert title_errors("Tired all the time today") == []
    unjudged = _post(
        forum.base_url,
        "demo",
        title="aaaa aaaa",
        raw=BODY,
        archetype="private_message",
        target_recipients="sam",
    )
    assert unjudged.status_code == 200, unjudged.text


def test_capitals_are_allowed_where_the_forum_allows_them(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, title_prettify=False, allow_uppercase_posts=True)
    shouting = _post(
        forum.base_url, "demo", title="TIRED ALL THE TIME TODAY", raw=BODY.upper(), category=1
    )
    assert shouting.status_code == 200, shouting.text
