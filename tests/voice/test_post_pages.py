"""Long posts are read a page of whole paragraphs at a time; the rest stays reachable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.base import Post
from voicepeer.speech.text import MAX_PARAGRAPH_WORDS
from voicepeer.voice.rendering import EMPTY_POST, MAX_SPOKEN_WORDS, PostReader

PARAGRAPH = ("<p>Heat makes my fatigue worse, so I keep a fan by the bed. "
             "Cold drinks help too, and so does resting after lunch.</p>\n")
PARAGRAPH_WORDS = 23


def post(cooked: str, raw: str | None = None, post_id: int = 1) -> Post:
    return Post(id=post_id, topic_id=1, post_number=1, username="sam", cooked=cooked, raw=raw)


def words(text: str) -> int:
    return len(text.split())


def megabyte_post() -> Post:
    return post(PARAGRAPH * (1_000_000 // len(PARAGRAPH) + 1))


def test_a_short_post_is_read_whole() -> None:
    reader = PostReader()
    assert reader(post(PARAGRAPH * 3)).splitlines() == [
        "Heat makes my fatigue worse, so I keep a fan by the bed. Cold drinks help too, and "
        "so does resting after lunch."] * 3
    assert reader(post("<p><img src='/a.png' class='avatar'></p>")) == EMPTY_POST
    assert reader(post("", raw="less :smile: and *more*")) == "Less smiling face and more."


def test_a_megabyte_post_says_its_first_page_and_what_is_left() -> None:
    reader = PostReader()
    big = megabyte_post()
    spoken = reader(big).splitlines()
    assert MAX_SPOKEN_WORDS - PARAGRAPH_WORDS < words(" ".join(spoken[:-1])) <= MAX_SPOKEN_WORDS
    total = len(reader.paragraphs(big))
    left = (total - len(spoken) + 1) * PARAGRAPH_WORDS
    assert spoken[-1] == (f"This long post goes on for about {round(left, -3):,} more words; "
                          "I stop here.")


def test_paging_reaches_every_paragraph_once_in_order() -> None:
    reader = PostReader()
    big = megabyte_post()
    paragraphs = reader.paragraphs(big)
    seen: list[str] = []
    start: int | None = 0
    pages = 0
    while start is not None:
        page = reader.page(big, start)
        assert page.start == start
        assert 0 < words(page.text) <= MAX_SPOKEN_WORDS
        assert page.words_left == words(" ".join(paragraphs[page.start + len(page.paragraphs):]))
        seen.extend(page.paragraphs)
        start = page.next_start
        pages += 1
    assert seen == list(paragraphs)
    assert pages == -(-len(paragraphs) // (MAX_SPOKEN_WORDS // PARAGRAPH_WORDS))


def test_a_post_is_converted_once_while_it_is_paged() -> None:
    reader = PostReader()
    big = megabyte_post()
    first = reader.paragraphs(big)
    reader.page(big, 500)
    reader(big)
    assert reader.paragraphs(big) is first  # the same conversion, not a new one
    edited = post(big.cooked + "<p>Edited.</p>")
    assert reader.paragraphs(edited)[-1] == "Edited."


def test_one_endless_paragraph_is_cut_between_sentences() -> None:
    sentence = "I rest every afternoon and it helps. "
    reader = PostReader()
    endless = post(f"<p>{sentence * 30_000}</p>")
    paragraphs = reader.paragraphs(endless)
    assert all(words(p) <= MAX_PARAGRAPH_WORDS for p in paragraphs)
    assert all(p.endswith("it helps.") for p in paragraphs)
    assert sum(words(p) for p in paragraphs) == 30_000 * words(sentence)
    assert words(reader.page(endless, 7).text) <= MAX_SPOKEN_WORDS


def test_muted_words_are_left_out_of_every_page() -> None:
    reader = PostReader(muted_words=("fatigue",), max_words=50)
    big = post(PARAGRAPH * 10)
    for start in (0, 2, 9):
        assert "fatigue" not in reader.page(big, start).text
        assert "a muted word" in reader.page(big, start).text


@pytest.fixture
def forum(tmp_path: Path) -> Iterator[DemoForum]:
    with DemoForum(tmp_path / "forum.sqlite3") as server:
        yield server


def test_the_long_letter_on_the_demo_forum_is_read_a_page_at_a_time(
        forum: DemoForum, tmp_path: Path) -> None:
    topics = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"]
    number = next(i for i, t in enumerate(topics, 1) if "long letter" in t["title"])
    said = converse(forum.base_url, ["latest topics", f"open topic {number}"],
                    tmp_path / "data").said
    # Said paragraph by paragraph: from the header to the line saying how much is left.
    start = next(i for i, line in enumerate(said) if line.startswith("Post 1 of"))
    end = next(i for i, line in enumerate(said) if line.endswith("more words; I stop here."))
    reading = " ".join(said[start:end + 1])
    assert "I have started this post about six times." in reading
    assert words(reading) <= MAX_SPOKEN_WORDS + 60
