"""With push-to-talk, the reply's context still reaches the engine: a real key typed in a
real pseudo-terminal, espeak-ng speech decoded by the real PocketSphinx engine."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

from tests.support.speech_audio import utterances, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.listening import voice_loop_phrasebook
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.engine import decode
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.switches import SwitchSettings, TerminalKeySwitch
from voicepeer.voice.push_to_talk import PushToTalkListener, TrackedSpeech

REPLY = "did you get to the end of the pier with your walker"
CONTEXT = ["walked to the end of the pier today", "i managed the whole pier with my walker"]


def test_push_to_talk_hands_the_reply_context_to_the_engine(tmp_path: Path) -> None:
    audio = utterances([REPLY])
    recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    before = decode(recognizer, audio.tobytes(), ListenMode.DICTATION).text.split()
    master, slave = os.openpty()
    listener = AudioListener(WavFileInput(write_wav(tmp_path / "reply.wav", audio)), recognizer)
    switch = PushToTalkListener(
        listener,
        TerminalKeySwitch(slave),
        SwitchSettings(mode="tap", debounce_s=0.2),
        TrackedSpeech(PrintedSpeech()),
    )
    try:
        switch.use_dictation_context(CONTEXT)
        threading.Timer(0.3, os.write, (master, b" ")).start()
        heard = switch.listen(ListenMode.DICTATION)
    finally:
        switch.close()
        listener.close()
        for fd in (master, slave):
            with contextlib.suppress(OSError):
                os.close(fd)
    assert "pier" not in before and "walker" not in before
    assert heard is not None
    assert "pier" in heard.text.split() and "walker" in heard.text.split(), heard.text
