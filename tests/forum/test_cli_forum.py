"""``voicepeer forum connect | status | revoke`` as a helper would run them."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.support.approval import Browser, form_of, shown_payload
from voicepeer import paths
from voicepeer.config import default_config_path, load_settings
from voicepeer.demo_forum.http_api import Response
from voicepeer.demo_forum.settings import DISCOURSE_AUTH_REDIRECTS
from voicepeer.errors import AuthError
from voicepeer.forum.credentials import Credentials, CredentialStore
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.voice.error_phrases import say_error

from .conftest import ADMIN_KEY, RunningForum, StartForum

REPO = Path(__file__).resolve().parents[2]
RUN_FORUM_COMMAND = (
    "import argparse, sys\n"
    "from voicepeer.cli import forum\n"
    "parser = argparse.ArgumentParser(prog='voicepeer')\n"
    "forum.register(parser.add_subparsers())\n"
    "args = parser.parse_args(sys.argv[1:])\n"
    "sys.exit(args.handler(args))\n"
)


def voicepeer_forum(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUN_FORUM_COMMAND, "forum", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
        env=dict(os.environ),
    )


def test_forum_alone_says_which_actions_there_are() -> None:
    # It was argparse's "the following arguments are required: ACTION".
    result = voicepeer_forum()
    assert result.returncode == 2
    assert "Say which: 'voicepeer forum connect ADDRESS'" in result.stdout
    assert "required" not in result.stderr


def test_status_without_any_account() -> None:
    result = voicepeer_forum("status")
    assert result.returncode == 1
    assert "voicepeer forum connect" in result.stdout


def test_status_of_a_forum_not_connected_says_how_to_connect_it() -> None:
    result = voicepeer_forum("status", "https://forum.example.org")
    assert result.returncode == 1
    assert result.stdout == (
        "https://forum.example.org: not connected. To connect it, run: voicepeer forum "
        "connect https://forum.example.org\n"
    )


def test_connect_with_admin_key_from_stdin(forum: RunningForum) -> None:
    result = voicepeer_forum(
        "connect",
        forum.base_url,
        "--api-key-stdin",
        "--api-username",
        "demo",
        stdin=ADMIN_KEY + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert f"Connected: demo's account on {forum.base_url}." in result.stdout
    assert ADMIN_KEY not in result.stdout + result.stderr
    path = paths.config_dir() / "credentials.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    creds = CredentialStore().load(forum.base_url)
    assert creds is not None and creds.username == "demo" and creds.key == ADMIN_KEY
    status = voicepeer_forum("status")
    assert status.returncode == 0
    assert "working" in status.stdout
    assert ADMIN_KEY not in status.stdout


def test_connecting_again_sets_a_damaged_accounts_file_aside(forum: RunningForum) -> None:
    # doctor said "Reconnect the account", and connect stopped at the damaged file.
    path = paths.config_dir() / "credentials.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<html>a command card written over it</html>", encoding="utf-8")
    args = ("connect", forum.base_url, "--api-key-stdin", "--api-username", "demo")
    result = voicepeer_forum(*args, stdin=ADMIN_KEY + "\n")
    assert result.returncode == 0, result.stderr
    aside = path.with_name("credentials.json.damaged")
    assert f"could not be read, so it was renamed to {aside}" in result.stdout
    assert aside.read_text(encoding="utf-8") == "<html>a command card written over it</html>"
    creds = CredentialStore().load(forum.base_url)
    assert creds is not None and creds.key == ADMIN_KEY


def test_a_forum_on_this_computer_given_without_http_is_found(forum: RunningForum) -> None:
    # "127.0.0.1:4200" was tried as https:// only: "Nothing answered", though it runs.
    bare = forum.base_url.removeprefix("http://")
    args = ("connect", bare, "--api-key-stdin", "--api-username", "demo")
    result = voicepeer_forum(*args, stdin=ADMIN_KEY + "\n")
    assert result.returncode == 0, result.stderr
    assert f"a Discourse forum, at {forum.base_url}." in result.stdout
    assert CredentialStore().load(forum.base_url) is not None
    # Looked up as typed (https://), the account was never set as the forum to use, and
    # voicepeer went on with its practice forum without a word.
    config = default_config_path()
    assert f"voicepeer now uses this forum: forum_url is set in {config}." in result.stdout
    assert load_settings(config).general.forum_url == forum.base_url


def test_wrong_admin_key_is_not_saved(forum: RunningForum) -> None:
    result = voicepeer_forum(
        "connect",
        forum.base_url,
        "--api-key-stdin",
        "--api-username",
        "demo",
        stdin="not-the-key\n",
    )
    assert result.returncode == 1
    assert "did not accept" in result.stderr
    # What to check was not said.
    assert "Check that it is an admin API key for all users (or for demo)" in result.stderr
    assert CredentialStore().load(forum.base_url) is None


def _connect(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", RUN_FORUM_COMMAND, "forum", "connect", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
    )


def _approval_link(child: subprocess.Popen[str], before: list[str] | None = None) -> str:
    """The link connect prints; ``before`` collects what it printed until then."""
    assert child.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = child.stdout.readline()
        assert line, "connect ended without printing the approval link"
        if "/user-api-key/new?" in line:
            return line.strip()
        if before is not None:
            before.append(line)
    raise AssertionError("no approval link")


def _finish(child: subprocess.Popen[str], typed: str = "") -> tuple[str, str]:
    """Type ``typed``, end the input, and collect the rest of what connect prints (read
    through the same buffered pipes the link was read from)."""
    assert child.stdin is not None and child.stdout is not None and child.stderr is not None
    child.stdin.write(typed)
    child.stdin.close()
    out, err = child.stdout.read(), child.stderr.read()
    child.wait(timeout=30)
    return out, err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connect_by_pasting_works_on_stock_settings(start_forum: StartForum) -> None:
    # allowed_user_api_auth_redirects as Discourse ships it; a version before code approval.
    running = start_forum(offer_device_code=False)
    child = _connect(running.base_url)
    printed: list[str] = []
    link = _approval_link(child, printed)
    assert "auth_redirect" not in link
    with Browser(running.base_url, "jo") as browser:
        shown = shown_payload(browser.authorize(link).text)
    assert shown.count("\n") > 1  # wrapped over several lines, as Discourse shows it
    # Pasted the way a carer might: indented, with blank lines and a stray space.
    pasted = "\n  " + shown.replace("\n", " \n") + "\n\n"
    out, err = _finish(child, pasted)
    assert child.returncode == 0, err
    assert "Found 'voicepeer demo forum', a Discourse forum" in "".join(printed)
    assert "Select all of that block, copy it, paste it here" in out
    assert "I will wait up to 10 minutes." in out
    creds = CredentialStore().load(running.base_url)
    assert creds is not None and creds.kind == "user_api_key" and creds.username == "jo"
    assert creds.key not in out + err
    saved = json.loads((paths.config_dir() / "credentials.json").read_text())
    assert saved["client_ids"][creds.forum_url] == creds.client_id

    revoked = voicepeer_forum("revoke")
    assert revoked.returncode == 0, revoked.stderr
    assert CredentialStore().load(running.base_url) is None
    with (
        DiscourseClient(running.base_url, credentials=creds) as client,
        pytest.raises(AuthError) as caught,
    ):
        client.notifications()  # the revoked key must no longer work
    assert "reconnect" in say_error(caught.value)


def test_a_wrong_paste_is_explained_and_the_right_one_still_taken(
    start_forum: StartForum,
) -> None:
    running = start_forum()
    child = _connect(running.base_url, "--paste")  # pasting, though a code is offered
    link = _approval_link(child)
    with Browser(running.base_url, "mei") as browser:
        shown = shown_payload(browser.authorize(link).text)
    _out, err = _finish(child, "Copy the text below\n\n" + shown + "\n")
    assert child.returncode == 0, err
    assert "That is not the whole approval text" in err
    creds = CredentialStore().load(running.base_url)
    assert creds is not None and creds.username == "mei"


def test_an_allowed_redirect_finishes_by_itself(start_forum: StartForum) -> None:
    redirect = f"http://127.0.0.1:{_free_port()}/voicepeer-auth"
    running = start_forum(allowed_user_api_auth_redirects=(*DISCOURSE_AUTH_REDIRECTS, redirect))
    child = _connect(running.base_url, "--redirect", redirect)
    link = _approval_link(child)
    assert "auth_redirect" in link
    with Browser(running.base_url, "mei") as browser:
        sent_back = browser.authorize(link)
        assert sent_back.status_code == 302
        # The browser follows the forum back to voicepeer's listener.
        done = httpx.get(sent_back.headers["location"], timeout=30)
    assert "voicepeer is connected" in done.text
    _out, err = _finish(child)
    assert child.returncode == 0, err
    creds = CredentialStore().load(running.base_url)
    assert creds is not None and creds.username == "mei"


def test_a_redirect_the_forum_refuses_falls_back_to_pasting(start_forum: StartForum) -> None:
    redirect = f"http://127.0.0.1:{_free_port()}/voicepeer-auth"
    running = start_forum()  # stock settings: this address is not allowed
    child = _connect(running.base_url, "--redirect", redirect, "--redirect-wait", "1")
    link = _approval_link(child)
    with Browser(running.base_url) as browser:
        refused = browser.open(link)
    assert refused.status_code == 403 and "does not allow" in refused.text
    started = time.monotonic()
    out, err = _finish(child)  # nobody pastes anything
    assert time.monotonic() - started < 15  # a stated, short wait; never fifteen minutes
    assert child.returncode == 1
    assert "I will listen for the forum for 1 second" in out
    assert "Nothing came back from the forum in 1 second" in out
    assert "nothing was saved" in err
    assert CredentialStore().load(running.base_url) is None


def _code_and_link(child: subprocess.Popen[str]) -> tuple[str, str]:
    assert child.stdout is not None
    printed: list[str] = []
    while not any("I will wait up to" in line for line in printed):
        line = child.stdout.readline()
        assert line, "connect ended early:\n" + "".join(printed)
        printed.append(line)
    text = "".join(printed)
    link = re.search(r"(http://\S+/user-api-key/activate\?request=\S+)", text)
    code = re.search(r"^\s+([A-Z0-9]{4}-[A-Z0-9]{4})$", text, re.M)
    assert link and code, text
    return code.group(1), link.group(1)


def _enter_code(browser: Browser, link: str, code: str, decision: str) -> httpx.Response:
    page = browser.open(link)
    assert page.status_code == 200 and "Type the code" in page.text, page.text[:800]
    action, fields = form_of(page.text)
    return browser.http.post(
        action, data={**fields, "code": code.lower().replace("-", " "), "decision": decision}
    )


def test_connect_by_typing_the_code_on_current_discourse(start_forum: StartForum) -> None:
    running = start_forum(device_code_poll_interval_s=1)
    child = _connect(running.base_url)
    code, link = _code_and_link(child)
    with Browser(running.base_url, "priya") as browser:
        wrong = _enter_code(browser, link, "ABCD-EFGH", "authorize")
        assert "That code is not right" in wrong.text
        done = _enter_code(browser, link, code, "authorize")
    assert "The application is connected" in done.text
    out, err = _finish(child)
    assert child.returncode == 0, err
    creds = CredentialStore().load(running.base_url)
    assert creds is not None and creds.kind == "user_api_key" and creds.username == "priya"
    assert creds.key not in out + err


def test_a_denied_code_is_reported_and_nothing_saved(start_forum: StartForum) -> None:
    running = start_forum(device_code_poll_interval_s=1)
    child = _connect(running.base_url)
    code, link = _code_and_link(child)
    with Browser(running.base_url) as browser:
        _enter_code(browser, link, code, "deny")
    _out, err = _finish(child)
    assert child.returncode == 1
    assert "Deny was pressed" in err and "Nothing was saved" in err
    assert CredentialStore().load(running.base_url) is None


def test_a_code_not_entered_in_time_ends_with_a_stated_message(start_forum: StartForum) -> None:
    running = start_forum(device_code_poll_interval_s=1)
    child = _connect(running.base_url, "--timeout", "2")
    _code_and_link(child)
    _out, err = _finish(child)
    assert child.returncode == 1
    assert "The code was not entered within 2 seconds; nothing was saved" in err


def test_ctrl_c_while_waiting_for_the_code_ends_the_wait_with_a_stated_message(
    start_forum: StartForum,
) -> None:
    # A carer with no browser at hand gives up: they are told how, and what became of it.
    running = start_forum(device_code_poll_interval_s=1)
    child = _connect(running.base_url)
    assert child.stdout is not None
    printed = [child.stdout.readline()]
    while "I will wait up to" not in printed[-1]:
        printed.append(child.stdout.readline())
        assert printed[-1], "connect ended early:\n" + "".join(printed)
    assert "To stop waiting, press Ctrl+C." in printed[-1]
    child.send_signal(signal.SIGINT)
    _out, err = _finish(child)
    assert child.returncode == 1
    assert "Stopped waiting; nothing was saved. Run voicepeer forum connect again" in err
    assert "Traceback" not in err
    assert CredentialStore().load(running.base_url) is None


def test_a_redirect_elsewhere_is_refused_before_anything_starts(forum: RunningForum) -> None:
    result = voicepeer_forum(
        "connect", forum.base_url, "--redirect", "https://api.discourse.org/api/auth_redirect"
    )
    assert result.returncode != 0
    assert "an address on this computer with a port" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("notaurl", "is not a web address"),
        ("forum example org", "cannot be the forum's address: a web address has no spaces"),
        ("ftp://forum.example.org", "a web address here starts with https:// (or http://)"),
        (
            "http://127.0.0.1:9",
            "Nothing answered at http://127.0.0.1:9, an address on this computer: the forum "
            "program is not running there (or runs at another port). Start the forum program",
        ),
        # The practice forum typed without http://, as its window shows it, and stopped.
        ("127.0.0.1:4200", "For voicepeer's practice forum, run 'voicepeer demo-forum' in"),
        # "A forum's address has a dot in its name", said of an address with dots in it.
        ("http//127.0.0.1:4200", "the colon after http is missing"),
        # Without http:// or https://, https:// is tried: the answer says so.
        ("forum.example.invalid", "It was given without https://, so that was tried"),
        # A password typed in the address was repeated on the screen.
        (
            "https://jo:s3cret@forum.example.org",
            "'https://…@forum.example.org' cannot be the forum's address: the address must "
            "not contain a user name or password",
        ),
    ],
)
def test_a_wrong_address_is_explained(address: str, expected: str) -> None:
    result = voicepeer_forum("connect", address)
    assert result.returncode == 1
    assert expected in result.stderr and "Nothing was changed." in result.stderr
    assert "s3cret" not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert not (paths.config_dir() / "credentials.json").exists()


def test_a_web_site_that_is_not_discourse_is_explained(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body>Our charity's home page</body></html>")
    site = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port := _free_port())],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        result = voicepeer_forum("connect", f"http://127.0.0.1:{port}")
    finally:
        site.terminate()
        site.wait(timeout=10)
    assert result.returncode == 1
    assert "it is not a Discourse forum" in result.stderr


def test_a_forum_without_user_api_keys_is_explained(forum: RunningForum) -> None:
    forum.server.faults.answer_next(
        "/user-api-key/new",
        Response.json(
            404,
            {
                "errors": ["The requested URL or resource could not be found."],
                "error_type": "not_found",
            },
        ),
    )
    result = voicepeer_forum("connect", forum.base_url)
    assert result.returncode == 1
    assert "does not let apps connect" in result.stderr
    assert "--api-key-stdin" in result.stderr


def test_status_notices_a_key_the_forum_no_longer_accepts(forum: RunningForum) -> None:
    CredentialStore().save(Credentials(forum.base_url, "admin_api_key", "stale-key", "demo"))
    result = voicepeer_forum("status")
    assert result.returncode == 1
    assert "not working" in result.stdout and "reconnect" in result.stdout
    assert "stale-key" not in result.stdout + result.stderr


def test_an_admin_key_needs_no_user_api_keys(forum: RunningForum) -> None:
    forum.server.faults.answer_next(
        "/user-api-key/new",
        Response.json(
            404,
            {
                "errors": ["The requested URL or resource could not be found."],
                "error_type": "not_found",
            },
        ),
    )
    result = voicepeer_forum(
        "connect",
        forum.base_url,
        "--api-key-stdin",
        "--api-username",
        "demo",
        stdin=ADMIN_KEY + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert forum.server.faults.canned_left() == 0  # the forum was asked, and said no


def test_connecting_another_account_revokes_the_key_it_replaces(start_forum: StartForum) -> None:
    # The first account's key kept working on the forum, and voicepeer no longer had it
    # to revoke.
    running = start_forum(device_code_poll_interval_s=1)

    def connect_as(member: str) -> str:
        child = _connect(running.base_url)
        code, link = _code_and_link(child)
        with Browser(running.base_url, member) as browser:
            assert "connected" in _enter_code(browser, link, code, "authorize").text
        out, err = _finish(child)
        assert child.returncode == 0, err
        return out

    # Connected alone, the account went unused: voicepeer kept to its practice forum.
    config = default_config_path()
    assert f"voicepeer now uses this forum: forum_url is set in {config}." in connect_as("jo")
    assert load_settings(config).general.forum_url == running.base_url
    first = CredentialStore().load(running.base_url)
    assert first is not None and first.username == "jo"
    out = connect_as("priya")
    assert "voicepeer now uses" not in out and "is set to use" not in out
    assert "This replaces the account jo connected before." in out
    assert "never sent as priya" in out
    assert "The key of the account connected before is revoked." in out
    with (
        DiscourseClient(running.base_url, credentials=first) as client,
        pytest.raises(AuthError),
    ):
        client.notifications()
    now = CredentialStore().load(running.base_url)
    assert now is not None and now.username == "priya"
    with DiscourseClient(running.base_url, credentials=now) as client:
        client.notifications()


def test_connecting_the_same_account_again_reads_as_a_success(start_forum: StartForum) -> None:
    # The forum ends the old key itself when the same member approves voicepeer again, so
    # revoking it was refused: "WARNING ... the forum refused the account key" followed
    # "Account connected", and read as a failure.
    running = start_forum(device_code_poll_interval_s=1)
    outs = []
    for _ in range(2):
        child = _connect(running.base_url)
        code, link = _code_and_link(child)
        with Browser(running.base_url, "jo") as browser:
            assert "connected" in _enter_code(browser, link, code, "authorize").text
        out, err = _finish(child)
        assert child.returncode == 0, err
        assert "refused" not in out + err and "WARNING" not in out + err
        outs.append(out)
    assert "The key of the account connected before is revoked." in outs[1]
    now = CredentialStore().load(running.base_url)
    assert now is not None
    with DiscourseClient(running.base_url, credentials=now) as client:
        client.notifications()  # the new key works


def test_revoke_with_several_forums_says_how_to_name_one() -> None:
    for host in ("a.example.org", "b.example.org"):
        CredentialStore().save(Credentials(f"https://{host}", "admin_api_key", "k" * 32, "jo"))
    revoked = voicepeer_forum("revoke")
    assert revoked.returncode == 1
    assert "name the one to disconnect, as in 'voicepeer forum revoke https://a.example" in (
        revoked.stderr
    )
    assert CredentialStore().forums() == ("https://a.example.org", "https://b.example.org")


def test_a_key_that_cannot_be_revoked_says_how_to_revoke_it_on_the_forum() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        address = f"http://127.0.0.1:{closed.getsockname()[1]}"  # nothing answers there
    CredentialStore().save(Credentials(address, "user_api_key", "k" * 32, "jo", "client-1"))
    revoked = voicepeer_forum("revoke")
    assert revoked.returncode == 1
    assert revoked.stderr.startswith(
        "The key is not revoked: the forum could not be reached (cannot connect: Connection "
        "refused). It still takes the key: revoke 'voicepeer'"
    )
    assert "POST /" not in revoked.stderr  # the request is no carer's business
    assert "Preferences > Security > Apps on the forum, signed in as jo." in revoked.stderr
    assert "k" * 32 not in revoked.stdout + revoked.stderr
    assert CredentialStore().load(address) is None  # removed from this computer all the same


def test_status_of_a_forum_that_does_not_answer_is_said_to_the_helper() -> None:
    # It said the person's sentence, "I cannot reach the forum right now …", naming no
    # address and nothing to check.
    # It tried four times over seven seconds, saying nothing meanwhile.
    CredentialStore().save(Credentials("http://127.0.0.1:9", "user_api_key", "k-1", "jo"))
    started = time.monotonic()
    result = voicepeer_forum("status")
    took = time.monotonic() - started
    assert result.returncode == 1
    said = " ".join(result.stdout.split())
    assert said.startswith(
        "Checking http://127.0.0.1:9 ... http://127.0.0.1:9: user api key for jo - not working. "
    )
    assert took < 6, f"a refused connection took {took:.1f} s to report"
    assert "Still waiting" not in said
    # An address on this computer: the forum program is stopped, the network is fine.
    assert (
        "Nothing answered at http://127.0.0.1:9, an address on this computer: the forum "
        "program is not running there (or runs at another port). Start the forum program on "
        "this computer, then try again. For voicepeer's practice forum, run 'voicepeer "
        "demo-forum --port 9' in a window of its own and leave it open."
    ) in said
    assert "online" not in said and "Wi-Fi" not in said
    assert "I cannot reach" not in said and "k-1" not in said


def test_status_of_a_forum_whose_name_is_not_found_says_to_check_the_network() -> None:
    url = "http://forum.example.invalid"
    CredentialStore().save(Credentials(url, "user_api_key", "k-1", "jo"))
    result = voicepeer_forum("status")
    assert result.returncode == 1
    said = " ".join(result.stdout.split())
    assert (
        f"Nothing answered at {url}: its name could not be looked up, so this computer seems "
        "to be offline (or the address is misspelt). Check that this computer is online: is "
        "the network cable plugged in, or the Wi-Fi connected?"
    ) in said
    assert f"open {url} in the web browser to see, and try again later" in said


def test_status_of_a_slow_forum_says_it_is_still_waiting() -> None:
    # Connected, but nothing answers: the kernel takes the connection, nobody reads it.
    silent = socket.create_server(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{silent.getsockname()[1]}"
    default_config_path().parent.mkdir(parents=True, exist_ok=True)
    default_config_path().write_text(
        "[forum]\nslow_after_s = 0.2\nstill_waiting_every_s = 0.5\nread_timeout_s = 1.5\n"
    )
    CredentialStore().save(Credentials(url, "user_api_key", "k-1", "jo"))
    try:
        result = voicepeer_forum("status")
    finally:
        silent.close()
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"Checking {url} ..."
    assert lines[1] == f"    Still waiting for {url} to answer ..."
    assert lines.count(lines[1]) >= 2
    said = " ".join(result.stdout.split())
    assert (
        f"Nothing answered at {url}, an address on this computer: the forum program there did "
        "not answer in time. Restart the forum program on this computer, then try again."
    ) in said


def test_status_of_a_forum_answering_with_errors_names_what_it_answered(
    forum: RunningForum,
) -> None:
    CredentialStore().save(Credentials(forum.base_url, "admin_api_key", ADMIN_KEY, "demo"))
    forum.server.faults.fail_next(100, 503)
    result = voicepeer_forum("status")
    assert result.returncode == 1
    said = " ".join(result.stdout.split())
    # Worded as doctor words it, with the status line the forum answered.
    assert (
        f"{forum.base_url} answered with an error of its own (HTTP 503 Service Unavailable). "
        "The forum may be down for maintenance or busy: try again later."
    ) in said
    assert "I cannot reach" not in said and "The forum is having trouble" not in said
