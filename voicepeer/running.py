"""Whether a voice loop is running for this person, so voice training can wait for it.

The voice loop holds a shared lock on a file in the state folder while it runs; a check
for a running loop asks for the same lock exclusively. The operating system drops the lock
when the process ends, however it ends, so a crash never leaves a stale "running".
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from voicepeer import paths

LOCK_NAME = "voice-loop.lock"


def _lock_path() -> Path:
    folder = paths.state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / LOCK_NAME


@contextmanager
def voice_loop_running() -> Iterator[None]:
    """Marks a voice loop as running for the duration."""
    fd = os.open(_lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def voice_loop_is_running() -> bool:
    fd = os.open(_lock_path(), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False
