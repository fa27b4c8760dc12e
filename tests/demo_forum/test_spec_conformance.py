"""Every documented answer of the demo forum, anonymous and signed in, against the spec;
and the spec helpers themselves, which must be able to fail."""

from __future__ import annotations

import httpx
import pytest

from tests.support.spec import (
    NotInSpec,
    SpecMismatch,
    validate_error_body,
    validate_request_body,
    validate_response,
)
from voicepeer.demo_forum import DemoForum

# (method, url, spec path); private message topic 15 is between sam and demo.
DOCUMENTED_GETS = [
    ("/latest.json", "/latest.json"),
    ("/latest.json?page=0", "/latest.json"),
    ("/categories.json", "/categories.json"),
    ("/c/living-with-ms/1.json", "/c/{slug}/{id}.json"),
    ("/c/newly-diagnosed/2.json", "/c/{slug}/{id}.json"),
    ("/t/6.json", "/t/{id}.json"),  # the very long post
    ("/t/my-first-year-with-ms/6.json", "/t/{id}.json"),
    ("/t/1/posts.json?post_ids[]=2&post_ids[]=5", "/t/{id}/posts.json"),
    ("/posts/1.json", "/posts/{id}.json"),
    ("/posts/4.json", "/posts/{id}.json"),  # a post with a quote
    ("/search.json?q=pacing", "/search.json"),
    ("/search.json?q=zzz-no-match", "/search.json"),
    ("/site.json", "/site.json"),
    ("/site/basic-info.json", "/site/basic-info.json"),
]
SIGNED_IN_GETS = [
    *DOCUMENTED_GETS,
    ("/t/15.json", "/t/{id}.json"),
    ("/notifications.json", "/notifications.json"),
    ("/topics/private-messages/demo.json", "/topics/private-messages/{username}.json"),
    # /new.json and /unread.json are not in the spec; Discourse serves them with the same
    # TopicListSerializer as /latest.json.
    ("/new.json", "/latest.json"),
    ("/unread.json", "/latest.json"),
]


@pytest.mark.parametrize(("url", "template"), DOCUMENTED_GETS)
def test_anonymous_answers_match_the_spec(client: httpx.Client, url: str, template: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text
    validate_response("GET", template, 200, response.json())


def test_head_answers_without_a_body(client: httpx.Client) -> None:
    head = client.head("/latest.json")
    assert head.status_code == 200 and head.content == b""


def test_signed_in_answers_match_the_spec(forum: DemoForum, client: httpx.Client) -> None:
    key = forum.create_admin_api_key()
    headers = {"Api-Key": key, "Api-Username": "demo"}
    # Give the member likes, bookmarks and reads, so the optional fields appear.
    client.post("/post_actions.json", headers=headers, json={"id": 2, "post_action_type_id": 2})
    client.post(
        "/bookmarks.json", headers=headers, json={"bookmarkable_id": 2, "bookmarkable_type": "Post"}
    )
    client.post("/topics/timings", headers=headers, json={"topic_id": 1, "timings": {"3": 5}})
    for url, template in SIGNED_IN_GETS:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, (url, response.text)
        validate_response("GET", template, 200, response.json())
    created = client.post(
        "/posts.json", headers=headers, json={"topic_id": 15, "raw": "Thanks again Sam, talk soon."}
    )
    validate_response("POST", "/posts.json", 200, created.json())
    marked = client.put("/notifications/mark-read.json", headers=headers, json={"id": 1})
    validate_response("PUT", "/notifications/mark-read.json", 200, marked.json())


def test_error_answers_look_like_discourse(client: httpx.Client) -> None:
    for response in (
        client.get("/t/424242.json"),
        client.get("/t/15.json"),
        client.get("/notifications.json"),
        client.post("/posts.json", json={"topic_id": 1, "raw": "short"}),
        client.get("/latest.json", headers={"Api-Key": "nope", "Api-Username": "demo"}),
    ):
        assert response.status_code in (403, 404, 422)
        validate_error_body(response.json())


def test_request_bodies_the_client_sends_are_checked() -> None:
    validate_request_body(
        "POST", "/posts.json", {"topic_id": 1, "raw": "hello", "reply_to_post_number": 2}
    )
    validate_request_body(
        "POST", "/posts.json", {"title": "A new topic title", "raw": "hi", "category": 1}
    )
    validate_request_body("POST", "/post_actions.json", {"id": 5, "post_action_type_id": 2})
    with pytest.raises(SpecMismatch, match="raw"):
        validate_request_body("POST", "/posts.json", {"topic_id": 1})
    with pytest.raises(SpecMismatch, match="unexpected"):
        validate_request_body("POST", "/posts.json", {"raw": "hi", "mood": "tired"})
    with pytest.raises(NotInSpec):
        validate_request_body("GET", "/t/{id}/posts.json", {"post_ids[]": 1})


def test_the_spec_helpers_reject_wrong_answers() -> None:
    with pytest.raises(SpecMismatch, match="post_stream"):
        validate_response("GET", "/t/{id}.json", 200, {"id": 1})
    with pytest.raises(SpecMismatch, match="not allowed"):
        validate_response(
            "GET",
            "/categories.json",
            200,
            {
                "category_list": {
                    "can_create_category": False,
                    "can_create_topic": True,
                    "categories": [],
                    "surprise": 1,
                }
            },
        )
    with pytest.raises(SpecMismatch, match="is not of type"):
        validate_response("GET", "/posts/{id}.json", 200, {"id": "seven"})
    with pytest.raises(NotInSpec):
        validate_response("GET", "/t/{id}.json", 404, {})
    with pytest.raises(NotInSpec):
        validate_response("GET", "/session/current.json", 200, {})
    with pytest.raises(SpecMismatch):
        validate_error_body({"error": "not the Discourse shape"})
