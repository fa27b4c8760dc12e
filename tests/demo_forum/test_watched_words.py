"""Watched words as a stock Discourse applies them: a blocked word refuses the post (staff
aside), a censored one is blacked out letter for letter where the post is shown."""

from __future__ import annotations

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import ADMIN_KEY, member_headers
from voicepeer.demo_forum import DemoForum

TOPIC = 1


@pytest.fixture
def forum(make_forum: ForumFactory) -> DemoForum:
    return make_forum(
        admin_api_key=ADMIN_KEY, blocked_words=("heck", "drat"), censored_words=("darn",)
    )


def _post(forum: DemoForum, who: str, body: dict[str, object]) -> httpx.Response:
    return httpx.post(f"{forum.base_url}/posts.json", json=body, headers=member_headers(who))


def test_a_blocked_word_refuses_a_members_post(forum: DemoForum) -> None:
    refused = _post(forum, "sam", {"topic_id": TOPIC, "raw": "What the HECK is going on today?"})
    assert refused.status_code == 422
    assert refused.json() == {
        "action": "created_post",
        "errors": ["Sorry, you can't post the word 'heck'; it's not allowed."],
    }
    both = _post(forum, "sam", {"topic_id": TOPIC, "raw": "Heck, and drat, what a week it was."})
    assert both.json()["errors"] == ["Sorry, you can't post that. Not allowed: heck, drat."]
    in_title = _post(
        forum,
        "sam",
        {"title": "Drat these stairs in my building", "raw": "Any tips for stairs?", "category": 1},
    )
    assert in_title.status_code == 422
    # Whole words only, and staff are never refused.
    assert _post(forum, "sam", {"topic_id": TOPIC, "raw": "Checking in after heckling."}).is_success
    assert _post(forum, "ruth", {"topic_id": TOPIC, "raw": "Heck, that is good news."}).is_success


def test_a_blocked_word_refuses_an_edit(forum: DemoForum) -> None:
    post_id = _post(forum, "sam", {"topic_id": TOPIC, "raw": "A gentle day, all told."}).json()[
        "id"
    ]
    edit = {"post": {"raw": "A gentle day, all told. Heck."}}
    refused = httpx.put(
        f"{forum.base_url}/posts/{post_id}.json", json=edit, headers=member_headers("sam")
    )
    assert refused.status_code == 422
    assert refused.json() == {
        "errors": ["Sorry, you can't post the word 'heck'; it's not allowed."]
    }


def test_a_censored_word_is_blacked_out_where_shown_and_kept_in_raw(forum: DemoForum) -> None:
    raw = "My darn legs, and [Darn](https://example.org/darn) again."
    post = _post(forum, "sam", {"topic_id": TOPIC, "raw": raw}).json()
    assert "■■■■ legs" in post["cooked"] and "■■■■</a>" in post["cooked"]
    assert 'href="https://example.org/darn"' in post["cooked"]  # tags are left alone
    shown = httpx.get(f"{forum.base_url}/posts/{post['id']}.json").json()
    assert shown["raw"] == raw and "darn" not in shown["cooked"].replace("/darn", "")
    site = httpx.get(f"{forum.base_url}/site.json").json()
    # WordWatcher.serialized_regexps_for_action(:censor, engine: :js), for the browser.
    assert site["censored_regexp"] == [
        {"(?:\\P{L}|^)(darn)(?=\\P{L}|$)": {"case_sensitive": False}}
    ]


def test_censored_words_go_to_the_browser_as_one_expression(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, censored_words=("darn", "h*ck", "a.b"))
    site = httpx.get(f"{forum.base_url}/site.json").json()
    # Escaped as WordWatcher.word_to_regexp does, a "*" standing for any letters.
    assert site["censored_regexp"] == [
        {"(?:\\P{L}|^)(darn|h\\S*ck|a\\.b)(?=\\P{L}|$)": {"case_sensitive": False}}
    ]
    raw = "Hiccuck, a.b but axb, all day long."
    post = _post(forum, "sam", {"topic_id": TOPIC, "raw": raw}).json()
    assert "■■■■■■■, ■■■ but axb, all day long." in post["cooked"]
    uncensored = make_forum()
    assert httpx.get(f"{uncensored.base_url}/site.json").json()["censored_regexp"] == []
