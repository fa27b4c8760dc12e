"""A time limit on PortAudio's shutdown when voicepeer ends.

sounddevice shuts PortAudio down at interpreter exit (its atexit handler), and PortAudio
waits there for every stream to stop. A stream whose sound server stopped serving it (an
underrun the ALSA plugin never recovered from, seen on a busy computer) held that wait for
over eight minutes, after everything was said and saved: a person saying goodbye, or the
service being restarted, would wait on a process that had nothing left to do. So once
sounddevice is imported, voicepeer gives the shutdown :data:`EXIT_GRACE_S` and then ends
the process itself, with the exit status it was ending with.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from types import ModuleType

EXIT_GRACE_S = 5.0
"""Seconds PortAudio's shutdown may take at exit before the process ends without it."""

exit_status: int | None = None
"""The status the process is ending with, kept by voicepeer's ``main`` (an uncaught
exception after it counts as 1). Until it is set the shutdown is not cut short: a program
that only uses voicepeer's audio (a test runner, a benchmark) ends with its own status."""

_limited = False


def import_sounddevice() -> ModuleType:
    """sounddevice, imported late (PortAudio reads the environment at import time), with
    the time limit on its shutdown in place; an OSError means PortAudio is missing. The
    limit is registered right after the import: atexit runs handlers last registered
    first, so it starts before sounddevice's own handler begins to wait."""
    global _limited
    import sounddevice

    if not _limited:
        _limited = True
        atexit.register(_start_exit_timer)
    return sounddevice


def _start_exit_timer() -> None:
    timer = threading.Timer(EXIT_GRACE_S, _end_now)
    timer.daemon = True
    timer.start()


def _end_now() -> None:
    if exit_status is None:
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed or gone: nothing to show
            stream.flush()
    uncaught = getattr(sys, "last_value", None) is not None
    os._exit(1 if uncaught and exit_status == 0 else exit_status)
