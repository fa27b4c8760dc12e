"""Voice controls the person uses by voice ("faster", "quieter"), remembered between runs."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voicepeer import paths
from voicepeer.atomic import atomic_write_text
from voicepeer.speech.base import SpeechOutput
from voicepeer.speech.settings import SpeechSettings, clamp_rate

log = logging.getLogger(__name__)

STATE_FILE_NAME = "voice.json"
RATE, VOLUME = "rate_wpm", "volume"
"""The names in ``voice.json``, as in the settings file's [speech] section."""
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
    are what the person last asked for; only what differs from the file is saved, and
    ``voicepeer configure`` clears what a carer sets there (see :func:`forget_spoken`).
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
        rate, volume = spoken_voice(self._settings, self._state_file)
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

    def _save(self) -> None:
        # Only what differs from the settings file: a volume never asked about must not
        # hide a carer's later change of it there.
        spoken: dict[str, float] = {}
        if self._rate_wpm != clamp_rate(self._settings.rate_wpm):
            spoken[RATE] = self._rate_wpm
        if self._volume != _clamp_volume(self._settings.volume):
            spoken[VOLUME] = round(self._volume, 3)
        try:
            _write(self._state_file, spoken)
        except OSError as error:
            # Not worth interrupting the person for: the change still applies for this run.
            log.warning("could not save voice settings to %s: %s", self._state_file, error)


def spoken_voice(settings: SpeechSettings, state_file: Path | None = None) -> tuple[int, float]:
    """The rate and volume the person hears at the next start: what they last asked for
    by voice, else the settings file's."""
    state_file = state_file or paths.state_dir() / STATE_FILE_NAME
    spoken = _read(state_file)
    try:
        rate = int(spoken.get(RATE, settings.rate_wpm))
        volume = float(spoken.get(VOLUME, settings.volume))
    except (ValueError, TypeError) as error:
        log.warning("ignoring unreadable voice settings in %s: %s", state_file, error)
        return settings.rate_wpm, settings.volume
    return clamp_rate(rate), _clamp_volume(volume)


def forget_spoken(names: Iterable[str], state_file: Path | None = None) -> None:
    """Drop the person's spoken adjustments of ``names`` (``rate_wpm``, ``volume``): a
    carer has just set them in the settings file, and that is what the person hears next.
    Raises OSError when the file cannot be written."""
    state_file = state_file or paths.state_dir() / STATE_FILE_NAME
    spoken = _read(state_file)
    kept = {name: value for name, value in spoken.items() if name not in set(names)}
    if kept != spoken:
        _write(state_file, kept)


def _read(state_file: Path) -> dict[str, Any]:
    try:
        data = json.loads(state_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable voice settings in %s: %s", state_file, error)
        return {}
    if not isinstance(data, dict):
        log.warning("ignoring unreadable voice settings in %s", state_file)
        return {}
    return {name: data[name] for name in (RATE, VOLUME) if name in data}


def _write(state_file: Path, spoken: dict[str, Any]) -> None:
    state_file.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(state_file, json.dumps(spoken))


def _clamp_volume(volume: float) -> float:
    return round(min(max(volume, MIN_VOLUME), 1.0), 3)
