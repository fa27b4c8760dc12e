"""Earcons: short, gentle tones that say what voicepeer is doing without words.

Four sounds, each a fifth of a second or less and distinct in pitch and direction:

- LISTENING ("I'm ready for you"): a soft rising step, C5 → G5;
- GOT_IT ("heard you"): one short high note, C6;
- ERROR ("didn't catch that"): a low falling step, G4 → E♭4 — calm, not an alarm;
- HEARD_YES ("I heard your yes"): one soft G6 that swells and fades, played as soon as a
  yes is heard while a "… but" can still take it back. Its smooth shape keeps it to one
  narrow band of pitch, which the listener filters out of the microphone (audio/tone_filter.py).

Each note is a sine with a little second harmonic for warmth, shaped by a raised-cosine
attack and release so it starts and ends at silence (no clicks).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum

import numpy as np

from voicepeer.audio.base import AudioOutput
from voicepeer.audio.settings import EarconSettings
from voicepeer.errors import VoicepeerError

log = logging.getLogger(__name__)

ATTACK_S = 0.012
RELEASE_S = 0.035
HARMONIC_LEVEL = 0.15
"""Second harmonic relative to the fundamental: softer than a bare sine beep."""
LEAD_IN_S = 0.1
TAIL_S = 0.1
"""Silence around each played earcon. Through PulseAudio, a freshly started stream can lose
up to about 0.1 s of its start, and one stopped right after the last write loses its end;
for a 0.1 s tone that is most of the sound, so the player pads it."""


class Earcon(Enum):
    LISTENING = "listening"
    GOT_IT = "got_it"
    ERROR = "error"
    HEARD_YES = "heard_yes"


@dataclass(frozen=True)
class Note:
    frequency_hz: float
    duration_s: float
    swell: bool = False
    """Rise and fall over the whole note (a raised cosine) instead of quick ramps."""


DESIGNS: dict[Earcon, tuple[Note, ...]] = {
    Earcon.LISTENING: (Note(523.25, 0.075), Note(783.99, 0.105)),
    Earcon.GOT_IT: (Note(1046.50, 0.120),),
    Earcon.ERROR: (Note(392.00, 0.090), Note(311.13, 0.110)),
    Earcon.HEARD_YES: (Note(1567.98, 0.200, swell=True),),
}


def tones_hz(earcon: Earcon) -> tuple[float, ...]:
    """The pitches ``earcon`` is made of: each note and its second harmonic."""
    return tuple(f for note in DESIGNS[earcon] for f in (note.frequency_hz, 2 * note.frequency_hz))


def duration_s(earcon: Earcon) -> float:
    return sum(note.duration_s for note in DESIGNS[earcon])


def render(earcon: Earcon, *, sample_rate: int = 22_050, volume: float = 0.4) -> bytes:
    """The earcon as 16-bit signed little-endian mono PCM at ``sample_rate``."""
    if not 0.0 <= volume <= 1.0:
        raise ValueError(f"volume must be from 0.0 to 1.0, not {volume}")
    pieces = [_note(note, sample_rate) for note in DESIGNS[earcon]]
    wave = np.concatenate(pieces) * (volume / (1.0 + HARMONIC_LEVEL))
    return (np.clip(wave, -1.0, 1.0) * 32767).astype("<i2").tobytes()


def _note(note: Note, sample_rate: int) -> np.ndarray:
    count = round(note.duration_s * sample_rate)
    t = np.arange(count) / sample_rate
    phase = 2 * np.pi * note.frequency_hz * t
    tone = np.sin(phase) + HARMONIC_LEVEL * np.sin(2 * phase)
    if note.swell:
        envelope = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(count) / count)
        return tone * envelope
    envelope = np.ones(count)
    attack = min(count // 2, round(ATTACK_S * sample_rate))
    release = min(count // 2, round(RELEASE_S * sample_rate))
    # Raised-cosine ramps that reach exactly zero at both ends.
    envelope[:attack] = 0.5 - 0.5 * np.cos(np.pi * np.arange(attack) / attack)
    envelope[count - release :] = 0.5 + 0.5 * np.cos(np.pi * np.arange(1, release + 1) / release)
    result: np.ndarray = tone * envelope
    return result


class EarconPlayer:
    """Plays earcons through an :class:`AudioOutput`, honouring the on/off settings.

    The sounds are rendered once, up front, so playing one costs no computation.
    """

    def __init__(self, output: AudioOutput, settings: EarconSettings | None = None) -> None:
        self._output = output
        self._settings = settings or EarconSettings()
        rate, volume = self._settings.sample_rate_hz, self._settings.volume
        lead, tail = b"\0\0" * round(LEAD_IN_S * rate), b"\0\0" * round(TAIL_S * rate)
        self._pcm = {
            earcon: lead + render(earcon, sample_rate=rate, volume=volume) + tail
            for earcon in Earcon
        }

    def enabled(self, earcon: Earcon) -> bool:
        return bool(getattr(self._settings, f"{earcon.value}_enabled")) and (
            self._settings.volume > 0.0
        )

    def play(self, earcon: Earcon) -> bool:
        """Play ``earcon`` and block until done (about 0.4 s); False if it is switched off
        or the speaker failed — earcons only add to spoken feedback, so that is not fatal."""
        if not self.enabled(earcon):
            return False
        try:
            self._output.play(self._pcm[earcon], self._settings.sample_rate_hz)
        except VoicepeerError as error:
            log.warning("Could not play the %s tone: %s", earcon.value, error)
            return False
        return True

    def listening(self) -> bool:
        return self.play(Earcon.LISTENING)

    def got_it(self) -> bool:
        return self.play(Earcon.GOT_IT)

    def error(self) -> bool:
        return self.play(Earcon.ERROR)

    def heard_yes(self) -> bool:
        return self.play(Earcon.HEARD_YES)

    def stop(self) -> None:
        self._output.stop()
