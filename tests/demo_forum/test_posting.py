"""Posting to the demo forum: replies, topics, private messages, rules, moderation, likes."""

from __future__ import annotations

import html
import re
from typing import Any

import httpx

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import ADMIN_KEY, member_headers
from tests.support.spec import validate_error_body, validate_request_body, validate_response
from voicepeer.demo_forum import DemoForum

REPLY = "Thank you all, pacing really does help me on the bad days."


def _post(client: httpx.Client, body: dict, **headers: str) -> httpx.Response:
    validate_request_body("POST", "/posts.json", body)
    return client.post("/posts.json", json=body, headers=headers)


def test_reply_appears_in_the_topic_with_cooked_html(
    client: httpx.Client, member: httpx.Client
) -> None:
    response = _post(
        member, {"topic_id": 1, "raw": REPLY + " <b>not bold</b> @sam", "reply_to_post_number": 2}
    )
    assert response.status_code == 200, response.text
    created = response.json()
    validate_response("POST", "/posts.json", 200, created)
    assert created["username"] == "demo"
    assert created["post_number"] == 9
    assert created["reply_to_post_number"] == 2
    assert "&lt;b&gt;not bold&lt;/b&gt;" in created["cooked"]
    assert '<a class="mention" href="/u/sam">@sam</a>' in created["cooked"]
    topic = client.get("/t/1.json").json()
    assert topic["post_stream"]["stream"][-1] == created["id"]
    latest = client.get("/latest.json").json()["topic_list"]["topics"]
    assert latest[0]["id"] == 1  # a reply bumps the topic


def test_form_encoded_reply_is_accepted_like_json(member: httpx.Client) -> None:
    response = member.post("/posts.json", data={"topic_id": "2", "raw": REPLY})
    assert response.status_code == 200
    assert response.json()["topic_id"] == 2


def test_too_short_and_too_long_posts_get_discourse_wording(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, min_post_length=20, max_post_length=200)
    with httpx.Client(base_url=forum.base_url, headers=member_headers("demo")) as client:
        short = _post(client, {"topic_id": 1, "raw": "  Too short      "})
        assert short.status_code == 422
        assert short.json() == {
            "action": "create_post",
            "errors": ["Body is too short (minimum is 20 characters)"],
        }
        long = _post(client, {"topic_id": 1, "raw": "Walking by the sea today. " * 10})
        assert long.status_code == 422
        assert long.json()["errors"] == ["Body is too long (maximum is 200 characters)"]
        validate_error_body(long.json())


def test_new_topic_lands_in_its_category_and_checks_the_title(member: httpx.Client) -> None:
    short_title = _post(member, {"title": "Hi", "raw": REPLY, "category": 4})
    assert short_title.status_code == 422
    assert short_title.json()["errors"] == [
        "Title is too short (minimum is 15 characters)",
        # Each of the Topic model's validations adds its own: "Hi" has two different bytes.
        "Title seems unclear, most of the words contain the same letters over and over?",
    ]
    created = _post(
        member, {"title": "Cold weather and stiff legs 🥶", "raw": REPLY, "category": 1}
    )
    assert created.status_code == 200, created.text
    topic_id = created.json()["topic_id"]
    topic = member.get(f"/t/{topic_id}.json").json()
    assert topic["category_id"] == 1
    assert topic["title"] == "Cold weather and stiff legs 🥶"
    assert topic["slug"] == "cold-weather-and-stiff-legs"
    # A category that is not there (deleted since it was listed, say) is a bad parameter
    # (TopicCreator raises InvalidParameters), not a validation error.
    unknown = _post(member, {"title": "A topic in nowhere at all", "raw": REPLY, "category": 999})
    assert unknown.status_code == 400
    assert unknown.json()["errors"] == ["You supplied invalid parameters to the request: category"]
    validate_error_body(unknown.json())


def _categories(forum: DemoForum, who: str | None) -> dict[str, dict[str, Any]]:
    headers = member_headers(who) if who else {}
    listed = httpx.get(f"{forum.base_url}/categories.json", headers=headers).json()
    return {c["slug"]: c for c in listed["category_list"]["categories"]}


