"""Where voicepeer asks for a few words (whom to write to, a title, what to look for), the
everyday ways of declining ("never mind", "go back", "no") leave the question as "cancel"
does: nobody means them as a name, a title or a search."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.states import State

WHERE = "You are in the topic list, on topic 1 of "


@pytest.mark.parametrize("leaving", ["never mind", "go back", "no"])
@pytest.mark.parametrize(
    ("asked", "left"),
    [
        (["message"], "Message cancelled. "),
        (["start a new topic", "number one"], "New topic cancelled. "),
        (["search for"], "No search. "),
    ],
)
def test_declining_leaves_the_question(
    forum: DemoForum, data: Path, asked: list[str], left: str, leaving: str
) -> None:
    talk = converse(
        forum.base_url, ["latest topics", *asked, leaving], data, credentials=signed_in(forum)
    )
    assert talk.said[-1].startswith(left + WHERE), talk.said
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING
