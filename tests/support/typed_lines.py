"""Lines typed into the voice loop while it runs, each when what voicepeer said so far
meets a condition: as a person at a terminal types, maybe before voicepeer is done."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence

from voicepeer.voice.text_input import TextListener

Step = tuple[Callable[[list[str]], bool], Callable[[], object], str]
"""When to type (given what was said so far), what to do just before, and the line."""


def typed_when(steps: Sequence[Step]) -> Callable[[Callable[[], list[str]]], TextListener]:
    """Typed lines, through a pipe as from a terminal, each typed once what was said so
    far meets its condition (waited for at most 30 seconds), after running its action.
    For ``converse(listener=...)``."""

    def make(said: Callable[[], list[str]]) -> TextListener:
        read_end, write_end = os.pipe()
        typed = os.fdopen(write_end, "w")

        def type_them() -> None:
            with typed:
                for ready, act, line in steps:
                    waited = time.monotonic() + 30
                    while not ready(said()) and time.monotonic() < waited:
                        time.sleep(0.05)
                    act()
                    typed.write(line + "\n")
                    typed.flush()

        threading.Thread(target=type_them, daemon=True).start()
        return TextListener(os.fdopen(read_end))

    return make


def at_once(lines: list[str]) -> bool:
    """Ready at once, whatever was said (even nothing yet)."""
    return True


def said(words: str) -> Callable[[list[str]], bool]:
    """Ready once a line containing ``words`` was said ("": at once)."""
    return lambda lines: any(words in line for line in lines)
