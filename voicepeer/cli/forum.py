"""``voicepeer forum connect URL | revoke [URL] | status [URL]``: a helper links the
person's forum account once. Keys are read from stdin or the approval flow, never argv."""

from __future__ import annotations

import argparse
import getpass
import queue
import sys
import threading
import time
import webbrowser
from urllib.parse import urlsplit

from voicepeer.errors import AuthError, ConfigError, ForumError, ForumUnreachableError
from voicepeer.forum.address_check import ForumAddressError, check_forum_address
from voicepeer.forum.credentials import Credentials, CredentialStore, normalize_forum_url
from voicepeer.forum.device_approval import poll_device_approval, start_device_approval
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.http import ForumHttp
from voicepeer.forum.user_api_key import (
    LOOPBACK,
    KeyRequest,
    RedirectListener,
    finish_request,
    start_request,
)
from voicepeer.voice.error_phrases import say_error
from voicepeer.voice.phrasing import wait_phrase

REMINDER_EVERY_S = 60.0
"""While waiting for a code to be entered, say so this often."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("forum", help="connect voicepeer to a forum account")
    actions = parser.add_subparsers(dest="forum_action", metavar="ACTION", required=True)

    connect = actions.add_parser(
        "connect", help="link a forum account (run once)",
        description="Check the forum's address, then show a link to open in a web browser "
        "where the person approves voicepeer: on current Discourse by typing a code shown "
        "here, otherwise by pasting here the block of text the forum then shows. Works on any "
        "Discourse forum without changing its settings.")
    connect.add_argument("url", help="the forum's web address, e.g. https://forum.example.org")
    connect.add_argument(
        "--paste", action="store_true",
        help="approve by pasting the text the forum shows, even where the forum offers a code "
        "to type instead",
    )
    connect.add_argument(
        "--redirect", metavar="URL",
        help="have the forum send the approval straight back to voicepeer at URL, an address "
        "on this computer such as http://127.0.0.1:8731/voicepeer-auth; works only if the "
        "forum's administrator has added it to allowed_user_api_auth_redirects",
    )
    connect.add_argument(
        "--redirect-wait", type=float, default=120.0, metavar="SECONDS",
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
        "--timeout", type=float, default=600.0, metavar="SECONDS",
        help="how long to wait for the approval in all (default 600)",
    )
    connect.add_argument("--no-browser", action="store_true",
                         help="only print the link; do not open a web browser")
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


def _stdin_lines() -> queue.Queue[str | None]:
    """Lines typed or pasted, as they come; None once the input has ended."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in sys.stdin:
            lines.put(line.strip())
        lines.put(None)

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
    print("Checking the forum address...", flush=True)
    try:
        forum = check_forum_address(args.url, need_user_api_keys=not args.api_key_stdin)
    except ForumAddressError as error:
        print(f"{say_error(error)}\nNothing was changed.", file=sys.stderr)
        return 1
    url = forum.url
    print(f"Found {forum.title!r}, a Discourse forum, at {url}.", flush=True)
    if args.api_key_stdin:
        if not args.api_username:
            raise ConfigError("--api-key-stdin needs --api-username NAME")
        key = _read_key_from_stdin()
        if not key:
            raise ConfigError("no API key on standard input")
        creds: Credentials | None = Credentials(url, "admin_api_key", key,
                                                username=args.api_username)
    elif forum.device_code and not (args.redirect or args.paste):
        creds = _approve_with_code(store, url, args)
    else:
        creds = _approve(store, url, args)
    if creds is None:
        return 1
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


def _local_redirect(redirect: str) -> tuple[str, int, str]:
    """Host, port and path of a --redirect address voicepeer can listen on."""
    parts = urlsplit(redirect)
    if parts.scheme != "http" or parts.hostname not in LOOPBACK or parts.port is None:
        raise ConfigError(
            f"--redirect {redirect!r}: it must be an address on this computer with a port, "
            "such as http://127.0.0.1:8731/voicepeer-auth (the forum's administrator must add "
            "exactly that address to allowed_user_api_auth_redirects). Without --redirect, "
            "connecting works on any forum."
        )
    return parts.hostname, parts.port, parts.path or "/"


def _approve(store: CredentialStore, url: str, args: argparse.Namespace) -> Credentials | None:
    listener = RedirectListener(*_local_redirect(args.redirect)) if args.redirect else None
    try:
        request = start_request(url, store.client_id(url), auth_redirect=args.redirect)
        _print_steps(request.approval_url, redirect=listener is not None, timeout_s=args.timeout,
                     redirect_wait_s=args.redirect_wait)
        if not args.no_browser and sys.stdout.isatty():
            webbrowser.open(request.approval_url)
        payload = _wait_for_approval(request, listener, args.timeout, args.redirect_wait)
    finally:
        if listener:
            listener.close()
    return payload


def _approve_with_code(store: CredentialStore, url: str,
                       args: argparse.Namespace) -> Credentials | None:
    http = ForumHttp(url)
    try:
        return _wait_for_code(http, store.client_id(url), args)
    finally:
        http.close()


