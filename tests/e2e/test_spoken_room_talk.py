"""A command said over a television, through the whole of voicepeer: the real neural
detector and bundled engine, the voice loop and the demo forum."""

from __future__ import annotations

from pathlib import Path

import httpx
import numpy as np
import pytest

from tests.e2e.test_spoken_conversation import DICTATED
from tests.support.members import saved_account
from tests.support.speech_audio import espeak, silence, utterances, with_hiss, write_wav
from tests.support.television import command_over_television, over_television
from tests.support.voicepeer_run import run_voicepeer
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.room_talk import ROOM_TALK_HINT, unclear_over_talk


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


@pytest.mark.slow
def test_a_yes_said_over_the_television_posts_nothing_and_the_person_hears_why(
    tmp_path: Path,
) -> None:
    # A reply dictated in a quiet room; the television comes on while voicepeer asks.
    quiet = utterances(["open topic one", 3.0, "reply", 3.0, DICTATED, 3.5, "send it", 3.0])
    yes = over_television(espeak("yes", voice="en-gb").astype(np.float64))
    wav = write_wav(tmp_path / "room.wav", np.concatenate([quiet, yes, with_hiss(silence(3.0))]))
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        latest = httpx.get(f"{forum.base_url}/latest.json").json()
        topic = f"{forum.base_url}/t/{latest['topic_list']['topics'][0]['id']}.json"
        before = httpx.get(topic).json()["posts_count"]
        saved_account(forum)  # signed in, so that only the television holds the reply back
        result = run_voicepeer(forum.base_url, source=f"wav:{wav}")
        after = httpx.get(topic).json()["posts_count"]
    assert result.returncode == 0, result.stderr
    said = [line.removeprefix("SAY: ") for line in result.stdout.splitlines()]
    asked = next(n for n, line in enumerate(said) if "Shall I post it?" in line)
    assert said[asked + 1 :] == [
        ROOM_TALK_HINT,
        f"{unclear_over_talk(first=True, yes_switch=False)} "
        "Shall I post your reply? Please say yes or no.",
    ], said
    assert after == before
