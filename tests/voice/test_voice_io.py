"""What open_io tells the voice loop about the listener it opened."""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

import pytest

from tests.support.speech_audio import utterances, write_wav
from voicepeer.app import open_io, parse_input, parse_output
from voicepeer.recognition.sphinx_files import bundled_model_dir
from voicepeer.recognition.voice_profile import default_profile_path
from voicepeer.settings import Settings
from voicepeer.switches import SwitchSettings


def voice_training_would_help(input_spec: str, tmp_path: Path) -> bool:
    with open_io(
        parse_input(input_spec), parse_output(f"wav:{tmp_path / 'said'}"), Settings()
    ) as io:
        return io.voice_training_would_help


def test_voice_training_is_suggested_only_for_an_untrained_microphone_engine(
    tmp_path: Path,
) -> None:
    wav = write_wav(tmp_path / "in.wav", utterances(["next", 1.0]))
    assert voice_training_would_help(f"wav:{wav}", tmp_path)
    assert not voice_training_would_help("text", tmp_path)  # typing needs no training
    profile = default_profile_path()
    shutil.copytree(bundled_model_dir(), profile)
    (profile / "voicepeer-training.json").write_text('{"sentences": 18}')
    assert not voice_training_would_help(f"wav:{wav}", tmp_path)


def yes_switch(tmp_path: Path, yes_key: str) -> bool:
    wav = write_wav(tmp_path / "in.wav", utterances(["next", 1.0]))
    settings = Settings(switches=SwitchSettings(yes_key=yes_key))
    with open_io(
        parse_input(f"wav:{wav}"), parse_output(f"wav:{tmp_path / 'said'}"), settings
    ) as io:
        return io.yes_switch


def test_the_yes_switch_is_offered_only_where_its_key_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Not in a terminal (as under a service manager), the yes key is never read, and the
    # log says so for the carer.
    with caplog.at_level(logging.WARNING, logger="voicepeer.app"):
        assert not yes_switch(tmp_path, "y")
    assert any("yes_key is set" in r.getMessage() for r in caplog.records)
    master, slave = os.openpty()
    try:
        with open(slave, closefd=False) as terminal:
            monkeypatch.setattr(sys, "stdin", terminal)
            assert yes_switch(tmp_path, "y")
            assert not yes_switch(tmp_path, "")  # none set up
    finally:
        os.close(master)
        os.close(slave)
