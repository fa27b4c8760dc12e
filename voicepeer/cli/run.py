"""``voicepeer run`` (any Discourse forum) and ``voicepeer demo`` (the built-in demo forum)."""

from __future__ import annotations

import argparse
import logging
import sys

from voicepeer import paths
from voicepeer.app import open_speech, parse_input, parse_output, run_assistant
from voicepeer.config import load_settings
from voicepeer.config.values import forum_address
from voicepeer.errors import ConfigError, VoicepeerError
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.user_api_key import SCOPES
from voicepeer.logs import open_transcript
from voicepeer.running import AlreadyRunningError, running_loop
from voicepeer.settings import Settings

log = logging.getLogger(__name__)

DEMO_MEMBER = "demo"
"""The demo forum's member voicepeer demo signs in as."""
DEMO_CLIENT_ID = "voicepeer-demo"
"""The client id of its key: each start replaces the key of the one before."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = subparsers.add_parser(
        "run",
        help="use a Discourse forum by voice",
        description="Listen, read the forum aloud and post dictated replies. Say goodbye "
        "(or quit voicepeer) to end; with typed input, Ctrl+D ends too.",
    )
    run.add_argument(
        "--forum",
        metavar="URL",
        default=None,
        help="the forum's web address (default: forum_url from the settings; "
        "none there means the built-in demo forum)",
    )
    _add_io_arguments(run)
    run.set_defaults(handler=_run)

    demo = subparsers.add_parser(
        "demo",
        help="try voicepeer on the built-in demo forum",
        description="Start the built-in demo forum and talk to it. With no microphone or "
        "speaker, type what you would say and read what voicepeer would say. "
        "Say or type goodbye to end; with typed input, Ctrl+D ends too.",
    )
    demo.add_argument(
        "--port", type=int, default=0, help="port for the demo forum (default: any free port)"
    )
    _add_io_arguments(demo)
    demo.set_defaults(handler=_demo)


def _add_io_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--input",
        type=parse_input,
        default=parse_input("mic"),
        metavar="mic|text|wav:PATH",
        help="where speech comes from: the microphone, typed lines (one "
        "utterance per line; Ctrl+D ends), or a WAV recording "
        "(default: mic)",
    )
    parser.add_argument(
        "--output",
        type=parse_output,
        default=parse_output("speaker"),
        metavar="speaker|text|wav:DIR",
        help="where voicepeer speaks: the speaker, printed lines starting "
        "'SAY: ', or one WAV file per utterance in DIR (default: speaker)",
    )
    parser.add_argument(
        "--transcript",
        action="store_true",
        help="write what voicepeer hears, says and does to a private "
        "transcript file, to follow with 'voicepeer transcript' "
        "(also [general] transcript = true)",
    )
    # SUPPRESS keeps a --config given before the subcommand from being reset to None.
    parser.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="settings file (default: config.toml in the config folder)",
    )


def _start_transcript(args: argparse.Namespace, settings: Settings) -> None:
    if not (args.transcript or settings.general.transcript):
        return
    try:
        open_transcript(paths.state_dir())
    except OSError as error:
        raise ConfigError(
            f"cannot write the transcript in {paths.state_dir()}: {error.strerror or error}"
        ) from None


SETTINGS_BROKEN = (
    "I cannot start: my settings file has a mistake. Please ask your helper to run voicepeer "
    "doctor."
)
"""Said with the default voice when the settings cannot be read: run as a service, the
person heard nothing, and only the terminal was told."""


def _settings(args: argparse.Namespace) -> Settings:
    """The settings; when they cannot be read, the person is told aloud (best effort, in
    the default voice) and the carer in the log, before the error goes on to the terminal."""
    try:
        return load_settings(args.config)
    except ConfigError as error:
        log.error("could not start: the settings cannot be read (%s)", type(error).__name__)
        try:
            open_speech(args.output, Settings()).say(SETTINGS_BROKEN)
        except VoicepeerError as speaking:  # no speaker either: the terminal is all there is
            log.warning("could not say so: %s", type(speaking).__name__)
        raise


def _run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _start_transcript(args, settings)
    url = forum_address(args.forum) if args.forum else settings.general.forum_url.strip()
    if not url:
        # "demo" in configure leaves forum_url empty: the built-in forum, as doctor says.
        return _run_demo(args, settings, port=0, show_address=False)
    return run_assistant(url, args.input, args.output, settings)


def _demo(args: argparse.Namespace) -> int:
    settings = _settings(args)
    _start_transcript(args, settings)
    return _run_demo(args, settings, port=args.port, show_address=True)


def _run_demo(
    args: argparse.Namespace, settings: Settings, *, port: int, show_address: bool
) -> int:
    """The built-in demo forum, started in this process on loopback, and voicepeer on it.
    ``show_address``: print where it runs (for a look in a web browser); otherwise only
    the log says, so the person's terminal shows only what voicepeer says."""
    from voicepeer.demo_forum import DemoForum

    # Asked before the forum starts: its address, printed, read as if this one ran too.
    holder = running_loop()
    if holder is not None:
        raise AlreadyRunningError(holder)
    with DemoForum(port=port) as forum:
        log.info("demo forum running at %s", forum.base_url)
        if show_address:
            print(f"voicepeer: demo forum running at {forum.base_url}", file=sys.stderr)
        # Signed in as its demo member, as a helper would connect an account: messages,
        # notifications and bookmarks work too. The key lives in memory only.
        key = forum.member_key(DEMO_MEMBER, DEMO_CLIENT_ID, SCOPES)
        member = Credentials(forum.base_url, "user_api_key", key, DEMO_MEMBER, DEMO_CLIENT_ID)
        return run_assistant(
            forum.base_url, args.input, args.output, settings, forum_key="demo", credentials=member
        )
