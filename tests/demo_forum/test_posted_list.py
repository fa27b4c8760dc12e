"""/posted.json: the topics a member has posted in (TopicQuery#list_posted), members only
(ListController: "posted" is not one of Discourse.anonymous_filters)."""

from __future__ import annotations

import httpx

from voicepeer.demo_forum import DemoForum


def _titles(client: httpx.Client, headers: dict[str, str]) -> list[str]:
    answer = client.get("/posted.json", headers=headers)
    assert answer.status_code == 200
    return [t["title"] for t in answer.json()["topic_list"]["topics"]]


def test_members_only_and_only_where_they_posted(forum: DemoForum, client: httpx.Client) -> None:
    visitor = client.get("/posted.json")
    assert visitor.status_code == 403
    assert visitor.json()["error_type"] == "not_logged_in"
    key = forum.create_admin_api_key()
    demo = {"Api-Key": key, "Api-Username": "demo"}
    sam = {"Api-Key": key, "Api-Username": "sam"}
    before = _titles(client, demo)
    assert before == ["Hello from a new member"]  # the seed's one topic demo posted in
    body = {"title": "Heat and fatigue this summer", "raw": "Does heat make you tired too?"}
    topic = client.post("/posts.json", json={**body, "category": 1}, headers=sam).json()
    assert _titles(client, demo) == before  # Sam's topic, no post of demo's in it yet
    reply = {"topic_id": topic["topic_id"], "raw": "Yes, a cool flannel helps me a lot."}
    assert client.post("/posts.json", json=reply, headers=demo).status_code == 200
    assert _titles(client, demo) == ["Heat and fatigue this summer", *before]
    message = {
        "title": "A private word about the heat",
        "raw": "Thank you for asking about the heat.",
        "archetype": "private_message",
        "target_recipients": "sam",
    }
    assert client.post("/posts.json", json=message, headers=demo).status_code == 200
    assert _titles(client, demo)[0] == "Heat and fatigue this summer"  # messages not listed
