"""Link the person's forum account once: check the forum's address, have a helper approve
voicepeer on the forum (by typing a code, pasting the text the forum shows, or a redirect to
this computer), check the key works, and save it. Keys are read from the terminal or the
approval flow, never from the command line.

Used by ``voicepeer forum connect`` and by the set-up wizard in its own process: the terminal
is read only while waiting for the approval (see :mod:`voicepeer.setup.typed_lines`).
"""

from __future__ import annotations

import getpass
import sys
import time
import webbrowser
from dataclasses import dataclass
from urllib.parse import urlsplit

from voicepeer.errors import AuthError, ConfigError, ForumError, ForumUnreachableError
from voicepeer.forum.address_check import ForumAddressError, check_forum_address
from voicepeer.forum.credentials import Credentials, CredentialStore
from voicepeer.forum.device_approval import poll_device_approval, start_device_approval
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.http import ForumHttp, without_request
from voicepeer.forum.user_api_key import (
    LOOPBACK,
    KeyRequest,
    RedirectListener,
    finish_request,
    start_request,
)
from voicepeer.setup.typed_lines import TypedLines
from voicepeer.voice.error_phrases import say_error
from voicepeer.voice.phrasing import wait_phrase

STOPPED_WAITING = (
    "Stopped waiting; nothing was saved. Run voicepeer forum connect again when ready."
)
HOW_TO_STOP = "To stop waiting, press Ctrl+C."
REMINDER_EVERY_S = 60.0
"""While waiting for a code to be entered, say so this often."""
TYPING_POLL_S = 0.2
"""How long to wait for a typed line before looking at the clock (and a redirect) again."""


@dataclass(frozen=True)
class ConnectOptions:
    """How ``voicepeer forum connect`` approves; the defaults are what the wizard uses."""

    paste: bool = False
    """Approve by pasting the forum's text even where the forum offers a code to type."""
    redirect: str | None = None
    """An address on this computer the forum sends the approval back to, if allowed."""
    redirect_wait_s: float = 120.0
    """With ``redirect``: how long to wait for the forum before asking for the pasted text."""
    timeout_s: float = 600.0
    """How long to wait for the approval in all."""
    open_browser: bool = True
    """Open the approval link in a web browser when on a terminal."""
    admin_username: str | None = None
    """Read an admin API key acting as this user from standard input instead."""


def connect_account(url: str, options: ConnectOptions = ConnectOptions()) -> str | None:
    """Connect and save the account for the forum at ``url``: the forum's address as found
    (``http://`` for a forum on this computer typed without one); None (having said why on
    stderr) when nothing was saved."""
    store = CredentialStore()
    print("Checking the forum address...", flush=True)
    try:
        forum = check_forum_address(url, need_user_api_keys=options.admin_username is None)
    except ForumAddressError as error:
        print(f"{say_error(error)}\nNothing was changed.", file=sys.stderr)
        return None
    url = forum.url
    print(f"Found {forum.title!r}, a Discourse forum, at {url}.", flush=True)
    aside = store.set_aside_if_damaged()
    if aside is not None:
        # The accounts in it cannot be read anyway; kept, not deleted, in case they can be.
        print(
            f"The file of saved forum accounts could not be read, so it was renamed to "
            f"{aside} and a new one will be made. Accounts connected before must be "
            "connected again."
        )
    if options.admin_username is not None:
        key = _read_key_from_stdin()
        if not key:
            raise ConfigError("no API key on standard input")
        creds: Credentials | None = Credentials(
            url, "admin_api_key", key, username=options.admin_username
        )
    else:
        try:
            creds = _approval(store, url, options, device_code=forum.device_code)
        except KeyboardInterrupt:
            # The carer gave up on the approval (no browser at hand): that ends the wait,
            # not the set-up around it.
            print(f"\n{STOPPED_WAITING}", file=sys.stderr, flush=True)
            return None
    if creds is None:
        return None
    try:
        creds = _verify(creds)
    except AuthError:
        check = (
            f" Check that it is an admin API key for all users (or for {options.admin_username}),"
            " copied whole; or connect without --api-key-stdin to approve it in a web browser."
            if options.admin_username is not None
            else ""
        )
        print(f"The forum did not accept this key; nothing was saved.{check}", file=sys.stderr)
        return None
    except ForumError as error:
        print(f"Could not check the key with the forum ({error}); saving it anyway.")
    before = store.load(url)
    store.save(creds)
    who = f"{creds.username}'s account" if creds.username else "the account"
    print(f"Connected: {who} on {creds.forum_url}. Saved in {store.path} (readable only by you).")
    if before is not None and before.key != creds.key:
        _replaced(before, creds)
    return url


