"""The systemd user service that scripts/install-service sets up, seen from voicepeer."""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)

SERVICE_UNIT = "voicepeer.service"
"""Must match UNIT_NAME in scripts/install-service."""
SYSTEMCTL_TIMEOUT_S = 30.0


def _systemctl(*arguments: str) -> int:
    program = shutil.which("systemctl")
    if program is None:
        return 127
    try:
        return subprocess.run(
            [program, "--user", *arguments],
            capture_output=True,
            timeout=SYSTEMCTL_TIMEOUT_S,
            check=False,
        ).returncode
    except (OSError, subprocess.TimeoutExpired) as error:
        log.info("systemctl %s: %s", " ".join(arguments), error)
        return 1


@contextmanager
def service_paused(say: Callable[[str], None]) -> Iterator[None]:
    """Stop the running voicepeer service for the duration, then start it again.

    Voice training speaks command words into the same microphone: a running voicepeer
    would take them for commands, and would keep the model it loaded until restarted."""
    if _systemctl("is-active", "--quiet", SERVICE_UNIT) != 0:
        yield
        return
    say(
        "  voicepeer is running as a service: pausing it, so it does not take the sentences "
        "for commands."
    )
    _systemctl("stop", SERVICE_UNIT)
    try:
        yield
    finally:
        if _systemctl("start", SERVICE_UNIT) == 0:
            say("  The voicepeer service is running again.")
        else:
            say(
                "  The voicepeer service did not start again: run "
                f"'systemctl --user start {SERVICE_UNIT}'."
            )
