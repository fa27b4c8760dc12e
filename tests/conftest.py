"""Shared test set-up: every test gets its own HOME and XDG directories.

The bundled engine's dictation model for the default settings is mixed once (seconds of
CPU) into pytest's cache, named by the digest of what it is made of, and every test finds
it in a shared data folder (XDG_DATA_DIRS), as a user finds one a system image prepared.
Tests of mixing itself mix their own (tests/recognition/test_lm_mix.py).

Audio tests share one PulseAudio daemon with a null sink (a virtual sound card), started
once per session in a private runtime directory; tests reach it through PULSE_SERVER.

scripts/test runs the tests on every core (pytest-xdist, a file's tests together on one
worker): each worker is a session of its own, with its own PulseAudio daemon, and the first
worker to need the dictation model mixes it while the others wait.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.pulse import PulseAudioServer


@pytest.fixture(scope="session", autouse=True)
def shared_data(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """A site data folder holding the dictation model the engine mixes with default
    settings, kept in pytest's cache between runs (a new model gets a new name), ahead of
    the system's in XDG_DATA_DIRS for the whole session: engines a module shares start
    before any test's own HOME is set up, and they find it too."""
    from voicepeer.listening import dictation_sources
    from voicepeer.recognition.dictation_lm import find_model, remove_earlier_models
    from voicepeer.recognition.settings import RecognitionSettings

    cache = getattr(request.config, "cache", None)
    root = cache.mkdir("voicepeer-shared-data") if cache else tmp_path_factory.mktemp("shared")
    models = Path(root) / "voicepeer" / "models"
    sources = dictation_sources(RecognitionSettings())
    assert sources is not None
    models.mkdir(parents=True, exist_ok=True)
    with (models / ".mixing").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another worker may be mixing it now
        if find_model(sources, [models]) is None:
            built = sources.build(models)
            remove_earlier_models(built, [models], keep=())
    system = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_DIRS", f"{root}{os.pathsep}{system}")
        yield Path(root)


@pytest.fixture(scope="session", autouse=True)
def ctrl_c_reaches_programs_started() -> None:
    """Tests press Ctrl+C (SIGINT) for the programs they start. A test run started in the
    background of a shell has SIGINT ignored, and every program it starts would inherit
    that and never see the key: the run's own handling is given back to them."""
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(scope="session", autouse=True)
def member_limits_lifted() -> Iterator[None]:
    """The demo forum's limits on how fast members post and like are lifted, as Discourse's
    own test suite lifts them (``RateLimiter.disable``): a test replying twice would
    otherwise wait 5 seconds. Tests about the limits take the ``member_limits`` fixture."""
    from voicepeer.demo_forum.member_limits import limits_lifted

    with limits_lifted():
        yield


@pytest.fixture
def member_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo forum limits members as a stock Discourse does, for this test."""
    from voicepeer.demo_forum.member_limits import MemberLimits

    monkeypatch.setattr(MemberLimits, "enabled", True)


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


__all__ = ["isolated_home", "pulse_env", "pulseaudio", "shared_data", "subprocess", "time"]
