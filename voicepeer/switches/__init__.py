"""Push-to-talk and single-switch input: a key, switch interface or joystick button decides
when voicepeer listens, and any press stops it speaking."""

from __future__ import annotations

from voicepeer.errors import ConfigError
from voicepeer.switches.base import KeyEvent, Switch, ThreadedSwitch
from voicepeer.switches.control import PushToTalk
from voicepeer.switches.devices import InputDevice, list_input_devices
from voicepeer.switches.evdev_input import EvdevSwitch
from voicepeer.switches.keys import normalize_key
from voicepeer.switches.settings import SwitchSettings
from voicepeer.switches.terminal import TerminalKeySwitch


def open_switch(settings: SwitchSettings) -> Switch | None:
    """The switch the settings describe; ``None`` when push-to-talk is off."""
    if settings.mode == "off":
        return None
    if settings.source == "terminal":
        return TerminalKeySwitch(escape_timeout_s=settings.escape_timeout_s)
    if settings.source == "evdev":
        return EvdevSwitch(settings.evdev_device, grab=settings.evdev_grab)
    raise ConfigError(f'[switches] source must be "terminal" or "evdev", not "{settings.source}"')


__all__ = [
    "EvdevSwitch",
    "InputDevice",
    "KeyEvent",
    "PushToTalk",
    "Switch",
    "SwitchSettings",
    "TerminalKeySwitch",
    "ThreadedSwitch",
    "list_input_devices",
    "normalize_key",
    "open_switch",
]
