"""What the person's terminal shows (spoken lines, not log lines), and the live transcript a
helper can follow beside them. Real processes, real demo forum on loopback."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import threading
import time
from pathlib import Path

from tests.e2e.test_cli_text import no_audio_env, voicepeer
from voicepeer.demo_forum import DemoForum
from voicepeer.logs import LOG_FILE_NAME, TRANSCRIPT_FILE_NAME

STATE = Path(".local/state/voicepeer")


def first_lines(follower: subprocess.Popen[str], count: int) -> list[str]:
    """The first ``count`` lines ``follower`` prints, read as it prints them (a fixed wait
    found nothing yet on a busy machine); a follower that prints too few is stopped after
    30 seconds, and the lines it did print are returned for the asserts to judge."""
    stopper = threading.Timer(30, follower.terminate)
    stopper.start()
    assert follower.stdout is not None
    lines = [follower.stdout.readline().rstrip("\n") for _ in range(count)]
    stopper.cancel()
    return lines


def test_log_lines_stay_out_of_the_persons_terminal(isolated_home: Path, tmp_path: Path) -> None:
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        # No sound card: the speaker and earcons fail, which is logged, and speech is printed.
        done = subprocess.run(
            voicepeer("run", "--forum", forum.base_url, "--input", "text", "--output", "speaker"),
            input="latest topics\n",
            capture_output=True,
            text=True,
            timeout=120,
            env=no_audio_env(),
        )
    assert done.returncode == 0, done.stderr
    assert "I can't find a speaker" in done.stdout
    assert "WARNING" not in done.stderr and "voicepeer.app" not in done.stderr, done.stderr
    log = (isolated_home / STATE / LOG_FILE_NAME).read_text()
    assert "WARNING voicepeer.app: no speaker" in log
    assert not (isolated_home / STATE / TRANSCRIPT_FILE_NAME).exists()  # off by default


def test_debug_shows_what_was_heard(tmp_path: Path) -> None:
    with DemoForum(tmp_path / "forum.sqlite3") as forum:
        done = subprocess.run(
            voicepeer(
                "--debug", "run", "--forum", forum.base_url, "--input", "text", "--output", "text"
            ),
            input="latest topics\n",
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    assert "heard 'latest topics'" in done.stderr


def test_a_helper_follows_the_transcript_live(isolated_home: Path, tmp_path: Path) -> None:
    follower = subprocess.Popen(
        voicepeer("transcript"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        with DemoForum(tmp_path / "forum.sqlite3") as forum:
            done = subprocess.run(
                voicepeer(
                    "run",
                    "--transcript",
                    "--forum",
                    forum.base_url,
                    "--input",
                    "text",
                    "--output",
                    "text",
                ),
                input="latest topics\nblue cheese\ngoodbye\n",
                capture_output=True,
                text=True,
                timeout=120,
            )
        assert done.returncode == 0, done.stderr
        path = isolated_home / STATE / TRANSCRIPT_FILE_NAME
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        time.sleep(1.0)  # the follower looks every 0.3 s
    finally:
        follower.terminate()
        out, _ = follower.communicate(timeout=10)
    assert "No transcript yet" in out or "voicepeer started" in out
    assert "heard: latest topics" in out
    assert "did: command latest" in out
    assert "said: " in out and "latest topics. One:" in out
    assert "heard: blue cheese" in out and "did: nothing, not understood" in out
    assert "did: command quit" in out and "said: Goodbye." in out
    # The transcript is its own file: none of it reaches the log.
    log = (isolated_home / STATE / LOG_FILE_NAME).read_text()
    assert "blue cheese" not in log


def test_no_follow_prints_the_transcript_so_far(isolated_home: Path) -> None:
    missing = subprocess.run(
        voicepeer("transcript", "--no-follow"), capture_output=True, text=True, timeout=60
    )
    assert missing.returncode == 1 and "voicepeer run --transcript" in missing.stdout
    path = isolated_home / STATE / TRANSCRIPT_FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"12:00:{n:02d} said: line {n}\n" for n in range(30)))
    os.chmod(path, 0o600)
    shown = subprocess.run(
        voicepeer("transcript", "--no-follow"), capture_output=True, text=True, timeout=60
    )
    assert shown.returncode == 0
    # All of it, as its help says: it showed the last 20 lines without saying so.
    lines = shown.stdout.splitlines()
    assert len(lines) == 30 and lines[0].endswith("said: line 0")
    assert lines[-1].endswith("said: line 29")
    # Following, the last lines, and how many earlier ones there are.
    follower = subprocess.Popen(
        voicepeer("transcript"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    followed = first_lines(follower, 22)
    follower.terminate()
    rest, _ = follower.communicate(timeout=10)
    followed = [line for line in followed if line] + rest.splitlines()
    assert followed[0] == "(10 earlier lines: 'voicepeer transcript --no-follow' prints them)"
    assert len(followed) == 22 and followed[-2].endswith("said: line 29")
    # Then it waits, and says for what and how to stop: it looked like a program stuck.
    assert followed[-1] == (
        "(No voicepeer session is running: waiting for one started with 'voicepeer run "
        "--transcript' or with [general] transcript = true. Press Ctrl+C to stop.)"
    )


def test_following_with_no_transcript_yet_says_what_it_waits_for(isolated_home: Path) -> None:
    follower = subprocess.Popen(
        voicepeer("transcript"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    said = first_lines(follower, 2)
    follower.send_signal(signal.SIGINT)  # Ctrl+C, as it says
    _, errors = follower.communicate(timeout=10)
    assert said == [
        f"No transcript yet ({isolated_home / STATE / TRANSCRIPT_FILE_NAME}).",
        "(No voicepeer session is running: waiting for one started with 'voicepeer run "
        "--transcript' or with [general] transcript = true. Press Ctrl+C to stop.)",
    ]
    assert follower.returncode == 0 and "Traceback" not in errors


def test_following_while_voicepeer_runs_says_so(isolated_home: Path) -> None:
    from voicepeer.running import voice_loop_running

    with voice_loop_running():  # as a session holds it
        follower = subprocess.Popen(
            voicepeer("transcript"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        said = first_lines(follower, 2)
        follower.terminate()
        follower.communicate(timeout=10)
    assert said[1] == (
        "(voicepeer is running: what it hears, says and does shows here if it was started "
        "with 'voicepeer run --transcript' or with [general] transcript = true. Press Ctrl+C "
        "to stop.)"
    )


def test_the_setting_turns_the_transcript_on_for_the_service(isolated_home: Path) -> None:
    config = isolated_home / ".config" / "voicepeer" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[general]\ntranscript = true\n")
    done = subprocess.run(
        voicepeer("run", "--input", "text", "--output", "text"),
        input="latest topics\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "voicepeer: goodbye"  # nothing but speech before it
    text = (isolated_home / STATE / TRANSCRIPT_FILE_NAME).read_text()
    assert "heard: latest topics" in text and "--- voicepeer started" in text


def test_an_unwritable_transcript_folder_is_explained(isolated_home: Path) -> None:
    state = isolated_home / ".local" / "state"
    (state / "voicepeer").mkdir(parents=True, exist_ok=True)
    (state / "voicepeer" / TRANSCRIPT_FILE_NAME).mkdir()  # a folder where the file should be
    done = subprocess.run(
        voicepeer("run", "--transcript", "--input", "text", "--output", "text"),
        input="",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "cannot write the transcript" in done.stderr and "Traceback" not in done.stderr
