"""``voicepeer prepare``: build the bundled engine's dictation model ahead of time.

voicepeer otherwise mixes it the first time it starts: seconds on a laptop, half a minute
or more on a Raspberry Pi. Prepared here, the first start is as quick as any other.
``--folder`` builds it into a folder shared by every user of a system image instead
(e.g. /usr/local/share/voicepeer/models), where voicepeer looks for it before building.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from voicepeer.cli import described
from voicepeer.config import load_settings
from voicepeer.listening import dictation_sources
from voicepeer.paths import data_dir
from voicepeer.recognition.dictation_lm import find_model, prepared_model, shared_model_folders
from voicepeer.recognition.listener import chosen_engine


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "prepare",
        help="build the dictation model now, so the first start is quick",
        description=described(__doc__),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--folder",
        type=Path,
        metavar="DIR",
        help="build it into DIR for every user (e.g. /usr/local/share/voicepeer/models) "
        "instead of this user's data folder",
    )
    parser.add_argument(
        "--config", metavar="FILE", default=argparse.SUPPRESS, help="settings file to use"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(getattr(args, "config", None)).recognition
    sources = dictation_sources(settings)
    if sources is None:
        print("Nothing to prepare: voicepeer uses the dictation model named in its settings.")
        return 0
    if args.folder is None and chosen_engine(settings) != "sphinx":
        print("Nothing to prepare: voicepeer listens with a Vosk model, which needs none.")
        return 0
    folder = args.folder if args.folder is not None else data_dir() / "models"
    # A user's start looks in their own folder, then in the shared ones; a folder named
    # here is being filled for others, so only it counts.
    found = find_model(sources, [folder] if args.folder else [folder, *shared_model_folders()])
    if found is not None:
        print(f"The dictation model is already prepared: {found}")
        return 0
    print("Preparing the dictation model: a few seconds, up to a minute on a Raspberry Pi.")
    started = time.monotonic()
    # For this user, as at start: earlier models in their folder are removed.
    path = sources.build(folder) if args.folder else prepared_model(sources, folder)
    print(f"The dictation model is ready ({time.monotonic() - started:.0f} s): {path}")
    return 0
