"""Tunable settings of speech output, loaded from the ``[speech]`` section of config.toml."""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_RATE_WPM = 80
MAX_RATE_WPM = 260


def clamp_rate(rate_wpm: int) -> int:
    """A speaking rate (words per minute) within what voicepeer allows."""
    return int(min(max(rate_wpm, MIN_RATE_WPM), MAX_RATE_WPM))


@dataclass(frozen=True)
class SpeechSettings:
    """How voicepeer talks: which synthesizer, which voice, how fast and how loud."""

    engine: str = field(default="pyttsx3", metadata={"choices": ("pyttsx3", "espeak-ng")})
    """Speech synthesizer; if pyttsx3 fails, voicepeer falls back to espeak-ng by itself."""

    voice: str = "en-gb"
    """espeak-ng voice name, e.g. en-gb, en-us, en-gb-scotland."""

    rate_wpm: int = field(default=160, metadata={"min": MIN_RATE_WPM, "max": MAX_RATE_WPM})
    """Speaking rate in words per minute at start-up (later changes by voice are remembered)."""

    volume: float = field(default=0.8, metadata={"min": 0.0, "max": 1.0})
    """Loudness from 0.0 (silent) to 1.0 (full scale) at start-up."""

    rate_step_wpm: int = field(default=20, metadata={"min": 5, "max": 80})
    """Words per minute added or removed by "faster" and "slower"."""

    volume_step: float = field(default=0.1, metadata={"min": 0.05, "max": 0.5})
    """Volume (fraction of full scale) added or removed by "louder" and "quieter"."""

    skip_quotes: bool = False
    """Replace quoted earlier posts with "A quote from Sam, skipped." instead of reading them."""

    lexicon_path: str = ""
    """Caregiver's pronunciation file (TOML); empty means lexicon.toml in the config folder."""

    output_device: str = ""
    """Name (or part of the name) of the speaker device; empty means the system default."""

    chunk_s: float = field(default=0.02, metadata={"min": 0.005, "max": 0.05})
    """Seconds of audio handed to the speaker at a time; smaller stops faster."""

    lookahead_sentences: int = field(default=2, metadata={"min": 1, "max": 8})
    """Sentences synthesized ahead of the one playing, so speech flows without gaps."""

    max_sentence_words: int = field(default=40, metadata={"min": 10, "max": 200})
    """Longer sentences are split at commas or semicolons (so stop and pause stay quick)."""
