"""A person's yes switch answers "Shall I post your reply?" / "Like this post?": a real key
typed in a real pseudo-terminal, a real listener reading a recording of a room."""

from __future__ import annotations

import contextlib
import io
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.conversation import Readings, converse
from tests.support.members import keyed_forum
from tests.support.speech_audio import utterances, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.commands import Command, Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import Heard, ListenMode, switch_press
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.switches import SwitchSettings, TerminalKeySwitch
from voicepeer.voice.assistant import ALLOWED
from voicepeer.voice.push_to_talk import PushToTalkListener, StopKey, TrackedSpeech
from voicepeer.voice.state_commands import listening_context, switch_presses
from voicepeer.voice.states import State
from voicepeer.voice.text_input import TextListener


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
    context: str = "",
) -> Heard | None:
    path = write_wav(tmp_path / "room.wav", utterances([4.0]))
    listener = AudioListener(PacedWav(path), recognizer)
    listener.presses = switch_presses()  # as the app sets it
    key = StopKey(
        TerminalKeySwitch(slave),
        TrackedSpeech(PrintedSpeech()),
        yes_key="y",
        yes_pressed=listener.yes_pressed,
    )
    threading.Timer(0.5, os.write, (master, typed)).start()
    try:
        return listener.listen(mode, context)
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


def test_asleep_the_yes_key_wakes_voicepeer_and_awake_it_is_no_command(
    recognizer: SphinxRecognizer, terminal: tuple[int, int], tmp_path: Path
) -> None:
    asleep = listening_context(State.SLEEPING)
    heard = answer_with_key(recognizer, *terminal, tmp_path, ListenMode.COMMAND, b"y", asleep)
    assert heard is not None and heard.by_switch
    assert Interpreter().command(heard, ALLOWED[State.SLEEPING]).command == Command(Intent.WAKE)
    reading = listening_context(State.READING)
    assert (
        answer_with_key(recognizer, *terminal, tmp_path, ListenMode.COMMAND, b"y", reading) is None
    )


def test_asleep_a_press_wakes_the_voice_loop(tmp_path: Path) -> None:
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        heard = [Heard("open topic one"), Heard("go to sleep"), Heard("next"), switch_press()]
        talk = converse(
            forum.base_url,
            [],
            tmp_path / "data",
            listener=lambda said: Readings(heard),
            yes_switch=True,
        )
    asleep = talk.said.index(
        "Going to sleep. Say wake up when you need me. Pressing your yes switch wakes me too."
    )
    # "next" asleep is ignored; the press wakes it where it was.
    after = talk.said[asleep + 1 :]
    assert len(after) == 1 and after[0].startswith("I'm listening again. ")


def test_with_push_to_talk_the_yes_key_wakes_it_asleep_only(terminal: tuple[int, int]) -> None:
    master, slave = terminal
    ptt = PushToTalkListener(
        TextListener(io.StringIO("next post\n")),
        TerminalKeySwitch(slave),
        SwitchSettings(mode="tap", yes_key="y", debounce_s=0.0),
        TrackedSpeech(PrintedSpeech()),
        yes_pressed=threading.Event(),
        presses=switch_presses(),
    )
    try:
        threading.Timer(0.3, os.write, (master, b"y")).start()
        woken = ptt.listen(ListenMode.COMMAND, listening_context(State.SLEEPING))
        assert woken is not None and woken.by_switch
        # Awake the yes key does nothing: listening still waits for the talk key (space).
        threading.Timer(0.3, os.write, (master, b"y")).start()
        threading.Timer(0.8, os.write, (master, b" ")).start()
        heard = ptt.listen(ListenMode.COMMAND, listening_context(State.READING))
        assert heard is not None and not heard.by_switch and heard.text == "next post"
    finally:
        ptt.close()
