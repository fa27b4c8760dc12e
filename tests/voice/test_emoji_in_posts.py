"""Posts of the demo forum read aloud with their emoji heard apart from their words."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from voicepeer.demo_forum import DemoForum


def test_an_emoji_ending_a_post_is_said_after_its_last_sentence(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(forum.base_url, ["search for heat", "open one", "next", "next"], data)
    assert any(line.endswith("What do you all do to cope? Hot face.") for line in talk.said), (
        talk.transcript
    )
    assert any(
        line.endswith("Looks odd on the bus but I don't care any more. Tears of joy.")
        for line in talk.said
    ), talk.transcript


def test_a_post_of_strange_unicode_is_read_as_words(forum: DemoForum, data: Path) -> None:
    # The demo forum's infusion topic has a post pasted with zero-width, combining,
    # right-to-left, maths, fullwidth and small-capital letters, a skin tone, a region's
    # flag and a joined emoji sequence.
    talk = converse(
        forum.base_url,
        ["search for flapjacks", "open topic one"],
        data,
    )
    post = next(line for line in talk.said if line.startswith("Post 3 of"))
    assert post.endswith(
        "I bring a downloaded audiobook (headphone) and 1 and a half flapjacks from the café. "
        "Wi-Fi in our unit is terrible, but the nurses are OK about phones. Thumbs up. "
        "Greetings from (flag of Wales) and hugs to all. Adult in a wheelchair."
    ), post
