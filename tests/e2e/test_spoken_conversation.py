"""A whole conversation spoken by espeak-ng, recognized by the real PocketSphinx engine,
acted on by the real voice loop against the real demo forum over loopback HTTP."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.members import saved_account
from tests.support.speech_audio import conversation
from tests.support.voicepeer_run import run_voicepeer
from voicepeer.demo_forum import DemoForum

DICTATED = "thank you for sharing this it helps a lot to know I am not alone"


@pytest.mark.slow
def test_spoken_commands_and_dictation_post_a_reply(tmp_path: Path) -> None:
    wav = tmp_path / "conversation.wav"
    conversation(
        ["latest topics", "open topic one", "next", "reply", DICTATED, "send it", "yes"],
        wav,
        gap_s=3.5,
    )
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        latest = httpx.get(f"{forum.base_url}/latest.json").json()
        topic_id = latest["topic_list"]["topics"][0]["id"]
        before = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()["posts_count"]
        saved_account(forum)  # as voicepeer forum connect leaves it: a visitor may not post
        result = run_voicepeer(forum.base_url, source=f"wav:{wav}")
        assert result.returncode == 0, result.stderr
        said = result.stdout
        assert "Post 1 of 4" in said and "Post 2 of 4" in said, said
        assert "Shall I post it? Say yes or no." in said, said
        assert "Your reply to Walked to the end of the pier today is posted." in said, said
        topic = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()
        assert topic["posts_count"] == before + 1
        reply = topic["post_stream"]["posts"][-1]
        assert reply["reply_to_post_number"] == 2
        # Dictation with the bundled model is imperfect; what matters is that the words
        # the person said, as recognized and confirmed, are what was posted.
        confirmed = said.split("Your reply says: ", 1)[1].split(" It will appear", 1)[0]
        assert confirmed.rstrip(".").lower() in reply["cooked"].lower()