def _start_topic(
    forum: DemoForum,
    who: str | None,
    title: str = "Cooling vests for the summer heat",
    raw: str = REPLY,
    **where: int,
) -> httpx.Response:
    body = {"title": title, "raw": raw, **where}
    validate_request_body("POST", "/posts.json", body)
    headers = member_headers(who) if who else {}
    return httpx.post(f"{forum.base_url}/posts.json", json=body, headers=headers)


def test_topics_need_a_category_as_on_a_new_discourse_site(make_forum: ForumFactory) -> None:
    # allow_uncategorized_topics is false by default: Category.topic_create_allowed leaves
    # Uncategorized out for members, and the Topic model refuses a topic with no category or
    # in Uncategorized to everyone, staff included.
    forum = make_forum(admin_api_key=ADMIN_KEY)
    settings = httpx.get(f"{forum.base_url}/site/settings.json").json()
    assert settings["allow_uncategorized_topics"] is False
    site = httpx.get(f"{forum.base_url}/site.json", headers=member_headers("demo")).json()
    uncategorized = site["uncategorized_category_id"]
    by_id = {c["id"]: c["permission"] for c in site["categories"]}
    assert by_id.pop(uncategorized) is None and set(by_id.values()) == {1}
    # /categories.json leaves Uncategorized out for everyone (CategoryList#prune_empty),
    # staff included, though staff get permission 1 on it in /site.json.
    for who in ("demo", None, "ruth"):  # None: a visitor
        listed = _categories(forum, who)
        assert "uncategorized" not in listed
        # A visitor may start topics nowhere (Category.topic_create_allowed).
        assert listed["good-news"]["permission"] == (None if who is None else 1)
    staff_site = httpx.get(f"{forum.base_url}/site.json", headers=member_headers("ruth")).json()
    assert {c["id"]: c["permission"] for c in staff_site["categories"]}[uncategorized] == 1
    before = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]

    there = _start_topic(forum, "demo", category=uncategorized)
    assert there.status_code == 403 and there.json()["error_type"] == "invalid_access"
    validate_error_body(there.json())
    nowhere = _start_topic(forum, "demo")
    assert nowhere.status_code == 422
    assert nowhere.json() == {"action": "create_post", "errors": ["Category can't be blank"]}
    visitor = _start_topic(forum, None)
    assert visitor.status_code == 403 and visitor.json()["error_type"] == "not_logged_in"
    both = httpx.post(
        f"{forum.base_url}/posts.json",
        json={"title": "Heat", "raw": REPLY},
        headers=member_headers("demo"),
    )
    assert both.json()["errors"] == [  # in the order the Topic model checks them
        "Title is too short (minimum is 15 characters)",
        "Title seems unclear, most of the words contain the same letters over and over?",
        "Category can't be blank",
    ]
    reserved = _start_topic(forum, "ruth", category=uncategorized)
    assert reserved.status_code == 422
    assert reserved.json() == {"action": "create_post", "errors": ["Category is reserved"]}
    assert _start_topic(forum, "ruth").json()["errors"] == ["Category can't be blank"]
    after = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    assert after == before

    good_news = _categories(forum, "demo")["good-news"]["id"]
    for who in ("demo", "ruth"):
        made = _start_topic(forum, who, f"Cooling vests, as {who} found", category=good_news)
        assert made.status_code == 200, made.text
        topic = httpx.get(f"{forum.base_url}/t/{made.json()['topic_id']}.json").json()
        assert topic["category_id"] == good_news


