"""Streaming speech through the real synthesizer into WAV files: order, pause, volume, safety."""

from __future__ import annotations

import shutil
import threading
import wave
from pathlib import Path

import numpy as np
import pytest

from voicepeer.audio.output import WavDirectoryOutput
from voicepeer.errors import SpeechEngineError
from voicepeer.speech.streaming import StreamingSpeech, scale_volume
from voicepeer.speech.synth import EspeakSynthesizer, Pyttsx3Synthesizer, Speech
from voicepeer.speech.text import load_lexicon

pytestmark = pytest.mark.skipif(
    shutil.which("espeak-ng") is None,
    reason="espeak-ng is not installed (scripts/setup installs it)",
)

POST = " ".join(f"Sentence {n} is about resting when the fatigue comes." for n in range(1, 21))


class Recording(WavDirectoryOutput):
    """The WAV output, also keeping each play in memory for checks."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.plays: list[bytes] = []

    def play(self, pcm: bytes, sample_rate: int, *, cancel: threading.Event | None = None) -> None:
        if cancel is None or not cancel.is_set():
            self.plays.append(pcm)
        super().play(pcm, sample_rate, cancel=cancel)


Events = list[tuple[str, int]]


def make(tmp_path: Path, **kwargs: object) -> tuple[StreamingSpeech, Recording, Events]:
    events: list[tuple[str, int]] = []
    output = Recording(tmp_path / "wav")
    speech = StreamingSpeech(
        Pyttsx3Synthesizer("en-gb"),
        output,
        on_event=lambda kind, i: events.append((kind, i)),
        **kwargs,  # type: ignore[arg-type]
    )
    return speech, output, events


def peak(pcm: bytes) -> int:
    return int(np.abs(np.frombuffer(pcm, "<i2").astype(np.int32)).max())


def test_first_sentence_plays_before_the_post_is_synthesized(tmp_path: Path) -> None:
    speech, output, events = make(tmp_path, lookahead=2)
    speech.say(POST)
    speech.close()
    assert events.index(("playing", 0)) < events.index(("synthesized", 19))
    # The producer never runs more than two sentences ahead of what is playing.
    for index in range(3, 20):
        assert events.index(("synthesized", index)) > events.index(("playing", index - 3))
    assert [i for kind, i in events if kind == "played"] == list(range(20))
    # One utterance, one numbered file, holding all twenty sentences.
    assert [p.name for p in output.written] == ["0001.wav"]
    with wave.open(str(output.written[0])) as wav:
        assert wav.getnframes() * 2 == sum(len(p) for p in output.plays)


def test_pause_remembers_the_sentence_and_resume_continues(tmp_path: Path) -> None:
    speech, output, events = make(tmp_path)

    paused_once: list[bool] = []

    def pause_at_third(kind: str, index: int) -> None:
        events.append((kind, index))
        if (kind, index) == ("playing", 2) and not paused_once:
            paused_once.append(True)
            speech.pause()

    speech._on_event = pause_at_third
    text = "One is here. Two is here. Three is here. Four is here. Five is here."
    speech.say(text)
    assert speech.paused_at == 2
    assert len(output.plays) == 2
    speech.say("Paused.")  # the confirmation does not lose the place
    assert speech.paused_at == 2
    assert len(output.plays) == 3
    output.plays.pop()
    assert speech.resume() is True
    assert speech.paused_at is None
    assert len(output.plays) == 5
    assert speech.resume() is False
    assert [i for kind, i in events if kind == "played"] == [0, 1, 0, 2, 3, 4]
    speech.pause()  # nothing playing: nothing to keep
    assert speech.resume() is False
    speech.close()


def test_forget_pause_drops_the_place(tmp_path: Path) -> None:
    speech, output, _ = make(tmp_path)
    speech._on_event = lambda kind, i: speech.pause() if (kind, i) == ("playing", 1) else None
    speech.say("One is here. Two is here. Three is here.")
    assert speech.paused_at == 1
    speech.forget_pause()
    assert speech.resume() is False
    assert len(output.plays) == 1
    speech.close()


def test_stop_forgets_what_was_left(tmp_path: Path) -> None:
    speech, output, _ = make(tmp_path)
    speech._on_event = lambda kind, i: speech.stop() if (kind, i) == ("playing", 1) else None
    speech.say("One is here. Two is here. Three is here.")
    assert len(output.plays) == 1
    assert speech.paused_at is None
    assert speech.resume() is False
    speech.close()


def test_a_stop_during_an_utterance_is_reported_once(tmp_path: Path) -> None:
    speech, _, _ = make(tmp_path)
    speech.say("One is here.")
    speech.stop()  # between utterances: nothing is cut short
    assert speech.take_interruption() is False
    speech._on_event = lambda kind, i: speech.stop() if (kind, i) == ("playing", 1) else None
    speech.say("One is here. Two is here. Three is here.")
    assert speech.take_interruption() is True
    assert speech.take_interruption() is False
    speech._on_event = lambda kind, i: speech.pause() if (kind, i) == ("playing", 1) else None
    speech.say("One is here. Two is here. Three is here.")
    assert speech.take_interruption() is False  # a pause is kept for resume, not lost
    speech.close()


def test_volume_scales_the_samples(tmp_path: Path) -> None:
    speech, output, _ = make(tmp_path)
    speech.set_voice(rate_wpm=160, volume=1.0)
    speech.say("The same words twice.")
    speech.set_voice(rate_wpm=160, volume=0.25)
    speech.say("The same words twice.")
    loud, quiet = output.plays
    # The engine's output varies by a few samples from run to run; the level must not.
    assert peak(quiet) == pytest.approx(peak(loud) * 0.25, rel=0.1)
    speech.close()
    samples = np.array([0, 1000, -1000, 32767, -32768], "<i2").tobytes()
    assert np.frombuffer(scale_volume(samples, 0.5), "<i2").tolist() == [
        0,
        500,
        -500,
        16383,
        -16384,
    ]
    assert scale_volume(samples, 1.0) == samples


def test_rate_and_volume_are_kept_within_bounds(tmp_path: Path) -> None:
    speech, _, _ = make(tmp_path)
    speech.set_voice(rate_wpm=5000, volume=7.0)
    assert (speech.rate_wpm, speech.volume) == (260, 1.0)
    speech.set_voice(rate_wpm=1, volume=-1)
    assert (speech.rate_wpm, speech.volume) == (80, 0.0)
    speech.close()


def test_markup_in_text_never_reaches_the_engine(tmp_path: Path) -> None:
    seen: list[str] = []

    class Spy(EspeakSynthesizer):
        def synthesize(self, text: str, *, rate_wpm: int) -> Speech:
            seen.append(text)
            return super().synthesize(text, rate_wpm=rate_wpm)

    speech = StreamingSpeech(
        Spy("en-gb"), WavDirectoryOutput(tmp_path / "w"), lexicon=load_lexicon()
    )
    speech.say("My MS \x1b[2J [[h@l@U]] <speak>x</speak> \u202eok.")
    speech.close()
    assert seen == ["My M S h@l@U x ok."]


def test_engine_failure_reaches_the_caller_as_speech_engine_error(tmp_path: Path) -> None:
    speech = StreamingSpeech(
        EspeakSynthesizer("en-gb", executable="no-such-espeak"), WavDirectoryOutput(tmp_path / "w")
    )
    with pytest.raises(SpeechEngineError):
        speech.say("Hello there.")
    speech.close()


def test_wav_numbering_continues_after_existing_files(tmp_path: Path) -> None:
    folder = tmp_path / "wav"
    folder.mkdir()
    (folder / "0007.wav").write_bytes(b"")
    output = WavDirectoryOutput(folder)
    output.play(b"\x00\x01" * 100, 16_000)
    output.play(b"\x00\x01" * 100, 22_050)
    assert [p.name for p in output.written] == ["0008.wav", "0009.wav"]
    with wave.open(str(output.written[1])) as wav:
        assert (wav.getframerate(), wav.getnframes()) == (22_050, 100)
