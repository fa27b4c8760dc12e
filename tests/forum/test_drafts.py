from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voicepeer.forum.checks import storable_text
from voicepeer.forum.drafts import DraftStore


def test_save_load_discard_and_all(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
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
    tmp_path = tmp_path / "drafts"
    store = DraftStore(tmp_path)
    key = "Thème: fatigue 😴 ../../etc/passwd \u202e"
    text = "Ça va ? 가나다 \u0000 end"
    store.save(key, text)
    assert DraftStore(tmp_path).load(key) == text
    assert all(p.parent == tmp_path for p in tmp_path.iterdir())


def test_drafts_are_private_and_leave_no_temp_files(tmp_path: Path) -> None:
    tmp_path = tmp_path / "drafts"
    store = DraftStore(tmp_path)
    store.save("k", "private words")
    files = list(tmp_path.iterdir())
    assert len(files) == 1
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600


def test_damaged_file_is_skipped_not_deleted(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save("good", "kept")
    store.save("bad", "will be damaged")
    bad = store._path("bad")
    bad.write_bytes(b'{"key": "bad", "te')
    assert store.all() == {"good": "kept"}
    assert bad.exists()


def test_draft_survives_the_process_being_killed(tmp_path: Path) -> None:
    """A child saves, then is SIGKILLed at once: the parent still finds the words."""
    code = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from voicepeer.forum.drafts import DraftStore\n"
        "DraftStore(Path(sys.argv[1])).save('topic-7', 'I find the heat hardest in July')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=False)
    assert result.returncode == -9
    assert DraftStore(tmp_path).load("topic-7") == "I find the heat hardest in July"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=200)


@settings(max_examples=60, deadline=None)
@given(key=ANY_TEXT, text=ANY_TEXT)
def test_any_text_at_all_is_saved_and_read_back(
    tmp_path_factory: pytest.TempPathFactory, key: str, text: str
) -> None:
    """Even lone surrogates from a broken decoder: stored as U+FFFD, never an exception."""
    store = DraftStore(tmp_path_factory.mktemp("drafts"))
    store.save(key, text)
    assert store.load(key) == storable_text(text)
    assert store.all() == {storable_text(key): storable_text(text)}
