"""Push-to-talk as the carer sets it up: impossible settings refused with the fix, the key
pressed once through a real pseudo-terminal, and push-to-talk turned off again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.terminal import Terminal
from voicepeer.config import load_settings
from voicepeer.settings import Settings
from voicepeer.setup.doctor import check_push_to_talk
from voicepeer.setup.push_to_talk import push_to_talk_problem
from voicepeer.switches.settings import SwitchSettings

VOICEPEER = [sys.executable, "-m", "voicepeer"]
STEP = (
    "import sys\n"
    "from voicepeer.setup.wizard_engines import WizardEngines\n"
    "from voicepeer.setup.prompter import Prompter\n"
    "from voicepeer.setup.wizard import Wizard\n"
    "from voicepeer.settings import Settings\n"
    "wizard = Wizard(Settings(), Prompter(), WizardEngines())\n"
    "wizard.step_push_to_talk()\n"
    "for note in wizard.notes: print('NOTE', note)\n"
    "s = wizard.settings.switches\n"
    "print(f'RESULT {s.mode} {s.key}')\n"
)


def config_file(home: Path) -> Path:
    return home / ".config" / "voicepeer" / "config.toml"


def configure(*flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*VOICEPEER, "configure", "--non-interactive", *flags],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_hold_with_a_terminal_key_is_refused_with_the_fix(isolated_home: Path) -> None:
    done = configure("--push-to-talk-key", "space", "--push-to-talk-mode", "hold")
    assert done.returncode == 1
    assert 'push-to-talk "hold" needs to know when the key is let go' in done.stderr
    assert "--push-to-talk-mode tap" in done.stderr and 'source = "evdev"' in done.stderr
    assert not config_file(isolated_home).exists()
    assert configure("--push-to-talk-key", "space", "--push-to-talk-mode", "tap").returncode == 0


def test_push_to_talk_can_be_turned_off_again(isolated_home: Path) -> None:
    assert configure("--push-to-talk-key", "f2").returncode == 0
    assert load_settings(config_file(isolated_home)).switches.mode == "tap"
    done = configure("--no-push-to-talk")
    assert done.returncode == 0, done.stderr
    assert load_settings(config_file(isolated_home)).switches.mode == "off"
    assert "[switches] mode: 'tap' → 'off'" in done.stdout


@pytest.mark.parametrize(
    ("switches", "wanted"),
    [
        (SwitchSettings(mode="hold", source="terminal"), "a terminal never says"),
        (SwitchSettings(mode="tap", key="btn_0"), "a switch button a terminal cannot see"),
        (SwitchSettings(mode="hold", source="evdev"), "evdev_device is empty"),
        # No key is called so: the person could never talk (it was saved, and doctor passed).
        (SwitchSettings(mode="tap", key="banana"), '"banana" is not the name of a key'),
        (SwitchSettings(mode="tap", key="f13"), '"f13" is not the name of a key'),
        (
            SwitchSettings(mode="hold", source="evdev", key="banana", evdev_device="/dev/e"),
            "the person could not talk",
        ),
    ],
)
def test_doctor_names_what_cannot_work_and_the_fix(switches: SwitchSettings, wanted: str) -> None:
    assert push_to_talk_problem(switches) is not None
    check = check_push_to_talk(Settings(switches=switches))
    assert check.ok is False
    assert wanted in check.detail
    assert check.fix and check.fix != check.detail
    if "not the name of a key" in check.detail:
        assert "f1 to f12" in check.fix


def test_doctor_passes_what_can_work() -> None:
    assert check_push_to_talk(Settings()).ok is True
    assert check_push_to_talk(Settings(switches=SwitchSettings(mode="tap", key="f2"))).ok
    for key in ("space bar", "Q", "7", "Enter", "KEY_SPACE", "?"):
        assert check_push_to_talk(Settings(switches=SwitchSettings(mode="tap", key=key))).ok, key
    assert check_push_to_talk(
        Settings(
            switches=SwitchSettings(mode="hold", source="evdev", evdev_device="/dev/input/event3")
        )
    ).ok


def test_the_wizard_refuses_hold_then_tests_the_key_pressed(isolated_home: Path) -> None:

    term = Terminal([sys.executable, "-c", STEP], dict(os.environ))
    term.expect(r"Push-to-talk .*\[off\]: ")
    term.send("hold")
    term.expect(r"Key name.*\[space\]: ")
    term.send("space")
    term.expect(r"That cannot work: push-to-talk \"hold\" needs")
    term.expect(r"Push-to-talk .*: ")
    term.send("tap")
    term.expect(r"Key name.*: ")
    term.send("f2")
    term.expect(r"Test the key now\? \(n skips the test\) \(Y/n\): ")
    term.send("y")
    term.expect(r"Press f2 once now")
    term.press(b"x")  # the wrong key
    term.expect(r'That was "x", not "f2"\.')
    term.expect(r"Use x as the push-to-talk key\? \(Y/n\): ")
    term.send("n")
    # What was kept is said: the summary showed the key as if it had been tested.
    term.expect(r"NOTE The push-to-talk key stays f2, not heard in the test")
    term.expect(r"RESULT tap f2")
    assert term.finish() == 0


def test_a_key_name_in_quotes_or_the_key_pressed_is_taken(isolated_home: Path) -> None:
    # '"F5"' was refused (the question said "text in quotes"), F5 pressed at the question
    # was '"" is not the name of a key', and each wrong name went back to off/tap/hold.
    term = Terminal([sys.executable, "-c", STEP], dict(os.environ))
    term.expect(r"Push-to-talk .*\[off\]: ")
    term.send("tap")
    question = term.expect(r"Key name.*\[space\]: ")
    assert "in quotes" not in question
    term.send("flip")
    term.expect(r"That cannot work: .*flip.*")
    term.expect(r"Key name.*: ")  # the name again, not the mode
    term.send('"F5"')
    term.expect(r"Test the key now\? \(n skips the test\) \(Y/n\): ")
    term.send("n")
    term.expect(r"RESULT tap f5")
    assert term.finish() == 0
    pressed = Terminal([sys.executable, "-c", STEP], dict(os.environ))
    pressed.expect(r"Push-to-talk .*\[off\]: ")
    pressed.send("tap")
    pressed.expect(r"Key name.*\[space\]: ")
    pressed.press(b"\x1b[15~\n")  # what a terminal sends for F5, then Enter
    pressed.expect(r"That was the f5 key\.")
    pressed.expect(r"Test the key now\? \(n skips the test\) \(Y/n\): ")
    pressed.send("n")
    pressed.expect(r"RESULT tap f5")
    assert pressed.finish() == 0


def test_the_wizard_turns_push_to_talk_off(isolated_home: Path) -> None:

    term = Terminal([sys.executable, "-c", STEP], dict(os.environ))
    term.expect(r"Push-to-talk .*: ")
    term.send("off")
    term.expect(r"Push-to-talk is off: voicepeer always listens\.")
    term.expect(r"RESULT off space")
    assert term.finish() == 0


def test_an_impossible_file_setting_is_turned_off_with_a_note_after_the_questions() -> None:
    import io

    from voicepeer.setup.prompter import Prompter
    from voicepeer.setup.wizard import Wizard
    from voicepeer.setup.wizard_engines import WizardEngines

    out = io.StringIO()
    wizard = Wizard(
        Settings(switches=SwitchSettings(mode="hold")),
        Prompter(io.StringIO(""), out),
        WizardEngines(),
    )
    wizard.interactive = True  # the questions were asked; the push-to-talk step was skipped
    wizard.refuse_impossible_push_to_talk()
    assert wizard.settings.switches.mode == "off"
    assert (
        'Push-to-talk is turned off, as it cannot work like this: push-to-talk "hold"'
        in out.getvalue()
    )
