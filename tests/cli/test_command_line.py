"""The command line's own manners: a mistyped command gets a suggestion, and output cut
short by the reader (``| head -1``) is no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

VOICEPEER = [sys.executable, "-m", "voicepeer"]


def test_a_mistyped_command_gets_a_did_you_mean() -> None:
    done = subprocess.run([*VOICEPEER, "doctr"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Did you mean: voicepeer doctor" in done.stderr
    nested = subprocess.run(
        [*VOICEPEER, "models", "lst"], capture_output=True, text=True, timeout=60
    )
    assert "Did you mean: voicepeer models list" in nested.stderr
    unlike = subprocess.run([*VOICEPEER, "xyzzy"], capture_output=True, text=True, timeout=60)
    assert unlike.returncode == 2 and "Did you mean" not in unlike.stderr


def test_output_to_a_closed_pipe_is_no_traceback() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like "head -1" having exited already
    try:
        done = subprocess.run(
            [*VOICEPEER, "models", "list"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
    assert done.returncode == 141
