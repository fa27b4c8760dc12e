"""espeak-ng's own list of voices, asked of the real espeak-ng: a name it does not know is
spoken with its default voice, silently, so the set-up and doctor check names against it."""

from __future__ import annotations

import dataclasses
import io

import pytest

from voicepeer.errors import ConfigError
from voicepeer.settings import Settings
from voicepeer.setup.doctor import check_speech_output
from voicepeer.setup.prompter import Prompter
from voicepeer.setup.wizard import Choices, Wizard
from voicepeer.setup.wizard_engines import WizardEngines
from voicepeer.speech.voices import espeak_voices, unknown_voice_problem

KNOWN = espeak_voices()


def test_languages_names_files_and_variants_are_known() -> None:
    assert KNOWN is not None
    for voice in ("en-gb", "EN-US", "en-gb+f3", "en-us+female3", "gmw/en", "English_(Scotland)"):
        assert KNOWN.knows(voice), voice
    for voice in ("en-gbb", "english", "en-gb+f99", "en gb"):
        assert not KNOWN.knows(voice), voice
    problem = unknown_voice_problem("en-gbb", KNOWN)
    assert problem is not None and "no voice called 'en-gbb'" in problem
    assert "en-gb, en-us" in problem
    # Without espeak-ng to ask, nothing is refused.
    assert unknown_voice_problem("en-gbb", None) is None
    assert espeak_voices("no-such-espeak") is None


def quiet_engines() -> WizardEngines:
    return dataclasses.replace(WizardEngines(), speak_preview=lambda text, speech: False)


def test_the_wizard_asks_again_for_a_voice_espeak_ng_lacks() -> None:
    out = io.StringIO()
    answers = io.StringIO("en-gbb\nen-us\n\n\ny\n")  # a typo, then a voice, rate, volume
    chosen = Wizard(Settings(), Prompter(answers, out), quiet_engines())
    chosen.step_voice()
    assert "espeak-ng has no voice called 'en-gbb'" in out.getvalue()
    assert chosen.settings.speech.voice == "en-us"


def test_a_voice_given_on_the_command_line_is_checked_before_anything_is_saved() -> None:
    choices = Choices(voice="en-gbb")
    chosen = Wizard(Settings(), Prompter(io.StringIO(), io.StringIO()), quiet_engines(), choices)
    with pytest.raises(ConfigError, match="no voice called 'en-gbb'"):
        chosen.apply_flags()


def test_doctor_fails_a_voice_espeak_ng_lacks() -> None:
    settings = Settings()
    speech = dataclasses.replace(settings.speech, voice="en-gbb")
    wrong = dataclasses.replace(settings, speech=speech)
    check = check_speech_output(wrong)
    assert check.ok is False
    assert "no voice called 'en-gbb'" in check.detail
    assert "voicepeer configure --non-interactive --voice en-gb" in str(check.fix)
