"""The ``voicepeer`` command line: ``main(argv)`` dispatches to one module per subcommand.

Each subcommand module has ``register(subparsers)``, which adds its parser and sets
``handler`` (a function taking the parsed arguments and returning the exit status).
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import logging
import os
import re
import sys
import typing
from collections.abc import Sequence

from voicepeer import __version__, paths
from voicepeer.audio import portaudio_exit
from voicepeer.errors import AudioDeviceError, SettingsFileError, VoicepeerError
from voicepeer.logs import setup_logging
from voicepeer.microphone_wait import StartAgain, start_again

log = logging.getLogger(__name__)

SUBCOMMAND_MODULES: tuple[str, ...] = (
    "voicepeer.cli.run",
    "voicepeer.cli.demo_forum",
    "voicepeer.cli.models",
    "voicepeer.cli.forum",
    "voicepeer.cli.doctor",
    "voicepeer.cli.prepare",
    "voicepeer.cli.configure",
    "voicepeer.cli.commands_card",
    "voicepeer.cli.listen",
    "voicepeer.cli.train_voice",
    "voicepeer.cli.transcript",
)


# Words a helper may try for a command by another name: "setup" from scripts/setup.
OTHER_NAMES = {
    "setup": "configure",
    "set-up": "configure",
    "config": "configure",
    "settings": "configure",
    "check": "doctor",
    "start": "run",
}


class _Parser(argparse.ArgumentParser):
    """Adds a "did you mean" to a mistyped subcommand (``voicepeer doctr``)."""

    def error(self, message: str) -> typing.NoReturn:
        wrong = re.search(r"invalid choice: '([^']*)'", message)
        choices = self._subcommand_names()
        if wrong and choices:
            close = difflib.get_close_matches(wrong.group(1), choices, n=1, cutoff=0.6)
            other = OTHER_NAMES.get(wrong.group(1).lower())
            if other in choices:
                message += f"\nDid you mean: {self.prog} {other}"
            elif close:
                message += f"\nDid you mean: {self.prog} {close[0]}"
        super().error(message)

    def _subcommand_names(self) -> list[str]:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                return list(action.choices)
        return []


def described(doc: str | None) -> str:
    """A module's docstring as a command's --help text: without the leading command name
    and the ``code`` marks, which a helper reading it takes for part of what to type."""
    text = re.sub(r"^``voicepeer [\w-]+``:\s*", "", (doc or "").strip())
    text = text.replace("``", "'")
    return text[:1].upper() + text[1:]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="voicepeer",
        description="Hands-free, eyes-free access to online peer-support forums.",
    )
    parser.add_argument("--version", action="version", version=f"voicepeer {__version__}")
    parser.add_argument("--debug", action="store_true", help="log details for troubleshooting")
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (default: config.toml in the config folder, or $VOICEPEER_CONFIG)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    status = _run(argv)
    # Kept for the case where PortAudio's shutdown at exit has to be cut short.
    portaudio_exit.exit_status = status
    return status


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Rotating file under the state folder, secrets scrubbed; see voicepeer.logs.
    setup_logging(args.debug, paths.state_dir())
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args))
    except StartAgain:
        start_again()
    except VoicepeerError as error:
        print(f"voicepeer: {error}", file=sys.stderr)
        if isinstance(error, SettingsFileError):
            print(
                "Fix this in the settings file with a text editor, or run 'voicepeer "
                "configure' to write the file again: it keeps every setting that is right "
                "and leaves out only the wrong ones.",
                file=sys.stderr,
            )
        if isinstance(error, AudioDeviceError):
            # The device's own words say what failed, not what to do: doctor does.
            print(
                "Check that it is plugged in and switched on; 'voicepeer doctor' says what "
                "else to check.",
                file=sys.stderr,
            )
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``voicepeer models list | head -1``): that is not an error
        # worth a traceback. Point stdout at nothing so the final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
