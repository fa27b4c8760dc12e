"""Pausing the voicepeer service around voice training. systemd's user manager does not
run in the test machine, so systemctl is a small script that records how it was called."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from voicepeer.setup.service import SERVICE_UNIT, service_paused


def fake_systemctl(
    folder: Path, monkeypatch: pytest.MonkeyPatch, *, active: bool, start_works: bool = True
) -> Path:
    """Put a recording systemctl first on PATH; returns the file its calls go to."""
    calls = folder / "calls.txt"
    script = folder / "systemctl"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$*" >> "{calls}"\n'
        f'case "$2" in is-active) exit {0 if active else 3};; '
        f"start) exit {0 if start_works else 1};; esac\n"
        "exit 0\n"
    )
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return calls


def test_a_running_service_is_stopped_for_the_training_and_started_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = fake_systemctl(tmp_path, monkeypatch, active=True)
    said: list[str] = []
    with service_paused(said.append):
        calls.open("a").write("training\n")
    assert calls.read_text().splitlines() == [
        f"--user is-active --quiet {SERVICE_UNIT}",
        f"--user stop {SERVICE_UNIT}",
        "training",
        f"--user start {SERVICE_UNIT}",
    ]
    assert "pausing it" in said[0] and "running again" in said[-1]


def test_the_service_is_started_again_even_when_training_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = fake_systemctl(tmp_path, monkeypatch, active=True, start_works=False)
    said: list[str] = []
    with pytest.raises(RuntimeError), service_paused(said.append):
        raise RuntimeError("training failed")
    assert calls.read_text().splitlines()[-1] == f"--user start {SERVICE_UNIT}"
    assert f"systemctl --user start {SERVICE_UNIT}" in said[-1]


def test_nothing_happens_without_a_running_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = fake_systemctl(tmp_path, monkeypatch, active=False)
    said: list[str] = []
    with service_paused(said.append):
        pass
    assert calls.read_text().splitlines() == [f"--user is-active --quiet {SERVICE_UNIT}"]
    assert said == []
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))  # no systemd at all
    with service_paused(said.append):
        pass
    assert said == []
