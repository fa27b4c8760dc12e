"""What ``voicepeer run`` tells once as it starts about settings it goes on without: a
real session on the demo forum, typed lines in, printed speech out."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from voicepeer import paths
from voicepeer.logs import LOG_FILE_NAME

VOICEPEER = (sys.executable, "-m", "voicepeer")


def started(config: Path, settings: str) -> subprocess.CompletedProcess[str]:
    """``voicepeer run`` on the built-in demo forum with ``settings``, ended at once."""
    config.write_text(settings, encoding="utf-8")
    return subprocess.run(
        [*VOICEPEER, "--config", str(config), "run", "--input", "text", "--output", "text"],
        input="goodbye\n",
        capture_output=True,
        text=True,
        timeout=120,
    )


def logged() -> str:
    return (paths.state_dir() / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_a_missing_pronunciation_file_is_told_once_at_start(isolated_home: Path) -> None:
    # Nothing said it, anywhere: the person's own pronunciations were simply not used.
    done = started(isolated_home / "config.toml", '[speech]\nlexicon_path = "/nonexistent.toml"\n')
    assert done.returncode == 0, done.stderr
    told = (
        "voicepeer: the pronunciation file /nonexistent.toml ([speech] lexicon_path) was not "
        "found, so only the built-in pronunciations are used. Put the file there, or set "
        "[speech] lexicon_path in the settings file to where it is"
    )
    assert done.stderr.count(told) == 1
    assert logged().count("the pronunciation file /nonexistent.toml") == 1
    assert "pronunciation" not in done.stdout  # the person hears nothing of it


def test_no_file_of_ones_own_pronunciations_is_no_note(isolated_home: Path) -> None:
    done = started(isolated_home / "config.toml", "")
    assert done.returncode == 0, done.stderr
    assert "pronunciation file" not in done.stderr + logged()
