"""Interrupting voicepeer by voice while it speaks, in a virtual room (PulseAudio null sinks,
see tests/support/pulse.py): voicepeer's own voice reaches the microphone through the
room, the sound system's echo canceller takes it out, and a spoken "stop" is played into
the room over it.

- ``barge_in_stop_rate_tune`` / ``_eval``: share of spoken "stop"s that silenced speech
  within ``CAUGHT_WITHIN_S`` of the end of the word, on the voices and rates the rules were
  tuned on and on others (``barge_in_stop_rate`` is the evaluation figure; target >= 0.9);
  ``barge_in_stray_stops_*``: commands in those sessions where nobody said "stop";
- ``barge_in_false_stops``: commands heard in ``BARGE_IN_SOAK_S`` seconds (default 600) of
  voicepeer reading a long post aloud with room talk played in now and then (target 0);
- ``barge_in_stop_to_silence_ms``: median time from the end of a caught "stop" (when its
  WAV reached that point, by the clock of the process that started playing it) to the
  speaker falling silent for good (target <= 1000): speech is held silent from the start
  of the word while it is judged, so this is mostly below zero;
  ``barge_in_stop_to_decision_ms``: the same to the moment it was taken for a command.
``BARGE_IN_SOAK_S=0`` leaves the soak out; ``barge_in_soak_holds`` says how often speech
was held silent for a sound in it. ``BARGE_IN_SETTINGS`` (JSON) tries other ``[barge_in]``
settings; ``BARGE_IN_AEC`` (module-echo-cancel arguments, e.g. ``aec_method=speex``) another
canceller. ``BARGE_IN_DETAIL=<folder>`` keeps, per split, what happened around each spoken
"stop" (``stops-<split>.json``: caught or not, each sound judged with what both decodes
read, talk cut as too long, speech held) and the sounds themselves (``<split>/heard-N.wav``,
``<split>/microphone.wav``: all the microphone took while voicepeer spoke), and the same of
the soak (``soak.json``, ``soak/``), for judging them again offline.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

STOP_VOICES = {
    # Tuning split: the voices and rates the interrupting-command rules were tuned on.
    "tune": [
        (voice, rate)
        for voice in ("en-us", "en-gb", "en-gb-x-rp", "en-us+f3")
        for rate in (110, 130, 150, 170, 200)
    ],
    # Evaluation split: other voices and rates, never looked at while tuning.
    "eval": [
        (voice, rate)
        for voice in ("en-us-nyc", "en-gb-scotland", "en-029", "en-gb+f4", "en+m3")
        for rate in (100, 145, 190, 165)
    ],
}
"""The people saying "stop" (espeak-ng voice, words per minute), by split."""
STOP_EVERY_S = 6.0
"""Seconds between spoken "stop"s in one session (voicepeer goes on reading after each)."""
CAUGHT_WITHIN_S = 1.0
"""A "stop" counts as caught when a command decided after the end of the word left speech
silent from this soon after that end (or from before it, when speech was already held for a
sound that ran into the word)."""
ROOM_TALK = (
    "I think I will put the kettle on, would you like a cup of tea",
    "Did you see the weather forecast for tomorrow",
    "Can you pass me the remote please",
    "The bus was late again this morning and I had to stand all the way",
)
ROOM_TALK_EVERY_S = 30.0


def _say_to_wav(text: str, voice: str, rate: int, path: Path) -> float:
    """Write espeak-ng speech to ``path``; returns where the speech in it ends (seconds)."""
    from voicepeer.audio.input import read_wav

    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(path), text], check=True)
    samples = np.abs(read_wav(path).astype(np.int32))
    loud = np.nonzero(samples > samples.max() * 0.05)[0]
    return float(loud[-1]) / 16_000 if loud.size else 0.0


def _trial(env: dict[str, str], plan: dict[str, Any]) -> dict[str, Any]:
    # Other [barge_in] settings to compare, e.g. BARGE_IN_SETTINGS='{"hold_speech": false}'.
    plan = {**plan, "barge_in": json.loads(os.environ.get("BARGE_IN_SETTINGS", "{}"))}
    done = subprocess.run(
        [sys.executable, "-m", "tests.support.barge_in_trial", json.dumps(plan)],
        env=env,
        capture_output=True,
        text=True,
        timeout=plan.get("timeout_s", 300),
    )
    if done.returncode != 0:
        raise RuntimeError(f"barge-in trial failed: {done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _paragraphs() -> list[str]:
    from voicepeer.demo_forum.seed_long_post import LONG_LETTER

    return [p for p in LONG_LETTER.split("\n\n") if len(p) > 120 and not p.startswith("#")]


def _detail_dir(part: str) -> Path | None:
    """Where the sounds of ``part`` are kept (``BARGE_IN_DETAIL``), if anywhere."""
    detail = os.environ.get("BARGE_IN_DETAIL")
    if not detail:
        return None
    folder = Path(detail, part)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _stop_session(
    env: dict[str, str], folder: Path, split: str, paragraphs: list[str]
) -> tuple[list[tuple[float, float] | None], int]:
    """One reading session with a spoken "stop" every STOP_EVERY_S seconds: for each, the
    seconds from the end of the word to silence and to the decision (None when not caught
    in time), and how many commands stopped speech where no "stop" was said."""
    sounds, ends = [], []
    for n, (voice, rate) in enumerate(STOP_VOICES[split]):
        wav = folder / f"stop-{split}{n}.wav"
        at = 4.0 + n * STOP_EVERY_S
        ends.append(at + _say_to_wav("stop", voice, rate, wav))
        sounds.append({"at_s": at, "wav": str(wav)})
    record_dir = _detail_dir(split)
    result = _trial(
        env,
        {
            "texts": paragraphs * 10,
            "sounds": sounds,
            "stop_on_command": False,
            "until_s": ends[-1] + 2,
            "timeout_s": ends[-1] + 300,
            "record_dir": str(record_dir) if record_dir else None,
        },
    )
    delays: list[tuple[float, float] | None] = []
    claimed: set[int] = set()
    trials = []
    for (voice, rate), sound, end in zip(STOP_VOICES[split], sounds, ends, strict=True):
        # Decided once the word was over, with the speaker silent by CAUGHT_WITHIN_S after
        # it. Silence may begin before the word: speech held for a sound that ran into it.
        after = [
            (i, silenced - end)
            for i, (silenced, decided) in enumerate(
                zip(result["silenced_at_s"], result["decided_at_s"], strict=True)
            )
            if i not in claimed and decided >= end and silenced <= end + CAUGHT_WITHIN_S
        ]
        delays.append((after[0][1], result["decided_at_s"][after[0][0]] - end) if after else None)
        claimed.update(i for i, _ in after)
        # What happened from the start of the word until just before the next one.
        around = [
            e for e in result["events"] if sound["at_s"] <= e["at_s"] < end + STOP_EVERY_S - 2
        ]
        trials.append(
            {
                "voice": voice,
                "rate_wpm": rate,
                "at_s": sound["at_s"],
                "end_s": round(end, 3),
                "caught": bool(after),
                "events": around,
            }
        )
        judged = [f"{e['reading']!r}/{e['grammar']!r}" for e in around if e["kind"] == "judged"]
        talk = sum(e["kind"] == "talk" for e in around)
        print(
            f"barge-in stop {split} {voice} {rate} wpm: {'caught' if after else 'missed'}"
            f" (judged {', '.join(judged) or 'nothing'}{f'; talk cut {talk}' if talk else ''})",
            file=sys.stderr,
        )
    if record_dir is not None:
        (record_dir.parent / f"stops-{split}.json").write_text(json.dumps(trials, indent=1))
    return delays, len(result["silenced_at_s"]) - len(claimed)


def run() -> dict[str, float | int]:
    if shutil.which("pulseaudio") is None or shutil.which("paplay") is None:
        raise RuntimeError("needs PulseAudio and paplay (scripts/setup --dev)")
    from tests.support.pulse import PulseAudioServer

    soak_s = float(os.environ.get("BARGE_IN_SOAK_S", "600"))
    paragraphs = _paragraphs()
    figures: dict[str, float | int] = {}
    with tempfile.TemporaryDirectory(prefix="voicepeer-bench-") as name:
        folder = Path(name)
        server = PulseAudioServer(folder / "pulse")
        server.start()
        try:
            server.set_up_room()
            env = {**server.env(), "PYTHONPATH": str(Path.cwd())}
            _load_other_canceller(server)
            delays: list[tuple[float, float]] = []
            for split in STOP_VOICES:
                caught, stray = _stop_session(env, folder, split, paragraphs)
                figures[f"barge_in_stop_rate_{split}"] = round(
                    sum(d is not None for d in caught) / len(caught), 3
                )
                figures[f"barge_in_stray_stops_{split}"] = stray
                delays += [d for d in caught if d is not None]
            if soak_s > 0:
                figures.update(_soak(env, folder, soak_s, paragraphs))
        finally:
            server.stop()
    figures["barge_in_stop_rate"] = figures["barge_in_stop_rate_eval"]
    for name, column in (("silence", 0), ("decision", 1)):
        figures[f"barge_in_stop_to_{name}_ms"] = (
            round(statistics.median(d[column] for d in delays) * 1000) if delays else -1
        )
    return figures


def _load_other_canceller(server: Any) -> None:
    """With ``BARGE_IN_AEC`` (arguments of PulseAudio's module-echo-cancel, e.g.
    ``aec_method=speex``), that canceller is loaded first, and voicepeer uses it as one
    already there instead of loading its own."""
    from voicepeer.audio.echo_cancel import SINK_NAME, SOURCE_NAME

    arguments = os.environ.get("BARGE_IN_AEC")
    if arguments:
        server.pactl(
            "load-module",
            "module-echo-cancel",
            *shlex.split(arguments),
            f"source_name={SOURCE_NAME}",
            f"sink_name={SINK_NAME}",
        )


def _soak(
    env: dict[str, str], folder: Path, soak_s: float, paragraphs: list[str]
) -> dict[str, float | int]:
    """Commands heard in ``soak_s`` seconds of voicepeer reading with room talk."""
    sounds = []
    for n, at in enumerate(np.arange(10.0, soak_s, ROOM_TALK_EVERY_S)):
        wav = folder / f"talk{n}.wav"
        _say_to_wav(ROOM_TALK[n % len(ROOM_TALK)], "en-us" if n % 2 else "en-gb", 150, wav)
        sounds.append({"at_s": float(at), "wav": str(wav)})
    texts, words = [], 0
    while words < soak_s * 170 / 60:  # enough to talk for soak_s at ~170 wpm
        for paragraph in paragraphs:
            texts.append(paragraph)
            words += len(paragraph.split())
    record_dir = _detail_dir("soak")
    soak = _trial(
        env,
        {
            "texts": texts,
            "sounds": sounds,
            "stop_on_command": False,
            "until_s": soak_s,
            "timeout_s": soak_s + 300,
            "record_dir": str(record_dir) if record_dir else None,
        },
    )
    if record_dir is not None:
        (record_dir.parent / "soak.json").write_text(json.dumps(soak["events"], indent=1))
    print(
        f"barge-in soak: {soak['spoken_s']:.0f} s, commands {soak['commands']}, "
        f"held {soak['holds']} times, "
        f"verdicts {soak['verdicts']}",
        file=sys.stderr,
    )
    return {
        "barge_in_false_stops": len(soak["commands"]),
        "barge_in_soak_s": round(soak["spoken_s"]),
        "barge_in_soak_holds": soak["holds"],
    }
