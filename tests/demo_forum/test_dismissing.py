"""Marking topics read as Discourse does it (TopicsController#bulk and #reset_new, and their
request specs): members only, the unread filter or a list of ids, and the ids taken off the
Unread and New lists in the answer."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.support.spec import validate_error_body
from voicepeer.demo_forum import DemoForum

DISMISS_POSTS = {"operation": {"type": "dismiss_posts"}}


@pytest.fixture
def demo(forum: DemoForum) -> dict[str, str]:
    return {"Api-Key": forum.create_admin_api_key(), "Api-Username": "demo"}


def listed(client: httpx.Client, url: str, headers: dict[str, str]) -> list[int]:
    return [t["id"] for t in client.get(url, headers=headers).json()["topic_list"]["topics"]]


def test_a_visitor_marks_nothing_read(client: httpx.Client) -> None:
    for url, body in (
        ("/topics/bulk.json", {"filter": "unread", **DISMISS_POSTS}),
        ("/topics/reset-new.json", {}),
    ):
        answer = client.put(url, json=body)
        assert answer.status_code == 403
        assert answer.json()["error_type"] == "not_logged_in"


@pytest.mark.parametrize(
    "body",
    [
        DISMISS_POSTS,  # neither topic_ids nor filter
        {"filter": "unread"},  # no operation
        {"filter": "unread", "operation": {"type": ""}},
        {"filter": "unread", "operation": {"type": "make_everyone_happy"}},
        {"topic_ids": 5, **DISMISS_POSTS},  # not a list
    ],
)
def test_a_bulk_action_without_its_topics_or_a_known_operation_is_refused(
    client: httpx.Client, demo: dict[str, str], body: dict[str, Any]
) -> None:
    answer = client.put("/topics/bulk.json", json=body, headers=demo)
    assert answer.status_code == 400
    validate_error_body(answer.json())


def test_every_unread_topic_is_read_to_its_last_post(
    client: httpx.Client, demo: dict[str, str]
) -> None:
    unread = listed(client, "/unread.json", demo)
    assert unread  # the seed leaves the member a followed topic with replies unheard
    answer = client.put(
        "/topics/bulk.json", json={"filter": "unread", **DISMISS_POSTS}, headers=demo
    )
    assert answer.status_code == 200
    assert answer.json() == {"topic_ids": sorted(unread)}
    assert listed(client, "/unread.json", demo) == []
    topic = client.get(f"/t/{unread[0]}.json", headers=demo).json()
    assert topic["last_read_post_number"] == topic["highest_post_number"]


def test_new_topics_are_dismissed_all_or_by_id(client: httpx.Client, demo: dict[str, str]) -> None:
    new = listed(client, "/new.json", demo)
    assert new
    # Only among the ids given: one that is not new is not dismissed.
    not_new = listed(client, "/latest.json", demo)[-1]
    answer = client.put("/topics/reset-new.json", json={"topic_ids": [not_new]}, headers=demo)
    assert answer.json() == {"topic_ids": []}
    assert listed(client, "/new.json", demo) == new
    answer = client.put("/topics/reset-new.json", json={}, headers=demo)
    assert answer.status_code == 200
    assert answer.json() == {"topic_ids": sorted(new)}
    assert listed(client, "/new.json", demo) == []
    # The forum's lists still call a dismissed topic unseen (ListableTopicSerializer#seen
    # looks at the member's reading and the new-topic start date only).
    latest = client.get("/latest.json", headers=demo).json()["topic_list"]["topics"]
    assert next(t for t in latest if t["id"] == new[0])["unseen"] is True


def test_dismiss_topics_takes_only_the_topics_still_new(
    client: httpx.Client, demo: dict[str, str]
) -> None:
    new = listed(client, "/new.json", demo)
    unread = listed(client, "/unread.json", demo)
    body = {"topic_ids": new + unread, "operation": {"type": "dismiss_topics"}}
    answer = client.put("/topics/bulk.json", json=body, headers=demo)
    assert answer.json() == {"topic_ids": sorted(new)}
    assert listed(client, "/new.json", demo) == []
    assert listed(client, "/unread.json", demo) == unread
