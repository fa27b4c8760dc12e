"""scripts/install-service: the unit systemd accepts, installed and removed in a test HOME."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "install-service"
VOICEPEER = Path(sys.executable).parent / "voicepeer"

needs_systemd = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed"
)


def run_script(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=60,
        check=False,
    )


def verify(unit: Path, *extra: str, env: dict[str, str] | None = None) -> None:
    done = subprocess.run(
        ["systemd-analyze", "verify", *extra, str(unit)],
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=60,
        check=False,
    )
    # verify exits 0 for some mistakes and only warns about them: the output must be empty.
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "" and done.stdout.strip() == "", done.stderr


@needs_systemd
def test_printed_unit_passes_systemd_verify(tmp_path: Path) -> None:
    config = tmp_path / "my settings" / "config.toml"  # a space: must be quoted
    done = run_script("--print", "--voicepeer", str(VOICEPEER), "--config", str(config))
    assert done.returncode == 0, done.stderr
    unit = tmp_path / "voicepeer.service"
    unit.write_text(done.stdout)
    assert f'ExecStart={VOICEPEER} --config "{config}" run' in done.stdout
    assert "Restart=on-failure" in done.stdout and "RestartSec=" in done.stdout
    assert "WantedBy=default.target" in done.stdout
    verify(unit)
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    verify(unit, "--user", env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)})


@needs_systemd
def test_a_broken_unit_would_be_caught(tmp_path: Path) -> None:
    # The check above can fail: a typo in the template shows up in verify's output.
    text = run_script("--print", "--voicepeer", str(VOICEPEER)).stdout
    unit = tmp_path / "voicepeer.service"
    unit.write_text(text.replace("Restart=on-failure", "Restart=sometimes"))
    with pytest.raises(AssertionError):
        verify(unit)


def test_install_and_uninstall_in_home(isolated_home: Path) -> None:
    env = dict(os.environ)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env["XDG_RUNTIME_DIR"] = str(isolated_home / "no-session")  # no user manager to talk to
    unit = isolated_home / ".config" / "systemd" / "user" / "voicepeer.service"

    done = run_script("--voicepeer", str(VOICEPEER), "--allow-root", env=env)
    assert done.returncode == 0, done.stderr
    assert unit.exists()
    assert f"ExecStart={VOICEPEER} run" in unit.read_text()
    assert "systemctl --user enable --now voicepeer.service" in done.stdout

    done = run_script("--uninstall", env=env)
    assert done.returncode == 0, done.stderr
    assert not unit.exists()
    assert "Removed" in done.stdout


def test_missing_program_is_explained(tmp_path: Path) -> None:
    done = run_script("--print", "--voicepeer", str(tmp_path / "nothing-here"))
    assert done.returncode == 1
    assert "scripts/setup" in done.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="only root is warned about installing for root")
def test_root_is_asked_to_use_the_persons_account(isolated_home: Path) -> None:
    done = run_script("--voicepeer", str(VOICEPEER))
    assert done.returncode == 1
    assert "without sudo" in done.stderr