def test_allow_uncategorized_topics_lets_members_post_without_a_category(
    make_forum: ForumFactory,
) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, allow_uncategorized_topics=True)
    settings = httpx.get(f"{forum.base_url}/site/settings.json").json()
    assert settings["allow_uncategorized_topics"] is True
    uncategorized = _categories(forum, "demo")["uncategorized"]
    assert uncategorized["permission"] == 1
    # With no category, Topic#ensure_topic_has_a_category files it in Uncategorized.
    for n, (who, where) in enumerate(
        (("demo", {}), ("demo", {"category": uncategorized["id"]}), ("ruth", {}))
    ):
        # Each in its own words: the same words twice within minutes are refused.
        title = f"Cooling vests for the heat, part {n}"
        made = _start_topic(forum, who, title, f"{REPLY} Part {n}.", **where)
        assert made.status_code == 200, made.text
        topic = httpx.get(f"{forum.base_url}/t/{made.json()['topic_id']}.json").json()
        assert topic["category_id"] == uncategorized["id"]


def test_private_message_is_seen_only_by_its_members(
    forum: DemoForum, client: httpx.Client
) -> None:
    admin_key = forum.create_admin_api_key()
    body = {
        "title": "A quick question for you",
        "raw": "Are you free on Tuesday?",
        "archetype": "private_message",
        "target_recipients": "mei",
    }
    sent = _post(client, body, **{"Api-Key": admin_key, "Api-Username": "jo"})
    assert sent.status_code == 200, sent.text
    topic_id = sent.json()["topic_id"]
    as_mei = {"Api-Key": admin_key, "Api-Username": "mei"}
    as_sam = {"Api-Key": admin_key, "Api-Username": "sam"}
    topic = client.get(f"/t/{topic_id}.json", headers=as_mei)
    assert topic.status_code == 200
    validate_response("GET", "/t/{id}.json", 200, topic.json())
    assert topic.json()["archetype"] == "private_message"
    assert topic.json()["category_id"] is None
    assert client.get(f"/t/{topic_id}.json", headers=as_sam).status_code == 403
    inbox = client.get("/topics/private-messages/mei.json", headers=as_mei)
    validate_response("GET", "/topics/private-messages/{username}.json", 200, inbox.json())
    assert topic_id in [t["id"] for t in inbox.json()["topic_list"]["topics"]]
    assert client.get("/topics/private-messages/mei.json", headers=as_sam).status_code == 403
    reply = _post(client, {"topic_id": topic_id, "raw": "Yes, Tuesday works."}, **as_mei)
    assert reply.status_code == 200  # 10-character minimum for messages
    intruder = _post(client, {"topic_id": topic_id, "raw": "Let me in please!!"}, **as_sam)
    assert intruder.status_code == 403
    nobody = _post(
        client,
        {**body, "target_recipients": "nobody_here"},
        **{"Api-Key": admin_key, "Api-Username": "jo"},
    )
    assert nobody.status_code == 422


def test_moderated_member_and_word_are_enqueued_without_a_post_id(
    make_forum: ForumFactory,
) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, moderated_usernames=("demo",), moderated_words=())
    with httpx.Client(base_url=forum.base_url, headers=member_headers("demo")) as client:
        before = client.get("/t/1.json").json()["posts_count"]
        response = _post(client, {"topic_id": 1, "raw": REPLY})
        assert response.status_code == 200
        body = response.json()
        assert body["action"] == "enqueued"
        assert "id" not in body and "post_number" not in body
        assert body["pending_post"]["raw_text"] == REPLY
        assert client.get("/t/1.json").json()["posts_count"] == before
        # A moderator approves it: it appears, and the author is told.
        assert forum.pending_post_ids() == [body["pending_post"]["id"]]
        post_id = forum.approve_pending_post(body["pending_post"]["id"])
        assert post_id is not None and forum.pending_post_ids() == []
        assert client.get("/t/1.json").json()["post_stream"]["stream"][-1] == post_id
        assert client.get(f"/posts/{post_id}.json").json()["raw"] == REPLY
        assert forum.approve_pending_post(body["pending_post"]["id"]) is None
    forum = make_forum(admin_api_key=ADMIN_KEY, moderated_words=("miracle cure",))
    with httpx.Client(base_url=forum.base_url, headers=member_headers("demo")) as client:
        held = _post(client, {"topic_id": 1, "raw": "Has anyone tried this Miracle Cure thing?"})
        assert held.json()["action"] == "enqueued"
        fine = _post(client, {"topic_id": 1, "raw": "Cures are not what pacing is about."})
        assert "action" not in fine.json() and fine.json()["id"]


