"""Reading a post takes time linear in its size, whatever HTML or markdown it holds.

Speed itself is measured in scripts/bench (``html_50k_nested_ms``, ``html_1mb_ms``); here the
work is counted (Python lines executed, which grow with the square of the input when
anything walks the open elements or re-scans the input), and the wall clock only guards
against a hang.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from voicepeer.speech.text import cooked_to_speech, markdown_to_speech
from voicepeer.speech.text.html_tokens import Attrs, tokenize

HANG_GUARD_S = 30.0
"""Far above the time taken (well under a second each); quadratic reading took minutes."""

NESTINGS: dict[str, Callable[[int], str]] = {
    "div": lambda n: "<div>" * n + "deep" + "</div>" * n,
    "div with text": lambda n: "<div>a " * n + "</div>" * n,
    "span": lambda n: "<span>a " * n + "</span>" * n,
    "unclosed links": lambda n: "<a href='/t/1'>a " * n,
    "lists": lambda n: "<ul><li>a " * n,
    "quotes": lambda n: "<blockquote>a " * n + "</blockquote>" * n,
    "onebox titles": lambda n: "<aside class='onebox'>" + "<h3>a " * n,
    "stray end tags": lambda n: "<div>" * n + "ok" + "</span>" * n,
}
FIRST_LINES = {
    "div": "Deep.",
    "div with text": "A.",
    "span": "A a a",
    "unclosed links": "A (",
    "lists": "Item one: a.",
    "quotes": "Quote:",
    "onebox titles": "A link:",
    "stray end tags": "Ok.",
}
# Inputs that made Python's html.parser scan the rest of the input again from each "<".
# Unclosed markdown that made a pattern search on to the end of the text from each opening.
MARKDOWN_RESCANS = [
    "*a ",
    "_a ",
    "~~a ",
    "[a ",
    "![a ",
    "[a](",
    "[spoiler]",
    "[b=",
    "[quote=",
    "[details=",
    "<a ",
    "# a" + " " * 50 + "b\n",
    "- ",
]
RESCANS = [
    "<a",
    "</",
    "<!",
    "<",
    "<a b='",
    '<a ="',
    "</a",
    "<p><!--",
    "&#",
    "<!---->",
    '<img alt="x">',
    "<script>",
]


def lines_executed(run: Callable[[], object]) -> int:
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("shape", NESTINGS)
def test_work_grows_linearly_with_nesting(shape: str) -> None:
    small = lines_executed(lambda: cooked_to_speech(NESTINGS[shape](1_000)))
    large = lines_executed(lambda: cooked_to_speech(NESTINGS[shape](4_000)))
    assert large / small < 4.5, (small, large)  # linear: 4; quadratic: 16


@pytest.mark.parametrize("shape", NESTINGS)
def test_fifty_thousand_levels_are_read(shape: str) -> None:
    started = time.monotonic()
    spoken = cooked_to_speech(NESTINGS[shape](50_000))
    assert time.monotonic() - started < HANG_GUARD_S
    assert spoken.startswith(FIRST_LINES[shape])


def test_deep_divs_say_only_their_text() -> None:
    assert cooked_to_speech(NESTINGS["div"](50_000)) == "Deep."


def test_nested_quotes_are_announced_once_and_closed_once() -> None:
    spoken = cooked_to_speech(NESTINGS["quotes"](5)).splitlines()
    assert spoken == ["Quote:", "A.", "A.", "A.", "A.", "A.", "End of quote."]


def test_a_link_inside_a_link_ends_the_first() -> None:
    assert cooked_to_speech("<p><a href='/a'>one <a href='/b'>two</a> three</a></p>") == (
        "One (link on this forum) two (link on this forum) three."
    )


@pytest.mark.parametrize("pattern", RESCANS)
def test_malformed_markup_is_scanned_once(pattern: str) -> None:
    text = pattern * (200_000 // len(pattern))
    started = time.monotonic()
    cooked_to_speech(text)
    assert time.monotonic() - started < HANG_GUARD_S
    small = lines_executed(lambda: cooked_to_speech(pattern * 500))
    large = lines_executed(lambda: cooked_to_speech(pattern * 2_000))
    assert large / max(small, 1) < 4.5, (small, large)


def test_a_megabyte_post_is_read_whole() -> None:
    paragraph = (
        "<p>Heat makes my <strong>fatigue</strong> worse; a "
        "<a href='https://www.nhs.uk/ms'>cooling vest</a> helps &amp; so do fans.</p>\n"
    )
    count = 1_000_000 // len(paragraph) + 1
    started = time.monotonic()
    spoken = cooked_to_speech(paragraph * count).splitlines()
    assert time.monotonic() - started < HANG_GUARD_S
    assert len(spoken) == count
    assert set(spoken) == {
        "Heat makes my fatigue worse; a cooling vest (link to nhs.uk) helps & so do fans."
    }


@pytest.mark.parametrize(
    ("html", "spoken"),
    [
        ("<p>hi</p><!-- a note never meant to be heard <p>more</p>", "Hi."),
        ("<p>hi</p><!-- closed --><p>more</p>", "Hi.\nMore."),
        ("<p>a<!-->b<!--->c</p>", "Abc."),
        ("<!DOCTYPE html><?xml version='1.0'?><p>ok</p>", "Ok."),
        ("<p>ok</p><p class='x", "Ok."),
        ("<p>ok</p></p", "Ok."),
        ("<p>ok</ p>", "Ok."),
    ],
)
def test_comments_and_unfinished_markup_are_never_read(html: str, spoken: str) -> None:
    assert cooked_to_speech(html) == spoken


class Tokens:
    def __init__(self) -> None:
        self.seen: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        self.seen.append(("start", tag, *(f"{k}={v}" for k, v in attrs)))

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        self.seen.append(("empty", tag, *(f"{k}={v}" for k, v in attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.seen.append(("end", tag))

    def handle_data(self, data: str) -> None:
        self.seen.append(("text", data))


def test_tokens_follow_the_html_standard() -> None:
    tokens = Tokens()
    tokenize(
        "<P CLASS=\"a>b\" data-x=1 checked title='&lt;q&gt;'>I <3 you &amp; a < b"
        "<BR/><script>if (a</p>) {}</script ><img alt=x/></p >",
        tokens,
    )
    assert tokens.seen == [
        ("start", "p", "class=a>b", "data-x=1", "checked=None", "title=<q>"),
        ("text", "I "),
        ("text", "<"),
        ("text", "3 you & a "),
        ("text", "<"),
        ("text", " b"),
        ("empty", "br"),
        ("start", "script"),
        ("end", "script"),
        ("empty", "img", "alt=x/"),
        ("end", "p"),
    ]


@pytest.mark.parametrize("pattern", MARKDOWN_RESCANS)
def test_unclosed_markdown_is_scanned_once(pattern: str) -> None:
    text = pattern * (400_000 // len(pattern))  # quadratic: 80,000 characters took 113 s
    started = time.monotonic()
    markdown_to_speech(text)
    assert time.monotonic() - started < HANG_GUARD_S


@pytest.mark.parametrize(
    ("raw", "spoken"),
    [
        (
            "***both*** and __strong__ and ~~gone~~ and _really_",
            "Both and strong and gone and really.",
        ),
        ("snake_case_name stays, 2 * 3 = 6, a*b", "Snake_case_name stays, 2 * 3 = 6, a*b."),
        ("## Heading with # inside  ###   ", "Heading with # inside."),
        (
            "[spoiler]secret[/spoiler] seen [spoiler]not closed",
            "(hidden text, may spoil: secret) seen spoiler not closed.",
        ),
        (
            '[the guide](https://www.nhs.uk/x "Title") and ![my walker](/u/a.jpg)',
            "The guide (link to nhs.uk) and a picture: my walker.",
        ),
        ('[quote="sam, post:1"]hi[/quote]', "Sam wrote:\nHi.\nEnd of quote."),
    ],
)
def test_markdown_still_reads_as_before(raw: str, spoken: str) -> None:
    assert markdown_to_speech(raw) == spoken
