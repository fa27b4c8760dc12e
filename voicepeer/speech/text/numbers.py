"""Numbers, money, ranges and units the way people say them; plain digits are left to the TTS."""

from __future__ import annotations

import re

_NUMBER = r"\d+(?:\.\d+)?"
_TIME = r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
# "2-3", "10–20", "2 - 3 days", "10:30-11:30" -> "to"; not dates like 2024-03-01 or phone
# numbers like 0800-800-8000 (hence the guards on both sides).
_RANGE = re.compile(
    rf"(?<![\d\-/.:])({_TIME}|{_NUMBER})\s*[-–—]\s*({_TIME}|{_NUMBER})(?![\d\-/:]|\.\d)"
)
# "x2", "3x a day" are common in medication talk.
_TIMES = re.compile(r"(?<![\w])(\d+)\s*x(?=\s)|(?<![\w])x\s*(\d+)(?![\w])")
_FRACTION = {
    "1/2": "a half",
    "1/3": "a third",
    "2/3": "two thirds",
    "1/4": "a quarter",
    "3/4": "three quarters",
}
_FRACTION_RE = re.compile(r"(?<![\d/])(1/2|1/3|2/3|1/4|3/4)(?![\d/])")
_FRACTION_SLASH = "\u2044"
"""What NFKC makes "⅕" into ("1⁄5"), which espeak-ng reads "one five"."""
_VULGAR = {
    "½": "a half",
    "⅓": "a third",
    "⅔": "two thirds",
    "¼": "a quarter",
    "¾": "three quarters",
}
_VULGAR_RE = re.compile(r"(?:(\d) ?)?([½⅓⅔¼¾])")
_ALWAYS = re.compile(r"(?<![\d/])24/7(?![\d/])")
_CURRENCY = {"£": ("pound", "pounds"), "$": ("dollar", "dollars"), "€": ("euro", "euros")}
_MONEY = re.compile(
    r"([£$€])\s?(\d[\d,]*)(?:\.(\d{1,2}))?(?:(m|bn|k)\b)?(?!\d|\.\d)", re.IGNORECASE
)
_AMOUNT_WORDS = {"m": "million", "bn": "billion", "k": "thousand"}
# "50mg" -> "50 mg", so the pronunciation lexicon can say the unit.
_GLUED_UNIT = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(mg|mcg|ml|kg|km|mm|cm|iu)\b", re.IGNORECASE)


def _money(match: re.Match[str]) -> str:
    one, many = _CURRENCY[match.group(1)]
    whole = match.group(2)
    if match.group(4):  # "£1.5m": "1.5 million pounds"
        amount = f"{whole}.{match.group(3)}" if match.group(3) else whole
        return f"{amount} {_AMOUNT_WORDS[match.group(4).lower()]} {many}"
    spoken = f"{whole} {one if whole == '1' else many}"
    pence = (match.group(3) or "").ljust(2, "0")  # "£5.5" is £5.50
    if pence != "00":
        spoken += f" {int(pence)}"
    return spoken


def _times(match: re.Match[str]) -> str:
    return f"{match.group(1) or match.group(2)} times"


def speak_numbers(text: str) -> str:
    text = text.replace(_FRACTION_SLASH, "/")
    text = _MONEY.sub(_money, text)  # before ranges: "£5-£10" -> "5 pounds-10 pounds"
    text = re.sub(r"(pounds?|dollars?|euros?)\s*[-–]\s*(?=\d)", r"\1 to ", text)
    text = _RANGE.sub(r"\1 to \2", text)
    text = _TIMES.sub(_times, text)
    text = _ALWAYS.sub("twenty four seven", text)
    text = _GLUED_UNIT.sub(r"\1 \2", text)
    return _FRACTION_RE.sub(lambda m: _FRACTION[m.group(1)], text)


def vulgar_fractions(text: str) -> str:
    """ "½" and "1½" as words ("a half", "1 and a half"), and powers ("m²" as "m squared"):
    before NFKC, which makes "1½" into "11⁄2" and "10³" into "103"."""
    if text.isascii():
        return text

    def said(match: re.Match[str]) -> str:
        whole, part = match.groups()
        return f"{whole} and {_VULGAR[part]}" if whole else _VULGAR[part]

    return _POWER_RE.sub(_power, _VULGAR_RE.sub(said, text))


_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_POWER_RE = re.compile(f"(\\w*)(?<=[\\w)])(⁻?)([{_SUPERSCRIPT_DIGITS}]+)")
_POWER_NAMES = {"2": "squared", "3": "cubed"}
_POWER_OF_WORDS_UP_TO = 2
"""After a word this long or shorter ("x²", "cm³"), or a number, a raised figure is a
power; after a longer one ("study¹") a footnote's number, left out."""


def _power(match: re.Match[str]) -> str:
    before, minus, digits = match.groups()
    power = "".join(str(_SUPERSCRIPT_DIGITS.index(d)) for d in digits)
    if before and not before.isdigit() and len(before) > _POWER_OF_WORDS_UP_TO:
        return before
    if not minus and power in _POWER_NAMES:
        return f"{before} {_POWER_NAMES[power]}"
    return f"{before} to the power of {'minus ' if minus else ''}{power}"
