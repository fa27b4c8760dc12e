"""Which voices espeak-ng has.

espeak-ng speaks a voice name it does not know with its default voice and says nothing
(pyttsx3 passes the name to it as well), so a mistyped ``[speech] voice`` would go unnoticed
by the carer who typed it: the set-up and doctor ask espeak-ng for its list instead.
"""

from __future__ import annotations

import logging
import subprocess
from dataclasses import dataclass

log = logging.getLogger(__name__)

ENGLISH_VOICES = ("en-gb", "en-us", "en-gb-scotland", "en-gb-x-rp", "en-us-nyc", "en-029")
"""The English voices offered by name (espeak-ng has more, and variants such as "+f3")."""


@dataclass(frozen=True)
class VoiceList:
    """What espeak-ng takes after ``-v``, lower case: languages ("en-gb"), voice names
    ("english_(great_britain)") and voice files ("gmw/en"), and the variants that may follow
    a "+" ("f3", "female3")."""

    voices: frozenset[str]
    variants: frozenset[str]

    def knows(self, voice: str) -> bool:
        base, plus, variant = voice.strip().lower().partition("+")
        return base in self.voices and (not plus or variant in self.variants)


def espeak_voices(executable: str = "espeak-ng") -> VoiceList | None:
    """espeak-ng's voices, or None when it cannot be asked (not installed)."""
    try:
        voices = _names(executable, "--voices")
        variants = {name.removeprefix("!v/") for name in _names(executable, "--voices=variant")}
    except (OSError, subprocess.SubprocessError) as error:
        log.debug("espeak-ng could not list its voices: %s", error)
        return None
    return VoiceList(frozenset(voices), frozenset(variants))


def _names(executable: str, option: str) -> set[str]:
    """The language, voice name and file of each line of ``espeak-ng --voices``."""
    listing = subprocess.run(
        [executable, option], capture_output=True, text=True, check=True, timeout=20
    ).stdout
    names: set[str] = set()
    for line in listing.splitlines()[1:]:  # after the heading
        columns = line.split()
        if len(columns) >= 5:
            # Pty, Language, Age/Gender, VoiceName, File, Other languages
            names.update(c.lower() for c in (columns[1], columns[3], columns[4]))
    return names


def unknown_voice_problem(voice: str, known: VoiceList | None) -> str | None:
    """Why ``voice`` cannot be used, or None when espeak-ng has it (or cannot be asked)."""
    if known is None or not voice.strip() or known.knows(voice):
        return None
    return (
        f"espeak-ng has no voice called {voice!r}, so it would speak with its default voice. "
        f"English voices: {', '.join(ENGLISH_VOICES)} (a variant may follow, as in en-gb+f3); "
        "'espeak-ng --voices' lists every one."
    )
