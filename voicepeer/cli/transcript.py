"""``voicepeer transcript``: follow, live, what voicepeer hears, says and does — for a helper
sitting beside the person, in a second terminal window."""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from voicepeer import paths
from voicepeer.logs import TRANSCRIPT_FILE_NAME
from voicepeer.running import running_loop

POLL_S = 0.3
"""How often the file is looked at for new lines, in seconds."""
SHOWN_AT_START = 20
"""Lines of earlier transcript shown before following."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "transcript",
        help="follow what voicepeer hears, says and does (for a helper)",
        description="Show the live transcript of a voicepeer session started with "
        "'voicepeer run --transcript' (or [general] transcript = true): what it heard, what "
        "it said and what it did. Ctrl+C stops following.",
    )
    parser.add_argument(
        "--no-follow", action="store_true", help="print the transcript so far and stop"
    )
    parser.set_defaults(handler=run)


def transcript_path() -> Path:
    return paths.state_dir() / TRANSCRIPT_FILE_NAME


def run(args: argparse.Namespace) -> int:
    path = transcript_path()
    if not path.exists() and args.no_follow:
        print(f"No transcript yet ({path}). Start voicepeer with 'voicepeer run --transcript'.")
        return 1
    if not path.exists():
        print(f"No transcript yet ({path}).", flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        follow(path, follow_on=not args.no_follow, caught_up=_say_waiting)
    return 0


def _say_waiting() -> None:
    """Once the transcript so far is shown: what comes next, and how to stop (it waits
    for new lines until stopped, which looked like a program stuck)."""
    started = "started with 'voicepeer run --transcript' or with [general] transcript = true"
    if running_loop() is None:
        waiting = f"No voicepeer session is running: waiting for one {started}."
    else:
        waiting = (
            f"voicepeer is running: what it hears, says and does shows here if it was {started}."
        )
    print(f"({waiting} Press Ctrl+C to stop.)", flush=True)


def follow(
    path: Path, *, follow_on: bool = True, caught_up: Callable[[], None] | None = None
) -> None:
    """Print ``path`` (following on, its last lines only), then (``follow_on``) each new
    line as it comes, starting again from the top when the file is replaced or emptied.
    ``caught_up()`` runs once, following on, when what was there at first is printed."""
    position = 0
    first = True
    while True:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            size = -1
        if 0 <= size < position:
            position = 0  # a new, shorter file
        if size > position:
            with path.open("r", encoding="utf-8", errors="replace") as stream:
                stream.seek(position)
                text = stream.read()
                # Only whole lines: the rest is printed once the writer finishes it.
                whole = text[: text.rfind("\n") + 1]
                position += len(whole.encode("utf-8"))
            lines = whole.splitlines()
            if first and follow_on and len(lines) > SHOWN_AT_START:
                # Following, the latest matter; printed once, it is all of it.
                earlier = len(lines) - SHOWN_AT_START
                lines = [
                    f"({earlier} earlier lines: 'voicepeer transcript --no-follow' prints them)",
                    *deque(lines, maxlen=SHOWN_AT_START),
                ]
            sys.stdout.write("".join(line + "\n" for line in lines))
            sys.stdout.flush()
        if not follow_on:
            return
        if first and caught_up is not None:
            caught_up()
        first = False
        time.sleep(POLL_S)
