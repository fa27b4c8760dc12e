"""Personal command words that would take over a built-in command, or name none, are
refused by the wizard and reported by doctor with what to do."""

from __future__ import annotations

import io
from pathlib import Path

from voicepeer.commands.intents import Command, Intent
from voicepeer.config import load_settings
from voicepeer.config.aliases import alias_problems
from voicepeer.listening import make_interpreter
from voicepeer.recognition.base import Heard
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.settings import Settings
from voicepeer.setup.doctor import check_aliases
from voicepeer.setup.prompter import Prompter
from voicepeer.setup.wizard import Wizard
from voicepeer.setup.wizard_engines import WizardEngines
from voicepeer.voice.settings import VoiceSettings


def test_the_wizard_refuses_a_word_that_is_already_a_command() -> None:
    out = io.StringIO()
    wizard = Wizard(
        Settings(), Prompter(io.StringIO("back = next\nonwards = next\n\n"), out), WizardEngines()
    )
    wizard.step_aliases()
    assert wizard.settings.recognition.aliases == {"onwards": "next"}
    said = out.getvalue()
    assert 'Not added: "back" already means "back"' in said
    assert 'Choose other words for "next"' in said
    assert '"onwards" will mean "next"' in said


def test_the_wizard_shows_the_words_set_up_and_takes_one_away() -> None:
    # Step 6 did not show the words set up, and none could be taken away from it.
    out = io.StringIO()
    settings = Settings(recognition=RecognitionSettings(aliases={"onwards": "next"}))
    answers = "remove sideways\nremove Onwards\nforth = next\n\n"
    wizard = Wizard(settings, Prompter(io.StringIO(answers), out), WizardEngines())
    wizard.step_aliases()
    assert wizard.settings.recognition.aliases == {"forth": "next"}
    said = out.getvalue()
    assert "Set up already: onwards = next." in said
    assert '"sideways" is not one of the words set up.' in said
    assert '"onwards" is taken away.' in said


def test_the_wizard_empties_a_list_of_words_on_none() -> None:
    # "none" was saved as a word to leave out: "none" would then be muted in every post.
    settings = Settings(voice=VoiceSettings(muted_words=("relapse",), content_note_topics=("x",)))
    out = io.StringIO()
    wizard = Wizard(settings, Prompter(io.StringIO("none\n\n"), out), WizardEngines())
    wizard.step_muted()
    assert wizard.settings.voice.muted_words == ()
    assert wizard.settings.voice.content_note_topics == ("x",)  # Enter keeps the list
    assert '("none" for no words) [relapse]' in out.getvalue()


def test_doctor_flags_a_hand_edited_conflict_and_an_unknown_command(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[recognition]\naliases = { back = "next", onwards = "teleport", carry = "next" }\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    check = check_aliases(settings)
    assert check.ok is False
    assert '"back = next": "back" already means "back"' in check.detail
    assert '"onwards = teleport": "teleport" is not a voicepeer command' in check.detail
    assert "carry" not in check.detail
    assert "Change it to one of:" in check.fix and "remove the line" in check.fix
    assert "[recognition] aliases" in check.fix


def test_doctor_passes_personal_words_that_are_new() -> None:
    settings = load_settings(None)
    assert check_aliases(settings).ok is True
    assert alias_problems({"onwards": "next", "BACK TO TOPICS": "back"}) == []


def test_a_command_may_be_named_as_the_card_says_it(tmp_path: Path) -> None:
    # "latest topics" and "Next" stopped voicepeer from starting: only "latest" and "next"
    # were taken, though the card, the README and the wizard say the words.
    config = tmp_path / "config.toml"
    config.write_text(
        '[recognition]\naliases = { hop = "latest topics", onwards = "Next", fly = "teleport" }\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert [p.phrase for p in alias_problems(settings.recognition.aliases)] == ["fly"]
    # One word that names nothing is left out; the others work, and voicepeer starts.
    interpreter = make_interpreter(settings.recognition)
    assert interpreter.command(Heard("hop")).command == Command(Intent.LATEST)
    assert interpreter.command(Heard("onwards")).command == Command(Intent.NEXT)
    assert interpreter.command(Heard("fly")).command is None
    check = check_aliases(settings)
    assert check.ok is False and '"fly = teleport"' in check.detail
    assert "latest topics" in check.fix and "add_to_reply" not in check.fix


def test_doctor_runs_the_personal_words_and_push_to_talk_checks(tmp_path: Path) -> None:
    from voicepeer.cli.doctor import run_checks

    config = tmp_path / "config.toml"
    config.write_text(
        '[recognition]\naliases = { back = "next" }\n[switches]\nmode = "hold"\n', encoding="utf-8"
    )
    checks = {c.check: c for c in run_checks(config, audio=False)}
    assert checks["personal command words"].ok is False
    assert checks["push-to-talk"].ok is False
    assert 'Use "tap"' in checks["push-to-talk"].fix
