"""A topic's fancy_title as Discourse's Topic.fancy_title makes it: escaped, then made
typographic by HtmlPrettify (the form a notification names its topic by)."""

from __future__ import annotations

import pytest

from voicepeer.demo_forum.fancy_title import MAX_FANCY_TITLE_LENGTH, fancy_title


@pytest.mark.parametrize(
    ("title", "fancy"),
    [
        ("Plain title", "Plain title"),
        ("It's been a hard week", "It&rsquo;s been a hard week"),
        ('Tips -- and "tricks"...', "Tips &ndash; and &ldquo;tricks&rdquo;&hellip;"),
        ("Sam's 'new' MRI --- results", "Sam&rsquo;s &lsquo;new&rsquo; MRI &mdash; results"),
        ("Back in the '80s", "Back in the &rsquo;80s"),
        ("Half 1/2 done", "Half &frac12; done"),
        ("<b>bold</b> & more", "&lt;b&gt;bold&lt;/b&gt; &amp; more"),
        ("``Quoted''", "&ldquo;Quoted&rdquo;"),
    ],
)
def test_a_title_is_escaped_then_made_typographic(title: str, fancy: str) -> None:
    assert fancy_title(title) == fancy


def test_one_too_long_made_typographic_is_sent_merely_escaped() -> None:
    title = "'" + "x" * (MAX_FANCY_TITLE_LENGTH - 2) + "'"
    assert fancy_title(title) == "&#39;" + "x" * (MAX_FANCY_TITLE_LENGTH - 2) + "&#39;"
