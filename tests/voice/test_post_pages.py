"""Long posts are cut into pages (parts) of whole paragraphs, converted once, ended before
a heading when one is near; reading them by voice (to the end, across pages) is tested in
test_long_posts."""

from __future__ import annotations

from voicepeer.forum.base import Post
from voicepeer.speech.text import MAX_PARAGRAPH_WORDS
from voicepeer.voice.rendering import HEADING_REACH, PART_WORDS, PostRenderer, part_end

PARAGRAPH = (
    "<p>Heat makes my fatigue worse, so I keep a fan by the bed. "
    "Cold drinks help too, and so does resting after lunch.</p>\n"
)
PARAGRAPH_WORDS = 23


def post(cooked: str, raw: str | None = None, post_id: int = 1) -> Post:
    return Post(id=post_id, topic_id=1, post_number=1, username="sam", cooked=cooked, raw=raw)


def words(text: str) -> int:
    return len(text.split())


def megabyte_post() -> Post:
    return post(PARAGRAPH * (1_000_000 // len(PARAGRAPH) + 1))


def test_a_short_post_is_one_page() -> None:
    renderer = PostRenderer()
    page = renderer.page(post(PARAGRAPH * 3))
    assert (
        page.paragraphs
        == (
            "Heat makes my fatigue worse, so I keep a fan by the bed. Cold drinks help too, and "
            "so does resting after lunch.",
        )
        * 3
    )
    assert page.next_start is None and page.words_left == 0
    assert page.post_words == 3 * PARAGRAPH_WORDS
    assert renderer.page(post("<p><img src='/a.png' class='avatar'></p>")).paragraphs == ()
    assert renderer.page(post("", raw="less :smile: and *more*")).text == (
        "Less (smiling face) and more."
    )


def test_a_megabyte_post_pages_count_the_words_left_and_the_whole() -> None:
    renderer = PostRenderer()
    big = megabyte_post()
    total = len(renderer.paragraphs(big))
    first = renderer.page(big)
    assert PART_WORDS - PARAGRAPH_WORDS < words(first.text) <= PART_WORDS
    assert first.words_left == (total - len(first.paragraphs)) * PARAGRAPH_WORDS
    assert first.post_words == renderer.page(big, total - 1).post_words == total * PARAGRAPH_WORDS


def test_paging_reaches_every_paragraph_once_in_order() -> None:
    renderer = PostRenderer()
    big = megabyte_post()
    paragraphs = renderer.paragraphs(big)
    seen: list[str] = []
    start: int | None = 0
    pages = 0
    while start is not None:
        page = renderer.page(big, start)
        assert page.start == start
        assert 0 < words(page.text) <= PART_WORDS * HEADING_REACH
        assert page.words_left == words(" ".join(paragraphs[page.start + len(page.paragraphs) :]))
        seen.extend(page.paragraphs)
        start = page.next_start
        pages += 1
    assert seen == list(paragraphs)
    assert pages < -(-len(paragraphs) // (PART_WORDS // PARAGRAPH_WORDS)) + 1


def test_a_post_is_converted_once_while_it_is_paged() -> None:
    renderer = PostRenderer()
    big = megabyte_post()
    first = renderer.paragraphs(big)
    renderer.page(big, 500)
    renderer.page(big)
    assert renderer.paragraphs(big) is first  # the same conversion, not a new one
    edited = post(big.cooked + "<p>Edited.</p>")
    assert renderer.paragraphs(edited)[-1] == "Edited."


def test_one_endless_paragraph_is_cut_between_sentences() -> None:
    sentence = "I rest every afternoon and it helps. "
    renderer = PostRenderer()
    endless = post(f"<p>{sentence * 30_000}</p>")
    paragraphs = renderer.paragraphs(endless)
    assert all(words(p) <= MAX_PARAGRAPH_WORDS for p in paragraphs)
    assert all(p.endswith("it helps.") for p in paragraphs)
    assert sum(words(p) for p in paragraphs) == 30_000 * words(sentence)
    assert words(renderer.page(endless, 7).text) <= PART_WORDS


def test_muted_words_are_left_out_of_every_page() -> None:
    renderer = PostRenderer(muted_words=("fatigue",))
    big = post(PARAGRAPH * 10)
    for start in (0, 2, 9):
        assert "fatigue" not in renderer.page(big, start, 50).text
        assert "a muted word" in renderer.page(big, start, 50).text


def sections(*names: str, paragraphs: int = 4, level: int = 2) -> str:
    """A post of sections, each a heading and some paragraphs (93 words with four)."""
    return "".join(f"<h{level}>{name}</h{level}>\n" + PARAGRAPH * paragraphs for name in names)


def test_a_part_ends_before_the_heading_nearest_its_length() -> None:
    # A pause after 1,500 words, wherever it fell: once right after a heading, cut off
    # from the words it named.
    renderer = PostRenderer()
    post_ = post(sections("Heat", "Rest", "Work", "Family", "Money", "Sleep"))
    first = renderer.page(post_, 0, 180)
    assert first.paragraphs[0] == "Heat." and first.paragraphs[-1] != "Rest."
    assert len(first.paragraphs) == 10  # two sections, 186 words: the heading nearest 180
    assert first.next_heading == "Work"
    second = renderer.page(post_, first.next_start or 0, 180)
    assert second.paragraphs[0] == "Work." and second.next_heading == "Money"
    # The rest of a post little longer than a part is read whole.
    last = renderer.page(post_, 20, 180)
    assert last.paragraphs[0] == "Money." and len(last.paragraphs) == 10
    assert last.next_start is None and last.next_heading == ""


def test_without_a_heading_near_a_part_ends_between_paragraphs() -> None:
    renderer = PostRenderer()
    post_ = post(sections("Heat", "Rest", paragraphs=20))
    first = renderer.page(post_, 0, 100)
    assert len(first.paragraphs) == 5 and first.next_heading == ""  # 93 words
    # Never a heading alone at a part's end.
    assert part_end((0, 1, 100, 200, 300), frozenset({0}), 0, 50) == 2
    assert part_end((0, 90, 91, 200, 300), frozenset({1}), 1, 50) == 3
    assert part_end((0, 90, 91, 200, 300), frozenset({1}), 0, 50) == 1


def test_headings_in_quotes_and_lists_are_no_parts() -> None:
    quoted = (
        '<aside class="quote" data-username="jo"><blockquote><h2>Heat</h2>'
        + PARAGRAPH
        + "</blockquote></aside>"
    )
    renderer = PostRenderer()
    post_ = post(PARAGRAPH * 6 + quoted + PARAGRAPH * 6 + sections("Rest"))
    page = renderer.page(post_, 0, 130)
    assert "Heat." in renderer.paragraphs(post_) and page.next_heading == ""
    assert renderer.page(post_, 0, 280).next_heading == "Rest"
