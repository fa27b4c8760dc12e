"""``voicepeer forum connect | status | revoke`` as a helper would run them."""

from __future__ import annotations

import html
import json
import os
import re
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from voicepeer import paths
from voicepeer.errors import AuthError
from voicepeer.forum.credentials import Credentials, CredentialStore
from voicepeer.forum.discourse import DiscourseClient

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


def test_status_without_any_account() -> None:
    result = voicepeer_forum("status")
    assert result.returncode == 1
    assert "voicepeer forum connect" in result.stdout


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
    assert ADMIN_KEY not in result.stdout + result.stderr
    path = paths.config_dir() / "credentials.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    creds = CredentialStore().load(forum.base_url)
    assert creds is not None and creds.username == "demo" and creds.key == ADMIN_KEY
    status = voicepeer_forum("status")
    assert status.returncode == 0
    assert "working" in status.stdout
    assert ADMIN_KEY not in status.stdout


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
    assert CredentialStore().load(forum.base_url) is None


def test_user_api_key_approved_through_the_loopback_redirect(start_forum: StartForum) -> None:
    running = start_forum(auto_approve_user_api_keys=True, approving_username="mei")
    child = subprocess.Popen(
        [sys.executable, "-c", RUN_FORUM_COMMAND, "forum", "connect", running.base_url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
    )
    assert child.stdout is not None
    link = ""
    deadline = time.monotonic() + 30
    while not link and time.monotonic() < deadline:
        line = child.stdout.readline()
        if "/user-api-key/new?" in line:
            link = line.strip()
    assert link
    # The person opens the link and approves; the forum sends the browser back to voicepeer.
    httpx.get(link, follow_redirects=True, timeout=30)
    out, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    creds = CredentialStore().load(running.base_url)
    assert creds is not None
    assert creds.kind == "user_api_key" and creds.username == "mei"
    assert creds.key not in out + err
    with DiscourseClient(running.base_url, credentials=creds) as client:
        assert client.username() == "mei"
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
    assert "reconnect" in caught.value.spoken


def test_user_api_key_approved_by_pasting_the_shown_text(start_forum: StartForum) -> None:
    running = start_forum(auto_approve_user_api_keys=True, approving_username="jo")
    child = subprocess.Popen(
        [sys.executable, "-c", RUN_FORUM_COMMAND, "forum", "connect", running.base_url, "--paste"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=dict(os.environ),
    )
    assert child.stdout is not None and child.stdin is not None
    link = ""
    while not link:
        line = child.stdout.readline()
        assert line, "connect ended without printing the approval link"
        if "/user-api-key/new?" in line:
            link = line.strip()
    assert "auth_redirect" not in link
    page = httpx.get(link, timeout=30).text
    found = re.search(r'<pre id="payload">(.*?)</pre>', page, re.S)
    assert found is not None
    shown = html.unescape(found.group(1))
    assert shown.count("\n") > 1  # wrapped over several lines, as Discourse shows it
    out, err = child.communicate(shown + "\n", timeout=30)
    assert child.returncode == 0, err
    creds = CredentialStore().load(running.base_url)
    assert creds is not None and creds.username == "jo"
    assert creds.key not in out + err


def test_status_notices_a_key_the_forum_no_longer_accepts(forum: RunningForum) -> None:
    CredentialStore().save(Credentials(forum.base_url, "admin_api_key", "stale-key", "demo"))
    result = voicepeer_forum("status")
    assert result.returncode == 1
    assert "not working" in result.stdout and "reconnect" in result.stdout
    assert "stale-key" not in result.stdout + result.stderr
