"""Categories a member watches, watches for first posts or mutes (CategoryUser)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.tracking import TRACKING, WATCHING

WATCHING_FIRST_POST, MUTED = 4, 0


class Members:
    """The seeded members, each acting through the forum's admin key."""

    def __init__(self, forum: DemoForum, client: httpx.Client) -> None:
        self.key = forum.create_admin_api_key()
        self.client = client
        self.categories = {
            c["slug"]: c["id"]
            for c in client.get("/categories.json").json()["category_list"]["categories"]
        }

    def as_(self, who: str) -> dict[str, str]:
        return {"Api-Key": self.key, "Api-Username": who}

    def set_level(self, who: str, slug: str, level: int | str) -> httpx.Response:
        return self.client.post(
            f"/category/{self.categories[slug]}/notifications",
            headers=self.as_(who),
            data={"notification_level": str(level)},
        )

    def start(self, who: str, slug: str, title: str) -> int:
        body = {
            "title": title,
            "raw": f"{title}: words enough for a first post on the demo forum.",
            "category": self.categories[slug],
        }
        response = self.client.post("/posts.json", headers=self.as_(who), json=body)
        assert response.status_code == 200, response.text
        return int(response.json()["topic_id"])

    def reply(self, who: str, topic_id: int) -> None:
        raw = f"A reply from {who} to topic {topic_id}, long enough for the forum to take it."
        body = {"topic_id": topic_id, "raw": raw}
        response = self.client.post("/posts.json", headers=self.as_(who), json=body)
        assert response.status_code == 200, response.text

    def told(self, who: str, topic_id: int) -> list[dict[str, Any]]:
        body = self.client.get("/notifications.json", headers=self.as_(who)).json()
        return [n for n in body["notifications"] if n["topic_id"] == topic_id]

    def level_in_topic(self, who: str, topic_id: int) -> int:
        topic = self.client.get(f"/t/{topic_id}.json", headers=self.as_(who)).json()
        return int(topic["details"]["notification_level"])

    def latest_ids(self, who: str, path: str = "/latest.json") -> set[int]:
        body = self.client.get(path, headers=self.as_(who)).json()
        return {t["id"] for t in body["topic_list"]["topics"]}


@pytest.fixture
def members(forum: DemoForum, client: httpx.Client) -> Members:
    return Members(forum, client)


def test_setting_a_level_answers_as_discourse_and_shows_in_the_category_list(
    members: Members, client: httpx.Client
) -> None:
    answer = members.set_level("mei", "good-news", WATCHING_FIRST_POST)
    assert answer.status_code == 200
    assert answer.json() == {"success": "OK", "indirectly_muted_category_ids": []}

    def levels(headers: dict[str, str]) -> dict[str, int]:
        body = client.get("/categories.json", headers=headers).json()
        return {c["slug"]: c["notification_level"] for c in body["category_list"]["categories"]}

    assert levels(members.as_("mei"))["good-news"] == WATCHING_FIRST_POST
    assert levels(members.as_("jo"))["good-news"] == 1
    assert levels({})["good-news"] == 1
    # Ruby's to_i: what is not a number mutes.
    assert members.set_level("mei", "good-news", "often").status_code == 200
    assert levels(members.as_("mei"))["good-news"] == MUTED


def test_setting_a_level_needs_a_member_and_a_category(
    members: Members, client: httpx.Client
) -> None:
    anonymous = client.post("/category/1/notifications", data={"notification_level": "3"})
    assert anonymous.status_code == 403
    assert anonymous.json()["error_type"] == "not_logged_in"
    assert (
        client.post(
            "/category/999/notifications",
            headers=members.as_("mei"),
            data={"notification_level": "3"},
        ).status_code
        == 404
    )


