"""Finding the input device of a switch, for a carer choosing ``evdev_device``.

The kernel lists input devices in /proc/bus/input/devices: a block per device with its
name (``N:``) and handlers (``H:``, e.g. ``kbd event3``). Stable paths that survive
re-plugging live in /dev/input/by-id as links to the eventN nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PROC_DEVICES = Path("/proc/bus/input/devices")
BY_ID = Path("/dev/input/by-id")


@dataclass(frozen=True)
class InputDevice:
    name: str
    """The name the device gives itself, e.g. "AbleNet Switch Interface"."""
    event_path: Path
    """/dev/input/eventN."""
    stable_path: Path | None
    """A /dev/input/by-id link to it (better for the settings), when there is one."""
    has_keys: bool
    """Whether it reports keys or buttons (the "kbd" or "js" handler, or EV_KEY)."""

    @property
    def best_path(self) -> Path:
        return self.stable_path or self.event_path


def list_input_devices(proc_file: Path = PROC_DEVICES, by_id: Path = BY_ID) -> list[InputDevice]:
    """Input devices that report keys or buttons; empty when the kernel lists none."""
    try:
        text = proc_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    links: dict[str, Path] = {}
    if by_id.is_dir():
        for link in sorted(by_id.iterdir()):
            links.setdefault(link.resolve().name, link)
    devices = []
    for block in re.split(r"\n\s*\n", text):
        name = re.search(r'^N: Name="(.*)"\s*$', block, re.MULTILINE)
        handlers = re.search(r"^H: Handlers=(.*)$", block, re.MULTILINE)
        events = re.search(r"^B: EV=([0-9a-fA-F]+)", block, re.MULTILINE)
        if name is None or handlers is None:
            continue
        words = handlers.group(1).split()
        event = next((word for word in words if re.fullmatch(r"event\d+", word)), None)
        if event is None:
            continue
        ev_bits = int(events.group(1), 16) if events else 0
        has_keys = (
            bool(ev_bits & (1 << 1))
            or "kbd" in words
            or any(word.startswith("js") for word in words)
        )
        if has_keys:
            devices.append(
                InputDevice(name.group(1), Path("/dev/input") / event, links.get(event), has_keys)
            )
    return devices
