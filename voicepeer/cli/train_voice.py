"""``voicepeer train-voice``: teach the bundled speech engine the person's voice.

At the microphone, each sentence is shown and said aloud and the person says it back.
Recordings made elsewhere can be used instead: ``--wav-dir`` takes ``01.wav``, ``02.wav``, …,
one per sentence in the order ``--sentences`` prints (missing numbers are skipped).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from voicepeer.cli import described
from voicepeer.config import config_path, load_file
from voicepeer.errors import ConfigError
from voicepeer.recognition.listener import chosen_engine
from voicepeer.recognition.voice_profile import default_profile_path, forget_voice
from voicepeer.recognition.voice_training import (
    TRAINING_SENTENCES,
    TrainingRecording,
    describe_result,
    train_voice,
)
from voicepeer.settings import Settings
from voicepeer.setup.prompter import Prompter
from voicepeer.setup.service import service_paused


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "train-voice",
        help="teach voicepeer the person's voice (they read a few sentences aloud)",
        description=described(__doc__),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--sentences", action="store_true", help="print the numbered sentences to record and stop"
    )
    action.add_argument(
        "--wav-dir",
        type=Path,
        metavar="DIR",
        help="train from recordings 01.wav, 02.wav, ... in DIR",
    )
    action.add_argument(
        "--forget", action="store_true", help="delete the voice training and listen as before it"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path, _ = config_path(getattr(args, "config", None))
    settings = load_file(path, Settings)
    profile = settings.recognition.voice_profile or default_profile_path()
    if args.sentences:
        for number, sentence in enumerate(TRAINING_SENTENCES, start=1):
            print(f"{number:02d}  {sentence}")
        return 0
    if args.forget:
        removed = forget_voice(profile)
        print(
            f"Voice training deleted ({profile})."
            if removed
            else "There was no voice training to delete."
        )
        return 0
    if args.wav_dir is not None:
        recordings = recordings_from(args.wav_dir)
        with service_paused(print):  # restarted, so the running voicepeer uses the training
            print(describe_result(train_voice(recordings, profile)))
        return 0
    from voicepeer.setup.voice_training_session import run_voice_training

    if chosen_engine(settings.recognition) == "vosk":
        print(
            "Note: voice training is for the bundled engine; voicepeer listens with Vosk, "
            'so it is used only with [recognition] engine = "sphinx".',
            file=sys.stderr,
        )
    print(run_voice_training(Prompter(), settings.recognition.device, settings))
    return 0


def recordings_from(folder: Path) -> list[TrainingRecording]:
    """``NN.wav`` in ``folder`` paired with sentence NN, as 16 kHz mono ("7.wav" is taken
    as "07.wav": a recorder numbering its files need not add the 0)."""
    from voicepeer.audio.input import read_wav

    if not folder.is_dir():
        raise ConfigError(f"{folder} is not a folder of recordings")
    recordings = []
    for number, sentence in enumerate(TRAINING_SENTENCES, start=1):
        named = (folder / f"{number:02d}.wav", folder / f"{number}.wav")
        wav = next((path for path in named if path.exists()), None)
        if wav is not None:
            recordings.append(TrainingRecording(sentence, read_wav(wav).tobytes()))
    if not recordings:
        raise ConfigError(
            f"{folder} has no recordings named 01.wav, 02.wav, ... "
            "(see voicepeer train-voice --sentences)"
        )
    return recordings
