"""Without a microphone and without a terminal (the service): nobody can type instead, so
voicepeer waits for the microphone and starts again by itself once it works.

Ending instead would leave the person without speech until somebody restarts it: the
service restarts voicepeer only after a failure, and gives up after a few in a row.

PortAudio lists the sound devices once, when it starts: a microphone plugged in later is
seen only by a new process. So each look for it is a short process of its own, and once
it finds the microphone, voicepeer replaces itself with a fresh start (same process, same
arguments: the service sees no stop).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import NoReturn

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 60.0
"""Longest a look for the microphone may take (PortAudio can be slow to list devices)."""

WAITING_SPOKEN = (
    "I can't find a microphone. Please ask your helper to check it is plugged in and "
    "switched on. I will start listening by myself as soon as it works."
)
LOST_SPOKEN = (
    "The microphone stopped working. Please ask your helper to check it. I will start "
    "listening again by myself as soon as it works."
)
BACK_SPOKEN = "The microphone works now. I am starting again."

_PROBE = (
    "import sys\n"
    "from voicepeer.audio.input import SounddeviceInput\n"
    "name = sys.argv[1]\n"
    "device = int(name) if name.isdigit() else (name or None)\n"
    "SounddeviceInput(device=device).close()\n"
)


class StartAgain(Exception):
    """The microphone works again: end this run cleanly, then start afresh."""


def someone_can_type() -> bool:
    """Typed lines can stand in for the microphone only when a person is at a terminal;
    the service's input is /dev/null, where typing would end voicepeer at once."""
    return sys.stdin is not None and sys.stdin.isatty()


def microphone_opens(device: str) -> bool:
    """Whether the microphone ``device`` (as in the settings; "" is the default) can be
    opened by a fresh process, which sees devices plugged in since voicepeer started."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, device],
            capture_output=True,
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        log.info("looking for the microphone failed: %s", type(error).__name__)
        return False
    return done.returncode == 0


def wait_for_microphone(
    device: str, retry_s: float, *, sleep: Callable[[float], None] = time.sleep
) -> None:
    """Return once the microphone can be opened, looking every ``retry_s`` seconds."""
    log.warning("no microphone: waiting for it, looking every %g seconds", retry_s)
    while True:
        sleep(retry_s)
        if microphone_opens(device):
            log.warning("the microphone works again: starting again")
            return


def start_again() -> NoReturn:
    """Replace this process with voicepeer started afresh with the same arguments."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os.execv(sys.executable, sys.orig_argv)
