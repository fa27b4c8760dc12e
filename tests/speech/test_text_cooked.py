"""Discourse cooked HTML read aloud: each rule with HTML as Discourse produces it."""

from __future__ import annotations

import pytest

from voicepeer.speech.text import cooked_to_speech, load_lexicon
from voicepeer.speech.text.sentences import as_sentence

QUOTE = (
    '<aside class="quote no-group" data-username="sam_j" data-post="2" data-topic="51">\n'
    '<div class="title">\n<div class="quote-controls"></div>\n'
    '<img alt="" width="24" height="24" src="/user_avatar/forum/sam_j/48/3_2.png" '
    'class="avatar"> sam_j:</div>\n'
    "<blockquote>\n<p>Fatigue is the worst part for me.</p>\n</blockquote>\n</aside>\n"
    "<p>Same here, I nap every afternoon.</p>"
)


def lines(html: str, **kwargs: object) -> list[str]:
    return cooked_to_speech(html, **kwargs).splitlines()  # type: ignore[arg-type]


def test_discourse_quote_names_the_author_and_ends() -> None:
    assert lines(QUOTE) == [
        "Sam j wrote:",
        "Fatigue is the worst part for me.",
        "End of quote.",
        "Same here, I nap every afternoon.",
    ]


def test_quote_can_be_skipped() -> None:
    assert lines(QUOTE, skip_quotes=True) == [
        "A quote from Sam j, skipped.",
        "Same here, I nap every afternoon.",
    ]


def test_plain_blockquote_and_nested_quote() -> None:
    html = "<blockquote><p>outer</p><blockquote><p>inner</p></blockquote></blockquote><p>after</p>"
    assert lines(html) == ["Quote:", "Outer.", "Inner.", "End of quote.", "After."]
    assert lines(html, skip_quotes=True) == ["A quote, skipped.", "After."]


@pytest.mark.parametrize(
    ("html", "spoken"),
    [
        (
            '<p><a href="https://www.nhs.uk/conditions/multiple-sclerosis/">'
            "https://www.nhs.uk/conditions/multiple-sclerosis/</a></p>",
            "A link to nhs.uk.",
        ),
        (
            '<p>Read <a href="https://www.mssociety.org.uk/care">the care guide</a> now</p>',
            "Read the care guide (link to mssociety.org.uk) now.",
        ),
        ('<p><a href="https://nhs.uk/x">nhs.uk</a></p>', "A link to nhs.uk."),
        (
            '<p><a href="/t/welcome/12">see this topic</a></p>',
            "See this topic (link on this forum).",
        ),
        (
            '<p><a class="mention" href="/u/jane_doe">@jane_doe</a> thank you</p>',
            "Jane doe thank you.",
        ),
        (
            '<p>Thank you <span class="mention">@sam</span>, and mail jo@example.org</p>',
            "Thank you Sam, and mail jo@example.org.",
        ),
    ],
)
def test_links_and_mentions(html: str, spoken: str) -> None:
    assert cooked_to_speech(html) == spoken


def test_onebox_says_domain_and_title() -> None:
    html = (
        '<aside class="onebox allowlistedgeneric" data-onebox-src="https://www.bbc.co.uk/news/1">'
        '<header class="source"><img src="/fav.ico" class="site-icon">'
        '<a href="https://www.bbc.co.uk/news/1">'
        'bbc.co.uk</a></header><article class="onebox-body">'
        '<img src="/t.jpg" class="thumbnail">'
        '<h3><a href="https://www.bbc.co.uk/news/1">New MS treatment approved</a></h3>'
        "<p>The first sentence is read. The rest is not.</p></article></aside>"
    )
    assert lines(html) == [
        "A link to bbc.co.uk: New MS treatment approved. The first sentence is read."
    ]


@pytest.mark.parametrize(
    ("html", "spoken"),
    [
        (
            '<p><img src="/uploads/a.jpeg" alt="my new walker" width="690"></p>',
            "A picture: my new walker.",
        ),
        ('<p><img src="/uploads/b.jpeg" alt="IMG_20240301_123456" width="690"></p>', "A picture."),
        ('<p><img src="/uploads/c.png" alt="image|690x388"></p>', "A picture."),
        (
            '<div class="lightbox-wrapper"><a class="lightbox" href="/uploads/d.jpeg" '
            'data-download-href="/uploads/d" title="walker"><img src="/uploads/d.jpeg" '
            'alt="my walker" width="690"><div class="meta"><span class="filename">walker</span>'
            '<span class="informations">1024×768 245 KB</span></div></a></div>',
            "A picture: my walker.",
        ),
    ],
)
def test_pictures(html: str, spoken: str) -> None:
    assert cooked_to_speech(html) == spoken


