"""The voice loop listens in a context whose commands are those that can apply, so that
"next" is answered at once where "next paragraph" cannot apply, and waited on where it can.

The real voice loop and demo forum, with typed lines; the listener notes what applied."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from tests.support.conversation import converse
from tests.support.key_press import KeyPressedDuring
from tests.voice.test_long_posts import OPEN_LETTER, STOPPED_AT
from voicepeer.commands.intents import Intent
from voicepeer.demo_forum import DemoForum
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import Heard, ListenMode
from voicepeer.speech.base import SpeechOutput
from voicepeer.voice.text_input import TextListener

PHRASEBOOK = voice_loop_phrasebook()


class ContextListener(TextListener):
    """Typed lines; notes, for each line, the commands that could apply in the context the
    voice loop listened in (as the phrasebook, built from the same table, says)."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(io.StringIO("".join(f"{line}\n" for line in lines)))
        self.told: list[frozenset[str] | None] = []

    def listen(self, mode: ListenMode, context: str = "") -> Heard | None:
        self.told.append(PHRASEBOOK.command_vocabulary(mode, context).in_play)
        return super().listen(mode, context)


def told_for(
    forum: DemoForum, lines: list[str], data: Path, speech: SpeechOutput | None = None
) -> list[frozenset[str] | None]:
    listener = ContextListener(lines)

    def make(said: Callable[[], list[str]]) -> ContextListener:
        return listener

    converse(forum.base_url, lines, data, listener=make, speech=speech)
    return listener.told


def test_next_paragraph_applies_only_while_a_post_has_more(forum: DemoForum, data: Path) -> None:
    told = told_for(forum, ["latest topics", "open topic two", "help"], data)
    browsing, reading_to_its_end = told[1], told[2]
    assert browsing is not None and Intent.NEXT in browsing
    assert Intent.NEXT_PARAGRAPH not in browsing and Intent.BACK not in browsing
    # A short post read to its end: "next paragraph" only says to say next.
    assert reading_to_its_end is not None
    assert Intent.NEXT_PARAGRAPH not in reading_to_its_end
    assert {Intent.NEXT, Intent.BACK, Intent.PREVIOUS_PARAGRAPH} <= reading_to_its_end


def test_next_paragraph_applies_in_a_post_stopped_part_way(
    forum: DemoForum, tmp_path: Path
) -> None:
    speech = KeyPressedDuring([STOPPED_AT])
    told = told_for(forum, [*OPEN_LETTER, "help"], tmp_path / "data", speech=speech.tracked)
    stopped = told[2]
    assert stopped is not None and Intent.NEXT_PARAGRAPH in stopped
