"""Speech output figures, for a 5,000-word post read with the default engine (pyttsx3).

- tts_first_audio_ms: median time from having the post's cooked HTML to its first audio
  being handed to the speaker (convert to text, split, render the first sentence).
- tts_whole_post_ms: time to render the same post in one piece, which is what the listener
  would wait for without sentence streaming.
- tts_whole_post_sentencewise_ms: time to render it sentence by sentence, back to back
  (the total synthesis work streaming spreads over the listening time).
- stop_latency_ms_p95: 95th percentile, over stops at random moments of playback on the
  PulseAudio null sink, of the time from stop() to the last sound at the sink's monitor
  (recorded with parec; includes up to ~10 ms of recording latency).
- stop_return_ms_p95: 95th percentile of the time from stop() until say() returned.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from voicepeer.speech.streaming import StreamingSpeech
from voicepeer.speech.synth import Pyttsx3Synthesizer
from voicepeer.speech.text import cooked_to_speech, split_sentences

POST_WORDS = 5_000
FIRST_AUDIO_RUNS = 5
STOP_TRIALS = 20

_PARAGRAPHS = (
    "I was diagnosed with relapsing remitting MS three years ago, and the fatigue is "
    "still the hardest part of every day.",
    "My neurologist suggested ocrelizumab, e.g. two infusions a year, but I worry about "
    "infections because I work with children.",
    "Dr. Patel said the MRI showed no new lesions, which was a relief after a difficult winter.",
    "Heat makes everything worse for me; a cooling vest, cold drinks and a fan by the bed "
    "help more than I expected.",
    "Has anyone tried a walking stick with a seat? Mine arrived yesterday :) and I can "
    "finally rest on long walks.",
    "Thank you all for listening, this forum has been a lifeline on the bad days 🧡",
)


def _post_html(words: int = POST_WORDS) -> str:
    paragraphs: list[str] = []
    count = 0
    index = 0
    while count < words:
        text = _PARAGRAPHS[index % len(_PARAGRAPHS)]
        paragraphs.append(f"<p>{text}</p>")
        count += len(text.split())
        index += 1
    return "\n".join(paragraphs)


class _FirstAudio:
    """An output that notes when audio first arrives, then ends the reading."""

    def __init__(self) -> None:
        self.first_at: float | None = None
        self.speech: StreamingSpeech | None = None

    def begin_utterance(self) -> None:
        """Only the first piece matters here: nothing to prepare."""

    def end_utterance(self) -> None:
        """Nothing held back: nothing to finish."""

    def hold(self, held: bool) -> None:
        """Nothing plays, so nothing to hold."""

    def play(self, pcm: bytes, sample_rate: int, *, cancel: threading.Event | None = None) -> None:
        if self.first_at is None:
            self.first_at = time.perf_counter()
        if self.speech is not None:
            self.speech.stop()

    def stop(self) -> None:
        """Nothing plays, so nothing to stop."""

    def close(self) -> None:
        """Nothing to release."""


def _first_audio_ms(html: str, synth: Pyttsx3Synthesizer) -> float:
    output = _FirstAudio()
    speech = StreamingSpeech(synth, output)
    output.speech = speech
    started = time.perf_counter()
    speech.say(cooked_to_speech(html))
    assert output.first_at is not None
    speech._jobs.put(None)  # let the producer end; the shared engine stays open
    return (output.first_at - started) * 1000


def _stop_trials(trials: int) -> dict[str, float]:
    """Runs in a fresh process whose environment points at the PulseAudio server."""
    from tests.speech.audio_scenarios import MonitorRecorder
    from voicepeer.speech.factory import make_speech_output
    from voicepeer.speech.settings import SpeechSettings

    recorder = MonitorRecorder()
    speech = make_speech_output("speaker", SpeechSettings())
    assert isinstance(speech, StreamingSpeech)
    output: Any = speech._output
    text = cooked_to_speech(_post_html(400))
    latencies: list[float] = []
    returns: list[float] = []
    chooser = random.Random(7)
    for _ in range(trials):
        returned = threading.Event()

        def read_aloud(done: threading.Event = returned) -> None:
            speech.say(text)
            done.set()

        worker = threading.Thread(target=read_aloud)
        worker.start()
        while output.frames_played == 0 and worker.is_alive():
            time.sleep(0.001)
        time.sleep(chooser.uniform(0.2, 3.0))
        stopped = time.monotonic()
        speech.stop()
        returned.wait(10)
        returns.append((time.monotonic() - stopped) * 1000)
        worker.join(10)
        time.sleep(0.6)  # let the monitor catch up before reading it
        last = recorder.last_loud()
        latencies.append(max(0.0, ((last or stopped) - stopped) * 1000))
        output.frames_played = 0
    speech.close()
    recorder.close()
    quantile = lambda values: statistics.quantiles(values, n=20)[-1]  # noqa: E731
    return {
        "stop_latency_ms_p95": round(quantile(latencies), 1),
        "stop_return_ms_p95": round(quantile(returns), 1),
    }


def _stop_figures() -> dict[str, float]:
    if shutil.which("pulseaudio") is None or shutil.which("parec") is None:
        print("bench speech: PulseAudio is not installed; no stop latency", file=sys.stderr)
        return {}
    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root))
    from tests.support.pulse import PulseAudioServer

    with tempfile.TemporaryDirectory() as tmp:
        server = PulseAudioServer(Path(tmp))
        server.start()
        try:
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "scripts.benchlib.speech",
                    "--stop-trials",
                    str(STOP_TRIALS),
                ],
                cwd=root,
                env=server.env(),
                capture_output=True,
                text=True,
                timeout=300,
                check=True,
            )
        finally:
            server.stop()
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def run() -> dict[str, float | int]:
    html = _post_html()
    synth = Pyttsx3Synthesizer("en-gb")
    _first_audio_ms(html, synth)  # warm the engine once, as at voicepeer's start
    first = [_first_audio_ms(html, synth) for _ in range(FIRST_AUDIO_RUNS)]

    text = cooked_to_speech(html)
    started = time.perf_counter()
    for sentence in split_sentences(text):
        synth.synthesize(sentence, rate_wpm=160)
    sentencewise = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    whole = synth.synthesize(" ".join(text.split("\n")), rate_wpm=160)
    whole_ms = (time.perf_counter() - started) * 1000
    assert whole.duration_s > 600, whole.duration_s
    synth.close()
    figures: dict[str, float | int] = {
        "tts_first_audio_ms": round(statistics.median(first), 1),
        "tts_whole_post_ms": round(whole_ms, 1),
        "tts_whole_post_sentencewise_ms": round(sentencewise, 1),
    }
    figures.update(_stop_figures())
    return figures


if __name__ == "__main__":
    if sys.argv[1:2] == ["--stop-trials"]:
        print(json.dumps(_stop_trials(int(sys.argv[2]))))
    else:
        print(json.dumps(run()))
