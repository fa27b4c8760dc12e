"""Dictation models prepared ahead of time: found in the person's data folder, else in the
shared site data folders (XDG_DATA_DIRS), built only when neither has one; shared folders
are only ever read. ``voicepeer prepare`` builds the very model the engine looks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicepeer.cli import main
from voicepeer.listening import dictation_sources, voice_loop_phrasebook
from voicepeer.paths import data_dir
from voicepeer.recognition.dictation_lm import (
    DictationSources,
    prepared_model,
    remove_earlier_models,
    shared_model_folders,
)
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx import SphinxRecognizer

PEER = ["my legs are tired today", "my fatigue is worse today", "thank you for the hug"]
# The peer-support model alone: nothing to mix, so these tests stay quick.
SOURCES = DictationSources(tuple(PEER), generic_weight=0.0)
OLD = "dictation-0123456789abcdef.lm"


def listing(folder: Path) -> dict[str, int]:
    """Every file in ``folder`` with its modification time, to tell any write."""
    return {p.name: p.stat().st_mtime_ns for p in sorted(folder.iterdir())}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site data folder of its own (XDG_DATA_DIRS) with a prepared model and an old one."""
    root = tmp_path / "site"
    monkeypatch.setenv("XDG_DATA_DIRS", f"{tmp_path / 'empty'}:{root}")
    folder = root / "voicepeer" / "models"
    SOURCES.build(folder)
    (folder / OLD).write_text("\\data\\\n", encoding="utf-8")
    return folder


def test_the_shared_folders_are_the_site_data_folders(site: Path, tmp_path: Path) -> None:
    assert shared_model_folders() == [tmp_path / "empty" / "voicepeer" / "models", site]


def test_a_shared_model_is_used_as_it_is_and_nothing_is_built(site: Path) -> None:
    before = listing(site)
    user = data_dir() / "models"
    path = prepared_model(SOURCES, user)
    assert path == site / SOURCES.file_name
    assert listing(site) == before
    assert not user.exists()


def test_the_persons_own_model_comes_first(site: Path) -> None:
    user = data_dir() / "models"
    own = SOURCES.build(user)
    before = listing(site)
    assert prepared_model(SOURCES, user) == own
    assert listing(site) == before


def test_building_removes_earlier_models_from_the_persons_folder_only(site: Path) -> None:
    user = data_dir() / "models"
    user.mkdir(parents=True)
    (user / OLD).write_text("\\data\\\n", encoding="utf-8")
    before = listing(site)
    other = DictationSources((*PEER, "one more reply"), generic_weight=0.0)
    path = prepared_model(other, user)
    assert path.parent == user and sorted(p.name for p in user.iterdir()) == [path.name]
    assert listing(site) == before
    # Even named among the folders to clean, a shared folder is left alone.
    remove_earlier_models(path, [user, site])
    assert listing(site) == before


def test_the_engine_starts_with_the_shared_model_the_test_set_up_prepared(
    shared_data: Path,
) -> None:
    """The test set-up and the engine ask the same function what to mix: the engine finds
    the set-up's model and builds none."""
    engine = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    try:
        mixer = engine._context_mixer
        assert mixer is not None
        assert mixer.base.parent == shared_data / "voicepeer" / "models"
    finally:
        engine.close()
    assert not (data_dir() / "models").exists()


def test_prepare_builds_the_model_the_engine_looks_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "site"))
    shared = tmp_path / "site" / "voicepeer" / "models"
    sources = dictation_sources(RecognitionSettings())
    assert sources is not None
    assert main(["prepare", "--folder", str(shared)]) == 0
    assert [p.name for p in shared.iterdir()] == [sources.file_name]
    assert "is ready" in capsys.readouterr().out
    # The person's own start then finds it there and builds nothing.
    assert main(["prepare"]) == 0
    assert f"already prepared: {shared / sources.file_name}" in capsys.readouterr().out
    assert not (data_dir() / "models").exists()


def test_prepare_builds_into_the_persons_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("voicepeer.cli.prepare.dictation_sources", lambda settings: SOURCES)
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path / "nothing"))
    assert main(["prepare"]) == 0
    assert [p.name for p in (data_dir() / "models").iterdir()] == [SOURCES.file_name]
    assert "is ready" in capsys.readouterr().out


def test_prepare_has_nothing_to_do_for_a_dictation_model_of_ones_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[recognition]\ndictation_lm_path = "{tmp_path / "my.lm"}"\n')
    assert main(["--config", str(config), "prepare"]) == 0
    assert "Nothing to prepare" in capsys.readouterr().out
