"""``voicepeer demo-forum`` in a real process: prints its address, serves, stops on Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.approval import MEMBER_PASSWORD, approve_user_api_key
from voicepeer.cli.demo_forum import register
from voicepeer.forum.user_api_key import start_request

# Only this subcommand is registered, so the test does not depend on the others; errors
# are reported the way voicepeer.cli.main reports them.
RUNNER = (
    "import argparse, sys\n"
    "from voicepeer.cli import demo_forum\n"
    "from voicepeer.errors import VoicepeerError\n"
    "parser = argparse.ArgumentParser(prog='voicepeer')\n"
    "demo_forum.register(parser.add_subparsers())\n"
    "args = parser.parse_args(sys.argv[1:])\n"
    "try:\n"
    "    sys.exit(args.handler(args))\n"
    "except VoicepeerError as error:\n"
    "    print(f'voicepeer: {error}', file=sys.stderr)\n"
    "    sys.exit(1)\n"
)


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, "demo-forum", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )


@contextlib.contextmanager
def _serving(*args: str) -> Iterator[str]:
    """The forum's address while it runs on a free port; it must then stop cleanly."""
    process = _start("--port", "0", "--member-password", MEMBER_PASSWORD, *args)
    try:
        assert process.stdout is not None
        yield process.stdout.readline().rsplit(" ", 1)[1].strip()
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0


def test_runs_in_the_foreground_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    db = tmp_path / "practice.sqlite3"
    process = _start("--port", "0", "--db", str(db), "--member-password", MEMBER_PASSWORD)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("Demo forum running at http://127.0.0.1:"), first
        url = first.rsplit(" ", 1)[1].strip()
        assert httpx.get(f"{url}/latest.json", timeout=10).status_code == 200
        posted = httpx.post(
            f"{url}/posts.json",
            timeout=10,
            headers=approve_user_api_key(url, "cli-test").headers(),
            json={"topic_id": 1, "raw": "Posted through the command line forum."},
        )
        assert posted.json()["username"] == "demo"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Demo forum stopped." in out
    assert "Traceback" not in err
    assert db.exists()


@pytest.mark.parametrize("flags", [(), ("--require-sign-in",)], ids=["default", "old-flag"])
def test_writing_without_a_key_is_refused(tmp_path: Path, flags: tuple[str, ...]) -> None:
    """As on a stock Discourse; the flag that once asked for this is still accepted."""
    with _serving("--db", str(tmp_path / "f.sqlite3"), *flags) as url:
        refused = httpx.post(
            f"{url}/posts.json",
            timeout=10,
            json={"topic_id": 1, "raw": "Nobody signed in to write this."},
        )
        assert refused.status_code == 403
        assert refused.json()["error_type"] == "not_logged_in"
        assert httpx.get(f"{url}/t/1.json", timeout=10).status_code == 200


def test_allow_uncategorized_topics_flag(tmp_path: Path) -> None:
    with _serving("--db", str(tmp_path / "f.sqlite3"), "--allow-uncategorized-topics") as url:
        settings = httpx.get(f"{url}/site/settings.json", timeout=10).json()
        assert settings["allow_uncategorized_topics"] is True
        made = httpx.post(
            f"{url}/posts.json",
            timeout=10,
            headers=approve_user_api_key(url, "cli-test").headers(),
            json={
                "title": "A topic with no category at all",
                "raw": "Posted from the command line forum.",
            },
        )
        assert made.status_code == 200, made.text


def test_busy_port_gives_a_clear_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _start("--port", str(port), "--db", str(tmp_path / "f.sqlite3"))
        _out, err = process.communicate(timeout=15)
    assert process.returncode == 1
    assert "voicepeer: The demo forum cannot listen on 127.0.0.1" in err
    assert "give another with --port (0 picks a free one)" in err  # what to do, too
    assert "Traceback" not in err


def test_registers_the_subcommand() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["demo-forum", "--port", "8123"])
    assert args.port == 8123 and args.host == "127.0.0.1" and callable(args.handler)


def test_prints_the_sign_in_password_and_allows_added_redirects(tmp_path: Path) -> None:
    process = _start(
        "--port",
        "0",
        "--db",
        str(tmp_path / "f.sqlite3"),
        "--member-password",
        "pebble-harbour-willow",
        "--allow-auth-redirect",
        "http://127.0.0.1:8731/voicepeer-auth",
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().rsplit(" ", 1)[1].strip()
        printed = [process.stdout.readline() for _ in range(2)]
        assert any("the password: pebble-harbour-willow" in line for line in printed), printed
        with httpx.Client(base_url=url, timeout=10) as browser:
            signed = browser.post(
                "/session", data={"login": "demo", "password": "pebble-harbour-willow"}
            )
            assert signed.status_code == 302
        for port, status in ((8731, 302), (8732, 403)):
            link = start_request(
                url, "cli-test", auth_redirect=f"http://127.0.0.1:{port}/voicepeer-auth"
            ).approval_url
            # Allowed: on to signing in. Not allowed: refused at once.
            assert httpx.get(link, timeout=10).status_code == status
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()


def test_an_https_probe_on_its_http_port_prints_no_traceback(tmp_path: Path) -> None:
    # "forum connect 127.0.0.1:PORT" tries https:// first: its handshake, no HTTP at all,
    # printed an AttributeError traceback in the forum's window.
    process = _start("--port", "0", "--db", str(tmp_path / "practice.sqlite3"))
    try:
        assert process.stdout is not None
        url = process.stdout.readline().rsplit(" ", 1)[1].strip()
        with pytest.raises(httpx.HTTPError):
            httpx.get(url.replace("http://", "https://") + "/about.json", timeout=5, verify=False)
        assert httpx.get(f"{url}/latest.json", timeout=10).status_code == 200
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=15)
    finally:
        if process.poll() is None:
            process.kill()
    assert "Traceback" not in err, err
