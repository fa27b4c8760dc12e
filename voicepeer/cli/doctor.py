"""``voicepeer doctor``: check everything voicepeer needs and say how to fix what fails."""

from __future__ import annotations

import argparse
import json
import logging
import sys
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
    path, explicit = config_path(config_file)
    config_check, settings = check_configuration(path, required=explicit)
    checks = [config_check, check_aliases(settings), check_push_to_talk(settings)]
    if audio:
        checks += [
            check_microphone(settings.recognition.device),
            check_speaker(settings.speech.output_device),
            check_echo_cancel(settings),
        ]
    checks += [
        check_speech_output(settings),
        check_recognizer(settings=settings),
        check_noise_suppression(settings),
        check_voice_training(settings),
        check_vosk_model(settings),
        check_credentials_file(),
        *check_forum(settings),
        check_disk_space(settings),
    ]
    return checks


def format_report(checks: list[Check]) -> str:
    lines = []
    for check in checks:
        mark = "OK  " if check.ok else "FAIL"
        lines.append(f"[{mark}] {check.check}: {check.detail}")
        if check.fix:
            label = "What to do" if not check.ok else "Tip"
            lines.append(f"       {label}: {check.fix}")
    failed = sum(not c.ok for c in checks)
    lines.append("")
    lines.append(
        "Everything voicepeer needs is working."
        if not failed
        else f"{failed} problem{'s' if failed > 1 else ''} found: follow 'What to do' above, "
        "then run 'voicepeer doctor' again."
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    checks = run_checks(getattr(args, "config", None), audio=not args.no_audio)
    if args.json:
        json.dump([c.as_dict() for c in checks], sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(format_report(checks))
    return 0 if all(c.ok for c in checks) else 1
