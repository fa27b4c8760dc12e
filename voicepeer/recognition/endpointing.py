"""Cutting a stream of audio into utterances, patiently.

An energy detector with an adaptive noise floor: a frame is speech when it is a margin
louder than the background noise (tracked while nobody speaks) and above an absolute
minimum. An utterance ends only after a long, configurable stretch of silence, so slow
speech with pauses between words is kept whole.

Talk in the room (a television, a radio, people talking) is speech to any detector and
never pauses long enough to end an utterance: voicepeer would hear one endless command. So
speech the neural detector hears with hardly a break for longer than any command is taken
for that talk and dropped; from then on a frame is speech only when it is louder than the
talk's loud syllables, and the talk's sound in the pauses is kept from the recognizer,
until the talk stops.
"""

from __future__ import annotations

import functools
from collections import deque
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

import numpy as np
import numpy.typing as npt

FRAME_S = 0.03
"""Analysis frame length in seconds."""
_PRE_ROLL_S = 0.3
"""Audio kept from before speech began, so quiet first sounds are not lost."""
_NOISE_RISE_PER_FRAME_DB = 0.05
"""How fast the noise estimate may rise while nobody speaks (slow: speech is not noise)."""
_NOISE_FALL = 0.3
_BAND_LOW_HZ = 250.0
_BAND_HIGH_HZ = 4000.0
_START_WINDOW_S = 0.4
"""Speech starts when enough of this last stretch is above the threshold: speech is not a
steady sound, so consecutive frames are too strict for quiet speech in noise."""
"""Share of the gap closed per frame when the background gets quieter (fast)."""


TALK_SHARE = 0.9
"""Share of ``talk_after_s`` in which the detector must hear speech for it to be talk in the
room (a television, people talking) rather than someone speaking to voicepeer: a person
giving a command pauses, a television hardly does."""
TALK_PERCENTILE = 90
"""The background talk's level: this percentile of its frames' levels (its loud syllables)."""
TALK_MARGIN_DB = 3.0
"""How much louder than the background talk's level a frame must be to be speech. With the
talk's sound kept from the recognizer in every frame under it, the tuning voices' commands
over a television were understood 0.30 of the time with the 90th percentile and 3 dB, 0.28
with the 95th and 2 dB, 0.21 with the 90th and 6 dB, 0.17 with the 98th and 2 dB, 0.11
with the 80th and 3 dB."""
TALK_PAUSE_S = 0.3
"""Within an utterance over talk in the room, a pause of this many seconds is the talk's
sound (see Endpointer.last_frame_talk); a shorter dip is the person's own quiet sound
(measured on the tuning voices: 0.15 s understood 0.36, 0.3 s and longer 0.40)."""
TALK_RESUME_DB = 9.0
"""How much louder than the talk's level speech must be to go on after such a pause (on the
tuning voices: 3 dB, as at the start, understood 0.40; 6 dB 0.51; 9 and 12 dB 0.53; the
start itself at 6 dB cost the quiet first sounds, 0.36)."""
TALK_GONE_S = 3.0
"""Seconds in which the detector hears no speech after which the background talk is over."""


_HISS = np.random.default_rng(0).normal(0, 6, 4800).round().astype(np.int16)
"""A quiet microphone's hiss (-75 dBFS), heard in place of talk in the room."""


