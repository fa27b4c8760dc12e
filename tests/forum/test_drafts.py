from __future__ import annotations

import base64
import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voicepeer.forum.base import NewReply
from voicepeer.forum.checks import storable_text
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox
from voicepeer.forum.settings import ForumSettings


def test_save_load_discard_and_all(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "replies.sqlite3")
    store.save("topic-12", "First words")
    store.save("topic-12", "First words, then more")
    store.save("new topic in Fatigue / Heat", "Another draft")
    assert store.load("topic-12") == "First words, then more"
    assert store.all() == {
        "topic-12": "First words, then more",
        "new topic in Fatigue / Heat": "Another draft",
    }
    store.discard("topic-12")
    store.discard("topic-12")  # discarding twice is harmless
    assert store.load("topic-12") is None
    assert list(store.all()) == ["new topic in Fatigue / Heat"]


def test_strange_unicode_keys_and_text_survive(tmp_path: Path) -> None:
    path = tmp_path / "data" / "replies.sqlite3"
    key = "Thème: fatigue 😴 ../../etc/passwd \u202e"
    text = "Ça va ? 가나다 \u0000 end"
    DraftStore(path).save(key, text)
    assert DraftStore(path).load(key) == text
    assert [p.name for p in path.parent.iterdir()] == ["replies.sqlite3"]


def test_drafts_are_private(tmp_path: Path) -> None:
    path = tmp_path / "replies.sqlite3"
    DraftStore(path).save("k", "private words")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def _legacy_file(folder: Path, key: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    name = base64.urlsafe_b64encode(key.encode()).decode().rstrip("=") + ".draft.json"
    path = folder / name
    path.write_text(json.dumps({"key": key, "text": text, "saved_at": "2026-11-30T10:00:00"}))
    return path


def test_drafts_saved_as_files_by_earlier_versions_are_taken_in(tmp_path: Path) -> None:
    legacy = tmp_path / "drafts"
    _legacy_file(legacy, "topic-3", "Words from before the update")
    damaged = _legacy_file(legacy, "topic-4", "x")
    damaged.write_bytes(b'{"key": "topic-4", "te')
    store = DraftStore(tmp_path / "replies.sqlite3")
    assert store.take_in_legacy(legacy) == 1
    assert store.all() == {"topic-3": "Words from before the update"}
    assert [p.name for p in legacy.iterdir()] == [damaged.name]  # left for recovery
    assert store.take_in_legacy(tmp_path / "absent") == 0


def test_a_legacy_draft_already_in_the_outbox_is_not_offered_again(tmp_path: Path) -> None:
    """Earlier versions could be stopped after posting but before deleting the draft file."""
    path = tmp_path / "replies.sqlite3"
    offline = DiscourseClient("http://127.0.0.1:9", settings=ForumSettings(read_retries=0))
    Outbox(path, offline).record(NewReply(3, "Already handed over."), "T")
    legacy = tmp_path / "drafts"
    _legacy_file(legacy, "topic-3", "Already handed over")
    store = DraftStore(path)
    assert store.take_in_legacy(legacy) == 0
    assert store.load("topic-3") is None and not list(legacy.iterdir())


def test_draft_survives_the_process_being_killed(tmp_path: Path) -> None:
    """A child saves, then is SIGKILLed at once: the parent still finds the words."""
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from voicepeer.forum.drafts import DraftStore\n"
        "DraftStore(Path(sys.argv[1])).save('topic-7', 'I find the heat hardest in July')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    path = tmp_path / "replies.sqlite3"
    result = subprocess.run([sys.executable, "-c", code, str(path)], check=False)
    assert result.returncode == -9
    assert DraftStore(path).load("topic-7") == "I find the heat hardest in July"


ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=200)


@settings(max_examples=60, deadline=None)
@given(key=ANY_TEXT, text=ANY_TEXT)
def test_any_text_at_all_is_saved_and_read_back(
    tmp_path_factory: pytest.TempPathFactory, key: str, text: str
) -> None:
    """Even lone surrogates from a broken decoder: stored as U+FFFD, never an exception."""
    store = DraftStore(tmp_path_factory.mktemp("drafts") / "replies.sqlite3")
    store.save(key, text)
    assert store.load(key) == storable_text(text)
    assert store.all() == {storable_text(key): storable_text(text)}