def test_like_and_bookmark_a_post(member: httpx.Client) -> None:
    liked = member.post("/post_actions.json", json={"id": 3, "post_action_type_id": 2})
    assert liked.status_code == 200, liked.text
    validate_response("POST", "/post_actions.json", 200, liked.json())
    like = next(a for a in liked.json()["actions_summary"] if a["id"] == 2)
    assert like["count"] == 1 and like["acted"] is True
    again = member.post("/post_actions.json", json={"id": 3, "post_action_type_id": 2})
    assert again.status_code == 403
    flag = member.post("/post_actions.json", json={"id": 3, "post_action_type_id": 4})
    assert flag.status_code == 400
    mark = member.post("/bookmarks.json", json={"bookmarkable_id": 3, "bookmarkable_type": "Post"})
    assert mark.status_code == 200
    assert mark.json()["success"] == "OK" and mark.json()["id"] > 0
    twice = member.post("/bookmarks.json", json={"bookmarkable_id": 3, "bookmarkable_type": "Post"})
    assert twice.status_code == 400
    validate_error_body(twice.json())
    assert member.delete(f"/bookmarks/{mark.json()['id']}.json").status_code == 200


def test_bookmark_excerpts_and_search_blurbs_are_shaped_as_stock(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY)
    member = {"Api-Key": ADMIN_KEY, "Api-Username": "demo"}
    client = httpx.Client(base_url=forum.base_url, headers=member, timeout=10)
    raw = (
        "Fish & chips helped :heart: see [the MS Society page](https://www.mssociety.org.uk/care)"
        " and https://example.org/heat today. " + "Cooling down slowly really helps. " * 12
    )
    created = _post(client, {"topic_id": 1, "raw": raw})
    assert created.status_code == 200, created.text
    post_id = created.json()["id"]
    mark = client.post(
        "/bookmarks.json", json={"bookmarkable_id": post_id, "bookmarkable_type": "Post"}
    )
    assert mark.status_code == 200, mark.text
    rows = client.get("/u/demo/bookmarks.json").json()["user_bookmark_list"]["bookmarks"]
    (excerpt,) = [r["excerpt"] for r in rows if r["bookmarkable_id"] == post_id]
    # PrettyText.excerpt(cooked, 300, keep_emoji_images: true): HTML, emoji picture and
    # links kept as tags, text escaped, cut after 300 characters of text, even mid-word.
    assert excerpt.startswith("Fish &amp; chips helped <img ")
    assert 'class="emoji" alt=":heart:"' in excerpt
    assert '<a href="https://www.mssociety.org.uk/care"' in excerpt
    assert excerpt.endswith("&hellip;")
    text = html.unescape(re.sub(r"<[^>]+>", "", excerpt.removesuffix("&hellip;")))
    assert len(text) == 300 and raw.startswith("Fish & chips helped ")
    # SearchIndexer::HtmlScrubber: plain text with the emoji's title and the outside link's
    # address written in (not an address that is its own link text), escaped by Sanitize.
    found = client.get("/search.json", params={"q": "chips helped"}).json()["posts"]
    (blurb,) = [p["blurb"] for p in found if p["id"] == post_id]
    assert blurb.startswith(
        "Fish &amp; chips helped :heart: see https://www.mssociety.org.uk/care the MS Society"
        " page and https://example.org/heat "
    )
    assert "<" not in blurb
    client.close()


