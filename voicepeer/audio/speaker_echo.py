"""Whether the default input is a speaker's echo rather than a microphone.

With no microphone plugged in, PulseAudio (and PipeWire's pulse server) makes a speaker's
monitor the default input, named "<speaker>.monitor": recording from it works, but hears
only what the computer itself plays, never the person.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from voicepeer.audio.echo_cancel import _pactl

MONITOR_SUFFIX = ".monitor"


@dataclass(frozen=True)
class SpeakerEcho:
    """The default input is a speaker's monitor."""

    source: str
    microphones: tuple[str, ...]
    """The inputs that are not a speaker's monitor (none: no microphone is connected)."""


def speaker_echo() -> SpeakerEcho | None:
    """The speaker's monitor the default input records from; None when it is a microphone,
    or when no sound server answers (then there is nothing to tell)."""
    source = os.environ.get("PULSE_SOURCE") or (_pactl("get-default-source") or "").strip()
    if not source.endswith(MONITOR_SUFFIX):
        return None
    listing = _pactl("list", "short", "sources") or ""
    # "pactl list short sources": index, name, driver, format, state.
    names = (row.split("\t")[1] for row in listing.splitlines() if "\t" in row)
    return SpeakerEcho(source, tuple(n for n in names if not n.endswith(MONITOR_SUFFIX)))