def test_emoji_images_unicode_emoji_and_emoticons_become_feelings() -> None:
    html = (
        '<p>Good news <img src="/images/emoji/twitter/smile.png?v=12" title=":smile:" '
        'class="emoji" alt=":smile:"> and <img src="/images/emoji/twitter/+1.png?v=12" '
        'title=":+1:" class="emoji" alt=":+1:"></p><p>Bad day :-( but &lt;3 to all 😭 🧡🧡</p>'
        "<p>Odd one 🦩</p>"
    )
    assert lines(html) == [
        "Good news (smiling face) and (thumbs up).",
        "Bad day (sad face) but (heart) to all. Emoji: sobbing face, orange heart.",
        "Odd one. Flamingo.",
    ]


def test_code_is_skipped_and_inline_code_read() -> None:
    html = '<p>Run <code>voicepeer doctor</code></p><pre><code class="lang-py">x = 1\n</code></pre>'
    assert lines(html) == ["Run voicepeer doctor.", "A block of code, skipped."]


def test_lists_read_as_items_and_headings_as_sentences() -> None:
    html = (
        "<h2>What helps me</h2><ul><li>Cooling vest</li><li>Short walks<ul><li>with a stick</li>"
        "</ul></li></ul><ol><li>Rest</li></ol>"
    )
    assert lines(html) == [
        "What helps me.",
        "Item one: Cooling vest.",
        "Item two: Short walks.",
        "Under that, item one: with a stick.",
        "Item one: Rest.",
    ]


def test_numbers_ranges_and_spoiler() -> None:
    html = (
        "<p>I sleep 9-10 hours, take 1/2 a tablet 2x a day.</p>"
        '<p><span class="spoiler">plot</span></p>'
    )
    assert lines(html) == [
        "I sleep 9 to 10 hours, take a half a tablet 2 times a day.",
        "(hidden text, may spoil: plot).",
    ]


def test_dates_in_text_are_not_taken_for_ranges() -> None:
    assert cooked_to_speech("<p>Since 2024-03-01, call 0800-800-8000.</p>") == (
        "Since 2024-03-01, call 0800-800-8000."
    )


def test_lexicon_applies_to_cooked_text() -> None:
    spoken = cooked_to_speech(
        "<p>My MS nurse said RRMS, and my EDSS is 3.</p>", lexicon=load_lexicon()
    )
    assert spoken == "My M S nurse said R R M S, and my E D S S is 3."


def test_malformed_html_is_read_without_losing_text() -> None:
    spoken = cooked_to_speech("<p>Unclosed <b>bold <i>both</p></div><p>next<a href='x'>link")
    assert "Unclosed bold both" in spoken
    assert "next" in spoken.lower()
    assert "link (link on this forum)" in spoken


def test_scripts_and_styles_are_never_read() -> None:
    assert cooked_to_speech("<style>p{}</style><script>alert(1)</script><p>ok</p>") == "Ok."


def test_tables_attachments_footnotes_and_local_dates() -> None:
    html = (
        '<div class="md-table"><table><thead><tr><th>Drug</th><th>Dose</th></tr></thead>'
        "<tbody><tr><td>Ocrevus</td><td>600 mg</td></tr></tbody></table></div>"
        '<p><a class="attachment" href="/uploads/short-url/abc.pdf">MRI report.pdf</a></p>'
        '<p>Infusion on <span class="discourse-local-date" data-date="2024-03-01" '
        'data-time="10:00:00" data-timezone="Europe/London">2024-03-01T10:00:00Z</span></p>'
        '<ol class="footnotes-list"><li class="footnote-item"><p>The note. '
        '<a href="#footnote-ref-1" class="footnote-backref">↩︎</a></p></li></ol>'
    )
    assert lines(html) == [
        "Drug, Dose.",
        "Ocrevus, 600 mg.",
        "An attachment called MRI report.pdf.",
        "Infusion on 1 March 2024 at 10:00.",
        "Notes:",
        "Note one: The note.",
    ]


def test_loose_list_items_keep_their_label_with_their_text() -> None:
    html = "<ul><li><p>first thing</p></li><li><p>second thing</p><p>more of it</p></li></ul>"
    assert lines(html) == ["Item one: first thing.", "Item two: second thing.", "More of it."]


def test_a_sentence_ending_in_a_comma_ends_with_a_full_stop_alone() -> None:
    # "It now ends: … about the vest,." paused twice.
    assert as_sentence("about the vest,") == "about the vest."
    assert as_sentence("things that help:") == "things that help."
    assert as_sentence("is it hot?") == "is it hot?"
