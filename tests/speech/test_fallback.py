"""A speech output that fails carries on in print: every word reaches the person."""

from __future__ import annotations

import io
from pathlib import Path

from voicepeer.audio.output import WavDirectoryOutput
from voicepeer.speech.fallback import FallbackSpeech
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.speech.streaming import StreamingSpeech
from voicepeer.speech.synth import EspeakSynthesizer
from voicepeer.voice.error_phrases import say_error


def test_a_broken_synthesizer_is_said_once_then_everything_is_printed(tmp_path: Path) -> None:
    output = WavDirectoryOutput(tmp_path / "said")
    broken = StreamingSpeech(EspeakSynthesizer("en-gb", executable="no-such-espeak"), output)
    printed = io.StringIO()
    speech = FallbackSpeech(broken, say_error, PrintedSpeech(printed))
    speech.say("Hello there.")
    speech.say("Still here.")
    speech.stop()
    assert speech.take_interruption() is False
    speech.close()
    assert printed.getvalue().splitlines() == [
        "SAY: My voice stopped working. Please ask your helper to run voicepeer doctor.",
        "SAY: Hello there.",
        "SAY: Still here.",
    ]
    assert output.written == []
