"""Reading the real demo forum over loopback HTTP."""

from __future__ import annotations

from voicepeer.forum.base import Forum
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.voice.phrasing import forum_name

from .conftest import RunningForum, StartForum


def test_client_is_a_forum(forum: RunningForum) -> None:
    client: Forum = forum.client()
    assert isinstance(client, DiscourseClient)
    assert forum_name(client.title) == "the voicepeer demo forum"


def test_latest_lists_seeded_topics(forum: RunningForum) -> None:
    listing = forum.client().latest()
    titles = [t.title for t in listing.topics]
    assert "Heat sensitivity: surviving the summer with MS" in titles
    assert listing.page == 0
    heat = next(t for t in listing.topics if t.title.startswith("Heat"))
    assert heat.posts_count > 1
    assert heat.created_by is not None
    assert heat.bumped_at is not None


def test_latest_pages_through_every_topic(start_forum: StartForum) -> None:
    running = start_forum()
    for n in range(35):
        running.server.seed_long_topic(1, title=f"Paging test topic number {n:02d}")
    client = running.client()
    first = client.latest()
    assert first.has_more
    second = client.latest(page=1)
    assert second.page == 1
    assert not {t.id for t in first.topics} & {t.id for t in second.topics}


def test_categories_and_their_topics(forum: RunningForum) -> None:
    client = forum.client()
    categories = client.categories()
    living = next(c for c in categories if c.slug == "living-with-ms")
    assert living.name == "Living with MS"
    listing = client.category_topics(living)
    assert listing.topics
    assert all(t.category_id == living.id for t in listing.topics)


def test_new_and_unread_lists(forum: RunningForum) -> None:
    client = forum.client()
    assert client.new_topics().page == 0
    assert client.unread_topics().page == 0


def test_long_topic_starts_with_one_request_and_loads_in_chunks(start_forum: StartForum) -> None:
    running = start_forum()
    topic_id = running.server.seed_long_topic(2000)
    client = running.client()
    client.censored()  # the site's censored words, asked once before the first title
    thread = client.thread(topic_id)
    assert client.requests_made == 1 + 1
    assert len(thread) == 2000
    assert thread.post_at(0).post_number == 1
    assert client.requests_made == 1 + 1  # the first chunk came with the topic
    loaded = thread.fetched_count
    post = thread.post_at(loaded)  # the first post past the first chunk
    assert post.post_number == loaded + 1
    assert client.requests_made == 1 + 2
    assert thread.fetched_count == loaded + 20
    for index in range(loaded, loaded + 20):
        thread.post_at(index)
    assert client.requests_made == 1 + 2
    last = thread.post_at(1999)
    assert last.post_number == 2000
    assert thread.post_at(1998).post_number == 1999  # reading backwards fetches behind
    assert client.requests_made == 1 + 3


def test_private_messages_are_listed_and_read(forum: RunningForum) -> None:
    client = forum.client("demo")
    messages = client.private_messages()
    assert [t.title for t in messages.topics] == ["Checking in after your first week"]
    topic = client.topic(messages.topics[0].id)
    assert topic.archetype == "private_message"
    assert [p.username for p in topic.loaded_posts] == ["sam", "demo", "sam"]


def test_search_finds_posts(forum: RunningForum) -> None:
    hits = forum.client().search("pier").hits
    assert hits
    assert any("pier" in h.excerpt.lower() or "pier" in h.topic_title.lower() for h in hits)


def test_site_limits_are_read_from_the_site(start_forum: StartForum) -> None:
    client = start_forum(min_post_length=37, min_topic_title_length=22).client()
    limits = client.site_limits()
    assert limits.min_post_length == 37
    assert limits.min_topic_title_length == 22


def test_lists_are_reused_briefly(forum: RunningForum) -> None:
    now = [0.0]
    client = forum.client(clock=lambda: now[0])
    client.latest()
    client.latest()
    assert client.requests_made == 1 + 1  # and the site's censored words, once
    now[0] += 61
    client.latest()
    assert client.requests_made == 2 + 1


def test_jumping_to_a_post_number_fetches_only_around_it(start_forum: StartForum) -> None:
    running = start_forum()
    topic_id = running.server.seed_long_topic(500)
    client = running.client()
    thread = client.thread(topic_id)
    index = thread.find_post_number(321)
    assert index is not None
    assert thread.post_at(index).post_number == 321
    assert client.requests_made == 2 + 1  # and the site's censored words
    assert thread.find_post_number(9999) is None


def test_site_titles_become_forum_names_that_fit_a_sentence() -> None:
    assert forum_name("MS Society") == "the MS Society forum"
    assert forum_name("Shift.ms  Community") == "the Shift.ms Community"
    assert forum_name("The MS Hub") == "The MS Hub"
    assert forum_name(None) == "the forum"
