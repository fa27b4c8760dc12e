"""End-to-end command latency through the real engines and the demo forum.

- e2e_command_latency_ms_p50 / _p95: from the end of speech of a command in a WAV (fed in real
  time, as a microphone would) to the start of the spoken answer — endpointing silence,
  PocketSphinx, the voice loop, HTTP to the demo forum and the first synthesized sentence.
  A command heard whole ends after ``complete_silence_s``; others wait the longer
  endpointing silence ("back" in a post, which "back a paragraph" would change).
- e2e_command_latency_ms_max: the slowest of them (each one is printed on stderr).
- e2e_decision_cpu_ms_p50 / _p95: processor time the voicepeer process spent from the end of
  speech of each command to the listener's handing it over (endpointing, the decodes at the
  pause, the completeness check, the neural detector); unlike the latency it hardly moves
  with the machine's load. e2e_answer_cpu_ms_p50: the same up to the spoken answer.
- e2e_cut_off_rate: share of slowly spoken commands with 1.5 s pauses inside ("open topic
  … twelve") that the endpointer cut into more than one utterance, in two voices;
  e2e_cut_off_rate_more_voices the same in four other espeak-ng voices.
- e2e_commands_understood: share of the spoken commands that ran a command (not "Sorry").
- peak_rss_mb: peak resident memory of the voicepeer process during that conversation.

The conversation runs in a child process so its memory is its own.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from scripts.benchlib._memory import peak_rss_kb

COMMANDS = [
    "latest topics",
    "next",
    "next",
    "previous",
    "where am i",
    "open topic two",
    "next",
    "who wrote this",
    "repeat",
    "back",
    "help",
    "next",
]
GAP_S = 3.0
_SPEECH_LEVEL = 500
"""Sample level above the test hiss (30 RMS) that counts as speech."""


class PacedInput:
    """Hands out a WAV's audio no faster than real time (``paced``), noting when each sample
    arrived and how much processor time the process had used by then."""

    def __init__(self, inner: object, sample_rate: int, *, paced: bool = True) -> None:
        self._inner = inner
        self._rate = sample_rate
        self._paced = paced
        self._started: float | None = None
        self._fed = 0
        self.arrivals: list[tuple[float, float]] = []
        """(seconds into the WAV, wall-clock time it was handed out)."""
        self.cpu: list[tuple[float, float]] = []
        """(seconds into the WAV, the processor time of the process when handed out)."""

    @property
    def sample_rate(self) -> int:
        return self._rate

    def read(self, seconds: float) -> bytes:
        if self._started is None:
            self._started = time.monotonic()
        data: bytes = self._inner.read(seconds)  # type: ignore[attr-defined]
        self._fed += len(data) // 2
        due = self._started + self._fed / self._rate
        delay = due - time.monotonic()
        if delay > 0 and self._paced:
            time.sleep(delay)
        self.arrivals.append((self._fed / self._rate, time.monotonic()))
        self.cpu.append((self._fed / self._rate, time.process_time()))
        return data

    def discard_pending(self) -> None:
        """A recording has nothing captured while voicepeer spoke."""

    def close(self) -> None:
        self._inner.close()  # type: ignore[attr-defined]

    def arrived_at(self, wav_seconds: float) -> float:
        return self._at(self.arrivals, wav_seconds)

    def cpu_at(self, wav_seconds: float) -> float:
        return self._at(self.cpu, wav_seconds)

    @staticmethod
    def _at(marks: list[tuple[float, float]], wav_seconds: float) -> float:
        for position, value in marks:
            if position >= wav_seconds:
                return value
        raise ValueError("the conversation ended before that point of the WAV")


def _speech_end_s(wav: Path, start_s: float, end_s: float) -> float:
    """Where speech really ends in a segment: espeak-ng ends its audio with ~0.4 s of
    silence, which is not the person still speaking."""
    from voicepeer.audio.input import read_wav

    samples = read_wav(wav)[int(start_s * 16_000) : int(end_s * 16_000)]
    loud = np.nonzero(np.abs(samples.astype(np.int32)) > _SPEECH_LEVEL)[0]
    return start_s + (float(loud[-1]) / 16_000 if loud.size else end_s - start_s)


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _child(workdir: Path, *, paced: bool = True) -> dict[str, float | int]:
    from tests.support.speech_audio import conversation
    from voicepeer.audio.input import WavFileInput
    from voicepeer.commands.interpreter import Interpreter
    from voicepeer.demo_forum import DemoForum
    from voicepeer.forum.discourse import DiscourseClient
    from voicepeer.forum.drafts import DraftStore
    from voicepeer.forum.outbox import Outbox
    from voicepeer.listening import make_recognizer
    from voicepeer.recognition.base import Heard, ListenMode
    from voicepeer.recognition.listener import AudioListener
    from voicepeer.recognition.settings import RecognitionSettings
    from voicepeer.speech.controls import VoiceControls
    from voicepeer.speech.factory import make_speech_output
    from voicepeer.voice.assistant import Assistant, Engines
    from voicepeer.voice.places import PlacesFile
    from voicepeer.voice.rendering import PostRenderer
    from voicepeer.voice.settings import VoiceSettings

    wav = workdir / "commands.wav"
    segments = conversation(COMMANDS, wav, gap_s=GAP_S)
    answers: list[float] = []
    answer_cpu: list[float] = []
    """The process's processor time at each answer."""
    sorry = 0
    lock = threading.Lock()

    def on_event(kind: str, index: int) -> None:
        if kind == "playing" and index == 0:
            with lock:
                answers.append(time.monotonic())
                answer_cpu.append(time.process_time())

    recognition = RecognitionSettings()
    audio = PacedInput(WavFileInput(wav), 16_000, paced=paced)
    listener = AudioListener(audio, make_recognizer(recognition), recognition)
    heard_at: list[tuple[float, float]] = []
    """(seconds of the WAV read, the process's processor time) when each
    utterance was returned."""
    original_listen = listener.listen

    def timed_listen(mode: ListenMode, context: str = "") -> Heard | None:
        heard = original_listen(mode, context)
        heard_at.append((audio.cpu[-1][0] if audio.cpu else 0.0, time.process_time()))
        return heard

    listener.listen = timed_listen  # type: ignore[method-assign]
    speech = make_speech_output("wav", wav_dir=workdir / "said", on_event=on_event)
    with DemoForum(workdir / "forum.sqlite3") as forum:
        client = DiscourseClient(forum.base_url)
        outbox = Outbox(workdir / "outbox.sqlite3", client)
        engines = Engines(
            listener=listener,
            forum=client,
            interpreter=Interpreter(),
            drafts=DraftStore(workdir / "outbox.sqlite3"),
            outbox=outbox,
            places=PlacesFile(workdir / "places.json"),
            render_post=PostRenderer(),
            voice=VoiceControls(speech, state_file=workdir / "voice.json"),
        )
        assistant = Assistant(engines, VoiceSettings(greeting=False))
        original_say = assistant.say

        def counting_say(text: str) -> None:
            nonlocal sorry
            if text.startswith("Sorry, I didn't catch that"):
                sorry += 1
            original_say(text)

        assistant.say = counting_say  # type: ignore[method-assign]
        assistant.run()
        outbox.close()
        client.close()
    speech.close()
    latencies: list[float] = []
    decisions: list[float] = []
    to_answer: list[float] = []
    for segment in segments:
        speech_end = _speech_end_s(wav, segment.start_s, segment.end_s)
        ended = audio.arrived_at(speech_end)
        following = [i for i, t in enumerate(answers) if t >= ended]
        if following:
            latencies.append((answers[following[0]] - ended) * 1000)
            to_answer.append((answer_cpu[following[0]] - audio.cpu_at(speech_end)) * 1000)
        returned = [cpu for position, cpu in heard_at if position >= speech_end]
        if returned:
            decisions.append((returned[0] - audio.cpu_at(speech_end)) * 1000)
    print(json.dumps([round(x) for x in latencies]), file=sys.stderr)
    print("decision cpu ms", json.dumps([round(x, 1) for x in decisions]), file=sys.stderr)
    print("cpu to answer ms", json.dumps([round(x, 1) for x in to_answer]), file=sys.stderr)
    ordered = sorted(latencies)
    cpu = sorted(decisions)
    return {
        "e2e_command_latency_ms_p50": round(statistics.median(ordered), 1),
        "e2e_command_latency_ms_p95": round(_percentile(ordered, 0.95), 1),
        "e2e_command_latency_ms_max": round(ordered[-1], 1),
        "e2e_decision_cpu_ms_p50": round(statistics.median(cpu), 1),
        "e2e_decision_cpu_ms_p95": round(_percentile(cpu, 0.95), 1),
        "e2e_answer_cpu_ms_p50": round(statistics.median(to_answer), 1),
        "e2e_commands_understood": round(1 - sorry / len(COMMANDS), 3),
        "peak_rss_mb": round(peak_rss_kb() / 1024, 1),
    }


