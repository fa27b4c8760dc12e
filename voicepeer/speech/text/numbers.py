"""Numbers and ranges the way people say them; the synthesizer reads plain digits itself."""

from __future__ import annotations

import re

# "2-3", "10–20", "2 - 3 days" -> "2 to 3"; not dates like 2024-03-01 or phone numbers.
_RANGE = re.compile(r"(?<![\d\-/.:])(\d+(?:\.\d+)?)\s*[-–—]\s*(\d+(?:\.\d+)?)(?![\d\-/.:])")
# "x2", "3x a day" are common in medication talk.
_TIMES = re.compile(r"(?<![\w])(\d+)\s*x(?=\s)|(?<![\w])x\s*(\d+)(?![\w])")
_FRACTION = {"1/2": "a half", "1/3": "a third", "1/4": "a quarter", "3/4": "three quarters"}
_FRACTION_RE = re.compile(r"(?<![\d/])(1/2|1/3|1/4|3/4)(?![\d/])")


def _times(match: re.Match[str]) -> str:
    number = match.group(1) or match.group(2)
    return f"{number} times"


def speak_numbers(text: str) -> str:
    text = _RANGE.sub(r"\1 to \2", text)
    text = _TIMES.sub(_times, text)
    return _FRACTION_RE.sub(lambda m: _FRACTION[m.group(1)], text)
