"""Talk in the room (a television, people talking): real espeak-ng speech heard through the
real neural detector, endpointer and bundled engine. Talk that goes on longer than any
command is dropped unheard, and from then on only speech louder than it is listened to,
with the talk's sound kept from the recognizer, until the talk stops."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from tests.recognition.test_endpointing import fed
from tests.recognition.test_neural_vad import SETTINGS as NEURAL_SETTINGS
from tests.support.speech_audio import espeak, silence, write_wav
from tests.support.television import (
    COMMAND,
    command_over_television,
    over_television,
    room_sound,
    television,
)
from voicepeer.audio.input import WavFileInput
from voicepeer.audio.vad import neural_detector
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import Heard, ListenMode
from voicepeer.recognition.endpointing import (
    FRAME_S,
    TALK_GONE_S,
    TALK_RESUME_DB,
    Endpointer,
    EndpointSettings,
    Event,
)
from voicepeer.recognition.engine import Recognition
from voicepeer.recognition.listener import AudioListener, endpoint_settings
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx import SphinxRecognizer

SETTINGS = replace(NEURAL_SETTINGS, silence_s=1.2, talk_after_s=8.0)


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
    found, endpointer = events(room_sound(television(10.0), silence(TALK_GONE_S + 0.5)))
    assert [event for event, _ in found] == [Event.STARTED, Event.DROPPED]
    assert endpointer.talk_db is None
    assert endpointer.threshold_db() < -45  # the quiet room's own threshold


def test_a_person_dictating_at_length_is_never_taken_for_talk() -> None:
    found, endpointer = events(
        room_sound(television(12.0), silence(3.0)),
        replace(SETTINGS, talk_after_s=None, max_utterance_s=90.0, silence_s=2.5),
    )
    assert [event for event, _ in found] == [Event.STARTED, Event.ENDED]
    assert endpointer.talk_db is None


def test_talk_found_while_voicepeer_spoke_holds_when_the_person_answers() -> None:
    # Listening while speaking (utterances cut at a command's length, the detector only
    # telling talk) finds the television; the command listener after it shares the room.
    while_speaking = Endpointer(
        replace(
            SETTINGS,
            silence_s=0.35,
            max_utterance_s=2.45,
            detector_from_noise_db=math.inf,
            talk_spans_utterances=True,
        ),
        detector=neural_detector(),
    )
    kinds = [event for event, _ in fed(while_speaking, room_sound(television(12.0)).tobytes())]
    assert Event.DROPPED not in kinds and while_speaking.talk_db is not None
    said = espeak(COMMAND).astype(np.float64)
    answer = over_television(said, before_s=2.0, after_s=3.0, start_s=12.0)
    shared = Endpointer(SETTINGS, detector=neural_detector(), room=while_speaking.room)
    found = fed(shared, answer.tobytes())
    # The command alone, at once: not the television from its first frame, to be dropped
    # after talk_after_s with the command in it.
    assert [event for event, _ in found] == [Event.STARTED, Event.ENDED], found
    assert 1.5 <= found[0][1] <= 2.3
    alone = fed(Endpointer(SETTINGS, detector=neural_detector()), answer.tobytes())
    assert alone[0][0] is Event.STARTED and alone[0][1] < 0.5, alone  # without the room


def _answer_over_television(*parts: str | float, gain: float = 1.0) -> npt.NDArray[np.int16]:
    """12 s of television, then ``parts`` said over it (floats: pauses; the words after
    the first at ``gain``), then 4 s more of it."""
    said = [
        np.zeros(int(part * 16_000))
        if isinstance(part, float)
        else espeak(part, voice="en-gb").astype(np.float64) * (gain if n else 1.0)
        for n, part in enumerate(parts)
    ]
    return over_television(np.concatenate(said))


def test_a_quiet_take_back_after_a_yes_over_the_television_is_part_of_the_answer() -> None:
    # "yes ... but wait", the take-back 9 dB quieter than the yes: to an answer it is more
    # of the answer (asked again), never silence after a yes.
    audio = _answer_over_television("yes", 1.0, "but wait", gain=0.35)
    said_end = 12.0 + (audio.size / 16_000 - 16.0)  # where the take-back ends
    answer = endpoint_settings(RecognitionSettings(), ListenMode.ANSWER)
    found, _ = events(audio, answer)
    assert [event for event, _ in found][2:] == [Event.STARTED, Event.ENDED], found
    assert found[3][1] >= said_end + answer.silence_s - 0.3
    # A command's pause needs more (TALK_RESUME_DB): there the take-back would be silence.
    found, _ = events(audio, replace(answer, talk_resume_db=TALK_RESUME_DB))
    assert found[3][1] < said_end + answer.silence_s - 0.3, found


def test_an_answers_quiet_first_sound_under_the_television_reaches_the_recognizer() -> None:
    pcm = _answer_over_television("guess").tobytes()

    def quietened_before_the_word(mode: ListenMode) -> tuple[bool, ...]:
        endpointer = Endpointer(
            endpoint_settings(RecognitionSettings(), mode), detector=neural_detector()
        )
        size = endpointer.frame_bytes
        for offset in range(0, len(pcm) - size + 1, size):
            event, _ = endpointer.feed(pcm[offset : offset + size])
            if event is Event.STARTED and endpointer.talk_db is not None:
                return endpointer.started_talk
        raise AssertionError("the word over the television never started an utterance")

    command = quietened_before_the_word(ListenMode.COMMAND)
    answer = quietened_before_the_word(ListenMode.ANSWER)
    # The same talk before the word, a hiss either way, but in an answer the last 0.15 s
    # before its first loud sound (the "g") is given as heard.
    assert len(command) == len(answer) and command.index(False) >= 10, command
    assert answer.index(False) == command.index(False) - round(0.15 / FRAME_S), answer
    assert answer[command.index(False) :] == command[command.index(False) :]


def test_a_command_just_heard_does_not_raise_the_talk_level_to_its_own() -> None:
    # Two commands over the television, four seconds apart: the second is heard as well
    # as the first (the talk's level comes from the talk alone, never from a command).
    said = espeak(COMMAND).astype(np.float64)
    audio = over_television(np.concatenate([said, np.zeros(4 * 16_000), said]))
    found, _ = events(audio)
    assert [event for event, _ in found][2:] == [Event.STARTED, Event.ENDED] * 2, found


class CountingRecognizer(SphinxRecognizer):
    """The bundled engine, counting the utterances it decodes to the end."""

    finished = 0

    def finish(self) -> Recognition:
        self.finished += 1
        return super().finish()


class Recording(WavFileInput):
    """A recording that notes where voicepeer dropped what the microphone heard."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.discarded_at: list[float] = []

    def at_s(self) -> float:
        return self._offset / 2 / 16_000

    def discard_pending(self) -> None:
        self.discarded_at.append(self.at_s())
        super().discard_pending()


