"""Interrupting voicepeer by voice while it speaks, in a virtual room (PulseAudio null sinks,
see tests/support/pulse.py): voicepeer's own voice reaches the microphone through the
room, the sound system's echo canceller takes it out, and a spoken "stop" is played into
the room over it.

- ``barge_in_stop_rate``: share of spoken "stop"s (several espeak-ng voices and rates)
  that stopped speech (target >= 0.9);
- ``barge_in_false_stops``: commands heard in ``BARGE_IN_SOAK_S`` seconds (default 600) of
  voicepeer reading a long post aloud with room talk played in now and then (target 0);
- ``barge_in_stop_to_silence_ms``: median time from the end of the spoken "stop" (when
  its WAV reached that point, by the clock of the process that started playing it) to
  speech having stopped (target <= 1000).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

STOP_VOICES = (("en-us", 130), ("en-us", 170), ("en-gb", 140), ("en-gb-x-rp", 160),
               ("en-us-nyc", 120), ("en-gb-scotland", 150), ("en-029", 140), ("en-gb", 190))
ROOM_TALK = ("I think I will put the kettle on, would you like a cup of tea",
             "Did you see the weather forecast for tomorrow",
             "Can you pass me the remote please",
             "The bus was late again this morning and I had to stand all the way")
STOP_AT_S = 4.0
ROOM_TALK_EVERY_S = 30.0


def _say_to_wav(text: str, voice: str, rate: int, path: Path) -> float:
    """Write espeak-ng speech to ``path``; returns where the speech in it ends (seconds)."""
    from voicepeer.audio.input import read_wav

    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(path), text],
                   check=True)
    samples = np.abs(read_wav(path).astype(np.int32))
    loud = np.nonzero(samples > samples.max() * 0.05)[0]
    return float(loud[-1]) / 16_000 if loud.size else 0.0


def _trial(env: dict[str, str], plan: dict[str, Any]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "tests.support.barge_in_trial", json.dumps(plan)],
                          env=env, capture_output=True, text=True,
                          timeout=plan.get("timeout_s", 300))
    if done.returncode != 0:
        raise RuntimeError(f"barge-in trial failed: {done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _paragraphs() -> list[str]:
    from voicepeer.demo_forum.seed_long_post import LONG_LETTER

    return [p for p in LONG_LETTER.split("\n\n") if len(p) > 120 and not p.startswith("#")]


def run() -> dict[str, float | int]:
    if shutil.which("pulseaudio") is None or shutil.which("paplay") is None:
        raise RuntimeError("needs PulseAudio and paplay (scripts/setup --dev)")
    from tests.support.pulse import PulseAudioServer

    soak_s = float(os.environ.get("BARGE_IN_SOAK_S", "600"))
    paragraphs = _paragraphs()
    with tempfile.TemporaryDirectory(prefix="voicepeer-bench-") as name:
        folder = Path(name)
        server = PulseAudioServer(folder / "pulse")
        server.start()
        try:
            server.set_up_room()
            env = {**server.env(), "PYTHONPATH": str(Path.cwd())}
            caught, delays = 0, []
            for n, (voice, rate) in enumerate(STOP_VOICES):
                wav = folder / f"stop{n}.wav"
                speech_end = _say_to_wav("stop", voice, rate, wav)
                result = _trial(env, {"texts": paragraphs[n % len(paragraphs):][:2],
                                      "sounds": [{"at_s": STOP_AT_S, "wav": str(wav)}]})
                print(f"barge-in stop {voice} {rate} wpm: {result['commands']} "
                      f"{result['verdicts']}", file=sys.stderr)
                if result["commands"]:
                    caught += 1
                    delays.append(result["silenced_at_s"][0] - STOP_AT_S - speech_end)
            sounds = []
            for n, at in enumerate(np.arange(10.0, soak_s, ROOM_TALK_EVERY_S)):
                wav = folder / f"talk{n}.wav"
                _say_to_wav(ROOM_TALK[n % len(ROOM_TALK)], "en-us" if n % 2 else "en-gb",
                            150, wav)
                sounds.append({"at_s": float(at), "wav": str(wav)})
            texts, words = [], 0
            while words < soak_s * 170 / 60:  # enough to talk for soak_s at ~170 wpm
                for paragraph in paragraphs:
                    texts.append(paragraph)
                    words += len(paragraph.split())
            soak = _trial(env, {"texts": texts, "sounds": sounds, "stop_on_command": False,
                                "until_s": soak_s, "timeout_s": soak_s + 300})
            print(f"barge-in soak: {soak['spoken_s']:.0f} s, commands {soak['commands']}",
                  file=sys.stderr)
        finally:
            server.stop()
    return {
        "barge_in_stop_rate": round(caught / len(STOP_VOICES), 3),
        "barge_in_false_stops": len(soak["commands"]),
        "barge_in_soak_s": round(soak["spoken_s"]),
        "barge_in_stop_to_silence_ms": round(statistics.median(delays) * 1000) if delays else -1,
    }
