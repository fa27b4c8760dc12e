"""Tunable settings of push-to-talk: using a key or an accessibility switch to listen."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SwitchSettings:
    """For people who prefer no open microphone: voicepeer listens only when asked to."""

    mode: str = field(default="off", metadata={"choices": ("off", "tap", "hold")})
    """off: always listening; tap: one press starts listening, the next stops;
    hold: listens while the switch is held down (needs source = "evdev")."""
    source: str = field(default="terminal", metadata={"choices": ("terminal", "evdev")})
    """Where presses come from: "terminal" (a key typed in voicepeer's window) or "evdev"
    (a keyboard, switch interface or joystick read directly from /dev/input)."""
    key: str = "space"
    """The switch key: space, enter, escape, tab, f1 to f12, a letter or digit; for evdev
    also btn_0 to btn_9, btn_left, btn_trigger, btn_south, or code:NUMBER."""
    evdev_device: str = ""
    """Input device for source "evdev", e.g. /dev/input/by-id/usb-…-event-kbd."""
    evdev_grab: bool = False
    """Take the evdev device for voicepeer alone, so its presses do not also type into other
    programs. Leave off when the switch is the computer's only keyboard."""
    yes_key: str = ""
    """A key or switch that answers yes when voicepeer asks before posting or liking (a
    clear yes for a person whose speech is hard to recognize); empty = none. Other
    questions and commands are still spoken. Must differ from the push-to-talk key."""
    any_key_stops_speech: bool = True
    """Any press while voicepeer is speaking stops the speech (otherwise only the switch key)."""
    debounce_s: float = field(default=0.7, metadata={"min": 0.0, "max": 3.0})
    """Presses of one key closer together than this many seconds count once: absorbs shaky
    double presses and the key repeat of a terminal when a key is held."""
    escape_timeout_s: float = field(default=0.05, metadata={"min": 0.01, "max": 1.0})
    """Seconds the terminal waits for the rest of a function key's code after Escape."""
