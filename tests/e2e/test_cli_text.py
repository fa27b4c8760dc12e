"""The command line as a person or a script uses it: real processes, real demo forum."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.cli.terminal import Terminal
from tests.support.approval import MEMBER_PASSWORD, connect_account
from tests.support.members import saved_account
from voicepeer import paths
from voicepeer.demo_forum import DemoForum

CONVERSATION = (
    "latest topics\nopen topic one\nnext\nreply\n"
    "thank you for this it helps a lot to know I am not alone\nsend it\nyes\n"
)


TEXT_IO = ("--input", "text", "--output", "text")
"""Typed lines in, printed speech out."""
LATEST = r"SAY: \d+ latest topics(, \d+ with new posts)?\. One: "
"""The latest topics heard (signed in, those with posts the member has not read are counted)."""


def voicepeer(*args: str) -> list[str]:
    return [sys.executable, "-m", "voicepeer", *args]


def typed(
    *args: str, lines: str = "", env: dict[str, str] | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    """``voicepeer ARGS`` run to its end with ``lines`` typed in."""
    return subprocess.run(
        voicepeer(*args), input=lines, capture_output=True, text=True, timeout=timeout, env=env
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def demo_forum_process(tmp_path: Path) -> Iterator[str]:
    """``voicepeer demo-forum --port N`` running as its own process, with the member "demo"
    connected as ``voicepeer forum connect`` leaves it: as on any Discourse, a visitor may
    read but not post."""
    port = free_port()
    db = tmp_path / "forum.sqlite3"
    process = subprocess.Popen(
        voicepeer(
            "demo-forum", "--port", str(port), "--db", str(db), "--member-password", MEMBER_PASSWORD
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{url}/latest.json", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("the demo forum did not start")
        connect_account(url)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def no_audio_env() -> dict[str, str]:
    """An environment in which PortAudio finds no sound device at all."""
    env = dict(os.environ)
    env.pop("PULSE_SERVER", None)
    # The ALSA "default" device points at a card that does not exist.
    asoundrc = Path(env["HOME"]) / ".asoundrc"
    asoundrc.write_text("pcm.!default { type hw card 99 }\nctl.!default { type hw card 99 }\n")
    env["XDG_RUNTIME_DIR"] = str(Path(env["HOME"]) / "no-runtime")
    return env


def test_run_in_text_mode_posts_the_reply(demo_forum_process: str) -> None:
    result = typed(
        "run",
        "--forum",
        demo_forum_process,
        *TEXT_IO,
        lines=CONVERSATION,
    )
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stdout.splitlines() if line.startswith("SAY: ")]
    assert len(said) == len(result.stdout.splitlines())  # every line of output is speech
    assert said[0].startswith("SAY: Hello. This is voicepeer")
    assert any("Shall I post it? Say yes or no." in line for line in said)
    assert said[-1] == "SAY: Your reply to Walked to the end of the pier today is posted."
    topic = httpx.get(f"{demo_forum_process}/latest.json").json()["topic_list"]["topics"][0]
    posts = httpx.get(f"{demo_forum_process}/t/{topic['id']}.json").json()
    last = posts["post_stream"]["posts"][-1]
    assert "it helps a lot to know I am not alone" in last["cooked"]


def test_demo_without_sound_devices_falls_back_to_text_once() -> None:
    # At a terminal only: with nobody to type, voicepeer waits for the microphone instead
    # (tests/cli/test_no_microphone.py).
    terminal = Terminal(voicepeer("demo"), no_audio_env())
    try:
        terminal.expect(r"SAY: I can't find a speaker, so I will print what I say\.\n")
        terminal.expect(r"SAY: I can't find a microphone, so please type")
        terminal.send("latest topics")
        terminal.expect(LATEST)
        terminal.send("goodbye")
        assert terminal.process.wait(timeout=120) == 0
    finally:
        if terminal.process.poll() is None:
            terminal.process.kill()
    assert terminal.output.count("I can't find") == 2


def test_unknown_input_choice_is_explained() -> None:
    result = typed("run", "--forum", "http://127.0.0.1:9", "--input", "ear", timeout=60)
    assert result.returncode == 2
    assert "--input must be one of mic, text, wav:PATH, not 'ear'" in result.stderr


def test_each_forum_keeps_its_own_drafts(demo_forum_process: str, tmp_path: Path) -> None:
    put_aside = "open topic one\nreply\nthis reply belongs to the first forum only\ncancel\n"
    first = typed("run", "--forum", demo_forum_process, *TEXT_IO, lines=put_aside)
    assert "Reply put aside. It is saved" in first.stdout, first.stderr
    with DemoForum(tmp_path / "other.sqlite3") as other:
        saved_account(other)  # connected to this one too
        second = typed(
            "run",
            "--forum",
            other.base_url,
            *TEXT_IO,
            lines="open topic one\nreply\n",
        )
    assert "Replying to" in second.stdout and "saved reply" not in second.stdout
    again = typed(
        "run",
        "--forum",
        demo_forum_process,
        *TEXT_IO,
        lines="open topic one\nreply\n",
    )
    assert "You have a saved reply" in again.stdout


def test_a_second_voicepeer_at_once_is_refused_and_the_reply_posted_once(
    demo_forum_process: str,
) -> None:
    """The service is running when a carer starts voicepeer run in a terminal."""
    first = subprocess.Popen(
        voicepeer("run", "--forum", demo_forum_process, *TEXT_IO),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert first.stdin is not None and first.stdout is not None
    try:
        assert first.stdout.readline().startswith("SAY: Hello. This is voicepeer")
        second = typed(
            "run",
            "--forum",
            demo_forum_process,
            *TEXT_IO,
            lines=CONVERSATION,
        )
        assert second.returncode == 1
        assert f"voicepeer is already running as process {first.pid}" in second.stderr
        assert f"(voicepeer run --forum {demo_forum_process} --input text" in second.stderr
        assert f"kill {first.pid}" in second.stderr
        assert "SAY:" not in second.stdout  # it never started listening
        out, err = first.communicate(CONVERSATION, timeout=120)
        assert out.rstrip().endswith("is posted."), out
    finally:
        first.kill()
        first.wait(timeout=10)
    assert first.returncode == 0, err
    topic = httpx.get(f"{demo_forum_process}/latest.json").json()["topic_list"]["topics"][0]
    posts = httpx.get(f"{demo_forum_process}/t/{topic['id']}.json").json()["post_stream"]
    assert sum("not alone" in p["cooked"] for p in posts["posts"]) == 1


def test_run_after_choosing_the_demo_forum_in_configure_reads_its_topics() -> None:
    configured = typed("configure", "--non-interactive", "--forum-url", "demo")
    assert configured.returncode == 0, configured.stderr
    result = typed("run", *TEXT_IO, lines="latest topics\n")
    assert result.returncode == 0, result.stderr
    assert "no forum address" not in result.stderr
    said = result.stdout
    assert "connected to the voicepeer demo forum" in said
    assert re.search(LATEST, said), said
    assert "Hello from a new member" in said  # a topic the demo forum is seeded with


def test_the_demo_is_signed_in_as_its_member_with_a_key_of_its_own() -> None:
    # Messages and notifications need an account: the demo uses its member's, each start
    # replacing the key of the one before, and nothing of it is saved for the real forum.
    for heard in ("3 new notifications", "no new notifications"):  # marked read once heard
        result = typed("demo", *TEXT_IO, lines="notifications\nmy messages\n")
        assert result.returncode == 0, result.stderr
        said = result.stdout
        assert "forum connect" not in said and "not signed in" not in said
        assert f"SAY: You have {heard}." in said
        assert "One: Checking in after your first week, by sam" in said
    forum = DemoForum()  # the demo's own forum, in this test's data folder
    keys = forum.store.all(
        "SELECT revoked_at FROM user_api_keys WHERE client_id = ? ORDER BY id", ("voicepeer-demo",)
    )
    forum.stop()
    assert [row["revoked_at"] is None for row in keys] == [False, True]
    assert not (paths.config_dir() / "credentials.json").exists()


def test_a_second_demo_at_once_is_refused_before_it_starts_a_forum() -> None:
    # Its forum's address was printed first, as if that one ran too.
    first = subprocess.Popen(
        voicepeer("demo", *TEXT_IO),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert first.stdin is not None and first.stdout is not None
    try:
        assert first.stdout.readline().startswith("SAY: Hello. This is voicepeer")
        second = typed("demo", *TEXT_IO, lines=CONVERSATION)
        assert second.returncode == 1
        assert f"voicepeer is already running as process {first.pid}" in second.stderr
        assert "demo forum running" not in second.stderr
        assert "SAY:" not in second.stdout
        first.communicate("goodbye\n", timeout=120)
    finally:
        first.kill()
        first.wait(timeout=10)
    assert first.returncode == 0
