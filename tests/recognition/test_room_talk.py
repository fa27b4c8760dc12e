"""Talk in the room (a television, people talking): real espeak-ng speech heard through the
real neural detector, endpointer and bundled engine. Talk that goes on longer than any
command is dropped unheard, and from then on only speech louder than it is listened to,
with the talk's sound kept from the recognizer, until the talk stops."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from tests.recognition.test_endpointing import fed
from tests.recognition.test_neural_vad import SETTINGS as NEURAL_SETTINGS
from tests.support.speech_audio import espeak, silence, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.audio.vad import neural_detector
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.endpointing import (
    FRAME_S,
    TALK_GONE_S,
    Endpointer,
    EndpointSettings,
    Event,
)
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx import SphinxRecognizer

COMMAND = "latest topics"
TALK_RMS = 600.0
"""The television, 10 dB or so under the person (espeak-ng speaks at about 3000 RMS)."""
SETTINGS = replace(NEURAL_SETTINGS, silence_s=1.2, talk_after_s=8.0)


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


def room(*parts: npt.NDArray[np.float64] | npt.NDArray[np.int16]) -> npt.NDArray[np.int16]:
    signal = np.concatenate(parts).astype(np.float64)
    signal = signal + np.random.default_rng(5).normal(0, 6, signal.size)
    return np.clip(np.round(signal), -32768, 32767).astype(np.int16)


def command_over_television(before_s: float = 12.0, after_s: float = 4.0) -> npt.NDArray[np.int16]:
    said = espeak(COMMAND).astype(np.float64)
    return room(
        television(before_s),
        said + television(said.size / 16_000, before_s),
        television(after_s, before_s + said.size / 16_000),
    )


def events(
    audio: npt.NDArray[np.int16], settings: EndpointSettings = SETTINGS
) -> tuple[list[tuple[Event, float]], Endpointer]:
    endpointer = Endpointer(settings, detector=neural_detector())
    return fed(endpointer, audio.tobytes()), endpointer


def test_talk_longer_than_a_command_is_dropped_and_the_louder_command_heard_alone() -> None:
    said = espeak(COMMAND)
    said_s = np.flatnonzero(np.abs(said) > 300)[-1] / 16_000  # to its last sound
    found, endpointer = events(command_over_television())
    kinds = [event for event, _ in found]
    # The television starts an utterance, dropped once it has gone on for talk_after_s.
    assert kinds[:2] == [Event.STARTED, Event.DROPPED], found
    assert 7.5 <= found[1][1] <= 9.0
    # Then only the command: it starts near its start and ends after its end, and the
    # television going on after it starts nothing.
    assert kinds[2:] == [Event.STARTED, Event.ENDED], found
    assert 11.3 <= found[2][1] <= 12.3
    # Its last, quiet sound may be under the talk: the end is timed from its loud part.
    assert 12.0 + said_s + SETTINGS.silence_s - 0.4 <= found[3][1] <= 12.0 + said_s + 2.0
    assert endpointer.talk_db is not None


def test_when_the_talk_stops_everything_is_listened_to_again() -> None:
    found, endpointer = events(room(television(10.0), silence(TALK_GONE_S + 0.5)))
    assert [event for event, _ in found] == [Event.STARTED, Event.DROPPED]
    assert endpointer.talk_db is None
    assert endpointer.threshold_db() < -45  # the quiet room's own threshold


def test_a_person_dictating_at_length_is_never_taken_for_talk() -> None:
    found, endpointer = events(
        room(television(12.0), silence(3.0)),
        replace(SETTINGS, talk_after_s=None, max_utterance_s=90.0, silence_s=2.5),
    )
    assert [event for event, _ in found] == [Event.STARTED, Event.ENDED]
    assert endpointer.talk_db is None


def test_a_command_just_heard_does_not_raise_the_talk_level_to_its_own() -> None:
    # Two commands over the television, four seconds apart: the second is heard as well
    # as the first (the talk's level comes from the talk alone, never from a command).
    said = espeak(COMMAND).astype(np.float64)
    at = 12.0 + said.size / 16_000
    audio = room(
        television(12.0),
        said + television(said.size / 16_000, 12.0),
        television(4.0, at),
        said + television(said.size / 16_000, at + 4.0),
        television(4.0, at + 4.0 + said.size / 16_000),
    )
    found, _ = events(audio)
    assert [event for event, _ in found][2:] == [Event.STARTED, Event.ENDED] * 2, found


def test_the_listener_hears_the_command_and_not_the_television(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "room.wav", command_over_television())
    recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    listener = AudioListener(WavFileInput(path), recognizer, RecognitionSettings())
    heard = []
    while (result := listener.listen(ListenMode.COMMAND, "browsing")) is not None:
        heard.append(result.text)
    listener.close()
    assert heard == [COMMAND]


def test_once_found_the_talk_is_marked_frame_by_frame_as_not_for_the_recognizer() -> None:
    found, endpointer = events(room(television(9.0)))
    assert found == [(Event.STARTED, found[0][1]), (Event.DROPPED, found[1][1])]
    pcm = room(television(1.0, 9.0)).tobytes()
    size = endpointer.frame_bytes
    talk = []
    for offset in range(0, len(pcm) - size + 1, size):
        endpointer.feed(pcm[offset : offset + size])
        talk.append(endpointer.last_frame_talk)
    assert sum(talk) >= 0.9 * len(talk), f"{sum(talk)} of {len(talk)} frames of {FRAME_S} s"
