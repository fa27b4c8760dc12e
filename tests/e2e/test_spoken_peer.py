"""The new commands spoken: synthesized speech through the bundled PocketSphinx engine, the
real voice loop and the real demo forum."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.speech_audio import conversation
from tests.support.voicepeer_run import run_voicepeer
from voicepeer.demo_forum import DemoForum


@pytest.mark.slow
def test_spoken_bookmarks_messages_and_new_topic(tmp_path: Path) -> None:
    wav = tmp_path / "spoken.wav"
    conversation(
        ["open topic two", "my bookmarks", "my messages", "new topic", "cancel"], wav, gap_s=3.0
    )
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        result = run_voicepeer(forum.base_url, source=f"wav:{wav}")
    assert result.returncode == 0, result.stderr
    said = [line.removeprefix("SAY: ") for line in result.stdout.splitlines()]
    after_open = said[next(i for i, s in enumerate(said) if s.startswith("Post 1 of 6")) + 1 :]
    # Signed out (the practice forum lets anyone read): bookmarks and messages need an account.
    assert "voicepeer forum connect" in after_open[0]
    assert "voicepeer forum connect" in after_open[1]
    assert after_open[2].startswith("Which category is your topic for? One: Living with MS.")
    assert after_open[3].startswith("New topic cancelled. You are reading Stable MRI")
