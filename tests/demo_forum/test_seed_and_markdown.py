"""The seed content's promises, the long-topic generator and the safe markdown renderer."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.demo_forum.conftest import ForumFactory, key_headers
from tests.support.members import ADMIN_KEY, posted
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.markdown import render
from voicepeer.demo_forum.seed import seed_forum, seed_long_topic
from voicepeer.demo_forum.store import Store
from voicepeer.errors import ConfigError
from voicepeer.speech.text import cooked_to_speech


def _all_topics(client: httpx.Client) -> list[dict]:
    return [
        client.get(f"/t/{t['id']}.json").json()
        for t in client.get("/latest.json").json()["topic_list"]["topics"]
    ]


def test_seed_has_about_a_dozen_topics_of_three_to_fifteen_posts(client: httpx.Client) -> None:
    topics = _all_topics(client)
    assert 12 <= len(topics) <= 15
    assert all(3 <= t["posts_count"] <= 15 for t in topics)
    categories = {t["category_id"] for t in topics}
    assert len(categories) >= 4
    posters = {p["username"] for t in topics for p in t["post_stream"]["posts"]}
    assert len(posters) >= 6


def test_seed_has_the_features_a_reader_must_handle(client: httpx.Client) -> None:
    cooked = [p["cooked"] for t in _all_topics(client) for p in t["post_stream"]["posts"]]
    everything = "\n".join(cooked)
    assert re.search(
        r'<aside class="quote[^"]*" data-username="\w+" data-post="\d+" '
        r'data-topic="\d+">',
        everything,
    )
    assert '<img src="/images/emoji/twitter/' in everything and 'class="emoji"' in everything
    assert "🎉" in everything or "💙" in everything  # raw unicode emoji as well
    assert '<a class="mention" href="/u/' in everything
    assert "<ul>" in everything and "<ol>" in everything
    assert 'href="https://' in everything
    assert '<sup class="footnote-ref">' in everything and 'class="footnotes-list"' in everything
    for abbreviation in ("MS", "RRMS", "DMT", "MRI", "EDSS"):
        assert re.search(rf"\b{abbreviation}\b", everything), abbreviation
    words = [len(re.sub(r"<[^>]+>", " ", c).split()) for c in cooked]
    assert max(words) >= 2000


def test_seeding_twice_keeps_new_posts(tmp_path: Path) -> None:
    db = tmp_path / "forum.sqlite3"
    with DemoForum(db) as forum, httpx.Client(base_url=forum.base_url) as client:
        reply = client.post(
            "/posts.json",
            headers=key_headers(forum),
            json={"topic_id": 1, "raw": "Still here after a restart?"},
        )
        assert reply.status_code == 200, reply.text
    with DemoForum(db) as forum, httpx.Client(base_url=forum.base_url) as client:
        topic = client.get("/t/1.json").json()
        assert topic["posts_count"] == 9
        assert len(client.get("/latest.json").json()["topic_list"]["topics"]) == 14


def test_long_topic_generator(tmp_path: Path) -> None:
    store = Store(tmp_path / "forum.sqlite3")
    seed_forum(store)
    topic_id = seed_long_topic(store, posts=2000)
    numbers = [
        r[0]
        for r in store.all(
            "SELECT post_number FROM posts WHERE topic_id = ? ORDER BY post_number", (topic_id,)
        )
    ]
    assert numbers == list(range(1, 2001))
    store.close()


def test_markdown_escapes_html_and_keeps_structure() -> None:
    cooked = render(
        'Hi <script>alert("x")</script> & [link](https://example.org/a?b=1&c=2) '
        "[bad](javascript:alert(1)) :smile: :not_an_emoji: @sam @nobody\n"
        "second line\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n"
        '[quote="sam, post:2, topic:5"]\nquoted **text**\n[/quote]',
        usernames={"sam"},
    )
    assert "<script>" not in cooked and "&lt;script&gt;" in cooked
    assert (
        '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener nofollow ugc">link</a>' in cooked
    )
    assert 'href="javascript' not in cooked
    assert 'title=":smile:"' in cooked and ":not_an_emoji:" in cooked
    assert '<a class="mention" href="/u/sam">@sam</a>' in cooked
    assert '<span class="mention">@nobody</span>' in cooked
    assert "<br>" in cooked and "<ul>\n<li>one</li>" in cooked and "<ol>" in cooked
    assert "<blockquote>\n<p>quoted</p>\n</blockquote>" in cooked
    assert 'data-username="sam" data-post="2" data-topic="5"' in cooked
    assert "<strong>text</strong>" in cooked
    bare = render("[quote]\nsomeone said\n[/quote]")
    assert bare.startswith('<aside class="quote no-group">') and "<p>someone said</p>" in bare
    unclosed = render('[quote="sam"]\nnever closed')
    assert "<p>never closed</p>" in unclosed and unclosed.endswith("</aside>")


def test_a_list_numbered_from_three_is_cooked_and_read_so(make_forum: ForumFactory) -> None:
    # As markdown-it (Discourse's) cooks it; the demo forum wrote a plain <ol>, and a list
    # continued after a paragraph was read from "Item one".
    forum = make_forum(admin_api_key=ADMIN_KEY)
    raw = "The last two steps:\n\n3. Rest a while\n4. Drink water"
    cooked = posted(forum, "mei", {"topic_id": 1, "raw": raw})["cooked"]
    assert '<ol start="3">' in cooked
    assert cooked_to_speech(cooked).splitlines()[1:] == [
        "Item three: Rest a while.",
        "Item four: Drink water.",
    ]
    assert "<ol>" in render("1. a\n2. b")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_markdown_never_lets_markup_through(raw: str) -> None:
    cooked = render(raw, usernames={"sam"})
    # Every "<" in the output starts one of the renderer's own tags.
    for tag in re.findall(r"<(/?[a-z0-9]+)", cooked):
        assert tag.lstrip("/") in {
            "p",
            "br",
            "ul",
            "ol",
            "li",
            "blockquote",
            "aside",
            "div",
            "a",
            "img",
            "span",
            "strong",
            "em",
            "sup",
            "hr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
        }
    assert "<script" not in cooked.lower()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="[]()<>\"':/ javscriptJAVSCRIPThtpmlo&#;"))
def test_markdown_links_never_get_unsafe_targets(raw: str) -> None:
    cooked = render(raw)
    for href in re.findall(r'href="([^"]*)"', cooked):
        assert href.startswith(("http://", "https://", "mailto:", "/")), href


def test_damaged_database_file_gives_a_clear_error(tmp_path: Path) -> None:
    damaged = tmp_path / "forum.sqlite3"
    damaged.write_bytes(b"this is not a database, just some text " * 200)
    with pytest.raises(ConfigError, match="Move it aside") as caught:
        DemoForum(damaged).start()
    assert "practice forum" in caught.value.spoken
    assert damaged.read_bytes().startswith(b"this is not a database")  # left untouched


def test_a_practice_forum_made_before_topic_bookmarks_gains_them(tmp_path: Path) -> None:
    # A demo forum file from before topic bookmarks: its bookmarks table has no type.
    path = tmp_path / "older.sqlite3"
    older = sqlite3.connect(path)
    older.execute(
        "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL,"
        " post_id INTEGER NOT NULL, name TEXT, created_at TEXT NOT NULL,"
        " UNIQUE (user_id, post_id))"
    )
    older.execute("INSERT INTO bookmarks VALUES (1, 1, 2, NULL, '2026-01-01T00:00:00.000Z')")
    older.commit()
    older.close()
    store = Store(path)
    (kept,) = store.all("SELECT * FROM bookmarks")
    assert (kept["post_id"], kept["bookmarkable_type"]) == (2, "Post")
    with store.transaction() as db:
        db.execute(
            "INSERT INTO bookmarks (user_id, post_id, created_at, bookmarkable_type)"
            " VALUES (1, 3, '2026-01-02T00:00:00.000Z', 'Topic')"
        )
    kinds = [r["bookmarkable_type"] for r in store.all("SELECT * FROM bookmarks")]
    store.close()
    assert kinds == ["Post", "Topic"]
