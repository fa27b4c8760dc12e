"""Numbers, money, ranges and units said the way people say them."""

from __future__ import annotations

import pytest

from voicepeer.speech.text import load_lexicon, plain_to_speech


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("2-3 days", "2 to 3 days."),
        ("1.5–2.5 mg", "1.5 to 2.5 milligrams."),
        ("10:30-11:30", "10:30 to 11:30."),
        ("£5-£10 a week", "5 pounds to 10 pounds a week."),
        ("costs £1.50 or $20", "Costs 1 pound 50 or 20 dollars."),
        ("50mg twice, 3x a day, x2", "50 milligrams twice, 3 times a day, 2 times."),
        ("24/7 and 1/2 a tablet", "Twenty four seven and a half a tablet."),
        ("lost 5kg, walked 2 km", "Lost 5 kilograms, walked 2 kilometres."),
        # Dates, phone numbers and negative numbers are not ranges.
        (
            "since 2024-03-01, call 0800-800-8000, it was -5",
            "Since 2024-03-01, call 0800-800-8000, it was -5.",
        ),
    ],
)
def test_spoken_numbers(written: str, spoken: str) -> None:
    assert plain_to_speech(written, lexicon=load_lexicon()) == spoken
