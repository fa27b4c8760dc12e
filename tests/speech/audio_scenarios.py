"""Speech through the real speaker path, run in a fresh process pointed at PulseAudio.

PortAudio reads PULSE_SERVER when sounddevice is first imported, so each scenario runs as
``python -m tests.speech.audio_scenarios NAME`` with the test's environment and prints one
JSON object. The null sink's monitor is recorded with ``parec`` to see what really played.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from voicepeer.errors import VoicepeerError
from voicepeer.speech.factory import make_speech_output
from voicepeer.speech.settings import SpeechSettings
from voicepeer.speech.streaming import StreamingSpeech
from voicepeer.speech.synth import Speech, Synthesizer

LOUD = 300
"""Peak level (int16) above which a 10 ms slice of the monitor counts as sound."""

POST = " ".join(
    f"This is sentence number {n} of a long post about living with fatigue and heat."
    for n in range(1, 9)
)


class MonitorRecorder:
    """Records the null sink's monitor at 16 kHz; keeps (arrival time, peak) per 10 ms."""

    def __init__(self) -> None:
        self._process = subprocess.Popen(
            [
                "parec",
                "--raw",
                "--format=s16le",
                "--rate=16000",
                "--channels=1",
                "-d",
                "null.monitor",
                "--latency-msec=10",
            ],
            stdout=subprocess.PIPE,
        )
        self.slices: list[tuple[float, int]] = []
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        while True:
            block = self._process.stdout.read(320)
            if len(block) < 2:
                return
            peak = int(np.abs(np.frombuffer(block[: len(block) // 2 * 2], "<i2")).max())
            self.slices.append((time.monotonic(), peak))

    def loud_seconds(self, after: float = 0.0) -> float:
        return sum(0.01 for t, peak in self.slices if peak > LOUD and t >= after)

    def last_loud(self) -> float | None:
        loud = [t for t, peak in self.slices if peak > LOUD]
        return loud[-1] if loud else None

    def close(self) -> None:
        self._process.kill()
        self._process.wait()


class Observed:
    """A synthesizer wrapper that records durations and can act at the start of a sentence."""

    def __init__(self, inner: Synthesizer) -> None:
        self.inner = inner
        self.durations: list[float] = []
        self.before: Callable[[int], None] = lambda index: None

    @property
    def name(self) -> str:
        return self.inner.name

    def synthesize(self, text: str, *, rate_wpm: int) -> Speech:
        self.before(len(self.durations))
        speech = self.inner.synthesize(text, rate_wpm=rate_wpm)
        self.durations.append(speech.duration_s)
        return speech

    def cancel(self) -> None:
        self.inner.cancel()

    def close(self) -> None:
        self.inner.close()


def _speaker(events: list[tuple[str, int]]) -> tuple[StreamingSpeech, Observed, Any]:
    speech = make_speech_output(
        "speaker", SpeechSettings(rate_wpm=220), on_event=lambda kind, i: events.append((kind, i))
    )
    assert isinstance(speech, StreamingSpeech)
    observed = Observed(speech._synth)
    speech._synth = observed
    return speech, observed, speech._output


def _settle(recorder: MonitorRecorder, output: Any, seconds: float = 1.0) -> int:
    frames = int(output.frames_played)
    time.sleep(seconds)
    return int(output.frames_played) - frames


def _wait_into_sentence_two(events: list[tuple[str, int]], output: Any) -> None:
    """Until sentence two (index 1) has been playing for 0.3 s."""
    while ("playing", 1) not in events:
        time.sleep(0.005)
    start = output.frames_played
    while output.frames_played - start < 0.3 * 22_050:
        time.sleep(0.005)


def play_whole() -> dict[str, Any]:
    events: list[tuple[str, int]] = []
    recorder = MonitorRecorder()
    speech, observed, output = _speaker(events)
    text = "Hello from voicepeer. Reading your post now. That was all."
    speech.say(text)
    time.sleep(0.5)
    speech.close()
    recorder.close()
    return {
        "events": events,
        "durations": observed.durations,
        "frames_played": output.frames_played,
        "loud_seconds": recorder.loud_seconds(),
    }


def stop_during_playback() -> dict[str, Any]:
    events: list[tuple[str, int]] = []
    recorder = MonitorRecorder()
    speech, observed, output = _speaker(events)
    stopped_at: list[float] = []
    frames_at_stop: list[int] = []

    def stop_once_sentence_one_is_heard() -> None:
        _wait_into_sentence_two(events, output)
        stopped_at.append(time.monotonic())
        speech.stop()
        frames_at_stop.append(output.frames_played)

    threading.Thread(target=stop_once_sentence_one_is_heard, daemon=True).start()
    speech.say(POST)
    returned = time.monotonic()
    growth = _settle(recorder, output)
    speech.close()
    recorder.close()
    return {
        "events": events,
        "durations": observed.durations,
        "frames_after_stop": output.frames_played - frames_at_stop[0],
        "frames_growth_after_return": growth,
        "say_returned_after_stop_s": returned - stopped_at[0],
        "loud_seconds": recorder.loud_seconds(),
        "loud_seconds_after_stop": recorder.loud_seconds(after=stopped_at[0] + 0.1),
    }


def hold_during_playback() -> dict[str, Any]:
    """Held silent for a while in the middle of a sentence, then let go on."""
    events: list[tuple[str, int]] = []
    recorder = MonitorRecorder()
    speech, observed, output = _speaker(events)
    held: dict[str, float] = {}

    def hold_for_a_second() -> None:
        _wait_into_sentence_two(events, output)
        speech.hold(True)
        held["from"] = time.monotonic()
        time.sleep(0.2)  # what the device had buffered has played by now
        held["frames_at"] = output.frames_played
        time.sleep(1.0)
        held["frames_growth"] = output.frames_played - held["frames_at"]
        held["until"] = time.monotonic()
        speech.hold(False)

    threading.Thread(target=hold_for_a_second, daemon=True).start()
    speech.say(POST)
    time.sleep(0.3)
    speech.close()
    recorder.close()
    return {
        "events": events,
        "durations": observed.durations,
        "frames_played": output.frames_played,
        "frames_growth_while_held": held["frames_growth"],
        "loud_seconds_while_held": recorder.loud_seconds(after=held["from"] + 0.2)
        - recorder.loud_seconds(after=held["until"]),
        "loud_seconds_after": recorder.loud_seconds(after=held["until"]),
    }


def stop_during_synthesis() -> dict[str, Any]:
    events: list[tuple[str, int]] = []
    recorder = MonitorRecorder()
    speech, observed, output = _speaker(events)
    stop_returned = threading.Event()

    def stop_and_note() -> None:
        speech.stop()
        stop_returned.set()

    def stop_from_another_thread(index: int) -> None:
        if index == 0:  # the first sentence is being synthesized right now
            threading.Thread(target=stop_and_note).start()
            stop_returned.wait(5)

    observed.before = stop_from_another_thread
    speech.say(POST)
    growth = _settle(recorder, output)
    speech.close()
    recorder.close()
    return {
        "events": events,
        "frames_played": output.frames_played,
        "frames_growth_after_return": growth,
        "loud_seconds": recorder.loud_seconds(),
        "stop_returned": stop_returned.is_set(),
    }


def _own_server_trial(meddle: Callable[[Any, Any], None], times: int) -> dict[str, Any]:
    """Say POST ``times`` times through a PulseAudio server of its own, which
    ``meddle(server, output)`` upsets from another thread; the errors and events seen."""
    import os
    import tempfile
    from pathlib import Path

    from tests.support.pulse import PulseAudioServer

    with tempfile.TemporaryDirectory() as tmp:
        server = PulseAudioServer(Path(tmp))
        server.start()
        os.environ.update(server.env())  # before sounddevice is first imported
        events: list[tuple[str, int]] = []
        speech, _, output = _speaker(events)
        threading.Thread(target=meddle, args=(server, output), daemon=True).start()
        errors: list[dict[str, Any]] = []
        for _ in range(times):
            started = time.monotonic()
            try:
                speech.say(POST)
            except VoicepeerError as error:
                errors.append(
                    {
                        "error": type(error).__name__,
                        "message": str(error),
                        "spoken": error.spoken,
                        "after_s": time.monotonic() - started,
                    }
                )
        server.freeze(False)
        speech.close()
        server.stop()
    return {"errors": errors, "events": events}


def _after_half_a_second(output: Any) -> None:
    while output.frames_played < 0.5 * 22_050:
        time.sleep(0.005)


def speaker_vanishes() -> dict[str, Any]:
    """The sound server shut down in the middle of a sentence."""

    def pull_the_plug(server: Any, output: Any) -> None:
        _after_half_a_second(output)
        server.stop()

    return _own_server_trial(pull_the_plug, times=2)


def speaker_freezes() -> dict[str, Any]:
    """The sound server stops taking audio in the middle of a sentence, for good."""

    def freeze(server: Any, output: Any) -> None:
        _after_half_a_second(output)
        server.freeze(True)

    return _own_server_trial(freeze, times=1)


def speaker_busy() -> dict[str, Any]:
    """The sound server plays in fits and starts (a busy computer): for 12 s it is held
    still 0.8 s in every 1.2 s, so a sentence takes far longer than its audio."""

    def stutter(server: Any, output: Any) -> None:
        _after_half_a_second(output)
        for _ in range(10):
            server.freeze(True)
            time.sleep(0.8)
            server.freeze(False)
            time.sleep(0.4)

    return _own_server_trial(stutter, times=1)


def no_speaker() -> dict[str, Any]:
    try:
        make_speech_output("speaker", SpeechSettings())
    except VoicepeerError as error:
        return {"error": type(error).__name__, "message": str(error), "spoken": error.spoken}
    return {"error": None}


SCENARIOS: dict[str, Callable[[], dict[str, Any]]] = {
    "play_whole": play_whole,
    "stop_during_playback": stop_during_playback,
    "stop_during_synthesis": stop_during_synthesis,
    "hold_during_playback": hold_during_playback,
    "no_speaker": no_speaker,
    "speaker_vanishes": speaker_vanishes,
    "speaker_freezes": speaker_freezes,
    "speaker_busy": speaker_busy,
}

if __name__ == "__main__":
    print(json.dumps(SCENARIOS[sys.argv[1]]()))
