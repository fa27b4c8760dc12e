"""``voicepeer run`` as its own process against a forum, as a person starts it."""

from __future__ import annotations

import subprocess
import sys


def run_voicepeer(
    forum_url: str,
    typed: str = "",
    *,
    source: str = "text",
    output: str = "text",
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run voicepeer until its input ends: ``typed`` lines on stdin, or ``source`` such as
    ``wav:PATH``; ``output`` "text" prints what it says, ``wav:PATH`` records it."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "voicepeer",
            "run",
            "--forum",
            forum_url,
            "--input",
            source,
            "--output",
            output,
        ],
        input=typed,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
