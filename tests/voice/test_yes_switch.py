"""A person's yes switch answers "Shall I post your reply?" / "Like this post?": a real key
typed in a real pseudo-terminal, a real listener reading a recording of a room."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.speech_audio import utterances, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.commands import Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import Heard, ListenMode
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.switches import TerminalKeySwitch
from voicepeer.voice.assistant import ALLOWED
from voicepeer.voice.push_to_talk import StopKey, TrackedSpeech
from voicepeer.voice.states import State


class PacedWav(WavFileInput):
    """A recording handed out no faster than real time, as a microphone would."""

    def read(self, seconds: float) -> bytes:
        time.sleep(seconds)
        return super().read(seconds)


@pytest.fixture
def terminal() -> Iterator[tuple[int, int]]:
    master, slave = os.openpty()
    yield master, slave
    for fd in (master, slave):
        with contextlib.suppress(OSError):
            os.close(fd)


@pytest.fixture(scope="module")
def recognizer() -> Iterator[SphinxRecognizer]:
    engine = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    yield engine
    engine.close()


def answer_with_key(
    recognizer: SphinxRecognizer,
    master: int,
    slave: int,
    tmp_path: Path,
    mode: ListenMode,
    typed: bytes,
) -> Heard | None:
    path = write_wav(tmp_path / "room.wav", utterances([4.0]))
    listener = AudioListener(PacedWav(path), recognizer)
    key = StopKey(
        TerminalKeySwitch(slave),
        TrackedSpeech(PrintedSpeech()),
        yes_key="y",
        yes_pressed=listener.yes_pressed,
    )
    threading.Timer(0.5, os.write, (master, typed)).start()
    try:
        return listener.listen(mode)
    finally:
        key.close()


def test_the_yes_key_answers_yes_while_a_question_waits(
    recognizer: SphinxRecognizer, terminal: tuple[int, int], tmp_path: Path
) -> None:
    heard = answer_with_key(recognizer, *terminal, tmp_path, ListenMode.ANSWER, b"y")
    assert heard is not None and heard.by_switch
    command = Interpreter().answer(heard, ALLOWED[State.LIKING]).command
    assert command is not None and command.intent is Intent.YES


def test_other_keys_and_other_times_are_no_yes(
    recognizer: SphinxRecognizer, terminal: tuple[int, int], tmp_path: Path
) -> None:
    assert answer_with_key(recognizer, *terminal, tmp_path, ListenMode.ANSWER, b"x") is None
    assert answer_with_key(recognizer, *terminal, tmp_path, ListenMode.COMMAND, b"y") is None
