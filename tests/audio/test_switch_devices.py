"""Finding switch devices from the kernel's device list, and taking a device for voicepeer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from voicepeer.switches import EvdevSwitch, list_input_devices
from voicepeer.switches.evdev_input import pack_event

# The format of /proc/bus/input/devices, as a Raspberry Pi with a USB switch shows it.
PROC_TEXT = """\
I: Bus=0019 Vendor=0000 Product=0001 Version=0000
N: Name="Power Button"
P: Phys=LNXPWRBN/button/input0
S: Sysfs=/devices/LNXSYSTM:00/LNXPWRBN:00/input/input0
U: Uniq=
H: Handlers=kbd event0
B: PROP=0
B: EV=3
B: KEY=10000000000000 0

I: Bus=0003 Vendor=2341 Product=8036 Version=0111
N: Name="AbleNet Hitch 2 Switch Interface"
P: Phys=usb-0000:01:00.0-1.3/input0
S: Sysfs=/devices/platform/scb/fd500000.pcie/usb1/1-1/1-1.3/input/input5
U: Uniq=
H: Handlers=sysrq kbd leds event5
B: PROP=0
B: EV=120013
B: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe

I: Bus=0003 Vendor=046d Product=c52b Version=0111
N: Name="Logitech USB Receiver Mouse"
H: Handlers=mouse0 event6
B: PROP=0
B: EV=17
B: REL=1943

I: Bus=0003 Vendor=0079 Product=0006 Version=0110
N: Name="DragonRise Inc.   Generic   USB  Joystick  "
H: Handlers=event7 js0
B: PROP=0
B: EV=1b

I: Bus=0000 Vendor=0000 Product=0000 Version=0000
N: Name="vc4-hdmi"
H: Handlers=event2
B: PROP=0
B: EV=100001
"""


def test_keyboards_switches_and_joysticks_are_listed(tmp_path: Path) -> None:
    proc = tmp_path / "devices"
    proc.write_text(PROC_TEXT, encoding="utf-8")
    by_id = tmp_path / "by-id"
    by_id.mkdir()
    (by_id / "usb-AbleNet_Hitch_2-event-kbd").symlink_to("/dev/input/event5")
    devices = list_input_devices(proc, by_id)
    names = [device.name for device in devices]
    # The mouse reports buttons too (EV_KEY bit), so a mouse button can be the switch.
    assert names == [
        "Power Button",
        "AbleNet Hitch 2 Switch Interface",
        "Logitech USB Receiver Mouse",
        "DragonRise Inc.   Generic   USB  Joystick  ",
    ]
    switch = devices[1]
    assert switch.event_path == Path("/dev/input/event5")
    assert switch.best_path == by_id / "usb-AbleNet_Hitch_2-event-kbd"
    assert devices[3].best_path == Path("/dev/input/event7")


def test_no_device_list_means_no_devices(tmp_path: Path) -> None:
    assert list_input_devices(tmp_path / "missing", tmp_path / "by-id") == []


def test_grab_that_fails_still_leaves_a_working_switch(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    node = tmp_path / "event5"
    os.mkfifo(node)
    writer = os.open(node, os.O_RDWR)
    try:
        with EvdevSwitch(node, grab=True) as switch:  # a FIFO cannot be grabbed
            assert "presses also reach other programs" in caplog.text
            os.write(writer, pack_event(57, 1))
            assert [(e.key, e.pressed) for e in switch.read_events(1.0)] == [("space", True)]
    finally:
        os.close(writer)
