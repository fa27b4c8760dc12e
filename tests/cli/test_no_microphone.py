"""No microphone when voicepeer starts: at a terminal typing stands in for it; as the
service runs it (stdin /dev/null, nobody to type) voicepeer says what is wrong, waits for
the microphone, and starts listening by itself once one works: here a sound server that
starts later, as a microphone plugged in later does."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

import pytest

from tests.cli.terminal import Terminal
from tests.support.pulse import PulseAudioServer

VOICEPEER = [sys.executable, "-m", "voicepeer"]


def without_sound_server(home: Path, runtime: Path) -> dict[str, str]:
    """No sound server at ``runtime`` (yet): PortAudio finds no microphone."""
    runtime.mkdir(mode=0o700, parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        PULSE_SERVER=f"unix:{runtime / 'pulse' / 'native'}",
    )
    return env


def settings_file(home: Path) -> Path:
    config = home / "config.toml"
    config.write_text("[recognition]\nmicrophone_retry_s = 2\n", encoding="utf-8")
    return config


class Lines:
    """What a process prints, line by line, as it prints it."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.seen: list[str] = []
        self._lines: queue.Queue[str] = queue.Queue()
        assert process.stdout is not None
        stdout = process.stdout
        threading.Thread(target=self._read, args=(stdout,), daemon=True).start()

    def _read(self, stdout: IO[str]) -> None:
        for line in stdout:
            self._lines.put(line.rstrip("\n"))

    def wait_for(self, start: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(line.startswith(start) for line in self.seen):
            try:
                self.seen.append(self._lines.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                raise AssertionError(f"never said {start!r}; said: {self.seen}") from None


def test_the_service_waits_for_the_microphone_and_starts_when_it_works(
    isolated_home: Path, tmp_path: Path
) -> None:
    if shutil.which("pulseaudio") is None:
        pytest.skip("PulseAudio is not installed (scripts/setup --dev installs it)")
    sound = PulseAudioServer(tmp_path / "sound")
    env = without_sound_server(isolated_home, sound.runtime)
    service = subprocess.Popen(
        [*VOICEPEER, "--config", str(settings_file(isolated_home)), "run", "--output", "text"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    said = Lines(service)
    try:
        said.wait_for("SAY: I can't find a microphone. Please ask your helper", timeout=120)
        time.sleep(5)  # more than one look for it: still waiting, not ended
        assert service.poll() is None
        sound.start()  # the microphone is plugged in
        said.wait_for("SAY: The microphone works now. I am starting again.", timeout=120)
        said.wait_for("SAY: Hello. This is voicepeer", timeout=180)
        assert service.poll() is None
    finally:
        service.terminate()
        _, errors = service.communicate(timeout=60)
        sound.stop()
    assert not any("type" in line for line in said.seen), said.seen
    assert "looks for the microphone every 2 seconds" in " ".join(errors.split())


def test_at_a_terminal_typing_stands_in(isolated_home: Path, tmp_path: Path) -> None:
    env = without_sound_server(isolated_home, tmp_path / "run")
    terminal = Terminal(
        [*VOICEPEER, "--config", str(settings_file(isolated_home)), "run", "--output", "text"],
        env,
    )
    try:
        terminal.expect("SAY: I can't find a microphone, so please type", timeout=120)
        terminal.expect("SAY: Hello. This is voicepeer", timeout=120)
        terminal.send("goodbye")
        assert terminal.process.wait(timeout=120) == 0
    finally:
        if terminal.process.poll() is None:
            terminal.process.kill()