def test_bookmarks_offer_a_next_page_only_while_there_is_one(make_forum: ForumFactory) -> None:
    # UserBookmarkListSerializer#include_more_bookmarks_url? is BookmarkQuery's has_more: a
    # full page with nothing after it has no next page.
    forum = make_forum(admin_api_key=ADMIN_KEY)
    member = {"Api-Key": ADMIN_KEY, "Api-Username": "demo"}
    with httpx.Client(base_url=forum.base_url, headers=member, timeout=10) as client:

        def page(number: int) -> dict[str, Any]:
            body = client.get("/u/demo/bookmarks.json", params={"page": number}).json()
            return dict(body["user_bookmark_list"])

        posts = iter(range(1, 200))

        def mark(count: int) -> None:
            """Bookmarks the next ``count`` posts the member may bookmark."""
            marked = 0
            while marked < count:
                body = {"bookmarkable_id": next(posts), "bookmarkable_type": "Post"}
                marked += client.post("/bookmarks.json", json=body).status_code == 200

        mark(20)
        assert len(page(0)["bookmarks"]) == 20 and "more_bookmarks_url" not in page(0)
        mark(1)
        assert page(0)["more_bookmarks_url"] == "/u/demo/bookmarks.json?page=1"
        assert len(page(1)["bookmarks"]) == 1 and "more_bookmarks_url" not in page(1)


def test_a_whole_topic_is_bookmarked_as_stock_discourse_does(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY)
    member = {"Api-Key": ADMIN_KEY, "Api-Username": "demo"}
    with httpx.Client(base_url=forum.base_url, headers=member, timeout=10) as client:

        def mark(kind: str, target: int) -> httpx.Response:
            body = {"bookmarkable_id": target, "bookmarkable_type": kind}
            return client.post("/bookmarks.json", json=body)

        def listed() -> list[dict[str, Any]]:
            body = client.get("/u/demo/bookmarks.json").json()
            return list(body["user_bookmark_list"]["bookmarks"])

        topic = client.get("/t/1.json").json()
        first_post = topic["post_stream"]["posts"][0]
        assert mark("Topic", 1).status_code == 200
        assert mark("Topic", 1).status_code == 400  # once per topic
        assert mark("Post", first_post["id"]).status_code == 200  # its first post besides
        assert mark("ChatMessage", 1).status_code == 400
        saved_topic, saved_post = sorted(listed(), key=lambda b: b["bookmarkable_type"] != "Topic")
        # UserTopicBookmarkSerializer: the topic is the bookmarkable, linked to post 1, with
        # how far the member has read (nothing yet) and the excerpt of the first post.
        assert saved_topic["bookmarkable_id"] == 1 and saved_topic["topic_id"] == 1
        assert saved_topic["linked_post_number"] == 1
        assert saved_topic["last_read_post_number"] is None
        assert saved_topic["highest_post_number"] == topic["highest_post_number"]
        assert saved_topic["excerpt"] == saved_post["excerpt"]
        assert saved_post["bookmarkable_id"] == first_post["id"]
        # Read up to post 2: the excerpt is then of post 3, the first not yet read.
        timings = {"topic_id": 1, "topic_time": 4000, "timings": {"1": 2000, "2": 2000}}
        assert client.post("/topics/timings", json=timings).status_code == 200
        (saved_topic,) = [b for b in listed() if b["bookmarkable_type"] == "Topic"]
        assert saved_topic["last_read_post_number"] == 2
        third = client.get("/t/1/3.json").json()["post_stream"]["posts"]
        third_post = next(p for p in third if p["post_number"] == 3)
        words = html.unescape(re.sub(r"<[^>]+>", " ", third_post["cooked"])).split()
        assert saved_topic["excerpt"].startswith(words[0])
        # The topic shows both bookmarks; only the post's own marks the post bookmarked.
        view = client.get("/t/1.json").json()
        assert {b["bookmarkable_type"] for b in view["bookmarks"]} == {"Topic", "Post"}
        assert view["post_stream"]["posts"][0]["bookmarked"] is True
        client.delete(f"/bookmarks/{saved_post['id']}.json")
        view = client.get("/t/1.json").json()
        assert view["bookmarked"] is True
        assert view["post_stream"]["posts"][0]["bookmarked"] is False