def _approval(
    store: CredentialStore, url: str, options: ConnectOptions, *, device_code: bool
) -> Credentials | None:
    if device_code and not (options.redirect or options.paste):
        return _approve_with_code(store, url, options)
    return _approve(store, url, options)


def _replaced(before: Credentials, now: Credentials) -> None:
    """Say that the account saved before is replaced, and revoke its key: no longer kept
    here, it could not be revoked from here later. Words waiting to be sent stay with the
    account they were confirmed with."""
    if before.username and before.username != now.username:
        print(
            f"This replaces the account {before.username} connected before. Replies that "
            f"{before.username} agreed to post and that are still waiting are never sent as "
            f"{now.username}: they wait until {before.username} is connected again."
        )
    if before.kind != "user_api_key":
        return  # an admin key is the forum's own: not revoked on one member's behalf
    problem = revoke_key(before)
    print(
        f"The key of the account connected before is not revoked: {problem}"
        if problem
        else "The key of the account connected before is revoked."
    )


def checked_forum_address(typed: str) -> str:
    """The address of the forum at ``typed`` (as typed: without http://, a forum on this
    computer is found there too), once it answers as a Discourse forum. Raises ConfigError
    saying what is wrong and what to do; nothing is connected."""
    print("Checking the forum address...", flush=True)
    try:
        return check_forum_address(typed.strip(), need_user_api_keys=False).url
    except ForumAddressError as error:
        raise ConfigError(
            f"{say_error(error)}\nNothing was saved. Run the same command again with the "
            "forum's address as the web browser shows it, or with --forum-url demo for the "
            "built-in practice forum."
        ) from None


def revoke_key(creds: Credentials) -> str | None:
    """Have the forum revoke the user API key ``creds`` holds. None when it no longer takes
    the key (revoked now, or before: a new key for the same member revokes the old one);
    else what went wrong, with how to revoke it on the forum."""
    try:
        with DiscourseClient(creds.forum_url, credentials=creds) as client:
            client.revoke_key()
    except AuthError:
        return None
    except ForumUnreachableError as error:
        return (
            f"the forum could not be reached ({without_request(error)}). It still takes the "
            f"key: revoke 'voicepeer' under Preferences > Security > Apps on the forum, "
            f"signed in as {creds.username or 'that account'}."
        )
    except ForumError as error:
        return (
            f"{without_request(error)}. Revoke 'voicepeer' under Preferences > Security > "
            f"Apps on the forum, signed in as {creds.username or 'that account'}."
        )
    return None


def _read_key_from_stdin() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Paste the API key (it will not be shown): ").strip()
    return sys.stdin.readline().strip()


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


def _open_in_browser(link: str, options: ConnectOptions) -> None:
    if options.open_browser and sys.stdout.isatty():
        webbrowser.open(link)


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


def _approve(store: CredentialStore, url: str, options: ConnectOptions) -> Credentials | None:
    redirect = options.redirect
    listener = RedirectListener(*_local_redirect(redirect)) if redirect else None
    try:
        request = start_request(url, store.client_id(url), auth_redirect=redirect)
        _print_steps(
            request.approval_url,
            redirect=listener is not None,
            timeout_s=options.timeout_s,
            redirect_wait_s=options.redirect_wait_s,
        )
        _open_in_browser(request.approval_url, options)
        payload = _wait_for_approval(request, listener, options.timeout_s, options.redirect_wait_s)
    finally:
        if listener:
            listener.close()
    return payload


def _approve_with_code(
    store: CredentialStore, url: str, options: ConnectOptions
) -> Credentials | None:
    http = ForumHttp(url)
    try:
        return _wait_for_code(http, store.client_id(url), options)
    finally:
        http.close()


