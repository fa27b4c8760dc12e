"""The listener gives the voice loop its quiet moments: while nobody speaks, nor has begun
to, ``on_quiet`` is asked now and then whether there is something to say meanwhile (a
reply sent in the background). Real espeak-ng speech through the real endpointer and
bundled engine."""

from __future__ import annotations

import itertools
from pathlib import Path

from tests.recognition.test_room_talk import Recording
from tests.support.speech_audio import espeak, silence, write_wav
from tests.support.television import room_sound
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.listener import QUIET_CHECK_S, AudioListener
from voicepeer.recognition.sphinx import SphinxRecognizer

COMMAND = "latest topics"


def test_quiet_moments_come_only_while_nobody_speaks_and_speaking_drops_the_sound(
    tmp_path: Path,
) -> None:
    said = espeak(COMMAND)
    path = write_wav(tmp_path / "room.wav", room_sound(silence(3.0), said, silence(2.0)))
    recording = Recording(path)
    asked: list[float] = []

    def quiet() -> bool:  # the first time it speaks, as the voice loop does with news
        asked.append(recording.at_s())
        return len(asked) == 1

    listener = AudioListener(recording, SphinxRecognizer(phrasebook=voice_loop_phrasebook()))
    listener.on_quiet = quiet
    heard = listener.listen(ListenMode.COMMAND, "browsing")
    listener.close()
    assert heard is not None and heard.text == COMMAND
    assert asked[0] <= QUIET_CHECK_S + 0.1
    assert len(asked) >= 4  # about every half second of the three quiet ones
    assert all(at <= 3.0 + 0.1 for at in asked), asked  # none once the command began
    assert all(b - a >= QUIET_CHECK_S - 0.05 for a, b in itertools.pairwise(asked))
    # At the listen's start, then after the moment it spoke (its own voice): no other.
    assert recording.discarded_at == [0.0, asked[0]]
