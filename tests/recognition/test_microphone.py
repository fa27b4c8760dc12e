"""A real sound device: speech played into PulseAudio's null sink is recorded from its
monitor ("null.monitor") through sounddevice, endpointed and recognized."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.speech_audio import utterances, write_wav

pytestmark = pytest.mark.audio

# Runs in a fresh process: PortAudio reads PULSE_SERVER when sounddevice is imported.
_LISTEN_SCRIPT = """
import json, subprocess, sys
from voicepeer.audio.input import SounddeviceInput
from voicepeer.commands import CommandMatcher
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.listening import voice_loop_phrasebook

recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
mic = SounddeviceInput(device="pulse")
settings = RecognitionSettings(max_command_s=8.0, background_talk_s=6.0)
listener = AudioListener(mic, recognizer, settings)
mic.read(0.3)  # the device is live before anything plays
player = subprocess.Popen(["paplay", "--device=null", sys.argv[1]])
results = []
for _ in range(2):
    heard = listener.listen(ListenMode.COMMAND)
    command = CommandMatcher().interpret(heard).command
    results.append({"text": heard.text, "intent": command.intent.value if command else None})
player.wait(timeout=30)
listener.close()
print(json.dumps(results))
"""


def test_commands_played_into_the_sound_card_are_understood(
    pulse_env: dict[str, str], tmp_path: Path
) -> None:
    env = dict(pulse_env, PULSE_SOURCE="null.monitor")
    wav = write_wav(
        tmp_path / "said.wav", utterances(["next post", 2.0, "go to sleep", 2.0], wpm=130)
    )
    done = subprocess.run(
        [sys.executable, "-c", _LISTEN_SCRIPT, str(wav)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    assert [r["intent"] for r in results] == ["next", "sleep"], results


_DISCARD_SCRIPT = """
import time
from voicepeer.audio.input import SounddeviceInput
mic = SounddeviceInput(device="pulse", block_s=0.05)
mic.read(0.2)
time.sleep(1.0)          # a second captured while "voicepeer was speaking"
mic.discard_pending()
started = time.monotonic()
mic.read(0.5)
waited = time.monotonic() - started
mic.close()
print(f"{waited:.3f}")
"""


def test_discard_pending_drops_what_was_captured_while_speaking(
    pulse_env: dict[str, str],
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _DISCARD_SCRIPT],
        env=dict(pulse_env, PULSE_SOURCE="null.monitor"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # Fresh audio must be waited for in real time: the old second was dropped.
    assert float(done.stdout.strip().splitlines()[-1]) >= 0.35
