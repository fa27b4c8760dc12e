"""A microphone that stops working mid-session with nobody to type instead (the service):
the loop ends with the microphone's error, keeping what was being written, so voicepeer
can wait for the microphone and start again (tests/cli/test_no_microphone.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.errors import AudioDeviceError

WORDS = "the stairs are the hardest part of my day"


def unplug() -> None:
    # A device vanishing cannot be produced on demand here: the error the microphone gives.
    raise AudioDeviceError(
        "the microphone stream stopped delivering audio",
        spoken="The microphone stopped working. Please ask your helper to check it.",
    )


def test_without_typing_the_loop_ends_with_the_error_and_the_reply_is_kept(
    forum: DemoForum, data: Path
) -> None:
    lines = ["latest topics", "open topic one", "reply", WORDS, "never heard"]
    with pytest.raises(AudioDeviceError):
        converse(
            forum.base_url,
            lines,
            data,
            credentials=signed_in(forum),
            before_line={4: unplug},
            typing_instead=False,
        )
    again = converse(forum.base_url, ["resume"], data, credentials=signed_in(forum))
    assert WORDS in again.transcript.lower()
