"""Forum text made ready for speech: figures for hostile and very large posts.

- html_50k_nested_ms: cooked HTML of 50,000 nested ``<div>`` elements to speech.
- html_50k_nested_text_ms: 50,000 nested ``<div>`` elements, each with a word.
- html_1mb_ms: a 1 MB post of ordinary paragraphs (links, emphasis, entities) to speech.
- html_1mb_one_paragraph_ms: 1 MB of sentences in one ``<p>``, cut into paragraphs.
- html_malformed_200k_ms: the slowest of several 200,000-character runs of unfinished
  markup ("<a<a…", "</</…", "<!<!…", unclosed quotes and comments).
- html_emoji_flood_ms: 3,000 emoji pictures in one paragraph.
- markdown_1mb_ms: 1 MB of raw markdown to speech.
- markdown_malformed_400k_ms: the slowest of several 400,000-character runs of unpaired
  emphasis, unclosed brackets, spoilers, BBCode and tags.
- post_first_page_1mb_ms: what voicepeer says when a 1 MB post is opened (its first page).
- post_next_page_1mb_ms: a later page of the same post.
- forum_topic_list_parse_us: parsing a 30-topic list whose every name and title is dirty,
  cleaning included; forum_topic_list_clean_us: the cleaning alone.

Each figure is the median of RUNS runs.
"""

from __future__ import annotations

import dataclasses
import statistics
import time
from collections.abc import Callable
from functools import partial

from voicepeer.forum import parse
from voicepeer.forum.base import Post
from voicepeer.speech.text import cooked_to_speech, markdown_to_speech
from voicepeer.speech.text.sanitize import clean_fields
from voicepeer.voice.rendering import PostRenderer

RUNS = 3
MEGABYTE = 1_000_000

_PARAGRAPH = (
    "<p>Heat makes my <strong>fatigue</strong> worse; a "
    "<a href='https://www.nhs.uk/ms'>cooling vest</a> helps &amp; so do fans "
    '<img src="/images/emoji/twitter/smile.png" title=":smile:" class="emoji">.</p>\n'
)
_MARKDOWN = (
    "Heat makes my **fatigue** worse; a [cooling vest](https://www.nhs.uk/ms) helps "
    "& so do fans :smile:\n\n"
)
_EMOJI = '<img src="/images/emoji/twitter/smile.png" title=":smile:" class="emoji" alt=":smile:">'
_DIRTY = "Heat \x1b]0;title\x07and \x1b[2Jfatigue\u202e\u200b\x00 \ud800 "
_MARKDOWN_MALFORMED = (
    "*a ",
    "_a ",
    "~~a ",
    "[a ",
    "![a ",
    "[a](",
    "[spoiler]",
    "[b=",
    "[quote=",
    "<a ",
)
_MALFORMED = ("<a", "</", "<!", "<a b='", '<a ="', "<p><!--", "<")


def _median_ms(work: Callable[[], object], digits: int = 1) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), digits)


def _fill(piece: str, size: int = MEGABYTE) -> str:
    return piece * (size // len(piece) + 1)


def _dirty_topic_list() -> dict[str, object]:
    dirty = _DIRTY
    return {
        "users": [{"id": 1, "username": dirty}],
        "topic_list": {
            "topics": [
                {
                    "id": i,
                    "title": dirty * 3,
                    "slug": "s",
                    "posts_count": 3,
                    "last_poster_username": dirty,
                    "posters": [{"user_id": 1, "description": "Original Poster"}],
                }
                for i in range(30)
            ]
        },
    }


def run() -> dict[str, float | int]:
    big_post = Post(id=1, topic_id=1, post_number=1, username="sam", cooked=_fill(_PARAGRAPH))
    renderer = PostRenderer()
    renderer.page(big_post)
    topic_list = _dirty_topic_list()
    started = time.perf_counter()
    for _ in range(100):
        built = parse.topic_list(topic_list, 0)
    parse_us = (time.perf_counter() - started) / 100 * 1e6
    dirty = dataclasses.replace(
        built, topics=tuple(dataclasses.replace(t, title=_DIRTY) for t in built.topics)
    )
    started = time.perf_counter()
    for _ in range(100):
        clean_fields(dirty)
    clean_us = (time.perf_counter() - started) / 100 * 1e6
    return {
        "html_50k_nested_ms": _median_ms(
            lambda: cooked_to_speech("<div>" * 50_000 + "deep" + "</div>" * 50_000)
        ),
        "html_50k_nested_text_ms": _median_ms(
            lambda: cooked_to_speech("<div>a " * 50_000 + "</div>" * 50_000)
        ),
        "html_1mb_ms": _median_ms(lambda: cooked_to_speech(_fill(_PARAGRAPH))),
        "html_1mb_one_paragraph_ms": _median_ms(
            lambda: cooked_to_speech(
                "<p>" + _fill("I rest every afternoon and it helps. ") + "</p>"
            )
        ),
        "html_malformed_200k_ms": max(
            _median_ms(partial(cooked_to_speech, _fill(p, 200_000))) for p in _MALFORMED
        ),
        "html_emoji_flood_ms": _median_ms(lambda: cooked_to_speech(f"<p>{_EMOJI * 3000}</p>")),
        "markdown_1mb_ms": _median_ms(lambda: markdown_to_speech(_fill(_MARKDOWN))),
        "markdown_malformed_400k_ms": max(
            _median_ms(partial(markdown_to_speech, _fill(p, 400_000))) for p in _MARKDOWN_MALFORMED
        ),
        "post_first_page_1mb_ms": _median_ms(lambda: PostRenderer().page(big_post)),
        "post_next_page_1mb_ms": _median_ms(lambda: renderer.page(big_post, 2_000), digits=3),
        "forum_topic_list_parse_us": round(parse_us, 1),
        "forum_topic_list_clean_us": round(clean_us, 1),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run()))