def quietened(frame: bytes, talk: bool) -> bytes:
    """``frame``, or a quiet hiss for a frame of talk in the room: the pauses in what the
    person says then sound like pauses to the recognizer, not like the talk's words (only
    turned down, the recognizer's level normalization would bring them back)."""
    if not talk:
        return frame
    return _HISS[: len(frame) // 2].tobytes()


class Event(Enum):
    NONE = "none"
    STARTED = "started"
    ENDED = "ended"
    TRUNCATED = "truncated"
    """Speech reached the maximum length and was cut there."""
    DROPPED = "dropped"
    """What was taken for speech is talk in the room: the utterance is dropped, unheard."""


@dataclass(frozen=True)
class EndpointSettings:
    silence_s: float
    max_utterance_s: float
    min_speech_s: float
    speech_margin_db: float
    min_speech_level_db: float
    detector_from_noise_db: float = -50.0
    """Background level (dBFS, speech band) from which a ``detector``'s opinion counts: in a
    quiet room the energy test alone ends speech sooner (measured: 16 ms after its true end
    against 58 ms with Silero) and misses little."""
    talk_after_s: float | None = None
    """Seconds of near-unbroken speech (see TALK_SHARE), longer than any command, after which
    the ``detector``'s speech is taken for talk in the room: from then on only speech louder
    than that talk counts, until it stops. None: not looked for (in dictation a person may
    speak at length)."""
    talk_resume_db: float = TALK_RESUME_DB
    """How much louder than talk in the room speech must be to go on after a pause of
    TALK_PAUSE_S (dB)."""
    talk_onset_s: float = 0.0
    """Seconds before the first frame of speech over talk in the room given to the
    recognizer as heard rather than quietened: a quiet first sound ("g" of "guess") may be
    under the talk's level."""
    talk_spans_utterances: bool = False
    """Look for talk in the room over utterances and the pauses between them alike, not in
    either alone, and never drop an utterance for it (the stretch has pauses, so the
    utterance under way may be a command): for listening while voicepeer speaks, which
    cuts utterances at a short command's length, so no one lasts ``talk_after_s``.
    Otherwise a command just heard could raise the talk's level to its own."""


def level_db(frame: bytes, sample_rate: int = 16_000) -> float:
    """Level of int16 PCM in the speech band (250-4000 Hz), in dB relative to full scale.

    Leaving out the lowest and highest frequencies keeps hum, rumble, fans and hiss (much
    of whose energy is there) from drowning quiet speech."""
    samples = np.frombuffer(frame[: len(frame) // 2 * 2], dtype=np.int16)
    if samples.size == 0:
        return -120.0
    return float(_band_levels_db(samples.reshape(1, -1), sample_rate)[0])


def _band_levels_db(frames: npt.NDArray[np.int16], sample_rate: int) -> npt.NDArray[np.float64]:
    """level_db() of each row of ``frames``, in one pass of numpy (a Python loop over 10 ms
    pieces took 10 to 20 ms a second of audio, at every pause)."""
    window, band = _analysis(frames.shape[1], sample_rate)
    spectrum = np.fft.rfft(frames.astype(np.float64) * window, axis=1)[:, band]
    # Parseval, with the Hann window's power loss (3/8) undone: RMS of the band's signal.
    power = 2 * np.sum(np.abs(spectrum) ** 2, axis=1) / frames.shape[1] ** 2 / 0.375
    return 10 * np.log10(np.maximum(power, 1e-9) / 32768.0**2)


@functools.lru_cache(maxsize=8)
def _analysis(size: int, sample_rate: int) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """The Hann window and the speech band's bins for frames of ``size`` samples."""
    freqs = np.fft.rfftfreq(size, 1 / sample_rate)
    return np.hanning(size), (freqs >= _BAND_LOW_HZ) & (freqs <= _BAND_HIGH_HZ)


class SpeechDetector(Protocol):
    """A second opinion on whether a frame is speech (a neural detector, see audio/vad.py),
    fed every frame in order."""

    def is_speech(self, frame: bytes) -> bool: ...


class RoomTalk:
    """The level of talk in the room (a television), shared by the endpointers listening
    to one microphone: talk found while voicepeer speaks holds when the person answers,
    and the other way round."""

    def __init__(self) -> None:
        self.level_db: float | None = None
        """The talk's level (see TALK_PERCENTILE); None: no talk heard."""


class Endpointer:
    """Feed fixed frames; it says when an utterance starts and ends and keeps its audio.

    With a ``detector``, in a noisy room a frame is speech when either it or the energy test
    says so: the energy test misses quiet sounds under noise, which a neural detector hears."""

    def __init__(
        self,
        settings: EndpointSettings,
        sample_rate: int = 16_000,
        detector: SpeechDetector | None = None,
        room: RoomTalk | None = None,
    ) -> None:
        self.settings = settings
        self._detector = detector
        self.room = room or RoomTalk()
        """Talk in the room, as this endpointer and any sharing it found it."""
        self.last_frame_speech = False
        """Whether the last frame fed was taken for speech."""
        self.last_frame_talk = False
        """Whether the last frame fed is no louder than the talk in the room, so is its sound
        (see talk_db): kept from the recognizer, which would hear its words."""
        self.frame_bytes = int(sample_rate * FRAME_S) * 2
        self.noise_db: float | None = None
        """Background level in dB; set from the first frame, then tracked."""
        self._levels: list[float] = []
        self._pre_roll: list[tuple[bytes, bool]] = []
        """Frames heard before speech began, each with whether it was talk in the room."""
        self.started_talk: tuple[bool, ...] = ()
        """Which frames of the audio given with the last STARTED were talk, quietened."""
        self.over_talk = False
        """Whether talk in the room was heard while the current (or last) utterance was
        said, so that its words were picked out of that talk."""
        self._audio: list[bytes] = []
        self._in_speech = False
        self._recent: list[bool] = []
        self._silence_run = 0
        self._frames = 0
        self._speech_frames = 0
        self._room: deque[tuple[float, bool]] = deque()
        """Each recent frame's level and whether the detector heard speech in it."""
        self._room_in_speech = False
        self._no_talk_run = 0

    @property
    def in_speech(self) -> bool:
        return self._in_speech

    @property
    def quiet(self) -> bool:
        """Nobody is speaking, nor has begun to: not even a frame of a start is heard."""
        return not self._in_speech and not any(self._recent)

    @property
    def talk_db(self) -> float | None:
        """The level of talk in the room (see EndpointSettings.talk_after_s); None: none."""
        return self.room.level_db

    @talk_db.setter
    def talk_db(self, level: float | None) -> None:
        self.room.level_db = level

    def threshold_db(self) -> float:
        noise = self.noise_db if self.noise_db is not None else -90.0
        threshold = max(noise + self.settings.speech_margin_db, self.settings.min_speech_level_db)
        return threshold if self.talk_db is None else max(threshold, self.talk_db + TALK_MARGIN_DB)

    def _frame_threshold_db(self) -> float:
        """The level this frame must pass to be speech. Over talk in the room, speech going
        on after a pause must stand well clear of the talk: the talk's loudest syllables in
        the pause would otherwise carry its words into the command."""
        paused = self._in_speech and self._silence_run * FRAME_S >= TALK_PAUSE_S
        if self.talk_db is not None and paused:
            return max(self.threshold_db(), self.talk_db + self.settings.talk_resume_db)
        return self.threshold_db()

    def feed(self, frame: bytes) -> tuple[Event, bytes]:
        """Process one frame; returns the event and the audio to pass on to a recognizer
        (the pre-roll and frame when speech starts, the frame while in speech), with the
        sound of talk in the room in it replaced by a quiet hiss (see last_frame_talk)."""
        level = level_db(frame)
        if self.noise_db is None:
            self.noise_db = level
        if self._detector is not None:
            # Fed every frame, so its context is ready when the room gets noisy.
            heard = self._detector.is_speech(frame)
            if self._hear_talk(level, heard):
                return Event.DROPPED, b""
        is_speech = level > self._frame_threshold_db()
        if self._detector is not None and self.talk_db is None:
            # Over talk in the room it hears that talk too: loudness alone tells them apart.
            noisy = self.noise_db >= self.settings.detector_from_noise_db
            is_speech = is_speech or (heard and noisy)
        self.last_frame_speech = is_speech
        # Within a command only its pauses are the talk's: its own quiet sounds are kept.
        self.last_frame_talk = (
            self.talk_db is not None
            and not is_speech
            and (not self._in_speech or (self._silence_run + 1) * FRAME_S >= TALK_PAUSE_S)
        )
        if not self._in_speech:
            self._track_noise(level, is_speech)
            self._pre_roll.append((frame, self.last_frame_talk))
            self._recent.append(is_speech)
            window = max(1, round(_START_WINDOW_S / FRAME_S))
            del self._recent[:-window]
            needed = max(1, round(self.settings.min_speech_s / FRAME_S))
            keep = window + round(_PRE_ROLL_S / FRAME_S)
            del self._pre_roll[:-keep]
            if sum(self._recent) >= min(needed, window):
                self._in_speech = True
                self.over_talk = self.talk_db is not None
                self._silence_run = 0
                self._audio = self._started_audio()
                self._levels = []
                self._speech_frames = 0
                self._frames = len(self._audio)
                self._pre_roll = []
                self._recent = []
                return Event.STARTED, b"".join(self._audio)
            return Event.NONE, b""
        # The utterance's audio keeps the talk's sound from the recognizer.
        frame = quietened(frame, self.last_frame_talk)
        self.over_talk = self.over_talk or self.talk_db is not None
        self._audio.append(frame)
        self._levels.append(level)
        self._frames += 1
        self._silence_run = 0 if is_speech else self._silence_run + 1
        self._speech_frames += is_speech
        if self._silence_run * FRAME_S >= self.settings.silence_s:
            self._in_speech = False
            return Event.ENDED, frame
        if self._frames * FRAME_S >= self.settings.max_utterance_s:
            self._in_speech = False
            # Often a sudden steady noise (a fan, the TV) taken for speech: learn its level.
            self.noise_db = float(np.percentile(self._levels, 50))
            return Event.TRUNCATED, frame
        return Event.NONE, frame

    def _started_audio(self) -> list[bytes]:
        """The pre-roll as the recognizer gets it: the talk's sound quietened, except for
        the ``talk_onset_s`` before the first frame of the speech that started the
        utterance (within the start window; see started_talk)."""
        window_start = len(self._pre_roll) - round(_START_WINDOW_S / FRAME_S)
        first = next(
            (i for i, (_, talk) in enumerate(self._pre_roll) if i >= window_start and not talk),
            0,
        )
        keep_from = first - round(self.settings.talk_onset_s / FRAME_S)
        self.started_talk = tuple(
            talk and i < keep_from for i, (_, talk) in enumerate(self._pre_roll)
        )
        return [
            quietened(frame, talk)
            for (frame, _), talk in zip(self._pre_roll, self.started_talk, strict=True)
        ]

    @property
    def speech_s(self) -> float:
        """How much of the current utterance (after its start) was speech, pauses left out."""
        return self._speech_frames * FRAME_S

    @property
    def silence_s(self) -> float:
        """How long the current utterance has been silent."""
        return self._silence_run * FRAME_S if self._in_speech else 0.0

    @property
    def headroom_db(self) -> float:
        """How far the utterance's loud parts stand above the speech threshold (dB): little
        for quiet speech or speech over loud noise, whose quiet sounds fall below it."""
        if not self._levels:
            return 0.0
        return float(np.percentile(self._levels, 90)) - self.threshold_db()

    def end_now(self) -> None:
        """End the utterance here (its command is complete)."""
        self._in_speech = False

    def take_audio(self) -> bytes:
        """The finished utterance's audio (pre-roll to end), trailing silence trimmed to
        half a second."""
        keep_silence = round(0.5 / FRAME_S)
        frames = self._audio
        extra = self._silence_run - keep_silence
        if extra > 0:
            frames = frames[:-extra]
        self._audio = []
        self._recent = []
        return b"".join(frames)

    def reset(self) -> None:
        """Forget any speech in progress (the noise estimate and talk level are kept; the
        talk is over only after TALK_GONE_S heard in one stretch of listening)."""
        self._in_speech = False
        self._pre_roll = []
        self._audio = []
        self._recent = []
        self._silence_run = 0
        self._no_talk_run = 0

    def _hear_talk(self, level: float, heard: bool) -> bool:
        """Follow talk in the room from the detector's opinion of each frame; True when the
        utterance under way turns out to be that talk (it is then dropped). The stretch
        looked at is either between utterances or within one, never both (unless
        ``talk_spans_utterances``): a command just heard must not raise the talk's level to
        its own."""
        self._no_talk_run = 0 if heard else self._no_talk_run + 1
        if self.talk_db is not None and self._no_talk_run * FRAME_S >= TALK_GONE_S:
            self.talk_db = None
        window = self.settings.talk_after_s
        apart = not self.settings.talk_spans_utterances
        if window is None or (apart and self._room_in_speech is not self._in_speech):
            self._room.clear()  # in dictation a person speaks at length: that is not talk
            self._room_in_speech = self._in_speech
        if window is None:
            return False
        self._room.append((level, heard))
        frames = round(window / FRAME_S)
        while len(self._room) > frames:
            self._room.popleft()
        if len(self._room) < frames or sum(h for _, h in self._room) < TALK_SHARE * frames:
            return False
        self.talk_db = float(np.percentile([lv for lv, _ in self._room], TALK_PERCENTILE))
        if not self._in_speech or not apart:
            return False  # over a stretch with pauses in it, this utterance may be a command
        self.reset()
        return True

    def _track_noise(self, level: float, is_speech: bool) -> None:
        assert self.noise_db is not None
        if level < self.noise_db:
            self.noise_db += (level - self.noise_db) * _NOISE_FALL
        elif not is_speech:
            self.noise_db = min(level, self.noise_db + _NOISE_RISE_PER_FRAME_DB)


def trim_silence(pcm: bytes, keep_s: float = 0.15, sample_rate: int = 16_000) -> bytes:
    """``pcm`` without its leading and trailing silence, keeping ``keep_s`` around the
    speech. Long silent edges skew the recognizer's per-utterance normalization, which
    costs short commands dearly."""
    step = int(sample_rate * 0.01) * 2
    count = len(pcm) // step
    if count < 10:
        return pcm
    samples = np.frombuffer(pcm[: count * step], dtype=np.int16).reshape(count, step // 2)
    levels = _band_levels_db(samples, sample_rate)
    floor = float(np.percentile(levels, 10))
    loud = np.flatnonzero(levels > floor + 12.0)
    if not loud.size:
        return pcm
    keep = round(keep_s / 0.01)
    first, last = max(0, int(loud[0]) - keep), min(count, int(loud[-1]) + 1 + keep)
    return pcm[first * step : last * step]
