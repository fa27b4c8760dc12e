"""The new commands spoken: synthesized speech through the bundled PocketSphinx engine, the
real voice loop and the real demo forum."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.members import saved_account
from tests.support.speech_audio import conversation
from tests.support.voicepeer_run import run_voicepeer
from tests.voice.test_new_topic import ASK_TITLE
from voicepeer import paths
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.drafts import DraftStore
from voicepeer.speech.text.sentences import as_sentence

NOT_SIGNED_IN = (
    "I am not signed in to the forum. Please ask your helper to run voicepeer forum connect."
)


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
    # No account connected: as on any Discourse a visitor may read, but bookmarks, messages
    # and a new topic need an account, and no category is asked for in vain.
    assert after_open[:3] == [NOT_SIGNED_IN] * 3, said
    assert after_open[3].startswith("Cancel does nothing here. You are reading Stable MRI")


@pytest.mark.slow
def test_spoken_drafts_are_listed_kept_on_no_and_taken_up(tmp_path: Path) -> None:
    words = "Cold flannels on my neck help me most"
    wav = tmp_path / "spoken.wav"
    conversation(["my drafts", "delete this draft", "no", "read"], wav, gap_s=3.0)
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        title = httpx.get(f"{forum.base_url}/t/2.json").json()["title"]
        saved = paths.forum_data_dir(forum.base_url.split("://", 1)[1]) / "outbox.sqlite3"
        drafts = DraftStore(saved)  # as a session on an earlier day left it
        drafts.save("topic-2", words)
        drafts.close()
        saved_account(forum)  # as voicepeer forum connect leaves it
        result = run_voicepeer(forum.base_url, source=f"wav:{wav}")
    assert result.returncode == 0, result.stderr
    said = [line.removeprefix("SAY: ") for line in result.stdout.splitlines()]
    assert said[0].endswith("You have 1 saved draft not sent yet: say my drafts to hear it.")
    one = f"One: your reply to {title}, saved just now: {words}."
    assert (
        said[1] == f"You have 1 saved draft. {one} Say open and a number to go on with one, "
        "next to go through them, or back."
    )
    assert said[2].startswith(f"Delete your reply to {title}? It says: {words}.")
    assert said[3] == f"Kept. {one} Say read to go on with it."
    # Taken up in its own topic, signed in as the account saved.
    assert said[4] == (
        f"You have a saved reply to {as_sentence(title)} It says: {words}. Keep talking to add "
        "to it, or say send it."
    )
    assert DraftStore(saved).load("topic-2") == words


@pytest.mark.slow
def test_a_spoken_category_name_chooses_it(tmp_path: Path) -> None:
    # The question for a category is heard as words, its names made likely: the name said
    # chooses it, as the number does.
    wav = tmp_path / "spoken.wav"
    conversation(["new topic", "good news", "cancel", "new topic", "two"], wav, gap_s=3.0)
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        saved_account(forum)  # a visitor is offered no topic to start
        result = run_voicepeer(forum.base_url, source=f"wav:{wav}")
    assert result.returncode == 0, result.stderr
    said = [line.removeprefix("SAY: ") for line in result.stdout.splitlines()]
    chosen = [line for line in said if line.startswith("A new topic in ")]
    assert chosen == [
        f"A new topic in Good news. {ASK_TITLE}",
        f"A new topic in Newly diagnosed. {ASK_TITLE}",
    ], said
