"""A keyboard, switch interface or joystick button read straight from /dev/input.

Unlike a terminal, the kernel's input events say when a key is released, so hold-to-talk
works, and the switch need not type into voicepeer's window. Only the standard library is
used: each event is a ``struct input_event`` — a timeval, then type, code and value —
24 bytes on 64-bit systems (16 on 32-bit ones; the native ``l`` size covers both).
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import select
import struct
from pathlib import Path

from voicepeer.errors import AudioDeviceError
from voicepeer.switches.base import KeyEvent, ThreadedSwitch
from voicepeer.switches.keys import evdev_key_name

log = logging.getLogger(__name__)

INPUT_EVENT = struct.Struct("llHHi")
EV_KEY = 0x01
KEY_RELEASE, KEY_PRESS, KEY_REPEAT = 0, 1, 2

SPOKEN_MISSING = "I cannot find the switch. Please ask your helper to check that it is plugged in."
SPOKEN_DENIED = (
    "I am not allowed to read the switch. Please ask your helper to add my user to the input group."
)


EVIOCGRAB = 0x40044590
"""ioctl asking for a device's events for this program alone (_IOW('E', 0x90, int))."""


class EvdevSwitch(ThreadedSwitch):
    supports_release = True

    def __init__(self, device: str | Path, *, grab: bool = False) -> None:
        super().__init__()
        self.device = Path(device)
        self._buffer = b""
        self._fd: int | None = None
        if not str(device).strip():
            raise AudioDeviceError(
                "no switch device is set: set [switches] evdev_device, e.g. to a path listed "
                'by "ls -l /dev/input/by-id/"',
                spoken=SPOKEN_MISSING,
            )
        try:
            self._fd = os.open(self.device, os.O_RDONLY | os.O_NONBLOCK)
        except FileNotFoundError as error:
            raise AudioDeviceError(
                f"the switch device {self.device} does not exist; is the switch plugged in? "
                'Devices are listed by "ls -l /dev/input/by-id/"',
                spoken=SPOKEN_MISSING,
            ) from error
        except PermissionError as error:
            raise AudioDeviceError(
                f"no permission to read the switch device {self.device}; add the user to the "
                'input group ("sudo usermod -aG input $USER"), then log out and in again',
                spoken=SPOKEN_DENIED,
            ) from error
        except OSError as error:
            raise AudioDeviceError(
                f"cannot open the switch device {self.device}: {error}", spoken=SPOKEN_MISSING
            ) from error
        if grab:
            self._grab(self._fd)

    def _grab(self, fd: int) -> None:
        # So a switch that acts as a keyboard does not also type into other programs.
        try:
            fcntl.ioctl(fd, EVIOCGRAB, 1)
        except OSError as error:
            log.warning(
                "Could not take %s for voicepeer alone (%s); its presses also reach other programs",
                self.device,
                error,
            )

    def read_events(self, timeout_s: float) -> list[KeyEvent]:
        fd = self._fd
        if fd is None:
            return []
        readable, _, _ = select.select([fd], [], [], max(0.0, timeout_s))
        if not readable:
            return []
        try:
            data = os.read(fd, INPUT_EVENT.size * 64)
        except BlockingIOError:
            return []
        except OSError as error:
            if error.errno == errno.ENODEV:
                raise self._unplugged() from error
            raise AudioDeviceError(
                f"cannot read the switch device {self.device}: {error}", spoken=SPOKEN_MISSING
            ) from error
        if not data:
            raise self._unplugged()
        self._buffer += data
        whole = len(self._buffer) - len(self._buffer) % INPUT_EVENT.size
        chunk, self._buffer = self._buffer[:whole], self._buffer[whole:]
        events = []
        for _sec, _usec, kind, code, value in INPUT_EVENT.iter_unpack(chunk):
            # Auto-repeat (value 2) is not a new press; other event types are sync/axes.
            if kind == EV_KEY and value in (KEY_PRESS, KEY_RELEASE):
                events.append(KeyEvent(evdev_key_name(code), value == KEY_PRESS))
        return events

    def _unplugged(self) -> AudioDeviceError:
        return AudioDeviceError(
            f"the switch device {self.device} went away (unplugged?)", spoken=SPOKEN_MISSING
        )

    def _release_device(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


def pack_event(code: int, value: int, *, kind: int = EV_KEY, seconds: int = 0) -> bytes:
    """One ``input_event`` as the kernel writes it (for tests and diagnostics)."""
    return INPUT_EVENT.pack(seconds, 0, kind, code, value)
