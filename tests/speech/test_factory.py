"""make_speech_output builds each kind of speech output from settings."""

from __future__ import annotations

import shutil
import wave
from dataclasses import MISSING, fields
from pathlib import Path

import pytest

from voicepeer import paths
from voicepeer.errors import ConfigError
from voicepeer.speech.factory import lexicon_for, make_speech_output
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.speech.settings import SpeechSettings


def test_text_kind_prints(capsys: pytest.CaptureFixture[str]) -> None:
    speech = make_speech_output("text", SpeechSettings())
    assert isinstance(speech, PrintedSpeech)
    speech.say("Hello.")
    assert capsys.readouterr().out == "SAY: Hello.\n"


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_wav_kind_writes_one_file_per_utterance(tmp_path: Path) -> None:
    speech = make_speech_output("wav", SpeechSettings(engine="espeak-ng"), tmp_path / "out")
    speech.say("Welcome to voicepeer. You have two new replies.")
    speech.say("Goodbye.")
    speech.close()
    files = sorted((tmp_path / "out").iterdir())
    assert [f.name for f in files] == ["0001.wav", "0002.wav"]
    with wave.open(str(files[0])) as first, wave.open(str(files[1])) as second:
        assert first.getnframes() > 2 * second.getnframes() > 0


def test_wav_kind_needs_a_folder_and_engine_must_be_known() -> None:
    with pytest.raises(ConfigError):
        make_speech_output("wav", SpeechSettings())
    with pytest.raises(ConfigError) as caught:
        make_speech_output("wav", SpeechSettings(engine="festival"), Path("/tmp/x"))
    assert "setting" in caught.value.spoken


def test_caregiver_lexicon_from_the_config_folder_is_used() -> None:
    paths.config_dir().mkdir(parents=True, exist_ok=True)
    (paths.config_dir() / "lexicon.toml").write_text('[words]\n"Jo" = "Joe"\n', encoding="utf-8")
    assert lexicon_for(SpeechSettings()).apply("Jo has MS") == "Joe has M S"


def test_settings_follow_the_loader_conventions() -> None:
    for spec in fields(SpeechSettings):
        assert spec.default is not MISSING, f"{spec.name} needs a default"
        if spec.name.endswith("_s") or spec.name in {"rate_wpm", "volume"}:
            assert "min" in spec.metadata and "max" in spec.metadata, spec.name
    assert 0 < SpeechSettings().chunk_s <= 0.05
