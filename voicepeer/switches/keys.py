"""Key names shared by the terminal and evdev switches, and their codes on each."""

from __future__ import annotations

import string

# What terminals send for the function keys (xterm, VTE, the Linux console, rxvt).
TERMINAL_SEQUENCES: dict[bytes, str] = {
    b"\x1bOP": "f1",
    b"\x1bOQ": "f2",
    b"\x1bOR": "f3",
    b"\x1bOS": "f4",
    b"\x1b[11~": "f1",
    b"\x1b[12~": "f2",
    b"\x1b[13~": "f3",
    b"\x1b[14~": "f4",
    b"\x1b[[A": "f1",
    b"\x1b[[B": "f2",
    b"\x1b[[C": "f3",
    b"\x1b[[D": "f4",
    b"\x1b[[E": "f5",
    b"\x1b[15~": "f5",
    b"\x1b[17~": "f6",
    b"\x1b[18~": "f7",
    b"\x1b[19~": "f8",
    b"\x1b[20~": "f9",
    b"\x1b[21~": "f10",
    b"\x1b[23~": "f11",
    b"\x1b[24~": "f12",
    b"\x1b[A": "up",
    b"\x1b[B": "down",
    b"\x1b[C": "right",
    b"\x1b[D": "left",
}
TERMINAL_SINGLE: dict[int, str] = {
    0x20: "space",
    0x0D: "enter",
    0x0A: "enter",
    0x1B: "escape",
    0x09: "tab",
    0x7F: "backspace",
    0x08: "backspace",
}

# Linux input event codes (linux/input-event-codes.h).
EVDEV_CODES: dict[int, str] = {
    1: "escape",
    14: "backspace",
    15: "tab",
    28: "enter",
    57: "space",
    96: "enter",
    103: "up",
    105: "left",
    106: "right",
    108: "down",
    **{59 + i: f"f{i + 1}" for i in range(10)},
    87: "f11",
    88: "f12",
    **{2 + i: str((i + 1) % 10) for i in range(10)},
    **{code: letter for letter, code in zip("qwertyuiop", range(16, 26), strict=True)},
    **{code: letter for letter, code in zip("asdfghjkl", range(30, 39), strict=True)},
    **{code: letter for letter, code in zip("zxcvbnm", range(44, 51), strict=True)},
    **{0x100 + i: f"btn_{i}" for i in range(10)},
    0x110: "btn_left",
    0x111: "btn_right",
    0x112: "btn_middle",
    0x120: "btn_trigger",
    0x121: "btn_thumb",
    0x130: "btn_south",
    0x131: "btn_east",
}
_ALIASES = {
    "return": "enter",
    "esc": "escape",
    " ": "space",
    "spacebar": "space",
    "space bar": "space",
    "btn_a": "btn_south",
    "btn_b": "btn_east",
    "kpenter": "enter",
}


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


def known_key(name: str, source: str) -> bool:
    """Whether a switch read from ``source`` ("terminal" or "evdev") can ever report the key
    ``name`` (as :func:`normalize_key` gives it): a name nothing sends would leave the person
    unable to talk."""
    key = normalize_key(name)
    if source == "evdev":
        return key in EVDEV_CODES.values() or key.removeprefix("code:").isdigit()
    typed = set(TERMINAL_SEQUENCES.values()) | set(TERMINAL_SINGLE.values())
    return key in typed or (len(key) == 1 and key in _TYPED_CHARACTERS)


_TYPED_CHARACTERS = string.ascii_lowercase + string.digits + string.punctuation
KEY_NAMES_HELP = (
    "a letter or digit, space, enter, tab, escape, backspace, up, down, left, right, or f1 to f12"
)
"""The key names a carer may give, as said to them."""


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


ESC = 0x1B
_LONGEST_SEQUENCE = max(len(sequence) for sequence in TERMINAL_SEQUENCES)
_BY_LENGTH = sorted(TERMINAL_SEQUENCES, key=len, reverse=True)


def parse_terminal_keys(data: bytes) -> list[str]:
    """Key names in what a terminal sent: function-key codes, UTF-8 characters, bytes."""
    keys: list[str] = []
    index = 0
    while index < len(data):
        byte = data[index]
        if byte == ESC:
            match = next((seq for seq in _BY_LENGTH if data.startswith(seq, index)), None)
            if match is not None:
                keys.append(TERMINAL_SEQUENCES[match])
                index += len(match)
                continue
            if data.startswith(b"\x1b[", index) or data.startswith(b"\x1bO", index):
                keys.append("unknown")
                index = _sequence_end(data, index)
                continue
        if byte >= 0x80:
            length = _utf8_length(byte)
            try:
                keys.append(data[index : index + length].decode("utf-8").lower())
                index += length
                continue
            except UnicodeDecodeError:
                pass  # not UTF-8: report the byte itself
        keys.append(terminal_key_name(byte))
        index += 1
    return keys


def incomplete_terminal_input(data: bytes) -> bool:
    """Whether ``data`` ends part-way through a function-key code or a UTF-8 character."""
    start = data.rfind(bytes([ESC]))
    if start >= 0:
        tail = data[start:]
        if len(tail) < _LONGEST_SEQUENCE and any(
            sequence.startswith(tail) and sequence != tail for sequence in _BY_LENGTH
        ):
            return True
    for back in range(1, min(4, len(data)) + 1):  # walk back over continuation bytes
        byte = data[-back]
        if byte < 0x80:
            return False
        if byte >= 0xC0:
            return _utf8_length(byte) > back
    return False


def _utf8_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 1


def _sequence_end(data: bytes, start: int) -> int:
    """End of an unrecognized escape sequence: the first letter or "~" after ESC [ / ESC O."""
    for index in range(start + 2, len(data)):
        if chr(data[index]).isalpha() or data[index] == ord("~"):
            return index + 1
    return len(data)
