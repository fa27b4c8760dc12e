"""One barge-in trial in a room set up by PulseAudioServer.set_up_room().

Run as ``python -m tests.support.barge_in_trial '<json>'`` in a child process whose
environment points PULSE_SERVER at that daemon (PortAudio reads it at import). voicepeer
sets up echo cancellation itself, speaks ``texts`` through the speaker while listening for
interrupting commands, and meanwhile ``sounds`` (WAV files) are played into the room at
their times (seconds from the start). With ``until_s`` no new text is begun after that
time. Prints one JSON line: what was heard and when speech stopped, and ``events``: each
sound judged, each stretch of talk too long for a command and each time speech was held,
with its time. With ``record_dir`` each judged sound is written there as ``heard-N.wav``
and everything the microphone took while speaking as ``microphone.wav`` (with its
``microphone-times.json``), to judge again offline.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from tests.support.pulse import ROOM_SINK
from tests.support.speech_audio import write_wav


def run(plan: dict[str, Any]) -> dict[str, Any]:
    from voicepeer.audio.echo_cancel import set_up_echo_cancel

    status = set_up_echo_cancel()
    # Imported only now: the speaker and microphone must open on the canceller's devices.
    from voicepeer.audio.input import SounddeviceInput
    from voicepeer.recognition.barge_in import BargeInRecognizer, BargeInVerdict
    from voicepeer.recognition.settings import BargeInSettings
    from voicepeer.speech.factory import make_speech_output
    from voicepeer.speech.settings import SpeechSettings
    from voicepeer.voice.barge_in import BargeInMonitor
    from voicepeer.voice.push_to_talk import TrackedSpeech

    verdicts: list[BargeInVerdict] = []
    events: list[dict[str, Any]] = []
    record_dir = Path(plan["record_dir"]) if plan.get("record_dir") else None

    def note(kind: str, **detail: Any) -> None:
        events.append({"at_s": round(time.monotonic() - started, 3), "kind": kind, **detail})

    class NotedSpeech(TrackedSpeech):
        def hold(self, held: bool) -> None:
            note("held" if held else "released")
            super().hold(held)

    class NotedRecognizer(BargeInRecognizer):
        def judge(self, pcm: bytes) -> BargeInVerdict:
            verdict = super().judge(pcm)
            detail: dict[str, Any] = {
                "reading": verdict.reading,
                "grammar": verdict.grammar,
                "unfinished": verdict.unfinished,
                "score": round(verdict.score, 3),
                "command": verdict.command,
                "duration_s": round(verdict.duration_s, 3),
                "utterance_s": round(len(pcm) / 2 / 16_000, 3),
            }
            if record_dir is not None:
                detail["wav"] = str(record_dir / f"heard-{len(verdicts)}.wav")
                write_wav(Path(detail["wav"]), np.frombuffer(pcm, dtype="<i2"))
            note("judged", **detail)
            return verdict

    microphone_blocks: list[tuple[float, bytes]] = []

    class RecordedInput(SounddeviceInput):
        """The microphone, keeping every block it delivers with when it came."""

        def _on_audio(self, data: Any, frames: int, time_info: Any, status: Any) -> None:
            microphone_blocks.append((time.monotonic() - started, bytes(data)))
            super()._on_audio(data, frames, time_info, status)

    class TalkNotes(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "too long" in record.getMessage():
                note("talk")

    barge_in_log = logging.getLogger("voicepeer.voice.barge_in")
    barge_in_log.setLevel(logging.DEBUG)
    barge_in_log.addHandler(TalkNotes())
    started = time.monotonic()  # the microphone delivers from when it opens; set again below
    speech = NotedSpeech(
        make_speech_output("speaker", SpeechSettings(rate_wpm=plan.get("rate_wpm", 160)))
    )
    # "barge_in": settings to try other than the defaults (for comparisons in the bench).
    settings = BargeInSettings(**plan.get("barge_in", {}))
    recognizer = NotedRecognizer(settings)
    microphone = RecordedInput() if record_dir is not None else SounddeviceInput()
    monitor = BargeInMonitor(microphone, recognizer, speech, settings, on_verdict=verdicts.append)
    started = time.monotonic()
    ended = threading.Event()
    players = [
        threading.Thread(target=_play_at, args=(started + s["at_s"], s["wav"], ended))
        for s in plan.get("sounds", [])
    ]
    for player in players:
        player.start()
    commands: list[str] = []
    silenced_at: list[float] = []
    decided_at: list[float] = []
    try:
        for text in plan["texts"]:
            if time.monotonic() - started > plan.get("until_s", float("inf")):
                break
            speech.say(text)
            command = monitor.take()
            if command is not None:
                commands.append(command)
                decided_at.append(time.monotonic() - started)
                silenced_at.append((monitor.silent_since or time.monotonic()) - started)
                if plan.get("stop_on_command", True):
                    break
    finally:
        spoken_s = time.monotonic() - started
        ended.set()  # sounds not yet begun are left out
        for player in players:
            player.join()
        monitor.close()
        speech.close()
    if record_dir is not None:
        pcm = b"".join(b for _, b in microphone_blocks)
        write_wav(record_dir / "microphone.wav", np.frombuffer(pcm, dtype="<i2"))
        times = [round(t, 3) for t, _ in microphone_blocks]
        (record_dir / "microphone-times.json").write_text(json.dumps(times))
    return {
        "echo_cancel_in_use": status.in_use,
        "commands": commands,
        "silenced_at_s": silenced_at,
        "decided_at_s": decided_at,
        "holds": monitor.holds,
        "spoken_s": spoken_s,
        "verdicts": [[v.reading, v.grammar, round(v.score, 3), v.command] for v in verdicts],
        "events": events,
    }


def _play_at(when: float, wav: str, ended: threading.Event) -> None:
    if ended.wait(max(0.0, when - time.monotonic())):
        return
    subprocess.run(["paplay", "-d", ROOM_SINK, wav], check=True, timeout=60)


if __name__ == "__main__":
    print(json.dumps(run(json.loads(sys.argv[1]))))
