"""Answering as soon as a command is complete, through the real bundled engine: a whole
command ends its utterance within half a second of speech, an unfinished one waits through
long pauses. Times are audio time (how much of the recording was read), not wall time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.speech_audio import RATE, espeak, utterances, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.commands import CommandMatcher, Intent
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.voice.state_commands import LAST_PARAGRAPH


class CountedInput(WavFileInput):
    """A WAV read as a microphone, remembering how far it has been read."""

    @property
    def read_s(self) -> float:
        return self._offset / 2 / RATE


@pytest.fixture(scope="module")
def recognizer() -> Iterator[SphinxRecognizer]:
    engine = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    yield engine
    engine.close()


@pytest.mark.parametrize("command", ["next post", "go back one", "latest topics", "where am i"])
def test_a_complete_command_ends_within_half_a_second_of_speech(
    recognizer: SphinxRecognizer, tmp_path: Path, command: str
) -> None:
    speech_end_s = 0.5 + espeak(command).size / RATE
    path = write_wav(tmp_path / "c.wav", utterances([command, 3.0]))
    audio = CountedInput(path)
    heard = AudioListener(audio, recognizer, RecognitionSettings()).listen(ListenMode.COMMAND)
    assert heard is not None
    interpretation = CommandMatcher().interpret(heard)
    assert interpretation.command is not None
    assert audio.read_s - speech_end_s <= 0.5


@pytest.mark.parametrize(
    ("voice", "parts"),
    [
        ("en-us", ["open topic", 1.5, "twelve"]),
        ("en-us", ["open topic", 1.5, "five"]),
        ("en-us", ["go to", 1.5, "sleep"]),
        ("en-us", ["search for", 1.5, "heat"]),
        ("en-us", ["open", 1.5, "topic", 1.5, "seven"]),
        # A whole command that a longer one changes, when nothing says the longer one cannot
        # apply: "go back" (back to the list) of "go back one" (the previous post).
        ("en-us", ["go back", 1.5, "one"]),
        ("en-us", ["stop", 1.5, "listening"]),
        ("en-us", ["where", 1.5, "am i"]),
        # The first words heard as no command by one pass and as "hold" (of "hold on") by the
        # other.
        ("en-gb", ["search for", 1.5, "heat"]),
    ],
)
def test_slow_commands_with_long_pauses_are_not_cut(
    recognizer: SphinxRecognizer, tmp_path: Path, voice: str, parts: list[str | float]
) -> None:
    path = write_wav(tmp_path / "slow.wav", utterances([*parts, 3.0], voice=voice, wpm=110))
    listener = AudioListener(WavFileInput(path), recognizer, RecognitionSettings())
    found = []
    while (heard := listener.listen(ListenMode.COMMAND)) is not None:
        found.append(heard.text)
    # One utterance: the pauses did not end it. (Whether the bundled engine then reads
    # every word right is a matter of accuracy, measured by scripts/bench_asr.)
    assert len(found) == 1, found


def test_a_slow_command_with_a_long_pause_is_understood(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    path = write_wav(tmp_path / "slow.wav", utterances(["open topic", 1.5, "twelve", 3.0]))
    heard = AudioListener(WavFileInput(path), recognizer, RecognitionSettings()).listen(
        ListenMode.COMMAND
    )
    assert heard is not None
    command = CommandMatcher().interpret(heard).command
    assert command is not None and command.intent is Intent.OPEN
    assert dict(command.slots) == {"number": 12}


@pytest.mark.parametrize(
    ("command", "context", "answered_at_once"),
    [
        # In a topic list "next paragraph" cannot apply: "next" is whole.
        ("next", "browsing", True),
        # Reading a post with paragraphs ahead: "next" may go on as "next paragraph".
        ("next", "reading", False),
        ("next", LAST_PARAGRAPH, True),
        ("next", "", False),
        ("back", "bookmarks", True),
        ("back", "reading", False),
    ],
)
def test_a_command_a_longer_one_changes_waits_only_where_the_longer_one_applies(
    recognizer: SphinxRecognizer,
    tmp_path: Path,
    command: str,
    context: str,
    answered_at_once: bool,
) -> None:
    speech_end_s = 0.5 + espeak(command).size / RATE
    path = write_wav(tmp_path / "c.wav", utterances([command, 4.0]))
    audio = CountedInput(path)
    listener = AudioListener(audio, recognizer, RecognitionSettings())
    heard = listener.listen(ListenMode.COMMAND, context)
    assert heard is not None and heard.text == command
    waited_s = audio.read_s - speech_end_s
    if answered_at_once:
        assert waited_s <= 0.5
    else:
        # Longer than the pauses inside slow commands (espeak-ng's own trailing silence is
        # counted as speech here, so the wait measured is shorter than it was).
        assert waited_s > 1.5
