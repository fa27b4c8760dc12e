"""The log file: rotated, private, and free of keys and of what the person said."""

from __future__ import annotations

import logging
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from voicepeer import paths
from voicepeer.logs import LOG_FILE_NAME, redact, register_secret, setup_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.mark.parametrize(
    "line",
    [
        "sending headers {'User-Api-Key': 'f00dcafe1234', 'Accept': 'json'}",
        "User-Api-Key: f00dcafe1234",
        "Api-Key=f00dcafe1234 Api-Username=system",
        'decrypted {"key": "f00dcafe1234", "nonce": "n0nce", "push": false}',
        "GET /user-api-key/callback?payload=f00dcafe1234&x=1",
        "Authorization: Bearer f00dcafe1234",
    ],
)
def test_known_secret_patterns_are_scrubbed(line: str) -> None:
    scrubbed = redact(line)
    assert "f00dcafe1234" not in scrubbed
    assert "[redacted]" in scrubbed


def test_ordinary_text_is_left_alone() -> None:
    line = "opened topic 12 (posts_count=4) in 0.3 s"
    assert redact(line) == line


def test_log_file_is_private_and_rotates(tmp_path: Path, restore_logging: None) -> None:
    log_file = setup_logging(False, tmp_path / "state", max_bytes=2000, backups=2)
    assert log_file == tmp_path / "state" / LOG_FILE_NAME
    log = logging.getLogger("voicepeer.test")
    for number in range(200):
        log.info("event number %d happened", number)
    files = sorted(p.name for p in (tmp_path / "state").iterdir())
    assert files == [LOG_FILE_NAME, f"{LOG_FILE_NAME}.1", f"{LOG_FILE_NAME}.2"]
    for name in files:
        mode = stat.S_IMODE((tmp_path / "state" / name).stat().st_mode)
        assert mode == 0o600, name
        assert (tmp_path / "state" / name).stat().st_size <= 2000


def test_debug_only_detail_and_secrets(tmp_path: Path, restore_logging: None) -> None:
    log = logging.getLogger("voicepeer.test")
    register_secret("s3cret-value-99")
    log_file = setup_logging(False, tmp_path)
    assert log_file is not None
    log.debug("dictated %r", "my legs are tired today")
    log.info("key loaded: s3cret-value-99")
    try:
        raise RuntimeError("request failed with s3cret-value-99")
    except RuntimeError:
        log.exception("forum error")
    text = log_file.read_text()
    assert "my legs are tired" not in text
    assert "s3cret-value-99" not in text
    assert "key loaded: [redacted]" in text and "RuntimeError" in text

    setup_logging(True, tmp_path)  # --debug: post text allowed, secrets still not
    log.debug("dictated %r", "my legs are tired today")
    log.debug("header User-Api-Key: s3cret-value-99")
    text = log_file.read_text()
    assert "my legs are tired" in text
    assert "s3cret-value-99" not in text
    # Calling again replaced the handlers instead of doubling every line.
    assert text.count("my legs are tired") == 1


def test_unwritable_log_folder_does_not_stop_voicepeer(
    tmp_path: Path, restore_logging: None
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    assert setup_logging(False, blocker / "logs") is None


def test_the_log_marks_where_each_session_begins_and_ends(isolated_home: Path) -> None:
    # A carer reading the log could not tell one session from the next.
    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "demo", "--input", "text", "--output", "text"],
        input="goodbye\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    logged = (paths.state_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")
    started = logged.index("session started (forum http://127.0.0.1:")
    assert logged.index("session ended", started) > started