def _wait_for_code(http: ForumHttp, client_id: str,
                   args: argparse.Namespace) -> Credentials | None:
    approval = start_device_approval(http, client_id)
    limit_s = min(args.timeout, approval.expires_in_s)
    print("\nTo connect the person's own forum account:\n")
    print("  1. Open this link in a web browser:\n")
    print(f"     {approval.link}\n")
    print("  2. If the forum asks you to sign in, sign in as the person (their own account).")
    print("  3. The forum asks for a code. Type this code, then press 'Authorize':\n")
    print(f"     {approval.user_code}\n")
    print(f"This finishes by itself once you have. I will wait up to {wait_phrase(limit_s)}, "
          f"asking the forum every {wait_phrase(approval.interval_s)}.", flush=True)
    if not args.no_browser and sys.stdout.isatty():
        webbrowser.open(approval.link)
    started = time.monotonic()
    reminded = started
    unreachable = False
    while time.monotonic() - started < limit_s:
        time.sleep(approval.interval_s)
        try:
            creds = poll_device_approval(http, approval)
        except ForumUnreachableError:
            if not unreachable:
                print("The forum is not answering at the moment; I keep trying.", flush=True)
            unreachable = True
            continue
        except AuthError as error:
            print(f"{say_error(error)} Nothing was saved; run voicepeer forum connect again.",
                  file=sys.stderr)
            return None
        unreachable = False
        if creds is not None:
            return creds
        if time.monotonic() - reminded >= REMINDER_EVERY_S:
            reminded = time.monotonic()
            left = limit_s - (reminded - started)
            print(f"Still waiting for the code {approval.user_code} to be entered on the "
                  f"forum ({wait_phrase(left)} left).", flush=True)
    print(f"The code was not entered within {wait_phrase(limit_s)}; nothing was saved. Run "
          "voicepeer forum connect again when ready.", file=sys.stderr)
    return None


def _print_steps(link: str, *, redirect: bool, timeout_s: float, redirect_wait_s: float) -> None:
    print("\nTo connect the person's own forum account:\n")
    print("  1. Open this link in a web browser:\n")
    print(f"     {link}\n")
    print("  2. If the forum asks you to sign in, sign in as the person (their own account).")
    print("  3. The forum asks whether voicepeer may use the account. Press 'Authorize'.")
    if redirect:
        print("  4. The forum then sends the web browser back to voicepeer, and this finishes")
        print("     by itself. If the forum says the return address is not allowed, run this")
        print("     again without --redirect. If it shows a page with a block of letters and")
        print("     numbers instead, copy all of it, paste it here and press Enter.\n")
        print(f"I will listen for the forum for {wait_phrase(redirect_wait_s)}, and wait up to "
              f"{wait_phrase(timeout_s)} in all.", flush=True)
    else:
        print("  4. The forum then shows a page thanking you, with a block of letters and")
        print("     numbers below. Select all of that block, copy it, paste it here and press")
        print("     Enter (an empty line after it if nothing happens).\n")
        print(f"I will wait up to {wait_phrase(timeout_s)}.", flush=True)


def _wait_for_approval(
    request: KeyRequest, listener: RedirectListener | None, timeout_s: float,
    redirect_wait_s: float,
) -> Credentials | None:
    lines = _stdin_lines()
    pasted: list[str] = []
    started = time.monotonic()
    listening = listener is not None
    typing = True
    while (waited := time.monotonic() - started) < timeout_s and (typing or listening):
        if listener is not None and listening:
            payload = listener.wait(0.2)
            if payload is not None:
                return finish_request(request, payload)
            if waited >= redirect_wait_s:
                listening = False
                print(f"\nNothing came back from the forum in {wait_phrase(redirect_wait_s)}. If "
                      "the forum shows a block of letters and numbers, paste it here and press "
                      "Enter.", flush=True)
        if not typing:
            continue
        try:
            line = lines.get(timeout=0.0 if listening else 0.2)
        except queue.Empty:
            continue
        if line is None:  # input ended: nobody is there to paste
            typing = False
            continue
        if line:
            pasted.append(line)
        if not pasted:
            continue
        try:
            return finish_request(request, "\n".join(pasted))
        except AuthError as error:
            if line:
                continue  # the block is pasted as several lines: wait for the rest
            print(say_error(error), file=sys.stderr, flush=True)
            pasted.clear()
    if pasted:
        print("The pasted text is not complete: it must be the whole block the forum shows.",
              file=sys.stderr)
    late = time.monotonic() - started >= timeout_s
    print(f"No approval arrived{' in ' + wait_phrase(timeout_s) if late else ''}; nothing was "
          "saved. Run voicepeer forum connect again when ready.", file=sys.stderr)
    return None


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
            state = f"not working: {say_error(error)}"
            worst = 1
        print(f"{url}: {creds.kind.replace('_', ' ')} for {creds.username or '?'} - {state}")
    return worst