def _wait_for_code(http: ForumHttp, client_id: str, options: ConnectOptions) -> Credentials | None:
    approval = start_device_approval(http, client_id)
    limit_s = min(options.timeout_s, approval.expires_in_s)
    _print_first_steps(approval.link)
    print("  3. The forum asks for a code. Type this code, then press 'Authorize':\n")
    print(f"     {approval.user_code}\n")
    print(
        f"This finishes by itself once you have. I will wait up to {wait_phrase(limit_s)}, "
        f"asking the forum every {wait_phrase(approval.interval_s)}. {HOW_TO_STOP}",
        flush=True,
    )
    _open_in_browser(approval.link, options)
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
            print(
                f"{say_error(error)} Nothing was saved; run voicepeer forum connect again.",
                file=sys.stderr,
            )
            return None
        unreachable = False
        if creds is not None:
            return creds
        if time.monotonic() - reminded >= REMINDER_EVERY_S:
            reminded = time.monotonic()
            left = limit_s - (reminded - started)
            print(
                f"Still waiting for the code {approval.user_code} to be entered on the "
                f"forum ({wait_phrase(left)} left).",
                flush=True,
            )
    print(
        f"The code was not entered within {wait_phrase(limit_s)}; nothing was saved. Run "
        "voicepeer forum connect again when ready.",
        file=sys.stderr,
    )
    return None


def _print_first_steps(link: str) -> None:
    print("\nTo connect the person's own forum account:\n")
    print("  1. Open this link in a web browser:\n")
    print(f"     {link}\n")
    print("  2. If the forum asks you to sign in, sign in as the person (their own account).")


def _print_steps(link: str, *, redirect: bool, timeout_s: float, redirect_wait_s: float) -> None:
    _print_first_steps(link)
    print("  3. The forum asks whether voicepeer may use the account. Press 'Authorize'.")
    if redirect:
        print("  4. The forum then sends the web browser back to voicepeer, and this finishes")
        print("     by itself. If the forum says the return address is not allowed, run this")
        print("     again without --redirect. If it shows a page with a block of letters and")
        print("     numbers instead, copy all of it, paste it here and press Enter.\n")
        print(
            f"I will listen for the forum for {wait_phrase(redirect_wait_s)}, and wait up to "
            f"{wait_phrase(timeout_s)} in all. {HOW_TO_STOP}",
            flush=True,
        )
    else:
        print("  4. The forum then shows a page thanking you, with a block of letters and")
        print("     numbers below. Select all of that block, copy it, paste it here and press")
        print("     Enter (an empty line after it if nothing happens).\n")
        print(f"I will wait up to {wait_phrase(timeout_s)}. {HOW_TO_STOP}", flush=True)


def _wait_for_approval(
    request: KeyRequest,
    listener: RedirectListener | None,
    timeout_s: float,
    redirect_wait_s: float,
) -> Credentials | None:
    lines = TypedLines(sys.stdin)
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
                print(
                    f"\nNothing came back from the forum in {wait_phrase(redirect_wait_s)}. If "
                    "the forum shows a block of letters and numbers, paste it here and press "
                    "Enter.",
                    flush=True,
                )
        if not typing:
            continue
        line = lines.next_line(0.0 if listening else TYPING_POLL_S)
        if lines.ended and line is None:  # input ended: nobody is there to paste
            typing = False
            continue
        if line is None:
            continue
        if line:
            pasted.append(line)
        if not pasted:
            continue
        try:
            creds = finish_request(request, "\n".join(pasted))
        except AuthError as error:
            if line:
                continue  # the block is pasted as several lines: wait for the rest
            print(say_error(error), file=sys.stderr, flush=True)
            pasted.clear()
            continue
        lines.drop_typed_ahead()
        return creds
    if pasted:
        print(
            "The pasted text is not complete: it must be the whole block the forum shows.",
            file=sys.stderr,
        )
    late = time.monotonic() - started >= timeout_s
    print(
        f"No approval arrived{' in ' + wait_phrase(timeout_s) if late else ''}; nothing was "
        "saved. Run voicepeer forum connect again when ready.",
        file=sys.stderr,
    )
    return None