SLOW_COMMANDS: list[list[str | float]] = [
    ["open topic", 1.5, "twelve"],
    ["open topic", 1.5, "three"],
    ["search for", 1.5, "heat"],
    ["go to", 1.5, "sleep"],
    ["go back", 1.5, "one"],
    ["where", 1.5, "am i"],
    ["back to", 1.5, "the list"],
    ["stop", 1.5, "listening"],
    ["open topic", 1.5, "twenty one"],
]


def cut_off_rate(voices: tuple[str, ...] = ("en-us", "en-gb")) -> float:
    """Slow commands (110 words a minute, 1.5 s pauses) cut by the endpointer."""
    from tests.support.speech_audio import utterances, write_wav
    from voicepeer.audio.input import WavFileInput
    from voicepeer.listening import make_recognizer
    from voicepeer.recognition.base import ListenMode
    from voicepeer.recognition.listener import AudioListener
    from voicepeer.recognition.settings import RecognitionSettings

    settings = RecognitionSettings()
    recognizer = make_recognizer(settings, engine="sphinx")
    cut = total = 0
    with tempfile.TemporaryDirectory(prefix="voicepeer-slow-") as tmp:
        for voice in voices:
            for parts in SLOW_COMMANDS:
                path = write_wav(
                    Path(tmp) / "slow.wav", utterances([*parts, 3.0], voice=voice, wpm=110)
                )
                listener = AudioListener(WavFileInput(path), recognizer, settings)
                pieces = 0
                while listener.listen(ListenMode.COMMAND) is not None:
                    pieces += 1
                cut += pieces > 1
                total += 1
    recognizer.close()
    return round(cut / total, 3)


def run() -> dict[str, float | int]:
    root = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory(prefix="voicepeer-e2e-") as tmp:
        env = dict(os.environ)
        home = Path(tmp) / "home"
        for name, sub in (
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_CACHE_HOME", ".cache"),
            ("XDG_STATE_HOME", ".local/state"),
        ):
            (home / sub).mkdir(parents=True)
            env[name] = str(home / sub)
        env["HOME"] = str(home)
        done = subprocess.run(
            [sys.executable, "-m", "scripts.benchlib.e2e", tmp],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        if done.returncode != 0:
            raise RuntimeError(f"e2e benchmark failed: {done.stderr[-2000:]}")
        figures: dict[str, float | int] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["e2e_cut_off_rate"] = cut_off_rate()
    figures["e2e_cut_off_rate_more_voices"] = cut_off_rate(
        ("en-gb-x-rp", "en-us-nyc", "en-gb-scotland", "en-029")
    )
    return figures


if __name__ == "__main__":
    # "--unpaced": the same conversation as fast as it decodes (processor time only).
    print(json.dumps(_child(Path(sys.argv[1]), paced="--unpaced" not in sys.argv[2:])))
