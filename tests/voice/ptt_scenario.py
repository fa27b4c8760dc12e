"""Push-to-talk with a real terminal key and real speech on the PulseAudio null sink.

Run as ``python -m tests.voice.ptt_scenario`` with PULSE_SERVER set (PortAudio reads the
environment when sounddevice is imported, so this runs in its own process). Prints one JSON
object with what happened.
"""

from __future__ import annotations

import io
import json
import os
import sys
import threading
import time

from voicepeer.recognition.base import ListenMode
from voicepeer.speech.factory import make_speech_output
from voicepeer.speech.settings import SpeechSettings
from voicepeer.switches import SwitchSettings, TerminalKeySwitch
from voicepeer.voice.push_to_talk import PushToTalkListener, StopKey, TrackedSpeech
from voicepeer.voice.text_input import TextListener

LONG_TEXT = " ".join(
    ["Heat makes my legs heavy, so I walk early in the morning and rest in the afternoon."] * 12
)


def speak_until_pressed(speech: TrackedSpeech, master: int, key: bytes) -> float:
    """Say a long text, press ``key`` a second into it; how long the speech lasted."""

    def press_while_speaking() -> None:
        speech.speaking.wait(10)
        time.sleep(1.0)
        os.write(master, key)

    threading.Thread(target=press_while_speaking, daemon=True).start()
    started = time.monotonic()
    speech.say(LONG_TEXT)
    return time.monotonic() - started


def stop_key() -> None:
    """No push-to-talk: any key still stops speech."""
    master, slave = os.openpty()
    speech = TrackedSpeech(make_speech_output("speaker", SpeechSettings(engine="espeak-ng")))
    key = StopKey(TerminalKeySwitch(slave), speech)
    say_s = speak_until_pressed(speech, master, b"x")
    key.close()
    speech.close()
    print(json.dumps({"say_s": say_s, "words": len(LONG_TEXT.split())}))


def push_to_talk() -> None:
    master, slave = os.openpty()
    speech = TrackedSpeech(make_speech_output("speaker", SpeechSettings(engine="espeak-ng")))
    settings = SwitchSettings(mode="tap", debounce_s=0.2)
    listener = PushToTalkListener(
        TextListener(io.StringIO("next post\n")), TerminalKeySwitch(slave), settings, speech
    )
    say_s = speak_until_pressed(speech, master, b" ")

    heard: list[str] = []
    listening = threading.Thread(
        target=lambda: heard.append(getattr(listener.listen(ListenMode.COMMAND), "text", "")),
        daemon=True,
    )
    listening.start()
    time.sleep(1.0)
    waited_for_press = listening.is_alive() and not heard
    os.write(master, b" ")
    listening.join(10)
    listener.close()
    speech.close()
    print(
        json.dumps(
            {
                "say_s": say_s,
                "words": len(LONG_TEXT.split()),
                "waited_for_press": waited_for_press,
                "heard": heard,
            }
        )
    )


if __name__ == "__main__":
    {"push_to_talk": push_to_talk, "stop_key": stop_key}[sys.argv[1]]()