def test_the_listener_hears_the_command_and_not_the_television(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "room.wav", command_over_television())
    recognizer = CountingRecognizer(phrasebook=voice_loop_phrasebook())
    recording = Recording(path)
    hints: list[float] = []

    def hint() -> bool:  # as the voice loop says it: speaks, so the microphone is dropped
        hints.append(recording.at_s())
        return True

    listener = AudioListener(recording, recognizer, RecognitionSettings(), on_room_talk=hint)
    heard = []
    while (result := listener.listen(ListenMode.COMMAND, "browsing")) is not None:
        heard.append(result.text)
    listener.close()
    assert heard == [COMMAND]
    # Told once, when the television was dropped (8 s of it), and the microphone's sound
    # while it was said dropped after it; the television itself was never decoded.
    assert len(hints) == 1 and 7.5 <= hints[0] <= 9.5
    # At each listen (the start, after the command) and after the hint.
    assert recording.discarded_at[:2] == [0.0, hints[0]] and len(recording.discarded_at) == 3
    assert recognizer.finished == 1


def test_once_found_the_talk_is_marked_frame_by_frame_as_not_for_the_recognizer() -> None:
    found, endpointer = events(room_sound(television(9.0)))
    assert found == [(Event.STARTED, found[0][1]), (Event.DROPPED, found[1][1])]
    pcm = room_sound(television(1.0, 9.0)).tobytes()
    size = endpointer.frame_bytes
    talk = []
    for offset in range(0, len(pcm) - size + 1, size):
        endpointer.feed(pcm[offset : offset + size])
        talk.append(endpointer.last_frame_talk)
    assert sum(talk) >= 0.9 * len(talk), f"{sum(talk)} of {len(talk)} frames of {FRAME_S} s"


def test_what_is_heard_over_the_television_says_so(tmp_path: Path) -> None:
    # So that an answer unclear over it is asked again with why; in a quiet room not.
    recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    heard: dict[str, list[Heard]] = {}
    for name, audio in {
        "television": _answer_over_television("yes"),
        "quiet": room_sound(silence(1.0), espeak("yes", voice="en-gb"), silence(2.0)),
    }.items():
        listener = AudioListener(
            WavFileInput(write_wav(tmp_path / f"{name}.wav", audio)),
            recognizer,
            RecognitionSettings(),
        )
        heard[name] = []
        while (result := listener.listen(ListenMode.ANSWER)) is not None:
            heard[name].append(result)
    recognizer.close()
    assert [h.over_talk for h in heard["television"]] == [True], heard
    assert [(h.text, h.over_talk) for h in heard["quiet"]] == [("yes", False)], heard
