"""Posts as real Discourse cooks them (plugins and oneboxes the demo forum does not make),
read aloud: the HTML in tests/data/discourse_cooked is copied from Discourse's own specs,
templates and posts on public Discourse forums."""

from __future__ import annotations

from pathlib import Path

from voicepeer.speech.text import cooked_to_speech

COOKED = Path(__file__).parent.parent / "data" / "discourse_cooked"


def spoken(name: str) -> list[str]:
    return cooked_to_speech((COOKED / name).read_text(encoding="utf-8")).splitlines()


def test_a_numbered_list_says_its_own_numbers_and_its_nesting() -> None:
    # markdown-it, as Discourse uses it, for "3. Rest" … with a bullet list under item 4.
    html = (
        '<ol start="3">\n<li>Rest</li>\n<li>Cool down\n<ul>\n<li>a fan</li>\n'
        "<li>a vest</li>\n</ul>\n</li>\n<li>Pace yourself</li>\n</ol>"
    )
    assert cooked_to_speech(html).splitlines() == [
        "Item three: Rest.",
        "Item four: Cool down.",
        "Under that, item one: a fan.",
        "Item two: a vest.",
        "Item five: Pace yourself.",
    ]


def test_footnotes_are_named_where_they_are_and_read_at_the_end() -> None:
    assert spoken("footnotes.html") == [
        "Here is a footnote, (note 1) and another. Note 2.",
        "Test multiline.",
        "Notes:",
        "Note one: I am one.",
        "Note two: I am one.",
    ]


def test_inline_footnotes_leave_no_empty_link_behind() -> None:
    # "^[the point]" after a link's end: Discourse leaves an empty "<a></a>" before the note.
    assert spoken("footnotes_inline.html") == [
        "I have a point, see footnote. Note 1.",
        "Note 2.",
        "Notes:",
        "Note one: the point.",
        "Note two: footnote.",
    ]


def test_a_link_preview_says_site_title_and_the_first_words_of_its_description() -> None:
    assert spoken("onebox_generic.html")[1] == (
        "A link to 3D Slicer: Download 3D Slicer. 3D Slicer is a free, open source software "
        "for visualization, processing, segmentation, registration, and analysis of medical, "
        "biomedical, and other..."
    )
    assert spoken("onebox_published.html")[1].startswith(
        "A link to PeerJ: Easier said than done: unexpected hurdles to preparing"
    )
    assert spoken("onebox_google_drive.html")[1] == (
        "A link to drive.google.com: 2021-01-08-Scene.mrb. Google Drive file."
    )


def test_a_github_preview_is_not_read_twice() -> None:
    # Its title repeats the site's name and ends with the description.
    assert spoken("onebox_github_repo.html")[1] == (
        "A link to GitHub: bingogome/samm: A 3D Slicer integration to Meta's SAM."
    )


def test_an_old_preview_without_its_source_says_where_it_goes() -> None:
    assert spoken("onebox_no_source.html")[1] == (
        "A link to slicer.cdash.org: CDash - Uploaded files."
    )


def test_hidden_text_is_read_after_a_warning_and_its_end_is_said() -> None:
    assert spoken("spoiler_block.html") == [
        "Hidden text, may spoil:",
        "My tests fail.",
        "End of hidden text.",
    ]
    assert spoken("spoiler_inline.html") == [
        "I like watching (hidden text, may spoil: my tests fail)."
    ]


def test_a_forums_own_emoji_is_said_to_be_one() -> None:
    # Discourse cooks ":ms_ribbon:", a forum's own emoji, as an image named by its code.
    ribbon = (
        '<img src="/uploads/default/original/1X/ribbon.png?v=15" title=":ms_ribbon:" '
        'class="emoji emoji-custom" alt=":ms_ribbon:" width="20" height="20">'
    )
    assert cooked_to_speech(f"<p>Wearing mine {ribbon} today</p>") == (
        "Wearing mine (M S ribbon emoji) today."
    )
    assert spoken("emoji_custom.html") == ["Emoji. Tieba 087 emoji."]


def test_emoji_in_a_row_are_not_heard_as_words_of_the_sentence() -> None:
    assert (
        cooked_to_speech("<p>Beach day 🌊🍟</p>") == "Beach day. Emoji: water wave, french fries."
    )
