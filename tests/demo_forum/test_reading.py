"""Reading the demo forum over loopback HTTP; every answer checked against the spec."""

from __future__ import annotations

import httpx
import pytest

from tests.demo_forum.conftest import ForumFactory
from tests.support.spec import validate_error_body, validate_response
from voicepeer.demo_forum import DemoForum


def _get(client: httpx.Client, url: str, template: str | None = None) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    if template is not None:
        validate_response("GET", template, 200, body)
    return body


def test_latest_lists_seeded_topics_newest_first(client: httpx.Client) -> None:
    body = _get(client, "/latest.json", "/latest.json")
    topics = body["topic_list"]["topics"]
    assert 12 <= len(topics) <= 15
    bumped = [t["bumped_at"] for t in topics]
    assert bumped == sorted(bumped, reverse=True)
    assert all(t["archetype"] == "regular" for t in topics)  # no private messages
    assert "more_topics_url" not in body["topic_list"]
    # Anonymous readers get no per-user tracking.
    assert all("unread_posts" not in t for t in topics)
    names = {u["id"]: u["username"] for u in body["users"]}
    for topic in topics:
        assert set(p["user_id"] for p in topic["posters"]) <= set(names)
        assert "Original Poster" in topic["posters"][0]["description"]
        latest = [p for p in topic["posters"] if p["extras"] == "latest"]
        assert [names[p["user_id"]] for p in latest] == [topic["last_poster_username"]]


def test_latest_pages_by_thirty_offering_more_while_a_page_is_full(
    forum: DemoForum, client: httpx.Client
) -> None:
    for n in range(40):
        forum.seed_long_topic(posts=1, title=f"Paging check topic number {n}")
    first = _get(client, "/latest.json", "/latest.json")["topic_list"]
    assert len(first["topics"]) == 30
    assert first["more_topics_url"] == "/latest?page=1"
    second = _get(client, "/latest.json?page=1", "/latest.json")["topic_list"]
    assert 24 <= len(second["topics"]) < 30
    assert "more_topics_url" not in second
    assert not {t["id"] for t in first["topics"]} & {t["id"] for t in second["topics"]}
    assert _get(client, "/latest.json?page=5")["topic_list"]["topics"] == []
    # TopicListSerializer offers more whenever a page is full, though the next is empty.
    for n in range(30 - len(second["topics"])):
        forum.seed_long_topic(posts=1, title=f"Filling the page, topic number {n}")
    full = _get(client, "/latest.json?page=1", "/latest.json")["topic_list"]
    assert len(full["topics"]) == 30 and full["more_topics_url"] == "/latest?page=2"
    last = _get(client, "/latest.json?page=2", "/latest.json")["topic_list"]
    assert last["topics"] == [] and "more_topics_url" not in last


def test_bad_page_number_is_a_clear_400(client: httpx.Client) -> None:
    response = client.get("/latest.json?page=soon")
    assert response.status_code == 400
    validate_error_body(response.json())


def test_categories_and_category_topics(client: httpx.Client) -> None:
    listed = _get(client, "/categories.json", "/categories.json")["category_list"]["categories"]
    names = [c["name"] for c in listed]
    assert names[:4] == [
        "Living with MS",
        "Newly diagnosed",
        "Treatments and medication",
        "Good news",
    ]
    good_news = next(c for c in listed if c["slug"] == "good-news")
    body = _get(client, f"/c/good-news/{good_news['id']}.json", "/c/{slug}/{id}.json")
    topics = body["topic_list"]["topics"]
    assert len(topics) == good_news["topic_count"] == 2
    assert {t["category_id"] for t in topics} == {good_news["id"]}
    missing = client.get("/c/nowhere/999.json")
    assert missing.status_code == 404
    validate_error_body(missing.json())


def test_topic_view_first_chunk_and_full_stream(forum: DemoForum, client: httpx.Client) -> None:
    topic_id = forum.seed_long_topic(posts=45)
    body = _get(client, f"/t/{topic_id}.json", "/t/{id}.json")
    stream = body["post_stream"]["stream"]
    posts = body["post_stream"]["posts"]
    assert len(stream) == body["posts_count"] == 45
    assert [p["post_number"] for p in posts] == list(range(1, 21))
    assert [p["id"] for p in posts] == stream[:20]
    assert body["chunk_size"] == 20
    # The slug form answers the same topic.
    by_slug = _get(client, f"/t/{body['slug']}/{topic_id}.json", "/t/{id}.json")
    assert by_slug["post_stream"]["stream"] == stream
    # /t/{id}/{post_number}.json answers the chunk holding that post.
    near = _get(client, f"/t/{topic_id}/40.json", "/t/{id}.json")
    assert 40 in [p["post_number"] for p in near["post_stream"]["posts"]]


def test_more_posts_by_id_in_the_query_string(forum: DemoForum, client: httpx.Client) -> None:
    topic_id = forum.seed_long_topic(posts=30)
    stream = _get(client, f"/t/{topic_id}.json")["post_stream"]["stream"]
    wanted = stream[20:25]
    query = "&".join(f"post_ids[]={i}" for i in wanted)
    body = _get(client, f"/t/{topic_id}/posts.json?{query}", "/t/{id}/posts.json")
    assert [p["id"] for p in body["post_stream"]["posts"]] == wanted
    assert [p["post_number"] for p in body["post_stream"]["posts"]] == list(range(21, 26))
    # Ids of another topic are not served through this one.
    other = _get(client, "/t/1.json")["post_stream"]["stream"][0]
    body = _get(client, f"/t/{topic_id}/posts.json?post_ids[]={other}")
    assert body["post_stream"]["posts"] == []


