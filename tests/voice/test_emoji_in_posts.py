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
