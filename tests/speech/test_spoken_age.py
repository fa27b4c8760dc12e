"""How long ago a post was written, as people say it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from voicepeer.speech.text import spoken_age

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ago", "spoken"),
    [
        (timedelta(seconds=20), "just now"),
        (timedelta(minutes=1), "a minute ago"),
        (timedelta(minutes=5, seconds=59), "5 minutes ago"),
        (timedelta(hours=1, minutes=10), "an hour ago"),
        (timedelta(hours=3), "3 hours ago"),
        (timedelta(hours=20), "yesterday"),
        (timedelta(days=1, hours=2), "yesterday"),
        (timedelta(days=3), "3 days ago"),
        (timedelta(days=7), "on 3 March"),
        (timedelta(days=400), "on 3 February 2025"),
        (timedelta(minutes=-2), "just now"),
    ],
)
def test_spoken_age(ago: timedelta, spoken: str) -> None:
    assert spoken_age(NOW - ago, NOW) == spoken


def test_calendar_days_follow_the_listeners_timezone() -> None:
    local = timezone(timedelta(hours=-5))
    now = datetime(2026, 3, 10, 1, 0, tzinfo=local)  # 1 am local
    late_last_night = datetime(2026, 3, 10, 4, 30, tzinfo=UTC)  # 11:30 pm local, 9 March
    assert spoken_age(late_last_night, now) == "an hour ago"
    afternoon_before = datetime(2026, 3, 9, 20, 0, tzinfo=UTC)  # 3 pm local, 9 March
    assert spoken_age(afternoon_before, now) == "yesterday"
