"""``voicepeer forum connect URL | revoke [URL] | status [URL]``: a helper links the
person's forum account once (see :mod:`voicepeer.setup.forum_account`), checks or removes it."""

from __future__ import annotations

import argparse
import sys
import textwrap
from dataclasses import replace
from functools import partial

from voicepeer.config import config_path, load_file, save_settings
from voicepeer.config.values import forum_address
from voicepeer.errors import ConfigError, ForumError
from voicepeer.forum.credentials import CredentialStore
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.settings import ForumSettings
from voicepeer.settings import Settings
from voicepeer.setup.forum_account import ConnectOptions, connect_account, revoke_key
from voicepeer.setup.forum_trouble import forum_trouble


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("forum", help="connect voicepeer to a forum account")
    actions = parser.add_subparsers(dest="forum_action", metavar="ACTION")
    # Alone, it says what it can do rather than argparse's "arguments are required".
    parser.set_defaults(handler=lambda args: _which_action(parser))

    connect = actions.add_parser(
        "connect",
        help="link a forum account (run once)",
        description="Check the forum's address, then show a link to open in a web browser "
        "where the person approves voicepeer: on current Discourse by typing a code shown "
        "here, otherwise by pasting here the block of text the forum then shows. Works on any "
        "Discourse forum without changing its settings.",
    )
    connect.add_argument("url", help="the forum's web address, e.g. https://forum.example.org")
    connect.add_argument(
        "--paste",
        action="store_true",
        help="approve by pasting the text the forum shows, even where the forum offers a code "
        "to type instead",
    )
    connect.add_argument(
        "--redirect",
        metavar="URL",
        help="have the forum send the approval straight back to voicepeer at URL, an address "
        "on this computer such as http://127.0.0.1:8731/voicepeer-auth; works only if the "
        "forum's administrator has added it to allowed_user_api_auth_redirects",
    )
    connect.add_argument(
        "--redirect-wait",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="with --redirect: how long to wait for the forum before asking for the pasted "
        "text instead (default 120)",
    )
    connect.add_argument(
        "--api-key-stdin",
        action="store_true",
        help="read an admin API key from standard input instead of asking the person",
    )
    connect.add_argument("--api-username", help="username the admin API key acts as")
    connect.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="how long to wait for the approval in all (default 600)",
    )
    connect.add_argument(
        "--no-browser", action="store_true", help="only print the link; do not open a web browser"
    )
    connect.set_defaults(handler=connect_command)

    revoke = actions.add_parser("revoke", help="disconnect and revoke the key")
    revoke.add_argument("url", nargs="?", help="which forum (default: the only one)")
    revoke.set_defaults(handler=revoke_command)

    status = actions.add_parser("status", help="show which forum accounts are connected")
    status.add_argument("url", nargs="?", help="which forum (default: all)")
    status.set_defaults(handler=status_command)


def connect_command(args: argparse.Namespace) -> int:
    if args.api_key_stdin and not args.api_username:
        raise ConfigError("--api-key-stdin needs --api-username NAME")
    options = ConnectOptions(
        paste=args.paste,
        redirect=args.redirect,
        redirect_wait_s=args.redirect_wait,
        timeout_s=args.timeout,
        open_browser=not args.no_browser,
        admin_username=args.api_username if args.api_key_stdin else None,
    )
    connected = connect_account(args.url, options)
    if connected is None:
        return 1
    # Looked up as found, not as typed: "127.0.0.1:4311" is saved as http://, and looked up
    # as https:// the forum was never set as the one to use, and nothing said so.
    creds = CredentialStore().load(connected)
    if creds is not None:
        _use_forum(creds.forum_url, getattr(args, "config", None))
    return 0


def _use_forum(url: str, config: str | None) -> None:
    """Set the forum connected to as the one voicepeer uses, when none is set: connected
    alone, the account was unused, and voicepeer went on with its practice forum."""
    path, _ = config_path(config)
    try:
        settings = load_file(path, Settings)
    except ConfigError:
        settings = None  # a file with mistakes is never rewritten behind the helper's back
    current = settings.general.forum_url if settings is not None else None
    if settings is not None and not current:
        general = replace(settings.general, forum_url=url)
        written = save_settings(replace(settings, general=general), path)
        print(f"voicepeer now uses this forum: forum_url is set in {written.path}.")
        for note in written.said():
            print(note)
    elif current is None or forum_address(current) != url:
        print(
            f"voicepeer is set to use {current or 'another forum'}, not this one. To use this "
            f"one, run: voicepeer configure --non-interactive --forum-url {url}"
        )


def _chosen(store: CredentialStore, url: str | None) -> list[str]:
    if url:
        return [forum_address(url)]
    return list(store.forums())


def _which_action(parser: argparse.ArgumentParser) -> int:
    print(parser.format_help())
    print(
        "Say which: 'voicepeer forum connect ADDRESS' to connect the person's account, "
        "'voicepeer forum status' to check it, 'voicepeer forum revoke' to disconnect it."
    )
    return 2


def revoke_command(args: argparse.Namespace) -> int:
    store = CredentialStore()
    forums = _chosen(store, args.url)
    if not forums:
        print("No forum account is connected.")
        return 0
    if len(forums) > 1:
        raise ConfigError(
            "accounts on several forums are connected; name the one to disconnect, as in "
            f"'voicepeer forum revoke {forums[0]}'. Connected: " + ", ".join(forums)
        )
    creds = store.load(forums[0])
    if creds is None:
        print(f"No account is connected for {forums[0]}.")
        return 1
    status = 0
    if creds.kind == "user_api_key":
        problem = revoke_key(creds)
        if problem:
            print(f"The key is not revoked: {problem}", file=sys.stderr)
            status = 1
        else:
            print("The forum has revoked voicepeer's key.")
    store.remove(creds.forum_url)
    print(f"Removed the saved account for {creds.forum_url} from this computer.")
    return status


def status_command(args: argparse.Namespace) -> int:
    store = CredentialStore()
    forums = _chosen(store, args.url)
    if not forums:
        print("No forum account is connected. Run: voicepeer forum connect URL")
        return 1
    settings = _checking_settings(getattr(args, "config", None))
    worst = 0
    for url in forums:
        creds = store.load(url)
        if creds is None:
            print(f"{url}: not connected. To connect it, run: voicepeer forum connect {url}")
            worst = 1
            continue
        account = f"{url}: {creds.kind.replace('_', ' ')} for {creds.username or '?'}"
        print(f"Checking {url} ...", flush=True)
        try:
            with DiscourseClient(url, credentials=creds, settings=settings) as client:
                client.on_slow(partial(_still_waiting, url))
                print(f"{account} - working, signed in as {client.check_account()}")
        except ForumError as error:
            print(f"{account} - not working.")
            print(
                textwrap.fill(
                    str(forum_trouble(url, error)),
                    88,
                    initial_indent="    ",
                    subsequent_indent="    ",
                    # Commands to copy stay whole: not "demo-" on one line, "forum" on the next.
                    break_on_hyphens=False,
                    break_long_words=False,
                )
            )
            worst = 1
    return worst


def _checking_settings(config: str | None) -> ForumSettings:
    """The forum settings voicepeer runs with, without retries."""
    path, _ = config_path(config)
    try:
        forum = load_file(path, Settings).forum
    except ConfigError:
        forum = ForumSettings()  # doctor says what is wrong with the file
    return forum.for_a_check()


def _still_waiting(url: str) -> None:
    print(f"    Still waiting for {url} to answer ...", flush=True)
