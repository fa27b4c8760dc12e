"""One voice loop per person at a time, and a way to see that one is running.

The voice loop holds an exclusive lock on a file in the state folder while it runs, and
writes its process id and command line into that file. A second voice loop (the service
plus a ``voicepeer run`` started by hand) is refused with the first one named: two loops
would hear the same microphone and could post the same reply twice. Voice training only
asks whether a loop is running, with a shared lock that never blocks a loop. The operating
system drops the lock when the process ends, however it ends, so a crash never leaves a
stale "running".
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from voicepeer import paths
from voicepeer.errors import VoicepeerError

LOCK_NAME = "voice-loop.lock"
SERVICE_UNIT = "voicepeer.service"


@dataclass(frozen=True)
class RunningLoop:
    """What the running voice loop wrote about itself."""

    pid: int | None
    command: str
    service: bool
    """Started by systemd (the voicepeer service), so stopping it goes through systemctl."""

    def how_to_stop(self) -> str:
        if self.service:
            return f"stop it with 'systemctl --user stop {SERVICE_UNIT}'"
        if self.pid:
            return f"close that window (Ctrl+C there) or run 'kill {self.pid}'"
        return "close the other voicepeer window (Ctrl+C there)"


class AlreadyRunningError(VoicepeerError):
    """Another voice loop is running for this person."""

    def __init__(self, holder: RunningLoop) -> None:
        who = f"process {holder.pid}" if holder.pid else "another process"
        what = f" ({holder.command})" if holder.command else ""
        by = ", started by the voicepeer service" if holder.service else ""
        super().__init__(
            f"voicepeer is already running as {who}{what}{by}: {holder.how_to_stop()}, "
            "then start this one again",
            spoken="I am already running somewhere else on this computer. Please stop that "
            "one first.",
        )
        self.holder = holder


def _lock_path() -> Path:
    folder = paths.state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / LOCK_NAME


def _describe_self() -> str:
    command = " ".join(["voicepeer", *sys.argv[1:]]) if sys.argv else "voicepeer"
    # systemd sets INVOCATION_ID for the processes of a unit it started.
    service = "1" if os.environ.get("INVOCATION_ID") else "0"
    return f"{os.getpid()}\n{service}\n{command[:300]}\n"


def _read_holder(fd: int) -> RunningLoop:
    os.lseek(fd, 0, os.SEEK_SET)
    lines = os.read(fd, 4096).decode("utf-8", "replace").splitlines()
    pid = int(lines[0]) if lines and lines[0].isdigit() else None
    service = len(lines) > 1 and lines[1] == "1"
    command = lines[2] if len(lines) > 2 else ""
    return RunningLoop(pid, command, service)


@contextmanager
def voice_loop_running() -> Iterator[None]:
    """Marks the voice loop as running for the duration; raises AlreadyRunningError when
    another one already is."""
    fd = os.open(_lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunningError(_read_holder(fd)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, _describe_self().encode("utf-8"), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def running_loop() -> RunningLoop | None:
    """The voice loop running for this person, if any (never waits, never disturbs it)."""
    fd = os.open(_lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_holder(fd)
        return None
    finally:
        os.close(fd)


def voice_loop_is_running() -> bool:
    return running_loop() is not None
