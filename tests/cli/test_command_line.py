"""The command line's own manners: a mistyped command gets a suggestion, and output cut
short by the reader (``| head -1``) is no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.cli.terminal import Terminal

VOICEPEER = [sys.executable, "-m", "voicepeer"]


def test_a_mistyped_command_gets_a_did_you_mean() -> None:
    done = subprocess.run([*VOICEPEER, "doctr"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Did you mean: voicepeer doctor" in done.stderr
    nested = subprocess.run(
        [*VOICEPEER, "models", "lst"], capture_output=True, text=True, timeout=60
    )
    assert "Did you mean: voicepeer models list" in nested.stderr
    unlike = subprocess.run([*VOICEPEER, "xyzzy"], capture_output=True, text=True, timeout=60)
    assert unlike.returncode == 2 and "Did you mean" not in unlike.stderr
    # "setup", as scripts/setup is called, was only "invalid choice".
    setup = subprocess.run([*VOICEPEER, "setup"], capture_output=True, text=True, timeout=60)
    assert "Did you mean: voicepeer configure" in setup.stderr


def test_a_mistake_in_the_settings_file_says_how_to_mend_it(isolated_home: Path) -> None:
    # Only the wrong line was shown: nothing said what to do about it.
    config = isolated_home / "config.toml"
    config.write_text("[speech]\nrate_wpm = 0\nvoice = 'en-us'\n", encoding="utf-8")
    done = subprocess.run(
        [*VOICEPEER, "--config", str(config), "run", "--input", "text", "--output", "text"],
        input="goodbye\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    said = " ".join(done.stderr.split())
    assert "line 2, [speech] rate_wpm = 0: that is too small." in said
    assert said.endswith(
        "Fix this in the settings file with a text editor, or run 'voicepeer configure' to "
        "write the file again: it keeps every setting that is right and leaves out only the "
        "wrong ones."
    )
    assert "Traceback" not in done.stderr


def test_help_shows_no_code_marks() -> None:
    # "``voicepeer train-voice``: teach …" and "``--wav-dir`` takes ``01.wav``" in --help.
    for command in ("train-voice", "prepare", "listen"):
        done = subprocess.run(
            [*VOICEPEER, command, "--help"], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0
        assert "``" not in done.stdout, command
    assert (
        "Teach the bundled speech engine the person's voice."
        in subprocess.run(
            [*VOICEPEER, "train-voice", "--help"], capture_output=True, text=True, timeout=60
        ).stdout
    )


def test_output_to_a_closed_pipe_is_no_traceback() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like "head -1" having exited already
    try:
        done = subprocess.run(
            [*VOICEPEER, "models", "list"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr, done.stderr
    assert done.returncode == 141


def test_no_microphone_says_what_failed_and_what_to_do(isolated_home: Path) -> None:
    # "cannot open microphone (default): Error querying device -1" was all a carer saw.
    runtime = isolated_home / "no-sound-server"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    env.update(HOME=str(isolated_home), XDG_RUNTIME_DIR=str(runtime))
    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "listen"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[-2:] == [
        "voicepeer: cannot open the microphone: no microphone found",
        "Check that it is plugged in and switched on; 'voicepeer doctor' says what else to check.",
    ]


def test_a_microphone_name_that_matches_nothing_is_named_to_the_helper(
    isolated_home: Path, pulse_env: dict[str, str]
) -> None:
    # The person heard "I can't find a microphone", and nothing told the helper that the
    # settings file asked for one that is not there.
    config = isolated_home / "config.toml"
    config.write_text('[recognition]\ndevice = "nosuchmic"\n', encoding="utf-8")
    terminal = Terminal([*VOICEPEER, "--config", str(config), "run", "--output", "text"], pulse_env)
    try:
        terminal.expect("SAY: I can't find a microphone", timeout=120)
        terminal.send("goodbye")
        assert terminal.process.wait(timeout=120) == 0
    finally:
        if terminal.process.poll() is None:
            terminal.process.kill()
    said = " ".join(terminal.output.split())
    assert "voicepeer: cannot open the microphone nosuchmic" in said
    assert (
        'The settings file names it: [recognition] device = "nosuchmic". Set that to part '
        "of a name 'voicepeer doctor' lists, or to \"\" for the default one."
    ) in said
