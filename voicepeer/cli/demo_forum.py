"""``voicepeer demo-forum``: run the built-in practice forum in the foreground."""

from __future__ import annotations

import argparse
import secrets
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from voicepeer.demo_forum import DemoForum, DemoForumOptions, default_db_path
from voicepeer.unreachable import DEMO_FORUM_PORT

# Easy to read out and type: a carer may have to copy it from one screen to another.
_WORDS = (
    "apple",
    "river",
    "candle",
    "garden",
    "pebble",
    "meadow",
    "harbour",
    "willow",
    "lantern",
    "biscuit",
    "orchard",
    "thistle",
    "marble",
    "kettle",
    "heather",
    "ribbon",
)


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "demo-forum",
        help="run the built-in practice forum on this computer",
        description=(
            "Run voicepeer's practice forum: a small Discourse-compatible forum with sample "
            "conversations, stored on this computer. Stop it with Ctrl-C."
        ),
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEMO_FORUM_PORT,
        help=f"port to listen on (0 picks a free one; default {DEMO_FORUM_PORT})",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only)",
    )
    parser.add_argument(
        "--db", type=Path, default=None, help=f"database file (default {default_db_path()})"
    )
    # Writes always need a key now, as on a stock Discourse; the flag that asked for that
    # is still accepted, so that a helper's saved command line keeps working.
    parser.add_argument("--require-sign-in", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--member-password",
        default=None,
        help="password every member signs in with to approve an app such as "
        "voicepeer (default: a new one, printed at start)",
    )
    parser.add_argument(
        "--allow-auth-redirect",
        action="append",
        default=[],
        metavar="URL",
        help="also let apps be sent back to URL after approval, as a site "
        "admin adds to allowed_user_api_auth_redirects (repeatable)",
    )
    parser.add_argument(
        "--allow-uncategorized-topics",
        action="store_true",
        help="let members start topics without a category, in Uncategorized, as the site "
        "setting allow_uncategorized_topics does (off by default, as on a new Discourse site)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.port <= 65535:
        print("voicepeer: --port must be between 0 and 65535", file=sys.stderr)
        return 2
    password = args.member_password or "-".join(secrets.choice(_WORDS) for _ in range(3))
    options = DemoForumOptions(
        allow_uncategorized_topics=args.allow_uncategorized_topics,
        member_password=password,
        allowed_user_api_auth_redirects=(
            *DemoForumOptions.allowed_user_api_auth_redirects,
            *args.allow_auth_redirect,
        ),
    )
    forum = DemoForum(args.db, options, host=args.host, port=args.port)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        url = forum.start()
        print(f"Demo forum running at {url}", flush=True)
        print(f"Database: {forum.db_path}", flush=True)
        print(
            f"To connect an app, sign in as any member (e.g. demo) with the password: {password}",
            flush=True,
        )
        if args.host not in ("127.0.0.1", "localhost", "::1"):
            print(
                "Warning: other computers on the network can reach this forum; anyone who "
                "knows the password can sign in as any member.",
                flush=True,
            )
        print("Press Ctrl-C to stop.", flush=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        forum.stop()
        signal.signal(signal.SIGTERM, previous)
    print("Demo forum stopped.", flush=True)
    return 0
