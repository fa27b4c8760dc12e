"""The parser on answers captured from real Discourse forums by others (the discourse_api
gem's fixtures, see tests/data/discourse_api_fixtures/NOTICE.md), and on shapes those files
lack, built from Discourse's own serializers (each test names its source)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from voicepeer.demo_forum.seed_reading import every_notification
from voicepeer.demo_forum.site import NOTIFICATION_TYPES
from voicepeer.errors import ForumNotFoundError, ForumResponseError
from voicepeer.forum import parse
from voicepeer.forum.base import Participant, PostType
from voicepeer.forum.censored_titles import CensoredWords
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.own_posts import title_key
from voicepeer.forum.peer import peer_forum_for
from voicepeer.speech.text.polls import RankedOutcome
from voicepeer.voice import forum_phrases
from voicepeer.voice.author import who_is_here

FIXTURES = Path(__file__).parents[1] / "data" / "discourse_api_fixtures"


def signed_in_client(
    answer: Callable[[httpx.Request], httpx.Response],
) -> DiscourseClient:
    """A client signed in as "demo" whose forum answers every request with ``answer``."""
    return DiscourseClient(
        "http://forum.invalid",
        credentials=Credentials("http://forum.invalid", "user_api_key", "k", username="demo"),
        transport=httpx.MockTransport(answer),
    )


def captured(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def test_the_vendored_files_are_the_upstream_copies() -> None:
    notice = (FIXTURES / "NOTICE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\S+) \| \S+ \| [0-9a-f]{40} \| ([0-9a-f]{64}) \|$", notice, re.M)
    assert len(rows) == 11
    for name, digest in rows:
        assert hashlib.sha256((FIXTURES / name).read_bytes()).hexdigest() == digest, name
    assert "MIT License" in (FIXTURES / "LICENSE.txt").read_text(encoding="utf-8")


def test_latest_keeps_pinned_topics_apart() -> None:
    listing = parse.topic_list(captured("latest"), 0)
    assert listing.has_more  # more_topics_url
    first = listing.topics[0]
    assert first.title == "Test topic #1" and first.pinned
    assert not listing.topics[1].pinned
    assert first.created_by == "test_users"  # the original poster, from the users table
    assert all(t.unread_posts == 0 for t in listing.topics)  # anonymous: no tracking


def test_the_original_poster_is_found_on_a_forum_in_another_language() -> None:
    # TopicPostersSummary lists the starter first, its description in the site's language.
    data = captured("latest")
    for row in data["topic_list"]["topics"]:
        for poster in row["posters"]:
            poster["description"] = "Autor original" if poster is row["posters"][0] else "Otro"
    listing = parse.topic_list(data, 0)
    assert listing.topics[0].created_by == "test_users"


def test_emoji_in_titles_are_said_as_words() -> None:
    # Discourse keeps emoji in titles as shortcodes (fancy_title turns unicode ones into
    # them); a speech engine would say "colon tada".
    row = captured("latest")["topic_list"]["topics"][1]
    titled = {**row, "title": "Stable MRI for three years! :tada: :tada:"}
    listing = parse.topic_list({"topic_list": {"topics": [titled]}}, 0)
    assert listing.topics[0].title == "Stable MRI for three years! (celebration)"
    unicode = {**row, "title": "Walked to the pier \U0001f389"}
    listing = parse.topic_list({"topic_list": {"topics": [unicode]}}, 0)
    assert listing.topics[0].title == "Walked to the pier (celebration)"
    # Not a shortcode: a time, or colons in a sentence.
    timed = {**row, "title": "Clinic at 10:30: what to ask?"}
    listing = parse.topic_list({"topic_list": {"topics": [timed]}}, 0)
    assert listing.topics[0].title == "Clinic at 10:30: what to ask?"


def test_new_and_category_lists() -> None:
    assert parse.topic_list(captured("new"), 0).topics
    assert parse.topic_list(captured("category_topics"), 0).topics


def test_private_messages_carry_read_tracking() -> None:
    listing = parse.topic_list(captured("private_messages"), 0)
    message = listing.topics[0]
    assert message.title == "Welcome to Discourse!"
    assert message.unread_posts == 0  # new_posts 0: last_read 1 of highest 1


def test_unread_is_counted_as_discourse_counts_it() -> None:
    row = captured("private_messages")["topic_list"]["topics"][0]
    # Current Discourse sends unread_posts (the official API spec's latest.json lists only it).
    assert (
        parse.topic_list({"topic_list": {"topics": [{**row, "unread_posts": 7}]}}, 0)
        .topics[0]
        .unread_posts
        == 7
    )
    # Older versions (ListableTopicSerializer with Unread): seen-but-unread plus never seen.
    assert (
        parse.topic_list({"topic_list": {"topics": [{**row, "unread": 2, "new_posts": 3}]}}, 0)
        .topics[0]
        .unread_posts
        == 5
    )
    bare = {k: v for k, v in row.items() if k not in ("new_posts", "unread")}
    assert (
        parse.topic_list(
            {
                "topic_list": {
                    "topics": [{**bare, "highest_post_number": 14, "last_read_post_number": 3}]
                }
            },
            0,
        )
        .topics[0]
        .unread_posts
        == 11
    )


def test_topic_with_gaps_and_a_moderator_action() -> None:
    topic = parse.topic(captured("topic"))
    numbers = [p.post_number for p in topic.loaded_posts]
    assert numbers == [1, 2, 3, 14]  # deleted posts leave gaps
    assert topic.post_ids == (83, 84, 86, 226)
    assert topic.highest_post_number == 14 and not topic.is_mega
    assert topic.loaded_posts[1].post_type == PostType.MODERATOR_ACTION
    assert forum_phrases.post_kind_note(topic.loaded_posts[1]) == "a moderator's note"
    assert topic.unread_posts == 0  # never read: nothing "since you last read"


def test_who_wrote_in_a_topic_comes_from_its_details() -> None:
    data = captured("topic")
    topic = parse.topic(data)
    assert topic.created_by == "samsaffron"
    assert [(p.username, p.name, p.post_count) for p in topic.participants] == [
        ("samsaffron", None, 2),
        ("stienman", None, 1),
        ("splattne", None, 1),
    ]
    assert topic.participant_count == 0  # that forum's version did not send it
    assert who_is_here(topic, me="Splattne") == (
        "samsaffron started this topic and wrote 1 more post. Replies from stienman and you."
    )
    # A broken entry is left out; the topic is still read.
    odd = [{"post_count": 3}, "someone", {"username": "mei", "name": "Mei Lin"}]
    broken = parse.topic({**data, "details": {**data["details"], "participants": odd}})
    assert broken.participants == (Participant("mei", "Mei Lin"),)
    assert parse.topic({**data, "details": None}).participants == ()


def test_mega_topic_shape_from_post_stream_serializer_mixin() -> None:
    # PostStreamSerializerMixin#post_stream: for TopicView#is_mega_topic? (posts_count >=
    # 10,000) the stream is left out and isMegaTopic and lastId are sent instead.
    data = captured("topic")
    stream = data["post_stream"]
    mega = {
        **data,
        "posts_count": 12_345,
        "highest_post_number": 12_400,
        "post_stream": {"posts": stream["posts"], "isMegaTopic": True, "lastId": 999_999},
    }
    topic = parse.topic(mega)
    assert topic.is_mega and topic.post_ids == () and topic.last_post_id == 999_999
    assert [p.id for p in topic.loaded_posts] == [83, 84, 86, 226]


def test_posts_chunk_and_single_post() -> None:
    posts = parse.posts(captured("topic_posts"))
    assert [(p.post_number, p.username) for p in posts] == [(2, "Some-username")]
    assert posts[0].raw is None  # this capture's raw is not text
    single = parse.post(captured("post"))
    assert single.username == "system" and single.post_type == PostType.REGULAR
    assert single.raw is not None and single.raw.startswith("The first paragraph")


def test_categories() -> None:
    names = [c.name for c in parse.categories(captured("categories"))]
    assert names[:3] == ["test1", "test2", "test3"]


def test_subcategories_from_site_json_and_include_subcategories() -> None:
    # /site.json lists every category with parent_category_id (SiteCategorySerializer);
    # /categories.json?include_subcategories=true nests them as subcategory_list.
    site = {
        "categories": [
            {"id": 1, "name": "Living with MS", "slug": "living"},
            {"id": 9, "name": "Fatigue", "slug": "fatigue", "parent_category_id": 1},
        ]
    }
    by_id = {c.id: c for c in parse.categories(site)}
    assert by_id[9].parent_category_id == 1
    nested = {
        "category_list": {
            "categories": [
                {
                    "id": 1,
                    "name": "Living with MS",
                    "slug": "living",
                    "subcategory_list": [
                        {"id": 9, "name": "Fatigue", "slug": "fatigue", "parent_category_id": 1}
                    ],
                }
            ]
        }
    }
    found = {c.id: c for c in parse.categories(nested)}
    assert forum_phrases.category_phrase(found[9], found[1]) == "Fatigue, in Living with MS"


def test_old_bare_list_of_notifications() -> None:
    # This capture predates notification ids: it is read, and cannot be marked read.
    (note,) = parse.notifications(captured("notifications"), parse.NOTIFICATION_KINDS).newest
    assert note.id is None and note.kind == "posted" and note.username == "riking"
    assert forum_phrases.notification_line(note) == (
        "riking posted in .json feed for notifications, which you are watching."
    )


def test_old_grouped_search_answer_is_a_clear_error() -> None:
    with pytest.raises(ForumResponseError, match="search result"):
        parse.search_results(captured("search"))


def test_search_hits_name_the_matching_post() -> None:
    # SearchPostSerializer: each post carries its own username, topic_id and post_number.
    answer = {
        "posts": [
            {
                "id": 5,
                "username": "jo",
                "topic_id": 3,
                "post_number": 7,
                "blurb": "cooling <b>vest</b>",
            }
        ],
        "topics": [{"id": 3, "title": "Heat &amp; MS"}],
        "grouped_search_result": {"more_full_page_results": True},
    }
    found = parse.search_results(answer)
    (hit,) = found.hits
    assert found.has_more  # Discourse has a further page of matching posts
    assert (hit.username, hit.topic_id, hit.post_number) == ("jo", 3, 7)
    assert hit.excerpt == "cooling vest." and hit.topic_title == "Heat & MS"


def test_search_blurbs_are_read_without_the_pieces_of_words_discourse_cut() -> None:
    # blurb_for cuts the post at any character, mid-word too, and marks the cut "...".
    blurb = "...tched treatments, and their <span>neurologists</span> were fine. Sudd..."
    assert parse.excerpt_words(blurb) == "… treatments, and their neurologists were fine. …"
    assert parse.excerpt_words("... cut between words") == "… cut between words."
    # A post's own dots look like a cut: a preview may lose a word, never read a fragment,
    # and never loses the whole text.
    assert parse.excerpt_words("See you soon...") == "See you …"
    assert parse.excerpt_words("hmm...") == "hmm..."


def test_bookmark_excerpts_are_read_with_their_emoji_and_links_as_words() -> None:
    # PrettyText.excerpt(cooked, 300, keep_emoji_images: true), as pretty_text_spec.rb
    # shows it: emoji pictures and links kept as HTML, the cut marked "&hellip;".
    emoji = (
        "<img src='/images/emoji/twitter/heart.png?v=12' title=':heart:' class='emoji' "
        "alt=':heart:' loading='lazy' width='20' height='20'>"
    )
    excerpt = (
        f'Hello world {emoji} see <a href="https://www.mssociety.org.uk/care">this '
        "page</a> &amp; rest, the neurolo&hellip;"
    )
    assert parse.excerpt_words(excerpt) == (
        "Hello world (heart) see this page (link to mssociety.org.uk) & rest, the …"
    )
    # Blurbs carry the emoji's code and outside addresses as text.
    blurb = "So glad :heart: see https://www.mssociety.org.uk/care the page"
    assert parse.excerpt_words(blurb) == (
        "So glad (heart) see a link to mssociety.org.uk the page."
    )
    # A mention is a link too: the mark after it stays on it ("Welcome Demo !" was said).
    mention = 'Welcome <a class="mention" href="/u/demo">@demo</a>! Good idea'
    assert parse.excerpt_words(mention) == "Welcome Demo! Good idea."


def test_notification_types_are_those_of_discourse() -> None:
    # Both tables copy Notification.types (app/models/notification.rb).
    assert {v: k for k, v in NOTIFICATION_TYPES.items()} == parse.NOTIFICATION_KINDS


@pytest.mark.parametrize(
    "kind, data, about_topic",
    every_notification("Heat and fatigue"),
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_every_notification_type_is_named(
    kind: str, data: dict[str, Any], about_topic: bool
) -> None:
    row = {
        "id": 1,
        "notification_type": NOTIFICATION_TYPES[kind],
        "read": False,
        "topic_id": 4 if about_topic else None,
        "post_number": 1 if about_topic else None,
        "fancy_title": "Heat and fatigue" if about_topic else None,
        "data": data,
    }
    (note,) = parse.notifications({"notifications": [row]}, parse.NOTIFICATION_KINDS).newest
    line = forum_phrases.notification_line(note)
    assert note.kind == kind
    assert "cannot describe" not in line and "something new" not in line
    assert "Someone" not in line and "{" not in line and "  " not in line
    for value in ("count", "inbox_count", "group_name", "badge_name"):
        if value in data and kind != "liked":
            assert str(data[value]) in line, (kind, line)


def test_likes_by_two_and_by_many() -> None:
    def liked(extra: dict[str, Any]) -> str:
        row = {
            "id": 2,
            "notification_type": 5,
            "read": False,
            "topic_id": 4,
            "data": {"topic_title": "Pacing", "display_username": "priya", **extra},
        }
        (note,) = parse.notifications({"notifications": [row]}, parse.NOTIFICATION_KINDS).newest
        return forum_phrases.notification_line(note)

    assert liked({}) == "priya liked your post in Pacing."
    assert liked({"count": 2, "username2": "dave"}) == "priya and dave liked your post in Pacing."
    assert liked({"count": "4"}) == "priya and 3 others liked your post in Pacing."


def test_a_post_approved_notification_names_its_topic_as_written() -> None:
    # ReviewableQueuedPost#perform_approve_post keeps only the post's address in data: the
    # topic comes as NotificationSerializer's fancy_title (escaped, HtmlPrettify'd), which
    # the outbox compares with the title the person wrote, not with the title as said.
    row = {
        "id": 9,
        "notification_type": 20,
        "read": False,
        "topic_id": 4,
        "post_number": 1,
        "fancy_title": "It&rsquo;s the darn heat &ndash; &ldquo;again&rdquo;&hellip;",
        "data": {"post_url": "/t/its-the-darn-heat-again/4/1"},
    }
    censor = CensoredWords.from_site(
        {"censored_regexp": [{r"(?:\P{L}|^)(darn)(?=\P{L}|$)": {"case_sensitive": False}}]}
    )
    notes = parse.notifications({"notifications": [row]}, parse.NOTIFICATION_KINDS, censor=censor)
    (note,) = notes.newest
    assert note.kind == "post_approved"
    assert note.topic_title == "It’s the censored heat – “again”…"
    assert note.written_title == "It’s the darn heat – “again”…"
    assert title_key(note.written_title) == title_key('It\'s the darn heat -- "again"...')


@pytest.mark.parametrize(
    ("type_id", "gathered"),
    [
        (2, "3 new replies to you in Pacing, the newest by dave."),
        (6, "3 new messages in your private conversation Pacing, the newest by dave."),
        (9, "3 new posts in Pacing, which you are watching, the newest by dave."),
        (36, "3 new posts in Pacing, in a category or tag you watch, the newest by dave."),
    ],
)
def test_a_topics_gathered_notification_counts_its_posts(type_id: int, gathered: str) -> None:
    # PostAlerter#create_notification keeps one of these per topic: with more than one
    # unread, display_username is the count (embed.replies) and original_username the
    # newest post's author.
    def line(display: str) -> str:
        data = {"topic_title": "Pacing", "display_username": display, "original_username": "dave"}
        row = {"id": 7, "notification_type": type_id, "read": False, "topic_id": 4, "data": data}
        (note,) = parse.notifications({"notifications": [row]}, parse.NOTIFICATION_KINDS).newest
        return forum_phrases.notification_line(note)

    assert line("3 replies") == gathered
    assert line("dave").startswith("dave ")  # one unread: named as usual


def test_saved_topics_open_after_the_last_post_read_and_chat_bookmarks_are_left_out() -> None:
    # UserBookmarkListSerializer mixes kinds: UserTopicBookmarkSerializer's topics (always
    # linked_post_number 1; the web opens them after last_read_post_number), posts, and
    # chat messages (no topic at all).
    sam = {"id": 2, "username": "sam", "name": "Sam Okafor"}

    def topic(bookmark_id: int, topic_id: int, last_read: int | None) -> dict[str, Any]:
        return {
            "id": bookmark_id,
            "bookmarkable_type": "Topic",
            "bookmarkable_id": topic_id,
            "topic_id": topic_id,
            "linked_post_number": 1,
            "last_read_post_number": last_read,
            "highest_post_number": 9,
            "title": "Heat &amp; MS",
            "fancy_title": "Heat &amp; MS",
            "excerpt": "Cooling vests",
            "user": sam,
        }

    rows = [
        {"id": 1, "bookmarkable_type": "ChatMessage", "title": "general", "user": sam},
        topic(2, 4, 5),
        topic(3, 5, None),
        topic(4, 6, 9),
        {
            "id": 5,
            "bookmarkable_type": "Post",
            "topic_id": 4,
            "linked_post_number": 2,
            "title": "Heat",
            "user": sam,
        },
    ]

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/site.json":  # the site's censored words: none here
            return httpx.Response(404)
        assert request.url.path == "/u/demo/bookmarks.json"
        return httpx.Response(200, json={"user_bookmark_list": {"bookmarks": rows}})

    client = signed_in_client(answer)
    peer = peer_forum_for(client)
    assert peer is not None
    found = peer.bookmarks()
    assert [(b.id, b.topic_id, b.post_number, b.whole_topic) for b in found] == [
        (2, 4, 6, True),
        (3, 5, 1, True),
        (4, 6, 9, True),  # all read: the last post
        (5, 4, 2, False),
    ]
    assert found[0].title == "Heat & MS" and found[0].author == "Sam Okafor"


@pytest.mark.parametrize("honours_filter", [True, False])
def test_unread_notifications_and_their_total(honours_filter: bool) -> None:
    # NotificationsController#index counts what was asked for (total_rows_notifications)
    # and sends 60; a forum older than filter=unread sends read ones and counts them too.
    rows = [
        {"id": n, "notification_type": 2, "read": n % 3 == 0, "topic_id": 4, "data": {}}
        for n in range(90, 30, -1)
    ]

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path != "/notifications.json":  # the site's rules: not needed here
            return httpx.Response(404)
        asked = request.url.params.get("filter") == "unread" and honours_filter
        sent = [r for r in rows if not (asked and r["read"])]
        total = 75 if asked else 200
        return httpx.Response(200, json={"notifications": sent, "total_rows_notifications": total})

    client = signed_in_client(answer)
    found = client.notifications(unread_only=True)
    assert [n.id for n in found.newest] == [r["id"] for r in rows if not r["read"]]
    assert found.total == (75 if honours_filter else 40)
    every = client.notifications()
    assert len(every.newest) == 60 and every.total == 200


def test_poll_counts_as_the_poll_plugin_serializes_them() -> None:
    # PollSerializer / PollOptionSerializer: "votes" only where the member may see the
    # results; polls_votes: the member's own choices by poll name.
    row = {**captured("post"), "cooked": "<p>A poll</p>"}
    row["polls"] = [
        {
            "name": "poll",
            "type": "regular",
            "status": "open",
            "results": "always",
            "options": [
                {"id": "a1", "html": "Yes", "votes": 3},
                {"id": "b2", "html": "No", "votes": 0},
            ],
            "voters": 3,
            "chart_type": "bar",
        },
        {
            "name": "later",
            "type": "multiple",
            "status": "closed",
            "results": "on_vote",
            "options": [{"id": "c3", "html": "Tea"}, {"id": "d4", "html": "Coffee"}],
            "voters": 7,
        },
        "not a poll",
        {"options": []},
    ]
    row["polls_votes"] = {"poll": ["a1"], "later": "c3"}
    first, later = parse.post(row).polls
    assert (first.name, first.voters, first.votes, first.mine) == (
        "poll",
        3,
        (("a1", 3), ("b2", 0)),
        frozenset({"a1"}),
    )
    assert (later.votes, later.mine, later.closed, first.closed) == (None, frozenset(), True, False)
    assert first.choices == (("a1", "Yes"), ("b2", "No")) and later.kind == "multiple"
    for odd in ("polls", [{"name": "poll", "options": "none", "voters": "many"}]):
        post = parse.post({**captured("post"), "polls": odd})
        assert post.cooked and all(p.votes is None and p.voters == 0 for p in post.polls)


@pytest.mark.parametrize("sent_back", ["counts", "nothing usable"])
def test_a_vote_is_sent_as_the_polls_controller_takes_it(sent_back: str) -> None:
    # PollsController#vote: PUT /polls/vote with post_id, poll_name and options (the whole
    # vote); it answers with the poll (PollSerializer) and the member's vote.
    poll = {
        "name": "poll",
        "type": "multiple",
        "status": "open",
        "min": 1,
        "max": 2,
        "public": True,
        "options": [{"id": "a1", "html": "Tea", "votes": 1}, {"id": "b2", "html": "Coffee"}],
        "voters": 4,
    }
    seen: list[dict[str, Any]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        assert (request.method, request.url.path) == ("PUT", "/polls/vote")
        seen.append(json.loads(request.content))
        if sent_back == "counts":
            poll["options"][1]["votes"] = 3  # type: ignore[index]
            return httpx.Response(200, json={"poll": poll, "vote": ["a1", "b2"]})
        return httpx.Response(200, json={"poll": "counted"})

    client = signed_in_client(answer)
    tally = client.vote(12, "poll", ("a1", "b2"))
    assert seen == [{"post_id": 12, "poll_name": "poll", "options": ["a1", "b2"]}]
    if sent_back == "counts":
        assert tally is not None
        assert (tally.votes, tally.mine, tally.voters) == (
            (("a1", 1), ("b2", 3)),
            frozenset({"a1", "b2"}),
            4,
        )
        assert (tally.least, tally.most, tally.public) == (1, 2, True)
    else:
        assert tally is None


def test_a_vote_is_taken_back_as_the_polls_controller_takes_it() -> None:
    # PollsController#remove_vote: DELETE /polls/vote with post_id and poll_name (its #vote
    # refuses a vote without options); it answers with the poll alone.
    poll = {
        "name": "poll",
        "type": "regular",
        "status": "open",
        "options": [
            {"id": "a1", "html": "Tea", "votes": 0},
            {"id": "b2", "html": "Coffee", "votes": 2},
        ],
        "voters": 2,
    }
    seen: list[tuple[str, str, dict[str, Any]]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append((request.method, request.url.path, json.loads(request.content)))
        return httpx.Response(200, json={"poll": poll})

    client = signed_in_client(answer)
    tally = client.vote(12, "poll", ())
    assert seen == [("DELETE", "/polls/vote", {"post_id": 12, "poll_name": "poll"})]
    assert tally is not None and tally.mine == frozenset() and tally.votes_for("a1") == 0


# A ranked-choice poll's result as plugins/poll/lib/ranked_choice.rb (RankedChoice.run)
# makes it and PollSerializer#ranked_choice_outcome sends it (only where the member may see
# the results); the rounds as in the plugin's poll-results-tabs component test.
RANKED_CHOICE_OUTCOME = {
    "tied": False,
    "tied_candidates": None,
    "winner": True,
    "winning_candidate": {"digest": "70e743697dac09483d7b824eaadb91e1", "html": "Team Blue"},
    "round_activity": [
        {
            "round": 1,
            "majority": None,
            "eliminated": [{"digest": "1ddc47be0d2315b9711ee8526ca9d83f", "html": "Team Yellow"}],
        },
        {
            "round": 2,
            "majority": {"digest": "70e743697dac09483d7b824eaadb91e1", "html": "Team Blue"},
            "eliminated": None,
        },
    ],
}


def test_ranked_choice_results_and_number_choices_as_the_plugin_sends_them() -> None:
    ranked = {
        "name": "poll",
        "type": "ranked_choice",
        "status": "open",
        "results": "always",
        "options": [
            {"id": "1ddc47be0d2315b9711ee8526ca9d83f", "html": "Team Yellow", "votes": 9},
            {"id": "70e743697dac09483d7b824eaadb91e1", "html": "Team Blue", "votes": 9},
        ],
        "voters": 9,
        "ranked_choice_outcome": RANKED_CHOICE_OUTCOME,
    }
    tied = {
        "tied": True,
        "tied_candidates": [{"digest": "a", "html": "Tea"}, {"digest": "b", "html": "Coffee"}],
        "winner": None,
        "winning_candidate": None,
        "round_activity": [{"round": 1, "majority": None, "eliminated": []}],
    }
    numbers = {
        "name": "rating",
        "type": "number",
        "options": [{"id": "n1", "html": "1", "votes": 2}, {"id": "n2", "html": "2", "votes": 1}],
        "voters": 3,
        "min": 1,
        "max": 2,
        "step": 1,
    }
    row = {
        **captured("post"),
        "polls": [
            ranked,
            {
                **ranked,
                "name": "irv",
                "type": "irv",
                "ranked_choice_outcome": None,
                "irv_outcome": tied,
            },
            numbers,
        ],
    }
    row["polls_votes"] = {
        "poll": [
            {"digest": "70e743697dac09483d7b824eaadb91e1", "rank": 1},
            {"digest": "1ddc47be0d2315b9711ee8526ca9d83f", "rank": 0},
        ]
    }
    won, irv, rating = parse.post(row).polls
    assert won.outcome == RankedOutcome(rounds=2, winner="Team Blue")
    assert won.mine == frozenset({"70e743697dac09483d7b824eaadb91e1"})
    assert won.ranks == (("70e743697dac09483d7b824eaadb91e1", 1),)
    assert irv.outcome == RankedOutcome(rounds=1, winner=None, tied=("Tea", "Coffee"))
    assert rating.choices == (("n1", "1"), ("n2", "2")) and rating.outcome is None
    partial = {**numbers, "options": [{"id": "n1", "html": "1"}, {"id": "n3", "votes": 1}]}
    assert parse.post({**captured("post"), "polls": [partial]}).polls[0].choices == ()
    # Whatever else comes in its place is no result, and the post is still read.
    for odd in (
        None,
        "won",
        {"round_activity": "many"},
        {**RANKED_CHOICE_OUTCOME, "winning_candidate": {"html": 3}},
        {**RANKED_CHOICE_OUTCOME, "round_activity": []},
        {"tied": "yes", "round_activity": [{}]},
    ):
        post = parse.post({**captured("post"), "polls": [{**ranked, "ranked_choice_outcome": odd}]})
        assert post.cooked and post.polls[0].outcome is None


def test_whether_a_reply_can_be_added_is_read_from_the_topic() -> None:
    # TopicViewDetailsSerializer sends can_create_post only when true: this capture was made
    # by a visitor who could not reply.
    data = captured("topic")
    assert "can_create_post" not in data["details"]
    seen = parse.topic(data)
    assert (seen.can_reply, seen.closed, seen.archived) == (False, False, False)
    member = {**data, "details": {**data["details"], "can_create_post": True}}
    assert parse.topic(member).can_reply is True
    assert parse.topic({k: v for k, v in data.items() if k != "details"}).can_reply is None
    closed = parse.topic({**data, "closed": True, "archived": True})
    assert (closed.closed, closed.archived) == (True, True)
    listing = captured("latest")
    listing["topic_list"]["topics"][0]["closed"] = True
    rows = parse.topic_list(listing, 0).topics
    assert rows[0].closed and not any(t.closed for t in rows[1:])


@pytest.mark.parametrize(
    ("summary", "liked", "can_like"),
    [
        ([{"id": 2, "count": 3, "can_act": True}], False, True),
        ([{"id": 2, "count": 4, "acted": True, "can_undo": True}], True, False),
        ([{"id": 2, "count": 3}], False, False),  # one's own, or an archived topic
        ([], False, False),  # no likes and none allowed: PostSerializer lists nothing
        ([{"id": 2, "can_act": "yes"}], False, False),  # odd values never allow
        (None, False, None),  # a forum that does not say: voicepeer asks as before
    ],
)
def test_a_post_says_whether_the_member_liked_it_and_may_like_it(
    summary: list[dict[str, Any]] | None, liked: bool, can_like: bool | None
) -> None:
    data = {"id": 9, "topic_id": 1, "post_number": 2, "username": "jo", "cooked": "<p>Hi</p>"}
    if summary is not None:
        data["actions_summary"] = summary
    cues = parse.post(data).cues
    assert cues is not None
    assert (cues.liked, cues.can_like) == (liked, can_like)


def test_a_groups_full_name_comes_from_its_page() -> None:
    # GroupsController#show: {"group": GroupShowSerializer (BasicGroupSerializer's
    # full_name, nil or "" when unset), "extras": {"visible_group_names": […]}}; a group
    # hidden from the person is Discourse::NotFound (404).
    groups = {"ms_society_nurses": " MS Society  nurses ", "carers": "", "helpers": None}

    def answer(request: httpx.Request) -> httpx.Response:
        name = request.url.path.removeprefix("/g/").removesuffix(".json")
        if name not in groups:
            return httpx.Response(404, json={"errors": ["not found"]})
        group = {"id": 41, "name": name, "full_name": groups[name], "automatic": False}
        return httpx.Response(200, json={"group": group, "extras": {"visible_group_names": []}})

    peer = peer_forum_for(signed_in_client(answer))
    assert peer is not None
    assert peer.group_full_name("ms_society_nurses") == "MS Society nurses"
    assert peer.group_full_name("carers") is None and peer.group_full_name("helpers") is None
    with pytest.raises(ForumNotFoundError):
        peer.group_full_name("staff_only")