def test_bad_bodies_get_clear_errors_and_change_nothing(member: httpx.Client) -> None:
    before = member.get("/t/1.json").json()["posts_count"]
    broken = member.post(
        "/posts.json",
        content=b'{"topic_id": 1, "raw": "unfinished',
        headers={"Content-Type": "application/json"},
    )
    assert broken.status_code == 400
    validate_error_body(broken.json())
    listed = member.post("/posts.json", json=["not", "an", "object"])
    assert listed.status_code == 400
    missing = member.post("/posts.json", json={"topic_id": 1})
    assert missing.status_code == 400
    assert missing.json()["errors"] == ["param is missing or the value is empty: raw"]
    wrong_type = member.post("/posts.json", json={"topic_id": "one", "raw": REPLY})
    assert wrong_type.status_code == 400
    no_topic = member.post("/posts.json", json={"topic_id": 424242, "raw": REPLY})
    assert no_topic.status_code == 404
    latin1 = member.post(
        "/posts.json",
        content="raw=caf\xe9 au lait".encode("latin-1"),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert latin1.status_code == 400
    assert member.get("/t/1.json").json()["posts_count"] == before


def test_strange_unicode_survives_the_round_trip(
    client: httpx.Client, member: httpx.Client
) -> None:
    raw = "Zero\u200bwidth, RTL \u202eטקסט\u202c, combining e\u0301, emoji 👩🏽‍🦽 and \U0001d54f."
    created = _post(member, {"topic_id": 1, "raw": raw}).json()
    fetched = client.get(f"/posts/{created['id']}.json").json()
    assert fetched["raw"] == raw
    assert "👩🏽‍🦽" in fetched["cooked"]


def test_simultaneous_replies_all_land_with_distinct_numbers(make_forum: ForumFactory) -> None:
    from concurrent.futures import ThreadPoolExecutor

    # Every reply is the member demo's: the limit on replies in a row is lifted here.
    forum = make_forum(
        admin_api_key=ADMIN_KEY, admin_api_key_requests_per_minute=0, max_consecutive_replies=0
    )

    def reply(n: int) -> int:
        with httpx.Client(
            base_url=forum.base_url, headers=member_headers("demo"), timeout=20
        ) as own:
            response = own.post(
                "/posts.json", json={"topic_id": 3, "raw": f"Reply number {n} arriving at once."}
            )
            assert response.status_code == 200, response.text
            return int(response.json()["post_number"])

    with ThreadPoolExecutor(max_workers=8) as pool:
        numbers = sorted(pool.map(reply, range(24)))
    assert numbers == list(range(8, 32))  # the seed topic had 7 posts
    assert httpx.get(f"{forum.base_url}/t/3.json").json()["posts_count"] == 31


def test_a_title_another_topic_has_is_refused_as_on_a_stock_discourse(
    make_forum: ForumFactory,
) -> None:
    # allow_duplicate_topic_titles is false by default: Topic's unique_among validation
    # compares titles without case among all topics that are not messages.
    forum = make_forum(admin_api_key=ADMIN_KEY)
    good_news = _categories(forum, "demo")["good-news"]["id"]
    taken = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][0]["title"]
    for title in (taken, taken.upper()):
        refused = _start_topic(forum, "demo", title, category=good_news)
        assert refused.status_code == 422
        assert refused.json() == {
            "action": "create_post",
            "errors": ["Title has already been used"],
        }
    made = _start_topic(forum, "demo", f"{taken} again", category=good_news)
    assert made.status_code == 200, made.text
    assert _start_topic(forum, "priya", f"{taken} again", category=good_news).status_code == 422
    message = {
        "title": taken,
        "raw": REPLY,
        "archetype": "private_message",
        "target_recipients": "priya",
    }
    sent = httpx.post(f"{forum.base_url}/posts.json", json=message, headers=member_headers("demo"))
    assert sent.status_code == 200, sent.text  # messages may share a title


def test_allow_duplicate_topic_titles_lets_a_title_be_used_again(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY, allow_duplicate_topic_titles=True)
    good_news = _categories(forum, "demo")["good-news"]["id"]
    taken = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][0]["title"]
    made = _start_topic(forum, "demo", taken, category=good_news)
    assert made.status_code == 200, made.text
