"""Voice controls: bounded steps, remembered between runs, robust to a damaged file."""

from __future__ import annotations

import json
from pathlib import Path

from voicepeer import paths
from voicepeer.speech.controls import VoiceControls
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.speech.settings import SpeechSettings


class VoiceRecorder(PrintedSpeech):
    def __init__(self) -> None:
        super().__init__()
        self.voices: list[tuple[int, float]] = []

    def set_voice(self, *, rate_wpm: int, volume: float) -> None:
        self.voices.append((rate_wpm, volume))


def test_steps_apply_to_the_speech_output_and_report_new_values() -> None:
    speech = VoiceRecorder()
    controls = VoiceControls(speech, SpeechSettings(rate_wpm=160, volume=0.5))
    assert speech.voices == [(160, 0.5)]
    change = controls.faster()
    assert (change.rate_wpm, change.volume, change.changed) == (180, 0.5, True)
    assert controls.slower().rate_wpm == 160
    assert controls.louder().volume_percent == 60
    assert controls.quieter().volume == 0.5
    assert speech.voices[-1] == (160, 0.5)


def test_limits_are_reported_not_crossed() -> None:
    controls = VoiceControls(VoiceRecorder(), SpeechSettings(rate_wpm=240, volume=0.95))
    assert controls.faster().rate_wpm == 260
    top = controls.faster()
    assert (top.rate_wpm, top.changed) == (260, False)
    assert controls.louder().volume == 1.0
    assert controls.louder().changed is False
    for _ in range(30):
        controls.slower()
        controls.quieter()
    assert (controls.rate_wpm, controls.volume) == (80, 0.1)  # never silent


def test_choice_is_remembered_between_runs() -> None:
    first = VoiceControls(VoiceRecorder(), SpeechSettings(rate_wpm=160, volume=0.5))
    first.slower()
    first.louder()
    saved = paths.state_dir() / "voice.json"
    assert json.loads(saved.read_text()) == {"rate_wpm": 140, "volume": 0.6}
    speech = VoiceRecorder()
    second = VoiceControls(speech, SpeechSettings(rate_wpm=160, volume=0.5))
    assert (second.rate_wpm, second.volume) == (140, 0.6)
    assert speech.voices == [(140, 0.6)]
    assert [p.name for p in saved.parent.iterdir()] == ["voice.json"]  # no temporary left
    assert second.reset().rate_wpm == 160


def test_damaged_or_out_of_range_state_falls_back_safely(tmp_path: Path) -> None:
    state = tmp_path / "voice.json"
    state.write_text("{not json", encoding="utf-8")
    controls = VoiceControls(VoiceRecorder(), SpeechSettings(rate_wpm=170), state_file=state)
    assert controls.rate_wpm == 170
    state.write_text('{"rate_wpm": 9999, "volume": -3}', encoding="utf-8")
    controls = VoiceControls(VoiceRecorder(), SpeechSettings(), state_file=state)
    assert (controls.rate_wpm, controls.volume) == (260, 0.1)


def test_unwritable_state_folder_does_not_stop_the_change(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("", encoding="utf-8")
    controls = VoiceControls(
        VoiceRecorder(), SpeechSettings(rate_wpm=160), state_file=blocker / "voice.json"
    )
    assert controls.faster().rate_wpm == 180


def test_only_what_the_person_changed_is_kept_over_the_settings_file(tmp_path: Path) -> None:
    # Both were saved: a volume never asked about hid a carer's later change of it.
    state = tmp_path / "voice.json"
    controls = VoiceControls(VoiceRecorder(), SpeechSettings(rate_wpm=160), state_file=state)
    controls.slower()
    assert json.loads(state.read_text()) == {"rate_wpm": 140}
    later = VoiceControls(VoiceRecorder(), SpeechSettings(volume=1.0), state_file=state)
    assert (later.rate_wpm, later.volume) == (140, 1.0)
    later.faster()  # back to the file's rate: nothing of the person's own is left
    assert json.loads(state.read_text()) == {}
