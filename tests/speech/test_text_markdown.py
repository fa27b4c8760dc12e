"""Raw markdown (drafts, posts without cooked HTML) read aloud."""

from __future__ import annotations

from voicepeer.speech.text import markdown_to_speech

RAW = """[quote="sam_j, post:2, topic:51"]
Fatigue is the worst part for me.
[/quote]

# My week

- rested **a lot**
- saw my _MS nurse_

```
some code
```

See [the NHS page](https://www.nhs.uk/ms/) or https://www.mssociety.org.uk/x :slight_smile:
@jo_b ![my new walker|690x388](upload://abc.jpeg)"""


def test_markdown_reads_like_cooked_html() -> None:
    assert markdown_to_speech(RAW).splitlines() == [
        "Sam j wrote:",
        "Fatigue is the worst part for me.",
        "End of quote.",
        "My week.",
        "Item one: rested a lot.",
        "Item two: saw my MS nurse.",
        "A block of code, skipped.",
        "See the NHS page (link to nhs.uk) or a link to mssociety.org.uk. Smiling face.",
        "Jo b a picture: my new walker.",
    ]


def test_markdown_quotes_can_be_skipped_including_nested() -> None:
    raw = '[quote="ann"]outer [quote="bob"]inner[/quote] more[/quote]\nMy reply'
    assert markdown_to_speech(raw, skip_quotes=True).splitlines() == [
        "A quote from Ann, skipped.",
        "My reply.",
    ]
    assert markdown_to_speech(raw).splitlines() == [
        "Ann wrote:",
        "Outer.",
        "Bob wrote:",
        "Inner.",
        "End of quote.",
        "More.",
        "End of quote.",
        "My reply.",
    ]


def test_markdown_blockquote_lines() -> None:
    raw = "> quoted line one\n> line two\n\nmine"
    assert markdown_to_speech(raw).splitlines() == [
        "Quote:",
        "Quoted line one.",
        "Line two.",
        "End of quote.",
        "Mine.",
    ]


def test_emoji_names_with_underscores_are_not_taken_for_emphasis() -> None:
    assert markdown_to_speech("less often :slightly_smiling_face: and _really_ :smile:") == (
        "Less often (smiling face) and really. Smiling face."
    )


def test_email_addresses_are_not_mentions() -> None:
    assert markdown_to_speech("mail me at jo@example.org") == "Mail me at jo@example.org."


def test_html_tags_in_markdown_are_not_spoken() -> None:
    assert markdown_to_speech("line<br>next <b>bold</b>") == "Line next bold."
