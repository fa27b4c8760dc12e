"""Dates and times said the way people talk about them: "3 hours ago", "yesterday"."""

from __future__ import annotations

from datetime import datetime, timedelta

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _count(n: int, unit: str) -> str:
    if n == 1:
        return f"{'an' if unit == 'hour' else 'a'} {unit} ago"
    return f"{n} {unit}s ago"


def spoken_age(dt: datetime, now: datetime) -> str:
    """How long ago ``dt`` was, as of ``now``, e.g. "5 minutes ago", "yesterday", "on 3 March".

    Both must be timezone-aware or both naive; calendar days ("yesterday") are counted in
    ``now``'s timezone, which is how the listener thinks about them.
    """
    if dt.tzinfo is not None and now.tzinfo is not None:
        dt = dt.astimezone(now.tzinfo)
    delta = now - dt
    if delta < timedelta(0):
        return "just now" if delta > timedelta(minutes=-5) else f"on {_day(dt, now)}"
    seconds = int(delta.total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return _count(seconds // 60, "minute")
    days = (now.date() - dt.date()).days
    if seconds < 6 * 3600 or days == 0:
        return _count(seconds // 3600, "hour")
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{days} days ago"
    return f"on {_day(dt, now)}"


def _day(dt: datetime, now: datetime) -> str:
    text = f"{dt.day} {MONTHS[dt.month - 1]}"
    return text if dt.year == now.year else f"{text} {dt.year}"
