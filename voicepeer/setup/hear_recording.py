"""What voicepeer, listening for a command, makes of a recording: the same listener, engine,
model, silence timing and personal command words the voice loop uses.

The set-up tools ask it in a child process (``python -m voicepeer.setup.hear_recording
SETTINGS WAV``, printing a JSON list of what was heard), with a time limit: a decoder that
crashes or never answers must not take the wizard, and the answers given so far, with it.
The settings reach the child as a settings file, the one format both sides already share.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import wave
from pathlib import Path
from typing import Any

from voicepeer.audio.base import INPUT_SAMPLE_RATE
from voicepeer.errors import SpeechEngineError

RECOGNIZE_TIMEOUT_S = 120.0
"""Long enough for a slow computer to load the recognizer's models (about 10 s here)."""


def heard_in(settings_file: Path, recording: Path) -> list[str]:
    """Every utterance the command listener hears in ``recording`` (16 kHz mono WAV)."""
    from voicepeer.config import load_settings
    from voicepeer.listening import make_listener
    from voicepeer.recognition.base import ListenMode

    listener = make_listener("wav", load_settings(settings_file).recognition, path=recording)
    try:
        texts = []
        while (heard := listener.listen(ListenMode.COMMAND)) is not None:
            texts.append(heard.text)
        return texts
    finally:
        listener.close()


def recognize_command(pcm: bytes, settings: Any) -> str:
    """What voicepeer makes of ``pcm`` (16 kHz mono speech) with ``settings``; the
    utterances it splits the audio into are joined with " / "."""
    from voicepeer.config.writer import write_file
    from voicepeer.setup.sound_check import prepare_for_recognizer

    with tempfile.TemporaryDirectory() as folder:
        config, audio = Path(folder) / "config.toml", Path(folder) / "said.wav"
        write_file(config, settings)
        with wave.open(str(audio), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(INPUT_SAMPLE_RATE)
            wav.writeframes(prepare_for_recognizer(pcm, INPUT_SAMPLE_RATE, pad_s=0.5))
        try:
            done = subprocess.run(
                [sys.executable, "-m", __name__, str(config), str(audio)],
                capture_output=True,
                timeout=RECOGNIZE_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise SpeechEngineError(
                f"the speech recognizer gave no answer within {RECOGNIZE_TIMEOUT_S:.0f} s"
            ) from None
    if done.returncode != 0:
        last = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise SpeechEngineError(f"the speech recognizer failed: {last[0]}")
    texts = json.loads(done.stdout)
    return " / ".join(t for t in texts if isinstance(t, str) and t)


def main(arguments: list[str]) -> int:
    settings_file, recording = arguments
    print(json.dumps(heard_in(Path(settings_file), Path(recording))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
