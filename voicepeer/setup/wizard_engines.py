"""The real parts the set-up wizard drives, each behind a small callable so the wizard can
run (and say "not available, skipping") whatever this computer lacks."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicepeer.audio.base import INPUT_SAMPLE_RATE
from voicepeer.errors import AudioDeviceError, SpeechEngineError, VoicepeerError
from voicepeer.setup.doctor import Microphone
from voicepeer.setup.prompter import Prompter
from voicepeer.setup.push_to_talk import wait_for_key
from voicepeer.setup.sound_check import prepare_for_recognizer

log = logging.getLogger(__name__)

SpeakPreview = Callable[[str, Any], bool]
"""(text, speech settings) → True when spoken aloud, False when there is no speaker."""


def connect_account(url: str) -> bool:
    """Run the forum account approval (``voicepeer forum connect``) on this terminal.

    A child process, so the approval flow's own reading of the terminal ends with it.
    """
    done = subprocess.run([sys.executable, "-m", "voicepeer", "forum", "connect", url],
                          check=False)
    return done.returncode == 0


def _espeak_wav(text: str, voice: str, rate_wpm: int) -> bytes:
    program = shutil.which("espeak-ng")
    if program is None:
        raise SpeechEngineError("espeak-ng is not installed")
    done = subprocess.run([program, "-v", voice, "-s", str(rate_wpm), "--stdout", text],
                          capture_output=True, timeout=60, check=False)
    if done.returncode != 0 or len(done.stdout) < 44:
        message = done.stderr.decode(errors="replace").strip()
        raise SpeechEngineError(f"espeak-ng could not speak with voice {voice}: {message}")
    return done.stdout


def play_wav(wav: bytes, volume: float, device: str | None = None) -> None:
    """Play a 16-bit mono WAV on the speaker at ``volume`` (0.0 to 1.0)."""
    import io
    import wave

    import numpy as np

    with wave.open(io.BytesIO(wav)) as reader:
        rate = reader.getframerate()
        frames = reader.readframes(reader.getnframes())
    samples = (np.frombuffer(frames, dtype=np.int16) * volume).astype(np.int16)
    try:
        import sounddevice

        with sounddevice.RawOutputStream(samplerate=rate, channels=1, dtype="int16",
                                         device=device or None) as stream:
            stream.write(samples.tobytes())
    except Exception as error:  # PortAudioError or a missing library: no speaker to use
        raise AudioDeviceError(f"cannot play sound: {error}") from error


def speak_preview(text: str, speech: Any) -> bool:
    """Say ``text`` exactly as voicepeer will, through its own speech output; False when
    there is no speaker to use (the wizard then prints the text)."""
    try:
        from voicepeer.speech.factory import make_speech_output
    except ImportError:  # an installation without the speaker output: espeak-ng directly
        try:
            play_wav(_espeak_wav(text, speech.voice, speech.rate_wpm), speech.volume)
        except AudioDeviceError as error:
            log.info("preview printed instead of spoken: %s", error)
            return False
        return True
    try:
        output = make_speech_output("speaker", speech)
    except AudioDeviceError as error:
        log.info("preview printed instead of spoken: %s", error)
        return False
    try:
        output.say(text)
    finally:
        output.close()
    return True


def device_id(name: str) -> int | str | None:
    """A configured device: "" → the default, "3" → PortAudio's device 3, else a name."""
    name = name.strip()
    return None if not name else int(name) if name.isdigit() else name


def open_microphone(device: str = "") -> Microphone:
    from voicepeer.audio.input import SounddeviceInput

    return SounddeviceInput(device_id(device))


_RECOGNIZE_SCRIPT = """
import json, sys
from voicepeer.config import load_settings
from voicepeer.recognition import make_listener
from voicepeer.recognition.base import ListenMode
listener = make_listener("wav", load_settings(sys.argv[1]).recognition, path=sys.argv[2])
texts = []
while (heard := listener.listen(ListenMode.COMMAND)) is not None:
    texts.append(heard.text)
listener.close()
print(json.dumps(texts))
"""
RECOGNIZE_TIMEOUT_S = 120.0
"""Long enough for a slow computer to load the recognizer's models (about 10 s here)."""


def recognize_command(pcm: bytes, settings: Any) -> str:
    """What voicepeer, listening for a command, makes of ``pcm``: the same listener, engine,
    model, silence timing and personal command words it uses when running. Utterances it
    splits the audio into are joined with " / ".

    In a child process with a time limit: a stuck decoder must not freeze the set-up. The
    settings reach it as a settings file, the one format both sides already share.
    """
    import json
    import tempfile
    import wave

    from voicepeer.config.writer import write_file

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
                [sys.executable, "-c", _RECOGNIZE_SCRIPT, str(config), str(audio)],
                capture_output=True, timeout=RECOGNIZE_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise SpeechEngineError(
                f"the speech recognizer gave no answer within {RECOGNIZE_TIMEOUT_S:.0f} s"
            ) from None
    if done.returncode != 0:
        last = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise SpeechEngineError(f"the speech recognizer failed: {last[0]}")
    texts = json.loads(done.stdout)
    return " / ".join(t for t in texts if isinstance(t, str) and t)


def download_model(name: str, settings: Any) -> Path:
    from voicepeer.speech_models import ProgressBar
    from voicepeer.speech_models import download_model as download

    return download(name, settings=settings, progress=ProgressBar())


def train_voice(io: Prompter, device: str, settings: Any) -> str:
    from voicepeer.setup.voice_training_session import run_voice_training

    return run_voice_training(io, device, settings)


@dataclass
class WizardEngines:
    """Everything the wizard uses that touches hardware or the network."""

    connect_account: Callable[[str], bool] = connect_account
    speak_preview: SpeakPreview = speak_preview
    open_microphone: Callable[[str], Microphone] = open_microphone
    recognize_command: Callable[[bytes, Any], str] = recognize_command
    download_model: Callable[[str, Any], Path] = download_model
    train_voice: Callable[[Prompter, str, Any], str] = train_voice
    """(prompter, microphone name, settings) → how it went; see
    voicepeer.setup.voice_training_session."""
    wait_for_key: Callable[[Any, Callable[[], object]], str | None] = wait_for_key
    """(switch settings, called when ready for the press) → the key pressed once on that
    switch, or None after a while."""
    unavailable: dict[str, str] = field(default_factory=dict)


def describe(error: BaseException) -> str:
    """A failure in one sentence, for "not available, skipping" lines."""
    if isinstance(error, VoicepeerError):
        return str(error)
    return f"{type(error).__name__}: {error}"
