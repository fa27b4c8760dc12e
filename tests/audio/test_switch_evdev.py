"""The evdev switch, reading packed input_event structs from a FIFO standing in for
/dev/input/eventN, and push-to-talk driven by it."""

from __future__ import annotations

import contextlib
import os
import queue
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from voicepeer.errors import AudioDeviceError, VoicepeerError
from voicepeer.switches import EvdevSwitch, PushToTalk, SwitchSettings
from voicepeer.switches.evdev_input import INPUT_EVENT, pack_event

KEY_SPACE, KEY_ENTER, KEY_F5, BTN_SOUTH, BTN_0 = 57, 28, 63, 0x130, 0x100
EV_SYN, EV_ABS = 0x00, 0x03
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def device(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    """A FIFO as the device node, and a descriptor that writes into it."""
    node = tmp_path / "event7"
    os.mkfifo(node)
    writer = os.open(node, os.O_RDWR)  # O_RDWR: opening does not wait for a reader
    try:
        yield node, writer
    finally:
        with contextlib.suppress(OSError):
            os.close(writer)


def read_all(switch: EvdevSwitch, count: int) -> list[tuple[str, bool]]:
    found: list[tuple[str, bool]] = []
    for _ in range(20):
        found += [(event.key, event.pressed) for event in switch.read_events(0.1)]
        if len(found) >= count:
            break
    return found


def test_event_struct_is_the_kernel_size() -> None:
    assert INPUT_EVENT.size == (24 if sys.maxsize > 2**32 else 16)


def test_presses_and_releases_are_decoded(device: tuple[Path, int]) -> None:
    node, writer = device
    stream = b"".join(
        [
            pack_event(KEY_SPACE, 1),
            pack_event(0, 0, kind=EV_SYN),
            pack_event(KEY_SPACE, 2),
            pack_event(KEY_SPACE, 2),  # auto-repeat: not new presses
            pack_event(KEY_SPACE, 0),
            pack_event(0, 0, kind=EV_SYN),
            pack_event(0, 512, kind=EV_ABS),  # a joystick axis moving
            pack_event(BTN_SOUTH, 1),
            pack_event(BTN_0, 1),
            pack_event(KEY_F5, 1),
            pack_event(999, 1),
        ]
    )
    with EvdevSwitch(node) as switch:
        assert switch.supports_release
        os.write(writer, stream[:37])  # an event split across two reads
        os.write(writer, stream[37:])
        assert read_all(switch, 6) == [
            ("space", True),
            ("space", False),
            ("btn_south", True),
            ("btn_0", True),
            ("f5", True),
            ("code:999", True),
        ]


def test_hold_to_talk_through_the_device(device: tuple[Path, int]) -> None:
    node, writer = device
    changes: queue.Queue[str] = queue.Queue()
    control = PushToTalk(
        EvdevSwitch(node),
        SwitchSettings(mode="hold", source="evdev"),
        on_listen_start=lambda: changes.put("listen"),
        on_listen_stop=lambda: changes.put("stop"),
    )
    assert control.hold_mode
    control.start()
    try:
        os.write(writer, pack_event(KEY_SPACE, 1))
        assert changes.get(timeout=2) == "listen" and control.listening.is_set()
        os.write(writer, pack_event(KEY_SPACE, 2) + pack_event(KEY_SPACE, 0))
        assert changes.get(timeout=2) == "stop" and not control.listening.is_set()
    finally:
        control.close()


def test_unplugged_device_stops_listening_and_reports(device: tuple[Path, int]) -> None:
    node, writer = device
    errors: queue.Queue[VoicepeerError] = queue.Queue()
    control = PushToTalk(
        EvdevSwitch(node), SwitchSettings(mode="tap", source="evdev"), on_error=errors.put
    )
    control.start()
    try:
        os.write(writer, pack_event(KEY_SPACE, 1))
        assert control.wait_for_listening(2)
        os.close(writer)  # the last writer gone: the device vanished
        error = errors.get(timeout=3)
        assert isinstance(error, AudioDeviceError) and "went away" in str(error)
        assert "plugged in" in error.spoken
        assert control.failed is error and not control.listening.is_set()
    finally:
        control.close()


def test_missing_device_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AudioDeviceError, match="does not exist") as failed:
        EvdevSwitch(tmp_path / "event99")
    assert "by-id" in str(failed.value)
    assert "plugged in" in failed.value.spoken


def test_unset_device_is_a_clear_error() -> None:
    with pytest.raises(AudioDeviceError, match="evdev_device"):
        EvdevSwitch("")


def test_unreadable_device_suggests_the_input_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    node = tmp_path / "event3"
    node.write_bytes(b"")
    node.chmod(0o000)
    if os.geteuid() == 0:
        # Root reads any file, so here the refusal an ordinary user gets is simulated.
        def refuse(path: object, flags: int) -> int:
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr("voicepeer.switches.evdev_input.os.open", refuse)
    with pytest.raises(AudioDeviceError, match="add the user to the input group") as failed:
        EvdevSwitch(node)
    assert "usermod -aG input" in str(failed.value)
    assert "input group" in failed.value.spoken
