"""A command said over a television, through the whole of voicepeer: the real neural
detector and bundled engine, the voice loop and the demo forum."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.support.speech_audio import silence, with_hiss, write_wav
from tests.support.television import command_over_television
from tests.support.voicepeer_run import run_voicepeer
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.room_talk import ROOM_TALK_HINT


@pytest.mark.slow
def test_the_person_is_told_about_the_television_and_their_louder_command_is_done(
    tmp_path: Path,
) -> None:
    wav = write_wav(
        tmp_path / "room.wav",
        np.concatenate([command_over_television(), with_hiss(silence(3.0))]),
    )
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        result = run_voicepeer(forum.base_url, source=f"wav:{wav}")
    assert result.returncode == 0, result.stderr
    said = [line.removeprefix("SAY: ") for line in result.stdout.splitlines()]
    assert said[0].startswith("Hello. This is voicepeer"), said
    # Once, when the television was dropped; then the command said over it, and nothing
    # of the programme taken for a command.
    assert said[1] == ROOM_TALK_HINT
    assert "latest topics. One: " in said[2], said
    assert len(said) == 3, said
