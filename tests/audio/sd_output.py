"""A minimal sounddevice speaker for tests, and a script that plays earcons through it.

Run as ``python -m tests.audio.sd_output listening got_it error`` in a child process whose
environment points PULSE_SERVER at the test PulseAudio daemon (PortAudio reads it at import).
It prints one JSON line: what ``EarconPlayer.play`` returned for each earcon.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading

from voicepeer.audio.earcons import Earcon, EarconPlayer
from voicepeer.audio.output import SounddeviceOutput
from voicepeer.audio.settings import EarconSettings
from voicepeer.errors import AudioDeviceError

GAP_S = 0.3


class SoundDeviceOutput:
    """Blocking playback in 100 ms chunks through a RawOutputStream, stoppable between chunks."""

    def __init__(self) -> None:
        self._stopped = threading.Event()

    def begin_utterance(self) -> None:
        """Pieces are played as they come: nothing to prepare."""

    def end_utterance(self) -> None:
        """Nothing held back: nothing to finish."""

    def hold(self, held: bool) -> None:
        """Not needed by these tests."""

    def play(self, pcm: bytes, sample_rate: int, *, cancel: threading.Event | None = None) -> None:
        import sounddevice

        self._stopped.clear()
        chunk = 2 * sample_rate // 10  # 100 ms
        try:
            with sounddevice.RawOutputStream(
                samplerate=sample_rate, channels=1, dtype="int16", latency="high"
            ) as stream:
                for start in range(0, len(pcm), chunk):
                    if self._stopped.is_set() or (cancel is not None and cancel.is_set()):
                        return
                    stream.write(pcm[start : start + chunk])
        except sounddevice.PortAudioError as error:
            raise AudioDeviceError(f"cannot play sound: {error}") from error

    def stop(self) -> None:
        self._stopped.set()

    def close(self) -> None:
        self.stop()


def main(names: list[str]) -> None:
    output: SoundDeviceOutput | SounddeviceOutput = SoundDeviceOutput()
    if names and names[0] == "--voicepeer-output":  # the speaker voicepeer itself uses
        names = names[1:]
        output = SounddeviceOutput()
    disabled = {name.removeprefix("no-") for name in names if name.startswith("no-")}
    settings = EarconSettings(**{f"{name}_enabled": False for name in disabled})
    player = EarconPlayer(output, settings)
    silence = b"\0\0" * round(GAP_S * settings.sample_rate_hz)
    results = {}
    for name in names:
        earcon = Earcon(name.removeprefix("no-"))
        results[earcon.value] = player.play(earcon)
        with contextlib.suppress(AudioDeviceError):  # a broken device is under test
            output.play(silence, settings.sample_rate_hz)  # keeps the tones apart
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1:])
