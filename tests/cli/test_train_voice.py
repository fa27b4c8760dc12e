"""``voicepeer train-voice``: from recordings in a folder, and at a (virtual) microphone."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from tests.cli.terminal import Terminal
from tests.support.pulse import say_into_microphone
from tests.support.speech_audio import utterances, write_wav
from voicepeer.cli import main
from voicepeer.recognition.voice_profile import check_profile, default_profile_path
from voicepeer.recognition.voice_training import MIN_RECORDINGS, TRAINING_SENTENCES

VOICEPEER = [sys.executable, "-m", "voicepeer"]


def test_sentences_are_listed_for_recording_elsewhere(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train-voice", "--sentences"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"01  {TRAINING_SENTENCES[0]}"
    assert len(lines) == len(TRAINING_SENTENCES)


def test_training_from_a_folder_then_forgetting_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number, sentence in enumerate(TRAINING_SENTENCES[:8], start=1):
        # A recorder's own numbering, without the 0, counts too: 1.wav was left out unsaid.
        write_wav(
            tmp_path / (f"{number:02d}.wav" if number > 4 else f"{number}.wav"),
            utterances([sentence, 0.4], voice="en-gb", seed=number),
            rate=16_000,
        )
    assert main(["train-voice", "--wav-dir", str(tmp_path)]) == 0
    assert "Voice training done with 8 sentences" in capsys.readouterr().out
    check_profile(default_profile_path())
    assert main(["train-voice", "--forget"]) == 0
    assert "deleted" in capsys.readouterr().out
    assert not default_profile_path().exists()
    assert main(["train-voice", "--forget"]) == 0
    assert "no voice training to delete" in capsys.readouterr().out


def test_a_folder_without_recordings_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["train-voice", "--wav-dir", str(tmp_path)]) == 1
    assert "01.wav" in capsys.readouterr().err
    assert main(["train-voice", "--wav-dir", str(tmp_path / "missing")]) == 1
    assert "not a folder" in capsys.readouterr().err


@pytest.mark.audio
@pytest.mark.slow
def test_training_at_the_microphone_stopped_early_with_ctrl_c(
    pulse_env: dict[str, str], isolated_home: Path, tmp_path: Path
) -> None:
    term = Terminal([*VOICEPEER, "train-voice"], pulse_env)
    kept = 0
    number = 1
    while kept < MIN_RECORDINGS:
        sentence = TRAINING_SENTENCES[number - 1]
        term.expect(rf"Sentence {number} of {len(TRAINING_SENTENCES)}:", timeout=90)
        for _ in range(2):
            term.expect(r"Listening\.\.\.", timeout=90)
            say_into_microphone(sentence, pulse_env, tmp_path, wpm=140)
            verdict = term.expect(r"Thank you\.|could not follow|heard nothing", timeout=90)
            if "Thank you" in verdict:
                kept += 1
                break
        number += 1
    term.expect(rf"Sentence {number} of", timeout=90)
    term.process.send_signal(signal.SIGINT)  # what Ctrl+C does
    term.expect(rf"Stopped after {kept} sentences", timeout=60)
    term.expect(rf"Voice training done with {kept} sentences", timeout=120)
    assert term.finish() == 0, term.output
    check_profile(
        isolated_home / ".local" / "share" / "voicepeer" / "voice" / default_profile_path().name
    )
