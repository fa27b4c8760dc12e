"""``voicepeer doctor``: check everything voicepeer needs and say how to fix what fails."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from voicepeer.config import config_path
from voicepeer.setup.doctor import (
    Check,
    check_aliases,
    check_configuration,
    check_credentials_file,
    check_disk_space,
    check_echo_cancel,
    check_forum,
    check_microphone,
    check_noise_suppression,
    check_pronunciations,
    check_push_to_talk,
    check_recognizer,
    check_speaker,
    check_speech_output,
    check_voice_training,
    check_vosk_model,
)

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "doctor",
        help="check microphone, speaker, speech, forum and settings",
        description="Check everything voicepeer needs and say how to fix each problem. "
        "Exit status 1 when something fails.",
    )
    parser.add_argument(
        "--json", action="store_true", help='print a JSON list of {"check", "ok", "detail", "fix"}'
    )
    parser.add_argument(
        "--no-audio",
        action="store_true",
        help="skip the microphone and speaker (e.g. over a remote login)",
    )
    parser.add_argument(
        "--config", metavar="FILE", default=argparse.SUPPRESS, help="settings file to check"
    )
    parser.set_defaults(handler=run)


def run_checks(config_file: Path | None = None, *, audio: bool = True) -> list[Check]:
    """Every check, in the order a caregiver would fix things."""
    return list(each_check(config_file, audio=audio))


def each_check(
    config_file: Path | None = None,
    *,
    audio: bool = True,
    still_waiting: Callable[[str], None] | None = None,
) -> Iterator[Check]:
    """The checks of :func:`run_checks`, each as soon as it is done: some take seconds
    (loading the speech model, a forum that does not answer: ``still_waiting(url)`` runs
    meanwhile)."""
    path, explicit = config_path(config_file)
    config_check, settings = check_configuration(path, required=explicit)
    yield config_check
    yield check_aliases(settings)
    yield check_push_to_talk(settings)
    if audio:
        yield check_microphone(settings.recognition.device)
        yield check_speaker(settings.speech.output_device)
        yield check_echo_cancel(settings)
    yield check_speech_output(settings)
    yield check_pronunciations(settings)
    yield check_recognizer(settings=settings)
    yield check_noise_suppression(settings)
    yield check_voice_training(settings)
    yield check_vosk_model(settings)
    yield check_credentials_file()
    yield from check_forum(settings, still_waiting)
    yield check_disk_space(settings)


def format_check(check: Check) -> str:
    mark = "OK  " if check.ok else "FAIL"
    lines = [f"[{mark}] {check.check}: {check.detail}"]
    if check.fix:
        label = "What to do" if not check.ok else "Tip"
        lines.append(f"       {label}: {check.fix}")
    return "\n".join(lines)


def format_summary(checks: list[Check]) -> str:
    failed = sum(not c.ok for c in checks)
    return (
        "Everything voicepeer needs is working."
        if not failed
        else f"{failed} problem{'s' if failed > 1 else ''} found: follow 'What to do' above, "
        "then run 'voicepeer doctor' again."
    )


def _still_waiting(url: str) -> None:
    print(f"       Still waiting for the forum at {url} to answer ...", flush=True)


def run(args: argparse.Namespace) -> int:
    config = getattr(args, "config", None)
    if args.json:
        checks = run_checks(config, audio=not args.no_audio)
        json.dump([c.as_dict() for c in checks], sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print("Checking what voicepeer needs; this can take a minute.", flush=True)
        checks = []
        for check in each_check(config, audio=not args.no_audio, still_waiting=_still_waiting):
            print(format_check(check), flush=True)
            checks.append(check)
        print()
        print(format_summary(checks))
    return 0 if all(c.ok for c in checks) else 1
