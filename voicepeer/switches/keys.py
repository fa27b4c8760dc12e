"""Key names shared by the terminal and evdev switches, and their codes on each."""

from __future__ import annotations

import string

# What terminals send for the function keys (xterm, VTE, the Linux console, rxvt).
TERMINAL_SEQUENCES: dict[bytes, str] = {
    b"\x1bOP": "f1", b"\x1bOQ": "f2", b"\x1bOR": "f3", b"\x1bOS": "f4",
    b"\x1b[11~": "f1", b"\x1b[12~": "f2", b"\x1b[13~": "f3", b"\x1b[14~": "f4",
    b"\x1b[[A": "f1", b"\x1b[[B": "f2", b"\x1b[[C": "f3", b"\x1b[[D": "f4", b"\x1b[[E": "f5",
    b"\x1b[15~": "f5", b"\x1b[17~": "f6", b"\x1b[18~": "f7", b"\x1b[19~": "f8",
    b"\x1b[20~": "f9", b"\x1b[21~": "f10", b"\x1b[23~": "f11", b"\x1b[24~": "f12",
    b"\x1b[A": "up", b"\x1b[B": "down", b"\x1b[C": "right", b"\x1b[D": "left",
}
TERMINAL_SINGLE: dict[int, str] = {
    0x20: "space", 0x0D: "enter", 0x0A: "enter", 0x1B: "escape", 0x09: "tab",
    0x7F: "backspace", 0x08: "backspace",
}

# Linux input event codes (linux/input-event-codes.h).
EVDEV_CODES: dict[int, str] = {
    1: "escape", 14: "backspace", 15: "tab", 28: "enter", 57: "space", 96: "enter",
    103: "up", 105: "left", 106: "right", 108: "down",
    **{59 + i: f"f{i + 1}" for i in range(10)}, 87: "f11", 88: "f12",
    **{2 + i: str((i + 1) % 10) for i in range(10)},
    **{code: letter for letter, code in zip(
        "qwertyuiop", range(16, 26), strict=True)},
    **{code: letter for letter, code in zip("asdfghjkl", range(30, 39), strict=True)},
    **{code: letter for letter, code in zip("zxcvbnm", range(44, 51), strict=True)},
    **{0x100 + i: f"btn_{i}" for i in range(10)},
    0x110: "btn_left", 0x111: "btn_right", 0x112: "btn_middle",
    0x120: "btn_trigger", 0x121: "btn_thumb", 0x130: "btn_south", 0x131: "btn_east",
}
_ALIASES = {"return": "enter", "esc": "escape", " ": "space", "spacebar": "space",
            "btn_a": "btn_south", "btn_b": "btn_east", "kpenter": "enter"}


def normalize_key(name: str) -> str:
    """A key name as the switches report it: "KEY_SPACE", "Space", " " → "space"."""
    if name == " ":
        return "space"
    key = name.strip().lower()
    key = key.removeprefix("key_")
    key = _ALIASES.get(key, key)
    if key.startswith("code:"):
        number = key.removeprefix("code:").strip()
        if number.isdigit() and int(number) in EVDEV_CODES:
            return EVDEV_CODES[int(number)]
        return f"code:{int(number)}" if number.isdigit() else key
    return key


def terminal_key_name(byte: int) -> str:
    """The name of a single byte typed on a terminal (letters lower-cased)."""
    if byte in TERMINAL_SINGLE:
        return TERMINAL_SINGLE[byte]
    char = chr(byte)
    if char in string.ascii_letters + string.digits + string.punctuation:
        return char.lower()
    return f"byte:{byte}"


def evdev_key_name(code: int) -> str:
    return EVDEV_CODES.get(code, f"code:{code}")
