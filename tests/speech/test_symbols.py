"""Shorthand typed in posts said as words, not as the symbols espeak-ng would name
("w slash", "two x slash day", "five slash three slash twenty twenty five")."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from voicepeer.speech.text import cooked_to_speech, load_lexicon

SHORTHAND = [
    ("Went w/ my wife, w/o the kids", "Went with my wife, without the kids."),
    ("Take it 2x/day or 3x/week", "Take it twice a day or 3 times a week."),
    ("Dose 10 mg/kg", "Dose 10 milligrams per kilogram."),
    ("I walked 1,500m today", "I walked 1,500 metres today."),
    ("It takes ~2 hrs", "It takes about 2 hours."),
    ("Fatigue -&gt; nap -&gt; better", "Fatigue, then nap, then better."),
    # Day and month in an order only the writer knows: said as written, as a date.
    ("Infusion on 05/03/2025 at noon", "Infusion on the date 05 03 2025 at noon."),
    # Only one order makes sense: said as a date.
    ("Infusion on 25/03/2025", "Infusion on 25 March 2025."),
    ("Infusion on 3/25/2025", "Infusion on 25 March 2025."),
    ("A budget of £1.5m, or £5.5 each", "A budget of 1.5 million pounds, or 5 pounds 50 each."),
]


@pytest.mark.parametrize(("written", "spoken"), SHORTHAND)
def test_shorthand_is_said_as_words(written: str, spoken: str) -> None:
    assert cooked_to_speech(f"<p>{written}</p>", lexicon=load_lexicon()) == spoken


def test_fractions_and_always_are_not_taken_for_dates_or_units() -> None:
    assert cooked_to_speech("<p>1/2 a tablet, 24/7, and a/b</p>") == (
        "A half a tablet, twenty four seven, and a/b."
    )


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_espeak_ng_names_no_slash_tilde_or_arrow() -> None:
    for written, _ in SHORTHAND:
        text = cooked_to_speech(f"<p>{written}</p>", lexicon=load_lexicon())
        phonemes = subprocess.run(
            ["espeak-ng", "-q", "-x", "-v", "en-gb", text],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
        assert "sl'aS" not in phonemes, (written, phonemes)  # "slash"
        assert "t'Ild" not in phonemes, (written, phonemes)  # "tilde"
        assert "'Eks" not in phonemes, (written, phonemes)  # "x"
