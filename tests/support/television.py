"""A television talking in the room (real espeak-ng speech that hardly pauses), and a
command said over it."""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt

from tests.support.speech_audio import espeak

COMMAND = "latest topics"
TALK_RMS = 600.0
"""The television, 10 dB or so under the person (espeak-ng speaks at about 3000 RMS)."""


@cache
def _talk() -> npt.NDArray[np.float64]:
    text = (
        "good evening and welcome to the programme. tonight we look at the history of the "
        "railways in the north. rain will spread from the west during the afternoon, and "
        "the final score was two goals to one"
    )
    speech = espeak(text, voice="en-gb", wpm=170).astype(np.float64)
    return speech / np.sqrt(np.mean(speech**2))


def television(seconds: float, start_s: float = 0.0) -> npt.NDArray[np.float64]:
    """A television talking without a break, ``start_s`` into its programme."""
    talk = np.resize(np.roll(_talk(), -int(start_s * 16_000)), int(seconds * 16_000))
    return talk * TALK_RMS


def room_sound(*parts: npt.NDArray[np.float64] | npt.NDArray[np.int16]) -> npt.NDArray[np.int16]:
    signal = np.concatenate(parts).astype(np.float64)
    signal = signal + np.random.default_rng(5).normal(0, 6, signal.size)
    return np.clip(np.round(signal), -32768, 32767).astype(np.int16)


def over_television(
    said: npt.NDArray[np.float64] | npt.NDArray[np.int16],
    before_s: float = 12.0,
    after_s: float = 4.0,
    start_s: float = 0.0,
) -> npt.NDArray[np.int16]:
    """``said`` over a television on ``before_s`` before it and ``after_s`` after, from
    ``start_s`` into its programme."""
    return room_sound(
        television(before_s, start_s),
        said + television(said.size / 16_000, start_s + before_s),
        television(after_s, start_s + before_s + said.size / 16_000),
    )


def command_over_television() -> npt.NDArray[np.int16]:
    return over_television(espeak(COMMAND).astype(np.float64))
