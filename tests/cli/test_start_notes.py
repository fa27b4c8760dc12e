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


def test_personal_words_naming_no_command_are_told_once_at_start(isolated_home: Path) -> None:
    # Left out with nothing shown: the person said "onwards" and was not understood, and
    # only doctor knew why.
    done = started(
        isolated_home / "config.toml",
        '[recognition]\naliases = { onwards = "nxt", hop = "zzqq", forth = "next" }\n',
    )
    assert done.returncode == 0, done.stderr
    told = (
        "voicepeer: personal command words left out, as they name no voicepeer command: "
        '"onwards = nxt" (did you mean "next"?), "hop = zzqq". In [recognition] aliases of '
        "the settings file, change each to a command as 'voicepeer commands' lists it, or "
        "remove the line"
    )
    assert done.stderr.count(told) == 1
    assert logged().count("personal command words left out") == 1
    said = done.stdout.splitlines()
    assert said[0] == (
        "SAY: I will not know your own command words onwards and hop: they are not set up "
        "right. Please ask your helper to fix them."
    )
    assert said[1].startswith("SAY: Hello. This is voicepeer")
    assert "forth" not in done.stdout + done.stderr  # the right one is no concern


def test_one_word_naming_no_command_is_said_in_the_singular(isolated_home: Path) -> None:
    done = started(isolated_home / "config.toml", '[recognition]\naliases = { onwards = "nxt" }\n')
    assert done.stdout.splitlines()[0] == (
        "SAY: I will not know your own command word onwards: it is not set up right. Please "
        "ask your helper to fix it."
    )


def test_a_damaged_accounts_file_is_said_to_the_person_and_logged(isolated_home: Path) -> None:
    # Run as a service, the person heard nothing: only the terminal was told.
    accounts = paths.config_dir() / "credentials.json"
    accounts.parent.mkdir(parents=True, exist_ok=True)
    accounts.write_text("{half written", encoding="utf-8")
    done = subprocess.run(
        [*VOICEPEER, "run", "--forum", "http://127.0.0.1:9", "--input", "text", "--output", "text"],
        input="goodbye\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert (
        "SAY: My saved forum account is damaged. Please ask your helper to reconnect."
        in done.stdout
    )
    assert "could not start on the forum" in logged()


def test_a_settings_file_with_a_mistake_is_said_to_the_person_and_logged(
    isolated_home: Path,
) -> None:
    # The wording for the helper was good, but on the terminal only: run as a service, the
    # person heard nothing.
    done = started(isolated_home / "config.toml", "[speech]\nvolum = 0.5\n")
    assert done.returncode == 1
    assert done.stdout.startswith("SAY: I cannot start: my settings file has a mistake.")
    assert 'Did you mean "volume"?' in done.stderr
    assert "could not start: the settings cannot be read" in logged()
