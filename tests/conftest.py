"""Shared test set-up: every test gets its own HOME and XDG directories.

Audio tests share one PulseAudio daemon with a null sink (a virtual sound card), started
once per session in a private runtime directory; tests reach it through PULSE_SERVER.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.pulse import PulseAudioServer


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh HOME and XDG config/data/cache/state directories for each test."""
    home = tmp_path / "home"
    for name, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        path = home / sub
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(path))
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture(scope="session")
def pulseaudio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PulseAudioServer]:
    """A running PulseAudio daemon with a null sink; skips only where PulseAudio is absent
    and CI is not set (CI must run the audio tests, so there it fails instead)."""
    if shutil.which("pulseaudio") is None:
        if os.environ.get("CI"):
            pytest.fail("PulseAudio is not installed: run scripts/setup --dev")
        pytest.skip("PulseAudio is not installed (scripts/setup --dev installs it)")
    server = PulseAudioServer(tmp_path_factory.mktemp("pulse"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pulse_env(pulseaudio: PulseAudioServer, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment pointing at the shared PulseAudio daemon, for this test and its children."""
    monkeypatch.setenv("PULSE_SERVER", pulseaudio.server_address)
    return dict(os.environ)


__all__ = ["isolated_home", "pulse_env", "pulseaudio", "subprocess", "time"]
