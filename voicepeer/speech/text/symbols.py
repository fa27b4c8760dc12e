"""Shorthand people type that a voice reads as symbols: "w/", "2x/day", "mg/kg", "~2 hrs",
"->", "05/03/2025". Each said as its words ("with", "twice a day", "mg per kilogram",
"about 2 hrs", "then", "the date 05 03 2025"); units are left for the lexicon to say."""

from __future__ import annotations

import re

from voicepeer.speech.text.timefmt import MONTHS

_WITHOUT = re.compile(r"(?<![\w/])w/o(?![\w/])", re.IGNORECASE)
_WITH = re.compile(r"(?<![\w/])w/(?=\s|[^\W\d_])", re.IGNORECASE)
_ABOUT = re.compile(r"(?<![\w~∼])[~∼≈]\s?(?=[£$€]?\d)")
_ARROW = re.compile(r"(\S?)\s*(?:-+>|=+>|→|⟶|⇒)\s*")
# "2x/day", "3 x / week", "1x/d": how often, the way people say it.
_PER_TIME = re.compile(r"(?<![\w/])(\d+)\s*x\s*/\s*(day|d|week|wk|month|year|yr)\b", re.IGNORECASE)
_HOW_OFTEN = {"1": "once", "2": "twice"}
# "mg/kg", "km/h", "mg/day": the second unit after "per", as one of it.
_PER_UNIT = re.compile(
    r"(?<=[\d\s])(mg|mcg|g|ml|iu|km|m|mmol|kcal)\s*/\s*"
    r"(kg|g|ml|l|dl|day|d|week|wk|hr|h|hour|min|m2)\b",
    re.IGNORECASE,
)
_SINGULAR = {
    "kg": "kilogram",
    "g": "gram",
    "ml": "millilitre",
    "l": "litre",
    "dl": "decilitre",
    "d": "day",
    "wk": "week",
    "yr": "year",
    "hr": "hour",
    "h": "hour",
    "min": "minute",
    "m2": "square metre",
}
# "1,500m", "400m": metres after a number of 100 or more ("5m" may be minutes or millions).
_METRES = re.compile(r"(?<![\w.,£$€])(\d{1,3}(?:,\d{3})+|[1-9]\d{2,})\s?m\b(?![/²\d])")
# "05/03/2025", "5/3/25": day and month in an order only the writer knows.
_DATE = re.compile(r"(?<![\w/.])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\w/])")


def _how_often(match: re.Match[str]) -> str:
    count, unit = match.group(1), match.group(2).lower()
    return f"{_HOW_OFTEN.get(count, f'{count} times')} a {_SINGULAR.get(unit, unit)}"


def _per_unit(match: re.Match[str]) -> str:
    unit = match.group(2).lower()
    return f"{match.group(1)} per {_SINGULAR.get(unit, unit)}"


def _date(match: re.Match[str]) -> str:
    """A date said as one when only one order makes sense ("25 March 2025"); otherwise its
    numbers as written, introduced as a date, so no order is guessed for the listener."""
    first, second = int(match.group(1)), int(match.group(2))
    year = match.group(3)
    if 1 <= first <= 12 and 1 <= second <= 12:
        if first == second:
            return f"{first} {MONTHS[first - 1]} {year}"
        return f"the date {match.group(1)} {match.group(2)} {year}"
    if 13 <= first <= 31 and 1 <= second <= 12:
        return f"{first} {MONTHS[second - 1]} {year}"
    if 13 <= second <= 31 and 1 <= first <= 12:
        return f"{second} {MONTHS[first - 1]} {year}"
    return match.group(0)


def _arrow(match: re.Match[str]) -> str:
    before = match.group(1)
    return f"{before}, then " if before else "then "


def spoken_symbols(text: str) -> str:
    if not any(mark in text for mark in "/~∼≈>→⟶⇒") and not _METRES.search(text):
        return text
    text = _DATE.sub(_date, text)
    text = _WITH.sub("with ", _WITHOUT.sub("without", text))
    text = _PER_TIME.sub(_how_often, text)
    text = _PER_UNIT.sub(_per_unit, text)
    text = _METRES.sub(r"\1 metres", text)
    text = _ABOUT.sub("about ", text)
    return _ARROW.sub(_arrow, text)