def test_single_post_has_raw_and_cooked(client: httpx.Client) -> None:
    body = _get(client, "/posts/2.json", "/posts/{id}.json")
    assert body["raw"].startswith("Oh yes, every week")
    assert "<ul>" in body["cooked"]
    assert body["reply_to_post_number"] == 1
    assert body["reply_to_user"]["username"] == "priya"


@pytest.mark.parametrize(
    "url", ["/t/99999.json", "/posts/99999.json", "/t/99999/posts.json", "/no/such/page.json"]
)
def test_unknown_things_are_json_404s(client: httpx.Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {
        "errors": ["The requested URL or resource could not be found."],
        "error_type": "not_found",
    }


def test_private_messages_are_hidden_from_other_readers(client: httpx.Client) -> None:
    response = client.get("/t/15.json")
    assert response.status_code == 403
    assert response.json()["error_type"] == "invalid_access"
    assert "Checking in" not in client.get("/search.json?q=checking").text


def test_search_finds_posts_and_their_topics(client: httpx.Client) -> None:
    body = _get(client, "/search.json?q=cooling%20vest", "/search.json")
    assert body["posts"], "expected a match for 'cooling vest'"
    assert all("cooling vest" in p["blurb"].lower() for p in body["posts"])
    assert {t["id"] for t in body["topics"]} == {p["topic_id"] for p in body["posts"]}
    assert body["grouped_search_result"]["post_ids"] == [p["id"] for p in body["posts"]]
    # Like Discourse's SearchController, a term under min_search_term_length is refused.
    short = client.get("/search.json?q=ms")
    assert short.status_code == 400
    assert short.json() == {
        "errors": ["You supplied invalid parameters to the request: q"],
        "error_type": "invalid_parameters",
    }
    # Long enough as a whole, but with every word short: Search#execute looks for nothing.
    words = client.get("/search.json?q=ms%20uk")
    assert words.status_code == 200
    assert words.json() == {"grouped_search_result": None}
    assert _get(client, "/search.json?q=ms%20nurse", "/search.json")["posts"]


def test_search_blurbs_are_cut_as_stock_discourse_cuts_them(client: httpx.Client) -> None:
    # GroupedSearchResults.blurb_for with SearchController's 300: ActionView's excerpt, 150
    # characters either side of the term, cut at any character and marked "..."; else the
    # first 297 and "...".
    body = _get(client, "/search.json?q=fatigue", "/search.json")
    blurbs = [p["blurb"] for p in body["posts"]]
    cut = [b for b in blurbs if b.startswith("...")]
    assert cut, blurbs  # the long letter mentions fatigue far into it
    for blurb in cut:
        found = blurb.lower().index("fatigue")
        assert found == len("...") + 150, blurb
        assert len(blurb) <= 3 + 150 + len("fatigue") + 150 + 3
        assert "…" not in blurb


def test_site_documents_and_client_settings(make_forum: ForumFactory) -> None:
    forum = make_forum(min_post_length=5, max_post_length=500, title="Test forum")
    with httpx.Client(base_url=forum.base_url) as client:
        site = _get(client, "/site.json", "/site.json")
        assert site["notification_types"]["replied"] == 2
        assert {c["slug"] for c in site["categories"]} >= {"living-with-ms", "good-news"}
        assert _get(client, "/site/basic-info.json", "/site/basic-info.json")["title"] == (
            "Test forum"
        )
        settings = _get(client, "/site/settings.json")
        assert settings["min_post_length"] == 5
        assert settings["max_post_length"] == 500
        assert settings["min_personal_message_post_length"] == 10
        assert settings["min_topic_title_length"] == 15


def test_anonymous_session_is_404_and_new_and_unread_need_an_account(
    client: httpx.Client,
) -> None:
    # ListController#ensure_logged_in: only Discourse.anonymous_filters (latest, top,
    # categories, hot) are open to everyone.
    assert client.get("/session/current.json").status_code == 404
    for url in ("/new.json", "/unread.json"):
        answer = client.get(url)
        assert answer.status_code == 403
        validate_error_body(answer.json())
        assert answer.json()["error_type"] == "not_logged_in"


def test_wrong_method_is_refused_clearly(client: httpx.Client) -> None:
    response = client.delete("/latest.json")
    assert response.status_code == 405
    validate_error_body(response.json())


def test_search_gives_a_topic_once_at_its_first_matching_post(
    forum: DemoForum, client: httpx.Client
) -> None:
    # Full-page search aggregates (Search#aggregate_post_sql): one post per topic, the
    # first that matches; private messages only when asked for ("in:messages").
    body = _get(client, "/search.json?q=chips", "/search.json")
    assert [(p["topic_id"], p["post_number"]) for p in body["posts"]] == [
        (t["id"], 1) for t in body["topics"]
    ]
    assert len(body["topics"]) == 1  # dave's post 1 and jo's reply both say "chips"
    assert body["grouped_search_result"]["more_full_page_results"] is None
    demo = {"Api-Key": forum.create_admin_api_key(), "Api-Username": "demo"}
    # demo's message "Checking in after your first week" is theirs to read, not to find.
    assert client.get("/topics/private-messages/demo.json", headers=demo).is_success
    found = client.get("/search.json", params={"q": "first week"}, headers=demo).json()
    assert all(t["archetype"] == "regular" for t in found["topics"]), found["topics"]
