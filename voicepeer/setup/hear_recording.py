"""What voicepeer, listening for a command, makes of a recording: the same listener, engine,
model, silence timing, personal command words and interpreter the voice loop uses while it
reads a post.

The set-up tools ask it in a child process (``python -m voicepeer.setup.hear_recording
SETTINGS WAV``, printing a JSON list of what was heard and the command each would be), with
a time limit: a decoder that crashes or never answers must not take the wizard, and the
answers given so far, with it. The settings reach the child as a settings file, the one
format both sides already share.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voicepeer.audio.base import INPUT_SAMPLE_RATE
from voicepeer.errors import ModelMissingError, SpeechEngineError, VoicepeerError

MODEL_MISSING_EXIT = 3
"""The child's exit status when the recognizer's model is missing (its message on stderr):
told apart, it is named as that, with its own fix, not as a failure of voicepeer's."""
RECOGNIZE_TIMEOUT_S = 120.0
"""Long enough for a slow computer to load the recognizer's models (about 10 s here)."""


@dataclass(frozen=True)
class HeardCommands:
    """The utterances heard in a recording, and the command each would be."""

    texts: tuple[str, ...]
    commands: tuple[str | None, ...]
    """Per utterance, the command (an ``Intent`` value) voicepeer would carry out while
    reading a post, or None where it would say it did not catch that."""

    @property
    def text(self) -> str:
        """What was heard, the utterances joined with " / "."""
        return " / ".join(t for t in self.texts if t)


def heard_in(settings_file: Path, recording: Path) -> list[dict[str, str | None]]:
    """Every utterance the command listener hears in ``recording`` (16 kHz mono WAV), with
    the command it would be."""
    from voicepeer.config import load_settings
    from voicepeer.listening import make_interpreter, make_listener
    from voicepeer.voice.state_commands import interpret_in, listen_mode
    from voicepeer.voice.states import State

    settings = load_settings(settings_file).recognition
    interpreter = make_interpreter(settings)
    listener = make_listener("wav", settings, path=recording, interpreter=interpreter)
    try:
        found: list[dict[str, str | None]] = []
        while (
            heard := listener.listen(listen_mode(State.READING), State.READING.value)
        ) is not None:
            command = interpret_in(State.READING, heard, interpreter).command
            found.append({"text": heard.text, "command": command.intent.value if command else None})
        return found
    finally:
        listener.close()


def recognize_command(pcm: bytes, settings: Any) -> HeardCommands:
    """What voicepeer makes of ``pcm`` (16 kHz mono speech) with ``settings``."""
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
        if done.returncode == MODEL_MISSING_EXIT:
            raise ModelMissingError(last[0])
        raise SpeechEngineError(f"the speech recognizer failed: {last[0]}")
    found = [u for u in json.loads(done.stdout) if isinstance(u, dict)]
    return HeardCommands(
        tuple(str(u.get("text") or "") for u in found),
        tuple(u["command"] if isinstance(u.get("command"), str) else None for u in found),
    )


def main(arguments: list[str]) -> int:
    settings_file, recording = arguments
    try:
        heard = heard_in(Path(settings_file), Path(recording))
    except ModelMissingError as error:
        print(" ".join(str(error).split()), file=sys.stderr)
        return MODEL_MISSING_EXIT
    except VoicepeerError as error:  # its own words, not a traceback's last line
        print(" ".join(str(error).split()), file=sys.stderr)
        return 1
    print(json.dumps(heard))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
