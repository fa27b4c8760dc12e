"""``voicepeer forum connect URL | revoke [URL] | status [URL]``: a helper links the
person's forum account once. Keys are read from stdin or the approval flow, never argv."""

from __future__ import annotations

import argparse
import getpass
import queue
import sys
import threading
import time

from voicepeer.errors import AuthError, ConfigError, ForumError
from voicepeer.forum.credentials import Credentials, CredentialStore, normalize_forum_url
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.user_api_key import RedirectListener, finish_request, start_request


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("forum", help="connect voicepeer to a forum account")
    actions = parser.add_subparsers(dest="forum_action", metavar="ACTION", required=True)

    connect = actions.add_parser("connect", help="link a forum account (run once)")
    connect.add_argument("url", help="the forum's web address, e.g. https://forum.example.org")
    connect.add_argument(
        "--paste", action="store_true", help="do not listen for the approval; paste it instead"
    )
    connect.add_argument(
        "--api-key-stdin",
        action="store_true",
        help="read an admin API key from standard input instead of asking the person",
    )
    connect.add_argument("--api-username", help="username the admin API key acts as")
    connect.add_argument(
        "--timeout", type=float, default=900.0, help="seconds to wait for approval (default 900)"
    )
    connect.set_defaults(handler=connect_command)

    revoke = actions.add_parser("revoke", help="disconnect and revoke the key")
    revoke.add_argument("url", nargs="?", help="which forum (default: the only one)")
    revoke.set_defaults(handler=revoke_command)

    status = actions.add_parser("status", help="show which forum accounts are connected")
    status.add_argument("url", nargs="?", help="which forum (default: all)")
    status.set_defaults(handler=status_command)


def _read_key_from_stdin() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Paste the API key (it will not be shown): ").strip()
    return sys.stdin.readline().strip()


def _stdin_lines() -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for line in sys.stdin:
            lines.put(line.strip())

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _verify(credentials: Credentials) -> Credentials:
    """Ask the forum who this key belongs to; proves it works and records the username."""
    with DiscourseClient(credentials.forum_url, credentials=credentials) as client:
        username = client.check_account()
    return Credentials(
        forum_url=credentials.forum_url,
        kind=credentials.kind,
        key=credentials.key,
        username=username,
        client_id=credentials.client_id,
    )


def connect_command(args: argparse.Namespace) -> int:
    store = CredentialStore()
    url = normalize_forum_url(args.url)
    if args.api_key_stdin:
        if not args.api_username:
            raise ConfigError("--api-key-stdin needs --api-username NAME")
        key = _read_key_from_stdin()
        if not key:
            raise ConfigError("no API key on standard input")
        creds = Credentials(url, "admin_api_key", key, username=args.api_username)
    else:
        creds = _approve(store, url, paste_only=args.paste, timeout_s=args.timeout)
    try:
        creds = _verify(creds)
    except AuthError:
        print("The forum did not accept this key; nothing was saved.", file=sys.stderr)
        return 1
    except ForumError as error:
        print(f"Could not check the key with the forum ({error}); saving it anyway.")
    store.save(creds)
    print(f"Connected: {creds}. Saved in {store.path} (readable only by you).")
    return 0


def _approve(
    store: CredentialStore, url: str, *, paste_only: bool, timeout_s: float
) -> Credentials:
    client_id = store.client_id(url)
    listener = None if paste_only else RedirectListener()
    try:
        request = start_request(url, client_id, auth_redirect=listener.url if listener else None)
        print("Open this link in a web browser where the person is signed in to the forum,")
        print("and press 'Authorize':\n")
        print(f"  {request.approval_url}\n")
        if listener:
            print("When approved, this finishes by itself. If the forum shows a block of text")
            print("instead, paste it here and press Enter.")
        else:
            print("The forum will show a block of text: paste it here and press Enter.")
        sys.stdout.flush()
        lines = _stdin_lines()
        pasted: list[str] = []
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            payload = listener.wait(0.2) if listener else None
            if payload is not None:
                return finish_request(request, payload)
            try:
                line = lines.get(timeout=0.0 if listener else 0.2)
            except queue.Empty:
                continue
            # The forum wraps the text over several lines: collect until it decrypts.
            if line:
                pasted.append(line)
            if not pasted:
                continue
            try:
                return finish_request(request, "".join(pasted))
            except AuthError as error:
                if line:
                    continue  # probably more lines to come
                print(f"{error.spoken}", file=sys.stderr)
                pasted.clear()
    finally:
        if listener:
            listener.close()
    raise AuthError("no approval arrived in time; run voicepeer forum connect again")


def _chosen(store: CredentialStore, url: str | None) -> list[str]:
    if url:
        return [normalize_forum_url(url)]
    return list(store.forums())


def revoke_command(args: argparse.Namespace) -> int:
    store = CredentialStore()
    forums = _chosen(store, args.url)
    if not forums:
        print("No forum account is connected.")
        return 0
    if len(forums) > 1:
        raise ConfigError("several forums are connected; say which: " + ", ".join(forums))
    creds = store.load(forums[0])
    if creds is None:
        print(f"No account is connected for {forums[0]}.")
        return 1
    status = 0
    if creds.kind == "user_api_key":
        try:
            with DiscourseClient(creds.forum_url, credentials=creds) as client:
                client.revoke_key()
            print("The forum has revoked voicepeer's key.")
        except ForumError as error:
            print(
                f"Could not reach the forum to revoke the key ({error}). Revoke 'voicepeer' "
                "under Preferences > Security > Apps on the forum.",
                file=sys.stderr,
            )
            status = 1
    store.remove(creds.forum_url)
    print(f"Removed the saved account for {creds.forum_url} from this computer.")
    return status


def status_command(args: argparse.Namespace) -> int:
    store = CredentialStore()
    forums = _chosen(store, args.url)
    if not forums:
        print("No forum account is connected. Run: voicepeer forum connect URL")
        return 1
    worst = 0
    for url in forums:
        creds = store.load(url)
        if creds is None:
            print(f"{url}: not connected")
            worst = 1
            continue
        try:
            with DiscourseClient(url, credentials=creds) as client:
                state = f"working, signed in as {client.check_account()}"
        except ForumError as error:
            state = f"not working: {error.spoken}"
            worst = 1
        print(f"{url}: {creds.kind.replace('_', ' ')} for {creds.username or '?'} - {state}")
    return worst