def test_first_post_watchers_hear_of_new_topics_only(members: Members) -> None:
    members.set_level("mei", "good-news", WATCHING_FIRST_POST)
    members.set_level("sam", "good-news", WATCHING_FIRST_POST)
    topic = members.start("sam", "good-news", "Walked to the shop and back today")
    members.reply("priya", topic)
    told = members.told("mei", topic)
    assert [(n["notification_type"], n["post_number"]) for n in told] == [(17, 1)]
    assert told[0]["data"]["display_username"] == "sam"
    # Not of their own topic: only of the reply to it.
    assert [n["notification_type"] for n in members.told("sam", topic)] == [2]
    other = members.start("sam", "living-with-ms", "A topic in a category Mei does not watch")
    assert members.told("mei", other) == []


def test_category_watchers_hear_of_every_post_until_they_follow_the_topic(
    members: Members, client: httpx.Client
) -> None:
    members.set_level("jo", "living-with-ms", WATCHING)
    topic = members.start("sam", "living-with-ms", "Cooling vests: which one works")
    assert [n["notification_type"] for n in members.told("jo", topic)] == [36]
    members.reply("priya", topic)
    # Gathered, as replies are: one notification, at the first unread post, counting them.
    told = members.told("jo", topic)
    assert [(n["notification_type"], n["post_number"]) for n in told] == [(36, 1)]
    assert told[0]["data"]["display_username"] == "2 replies"
    # Reading the topic makes Jo watch it (the category's level), so the next post is "posted".
    timings = {"topic_id": topic, "topic_time": 2000, "timings": {"1": 1000, "2": 1000}}
    assert client.post("/topics/timings", headers=members.as_("jo"), json=timings).is_success
    assert members.level_in_topic("jo", topic) == WATCHING
    members.reply("dave", topic)
    assert [n["notification_type"] for n in members.told("jo", topic)] == [9]


def test_watching_a_category_watches_the_topics_already_followed_and_back(
    members: Members, client: httpx.Client
) -> None:
    topic = members.start("sam", "newly-diagnosed", "What the first neurology visit is like")
    members.reply("dave", topic)
    assert members.level_in_topic("dave", topic) == TRACKING
    members.set_level("dave", "newly-diagnosed", WATCHING)
    assert members.level_in_topic("dave", topic) == WATCHING
    members.set_level("dave", "newly-diagnosed", 1)
    assert members.level_in_topic("dave", topic) == TRACKING
    # A level the member earned themselves is not taken back.
    assert members.level_in_topic("sam", topic) == WATCHING
    members.set_level("sam", "newly-diagnosed", WATCHING)
    members.set_level("sam", "newly-diagnosed", 1)
    assert members.level_in_topic("sam", topic) == WATCHING


def test_a_muted_category_leaves_the_lists_and_tells_nothing_but_mentions(
    members: Members,
) -> None:
    quiet = members.start("sam", "treatments-and-medication", "Infusion day again")
    replied = members.start("sam", "treatments-and-medication", "Scan results this week")
    members.reply("dave", replied)  # Dave follows this one himself (tracking)
    members.set_level("dave", "treatments-and-medication", MUTED)
    latest = members.latest_ids("dave")
    assert quiet not in latest and replied in latest
    assert quiet in members.latest_ids("jo")
    category = members.categories["treatments-and-medication"]
    listed = members.latest_ids("dave", f"/c/treatments-and-medication/{category}.json")
    assert quiet in listed  # the muted category listed on its own still shows its topics
    # A member's own topics are all theirs to list (TopicQuery#list_topics_by removes no
    # muted category), whoever asks.
    members.set_level("sam", "treatments-and-medication", MUTED)
    for who in ("sam", "dave"):
        assert quiet in members.latest_ids(who, "/topics/created-by/sam.json")
    # Mentions and replies come before muting is looked at.
    members.set_level("mei", "treatments-and-medication", MUTED)
    body = {"topic_id": quiet, "raw": "@mei and @jo, were yours on a Monday as well?"}
    assert members.client.post("/posts.json", headers=members.as_("priya"), json=body).is_success
    assert [n["notification_type"] for n in members.told("mei", quiet)] == [1]
