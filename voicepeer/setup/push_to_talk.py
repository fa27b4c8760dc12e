"""Push-to-talk settings that cannot work, said before voicepeer runs with them, and the
key tried once during set-up."""

from __future__ import annotations

import queue
from collections.abc import Callable

from voicepeer.switches.keys import KEY_NAMES_HELP, known_key, normalize_key
from voicepeer.switches.settings import SwitchSettings

EVDEV_ONLY_PREFIXES = ("btn_", "code:")
"""Keys only a device read directly (evdev) reports: switch buttons, raw codes."""
KEY_TEST_S = 20.0
"""Seconds the set-up waits for the key to be pressed once."""


def push_to_talk_problem(switches: SwitchSettings) -> str | None:
    """What is impossible about these settings, with the fix; ``None`` when they can work."""
    if switches.mode == "off":
        return None
    key = normalize_key(switches.key)
    if switches.source == "terminal" and switches.mode == "hold":
        return (
            'push-to-talk "hold" needs to know when the key is let go, which a terminal '
            'never says. Use "tap" (press once to talk, again to stop: '
            "voicepeer configure --push-to-talk-mode tap), or read the switch directly: "
            'set [switches] source = "evdev" and evdev_device to the switch\'s '
            "/dev/input device"
        )
    if switches.source == "terminal" and key.startswith(EVDEV_ONLY_PREFIXES):
        return (
            f'the key "{switches.key}" is a switch button a terminal cannot see. Choose '
            'a keyboard key such as space or f2, or set [switches] source = "evdev" and '
            "evdev_device to the switch's /dev/input device"
        )
    if not known_key(switches.key, switches.source):
        more = (
            " (or btn_… for a switch's button, or code:NUMBER)"
            if switches.source == "evdev"
            else ""
        )
        return (
            f'"{switches.key}" is not the name of a key, so no press could ever be heard and '
            f"the person could not talk. Use {KEY_NAMES_HELP}{more}"
        )
    if switches.source == "evdev" and not switches.evdev_device.strip():
        return (
            '[switches] source is "evdev" but evdev_device is empty. Set it to the '
            "switch's device (ls /dev/input/by-id/ lists them), or use "
            'source = "terminal"'
        )
    return None


def wait_for_key(
    switches: SwitchSettings,
    ready: Callable[[], object] = lambda: None,
    timeout_s: float = KEY_TEST_S,
) -> str | None:
    """The first key pressed on the configured switch within ``timeout_s``, or ``None``.
    ``ready`` is called once the switch is listening (to ask for the press then, so a quick
    press is not missed)."""
    from voicepeer.switches import open_switch

    switch = open_switch(switches)
    if switch is None:
        return None
    pressed: queue.Queue[str] = queue.Queue()
    try:
        switch.start(pressed.put)
        ready()
        return normalize_key(pressed.get(timeout=timeout_s))
    except queue.Empty:
        return None
    finally:
        switch.close()
