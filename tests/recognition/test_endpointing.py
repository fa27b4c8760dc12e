"""The endpointer on controlled signals: patient with pauses, deaf to clicks, adapts to
steady noise, cuts at the maximum length."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import numpy.typing as npt

from tests.support.speech_audio import utterances, with_hiss
from voicepeer.recognition.endpointing import (
    Endpointer,
    EndpointSettings,
    Event,
    level_db,
    trim_silence,
)

RATE = 16_000


def tone(seconds: float, level: float = 3000.0, hz: float = 600.0) -> npt.NDArray[np.float64]:
    t = np.arange(int(RATE * seconds)) / RATE
    # A warbling tone: speech-band energy that varies like syllables.
    return level * np.sin(2 * np.pi * hz * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t))


def quiet(seconds: float) -> npt.NDArray[np.float64]:
    return np.zeros(int(RATE * seconds))


def pcm(*parts: npt.NDArray[np.float64], noise_rms: float = 20.0, seed: int = 0) -> bytes:
    signal = np.concatenate(parts)
    signal = signal + np.random.default_rng(seed).normal(0, noise_rms, signal.size)
    return np.clip(signal, -32768, 32767).astype(np.int16).tobytes()


def settings(**changes: Any) -> EndpointSettings:
    usual = EndpointSettings(
        silence_s=1.2,
        max_utterance_s=10.0,
        min_speech_s=0.12,
        speech_margin_db=9.0,
        min_speech_level_db=-55.0,
    )
    return replace(usual, **changes)


def events(audio: bytes, endpoint: EndpointSettings) -> list[tuple[Event, float]]:
    return fed(Endpointer(endpoint), audio)


def fed(endpointer: Endpointer, audio: bytes) -> list[tuple[Event, float]]:
    """Feeds ``audio`` frame by frame; each event but NONE, with the second it came at."""
    size = endpointer.frame_bytes
    found: list[tuple[Event, float]] = []
    for offset in range(0, len(audio) - size + 1, size):
        event, _ = endpointer.feed(audio[offset : offset + size])
        if event is not Event.NONE:
            found.append((event, round(offset / 2 / RATE, 2)))
    return found


def test_a_pause_shorter_than_the_silence_setting_does_not_end_the_utterance() -> None:
    audio = pcm(quiet(0.5), tone(0.4), quiet(1.0), tone(0.4), quiet(2.0))
    found = events(audio, settings(silence_s=1.2))
    assert [e for e, _ in found] == [Event.STARTED, Event.ENDED]
    started, ended = found[0][1], found[1][1]
    assert 0.4 <= started <= 0.7
    assert ended >= 0.5 + 0.4 + 1.0 + 0.4 + 1.2 - 0.1


def test_a_longer_pause_splits_into_two_utterances() -> None:
    audio = pcm(quiet(0.5), tone(0.4), quiet(1.6), tone(0.4), quiet(2.0))
    found = events(audio, settings(silence_s=1.2))
    assert [e for e, _ in found] == [Event.STARTED, Event.ENDED, Event.STARTED, Event.ENDED]


def test_dictation_silence_keeps_slow_speech_whole() -> None:
    words = [tone(0.3) if i % 2 == 0 else quiet(2.0) for i in range(9)]
    audio = pcm(quiet(0.5), *words, quiet(3.0))
    found = events(audio, settings(silence_s=2.5, max_utterance_s=90.0))
    assert [e for e, _ in found] == [Event.STARTED, Event.ENDED]


def test_clicks_shorter_than_min_speech_are_ignored() -> None:
    audio = pcm(quiet(0.5), tone(0.05, level=8000), quiet(1.0), tone(0.05, level=8000), quiet(1.0))
    assert events(audio, settings(min_speech_s=0.12)) == []


def test_quiet_speech_over_a_quiet_room_is_heard() -> None:
    # About -50 dBFS: a soft voice a metre from a laptop microphone.
    audio = pcm(quiet(0.6), tone(0.5, level=150.0), quiet(2.0), noise_rms=4.0)
    assert [e for e, _ in events(audio, settings())] == [Event.STARTED, Event.ENDED]


def test_steady_noise_from_the_start_is_learned_not_taken_for_speech() -> None:
    rng = np.random.default_rng(3)
    fan = rng.normal(0, 800, int(RATE * 4))
    audio = pcm(fan, noise_rms=0.0)
    assert events(audio, settings()) == []


def test_speech_over_steady_noise_is_found() -> None:
    rng = np.random.default_rng(4)
    fan = rng.normal(0, 300, int(RATE * 4.5))
    speech = np.concatenate([quiet(1.5), tone(0.6, level=3000), quiet(2.4)])
    found = events(pcm(fan + speech, noise_rms=0.0), settings())
    assert [e for e, _ in found] == [Event.STARTED, Event.ENDED]


def test_endless_sound_is_cut_at_the_maximum_length_and_then_learned() -> None:
    # A fan switched on after a quiet start: taken for speech at first.
    fan = np.random.default_rng(5).normal(0, 1500, int(RATE * 8.0))
    audio = pcm(quiet(0.5), fan, quiet(0.5))
    found = events(audio, settings(max_utterance_s=3.0))
    assert found[0][0] is Event.STARTED
    assert found[1][0] is Event.TRUNCATED
    # The utterance's audio (pre-roll included) is at most the maximum length.
    assert 2.0 <= found[1][1] - found[0][1] <= 3.0
    # The same steady sound is now background, not a new utterance.
    assert len(found) == 2


def test_utterance_audio_keeps_the_start_and_trims_long_trailing_silence() -> None:
    endpointer = Endpointer(settings(silence_s=1.5))
    audio = pcm(quiet(0.5), tone(0.5), quiet(2.0))
    size = endpointer.frame_bytes
    for offset in range(0, len(audio) - size + 1, size):
        event, _ = endpointer.feed(audio[offset : offset + size])
        if event is Event.ENDED:
            break
    kept = endpointer.take_audio()
    seconds = len(kept) / 2 / RATE
    # pre-roll (at most 0.7 s) + speech 0.5 s + at most 0.5 s of the silence
    assert 0.8 <= seconds <= 1.75


def test_level_is_in_dbfs_over_the_speech_band() -> None:
    full_scale_tone = (32767 * np.sin(2 * np.pi * 1000 * np.arange(480) / RATE)).astype(np.int16)
    assert -4.0 <= level_db(full_scale_tone.tobytes()) <= -2.0
    hum = (20000 * np.sin(2 * np.pi * 50 * np.arange(480) / RATE)).astype(np.int16)
    assert level_db(hum.tobytes()) < level_db(full_scale_tone.tobytes()) - 20
    assert level_db(b"") == -120.0


def test_trim_silence_keeps_the_speech_and_a_margin() -> None:
    audio = pcm(quiet(1.0), tone(0.5), quiet(1.5))
    trimmed = trim_silence(audio, keep_s=0.15)
    assert 0.7 <= len(trimmed) / 2 / RATE <= 0.9


def test_trim_silence_cuts_where_the_level_of_each_10_ms_says() -> None:
    """Real speech, loud and faint, in hiss: the cut is where level_db of each 10 ms piece
    (12 dB over the quietest tenth) puts the first and last speech, 0.15 s kept around."""
    for gain in (1.0, 0.05):
        audio = with_hiss(utterances(["open topic", 0.4, "two", 0.5], gain=gain)).tobytes()
        levels = [level_db(audio[i : i + 320]) for i in range(0, len(audio) - 319, 320)]
        floor = float(np.percentile(levels, 10))
        loud = [i for i, level in enumerate(levels) if level > floor + 12.0]
        first, last = max(0, loud[0] - 15), min(len(levels), loud[-1] + 16)
        assert trim_silence(audio, keep_s=0.15) == audio[first * 320 : last * 320]
        assert first > 0 and last < len(levels)
