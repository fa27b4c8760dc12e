"""The demo forum cooks spoilers, footnotes and nested lists as stock Discourse does: the
spoiler and footnote plugins bundled with it (both on by default) and markdown-it's lists.
The expected HTML is Discourse's own, from the plugins' specs (tests/data/discourse_cooked)
and the CommonMark spec's examples."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.demo_forum.conftest import ForumFactory
from tests.support.members import ADMIN_KEY, posted
from voicepeer.demo_forum.excerpts import post_excerpt, without_spoilers
from voicepeer.demo_forum.markdown import render

COOKED = Path(__file__).parent.parent / "data" / "discourse_cooked"

# plugins/footnote/spec/pretty_text_spec.rb
FOOTNOTES_RAW = (
    "Here is a footnote, [^1] and another. [^test]\n\n[^1]: I am one\n\n"
    "[^test]: I am one\n\n test multiline"
)


def discourse(name: str) -> str:
    return (COOKED / name).read_text(encoding="utf-8").strip()


def test_a_spoiler_is_cooked_as_a_block_or_in_a_line_as_the_plugin_cooks_it() -> None:
    # plugins/spoiler-alert/spec/pretty_text_spec.rb
    assert render("[spoiler]\nmy tests fail\n[/spoiler]") == discourse("spoiler_block.html")
    assert render("I like watching [spoiler]my tests fail[/spoiler]") == discourse(
        "spoiler_inline.html"
    )
    # A line that is one spoiler is a block too (bbcode-block.js; the chat plugin's spec).
    assert render("[spoiler]the planet of the apes was earth all along[/spoiler]") == (
        '<div class="spoiler">\n<p>the planet of the apes was earth all along</p>\n</div>'
    )


def test_spoilers_hold_other_markdown_nest_and_stay_words_when_never_closed() -> None:
    block = render(
        "[spoiler]\n- a fan\n  - by the bed\n\n[spoiler]\ndeeper\n[/spoiler]\n[/spoiler]"
    )
    assert block == (
        '<div class="spoiler">\n<ul>\n<li>a fan\n<ul>\n<li>by the bed</li>\n</ul>\n</li>\n'
        '</ul>\n<div class="spoiler">\n<p>deeper</p>\n</div>\n</div>'
    )
    assert render("It was [SPOILER]a [spoiler]dream[/spoiler] after all[/spoiler]!") == (
        '<p>It was <span class="spoiler">a <span class="spoiler">dream</span> after all</span>!</p>'
    )
    # Words in a paragraph over two lines, and an open tag never closed, as markdown-it has it.
    assert render("[spoiler]a\nb[/spoiler]") == '<p><span class="spoiler">a<br>\nb</span></p>'
    assert render("text\n[spoiler]never closed") == ("<p>text</p>\n<p>[spoiler]never closed</p>")


def test_footnotes_are_cooked_as_the_plugin_cooks_them() -> None:
    # PrettyText.cook, before the post is saved: markdown-it-footnote's ids.
    assert render(FOOTNOTES_RAW) == (
        '<p>Here is a footnote, <sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a>'
        '</sup> and another. <sup class="footnote-ref"><a href="#fn2" id="fnref2">[2]</a>'
        '</sup></p>\n<p>test multiline</p>\n<hr class="footnotes-sep">\n\n'
        '<ol class="footnotes-list">\n<li id="fn1" class="footnote-item"><p>I am one '
        '<a href="#fnref1" class="footnote-backref">↩︎</a></p>\n</li>\n'
        '<li id="fn2" class="footnote-item"><p>I am one <a href="#fnref2" '
        'class="footnote-backref">↩︎</a></p>\n</li>\n</ol>'
    )
    # Saved as post 42: the plugin's ids carry the post's.
    assert render(FOOTNOTES_RAW, post_id=42) == discourse("footnotes.html")
    # "^[…]" in place; Discourse's spec wraps each in "<a>", which leaves an empty one.
    inline = render("I have a point, see footnote. ^[the point]\n\n^[footnote]", post_id=42)
    assert inline == discourse("footnotes_inline.html").replace("<a></a>", "")


def test_a_footnote_referred_to_twice_or_never_defined() -> None:
    cooked = render("Heat [^h] and more heat [^h], and [^none].\n\n[^h]: Uhthoff's", post_id=7)
    # The second reference's id is dropped by the sanitizer, and the plugin reads it as 0.
    assert '<a href="#footnote-7-1" id="footnote-ref-7-0">[1:1]</a>' in cooked
    assert "and [^none].</p>" in cooked
    assert cooked.count('href="#footnote-ref-7-1" class="footnote-backref"') == 2
    assert render("No notes [^1] here.") == "<p>No notes [^1] here.</p>"


def test_the_forum_cooks_a_saved_posts_footnotes_with_its_id(make_forum: ForumFactory) -> None:
    forum = make_forum(admin_api_key=ADMIN_KEY)
    post = posted(forum, "mei", {"topic_id": 1, "raw": "Cool showers help.^[Not too cold.]"})
    assert f'<li id="footnote-{post["id"]}-1" class="footnote-item">' in post["cooked"]
    shown = forum.store.one("SELECT cooked FROM posts WHERE id = ?", (post["id"],))
    assert shown is not None and shown["cooked"] == post["cooked"]


def test_lists_nest_as_commonmark_nests_them() -> None:
    # CommonMark spec examples, as markdown-it cooks them.
    assert render("- a\n  - b\n  - c\n- d") == (
        "<ul>\n<li>a\n<ul>\n<li>b</li>\n<li>c</li>\n</ul>\n</li>\n<li>d</li>\n</ul>"
    )
    assert render("- foo\n  - bar\n    - baz\n      - boo") == (
        "<ul>\n<li>foo\n<ul>\n<li>bar\n<ul>\n<li>baz\n<ul>\n<li>boo</li>\n</ul>\n</li>\n"
        "</ul>\n</li>\n</ul>\n</li>\n</ul>"
    )
    assert render("10) foo\n    - bar") == (
        '<ol start="10">\n<li>foo\n<ul>\n<li>bar</li>\n</ul>\n</li>\n</ol>'
    )
    assert render("1. a\n   - b\n2. c") == (
        "<ol>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n<li>c</li>\n</ol>"
    )


def test_a_list_with_blank_lines_between_items_is_one_loose_list() -> None:
    assert render("- a\n- b\n\n- c") == (
        "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n<li>\n<p>c</p>\n</li>\n</ul>"
    )
    assert render("- a\n  - b\n\n    c\n- d") == (
        "<ul>\n<li>a\n<ul>\n<li>\n<p>b</p>\n<p>c</p>\n</li>\n</ul>\n</li>\n<li>d</li>\n</ul>"
    )
    # A different bullet, or a number not 1 under a paragraph, is no item of the list.
    assert render("- a\n* b").count("<ul>") == 2
    assert render("Steps\n2. rest") == "<p>Steps<br>\n2. rest</p>"


_PIECES = st.sampled_from(
    [
        "[spoiler]",
        "[/spoiler]",
        "[SPOILER]",
        "[^1]",
        "[^1]: ",
        "^[",
        "]",
        "- ",
        "  - ",
        "1. ",
        "   ",
        "\n",
        "\n\n",
        "> ",
        "<b>",
        "</span>",
        '<img src=x onerror="alert(1)">',
        "&",
        "[x](javascript:alert(1))",
        "@sam",
        ":smile:",
    ]
)
_OWN_TAGS = {"p", "br", "ul", "ol", "li", "blockquote", "aside", "div", "a", "img", "span"}
_OWN_TAGS |= {"strong", "em", "sup", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=8), max_size=30).map("".join))
def test_spoilers_notes_and_lists_never_let_markup_through(raw: str) -> None:
    cooked = render(raw, usernames={"sam"}, post_id=3)
    for tag in re.findall(r"<(/?[a-z0-9]+)", cooked):
        assert tag.lstrip("/") in _OWN_TAGS, cooked
    assert all(
        img.startswith('<img src="/images/emoji/') for img in re.findall("<img[^>]*", cooked)
    )
    for href in re.findall(r'href="([^"]*)"', cooked):
        assert href.startswith(("http://", "https://", "mailto:", "/", "#footnote-")), href


def test_markup_nested_past_markdown_its_limit_is_cut_not_a_crash() -> None:
    for raw in (
        "- " * 2000 + "deep",
        "> " * 2000 + "deep",
        "[spoiler]\n" * 600 + "deep\n" + "[/spoiler]\n" * 600,
    ):
        assert "deep" not in render(raw)
    assert "deep" in render("- " * 10 + "deep")


def test_excerpts_leave_spoilers_out_as_the_plugin_does(make_forum: ForumFactory) -> None:
    # plugins/spoiler-alert/spec/topic_excerpt_spec.rb; its reduce_excerpt serves every
    # PrettyText.excerpt: a topic's excerpt and a bookmark's.
    assert without_spoilers("<span class='spoiler'>spoiler</span>") == ""
    assert without_spoilers("<div class='spoiler'><img src='http://cnn.com/a.gif'></div>") == ""
    forum = make_forum(admin_api_key=ADMIN_KEY)
    raw = "The ending: [spoiler]all a dream[/spoiler] sadly.\n\n[spoiler]\nNo sequel.\n[/spoiler]"
    topic = {"title": "That film about the lighthouse", "raw": raw, "category": 1}
    post = posted(forum, "mei", topic)
    assert post_excerpt(post["cooked"]) == "The ending:  sadly."
    headers = {"Api-Key": ADMIN_KEY, "Api-Username": "demo"}
    with httpx.Client(base_url=forum.base_url, headers=headers, timeout=10) as client:
        topics = client.get("/latest.json").json()["topic_list"]["topics"]
        (listed,) = [t for t in topics if t["id"] == post["topic_id"]]
        assert listed["excerpt"] == "The ending: sadly."
        body = {"bookmarkable_id": post["id"], "bookmarkable_type": "Post"}
        assert client.post("/bookmarks.json", json=body).status_code == 200
        marks = client.get("/u/demo/bookmarks.json").json()["user_bookmark_list"]["bookmarks"]
        assert [m["excerpt"] for m in marks] == ["The ending:  sadly."]
