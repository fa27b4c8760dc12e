"""Voice controls the person uses by voice ("faster", "quieter"), remembered between runs."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from voicepeer import paths
from voicepeer.atomic import atomic_write_text
from voicepeer.speech.base import SpeechOutput
from voicepeer.speech.settings import SpeechSettings, clamp_rate

log = logging.getLogger(__name__)

STATE_FILE_NAME = "voice.json"
MIN_VOLUME = 0.1
"""Quietest volume reachable by voice: "quieter" must never make voicepeer inaudible."""


@dataclass(frozen=True)
class VoiceChange:
    """The voice after a request; ``changed`` is False when a limit was already reached."""

    rate_wpm: int
    volume: float
    changed: bool

    @property
    def volume_percent(self) -> int:
        return round(self.volume * 100)


class VoiceControls:
    """The speech output voicepeer talks through, with its rate and volume adjusted within
    bounds and the choice saved.

    The output is held here and nowhere else in the voice loop, which speaks through
    :attr:`speech`: what "faster" changes is always the voice the person hears. The saved
    values (``voice.json`` in the state folder) win over the settings file, because they
    are what the person last asked for.
    """

    def __init__(
        self,
        speech: SpeechOutput,
        settings: SpeechSettings | None = None,
        state_file: Path | None = None,
    ) -> None:
        self._speech = speech
        self._settings = settings or SpeechSettings()
        self._state_file = state_file or paths.state_dir() / STATE_FILE_NAME
        rate, volume = self._load()
        self._rate_wpm = clamp_rate(rate)
        self._volume = _clamp_volume(volume)
        self._speech.set_voice(rate_wpm=self._rate_wpm, volume=self._volume)

    @property
    def speech(self) -> SpeechOutput:
        """The output whose voice these controls set."""
        return self._speech

    @property
    def rate_wpm(self) -> int:
        return self._rate_wpm

    @property
    def volume(self) -> float:
        return self._volume

    def faster(self) -> VoiceChange:
        return self._set(self._rate_wpm + self._settings.rate_step_wpm, self._volume)

    def slower(self) -> VoiceChange:
        return self._set(self._rate_wpm - self._settings.rate_step_wpm, self._volume)

    def louder(self) -> VoiceChange:
        return self._set(self._rate_wpm, self._volume + self._settings.volume_step)

    def quieter(self) -> VoiceChange:
        return self._set(self._rate_wpm, self._volume - self._settings.volume_step)

    def reset(self) -> VoiceChange:
        """Back to the rate and volume in the settings file."""
        return self._set(self._settings.rate_wpm, self._settings.volume)

    def _set(self, rate_wpm: int, volume: float) -> VoiceChange:
        rate_wpm, volume = clamp_rate(rate_wpm), _clamp_volume(volume)
        changed = (rate_wpm, volume) != (self._rate_wpm, self._volume)
        self._rate_wpm, self._volume = rate_wpm, volume
        if changed:
            self._speech.set_voice(rate_wpm=rate_wpm, volume=volume)
            self._save()
        return VoiceChange(rate_wpm, volume, changed)

    def _load(self) -> tuple[int, float]:
        defaults = (self._settings.rate_wpm, self._settings.volume)
        try:
            data = json.loads(self._state_file.read_text(encoding="utf-8"))
            return int(data["rate_wpm"]), float(data["volume"])
        except FileNotFoundError:
            return defaults
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("ignoring unreadable voice settings in %s: %s", self._state_file, error)
            return defaults

    def _save(self) -> None:
        data = json.dumps({"rate_wpm": self._rate_wpm, "volume": round(self._volume, 3)})
        try:
            self._state_file.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self._state_file, data)
        except OSError as error:
            # Not worth interrupting the person for: the change still applies for this run.
            log.warning("could not save voice settings to %s: %s", self._state_file, error)


def _clamp_volume(volume: float) -> float:
    return round(min(max(volume, MIN_VOLUME), 1.0), 3)
