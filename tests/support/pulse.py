"""Start and stop a private PulseAudio daemon whose null sink acts as a sound card."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

ROOM_SINK = "room"
"""The sink that stands for the air of the room (see PulseAudioServer.set_up_room)."""


ECHO_VOLUME_PERCENT = 50
"""Level of voicepeer's voice reaching the microphone (PulseAudio percent, 50% = -18 dB)."""


class PulseAudioServer:
    def __init__(self, root: Path) -> None:
        self.home = root / "home"
        self.runtime = root / "run"
        self.socket = self.runtime / "pulse" / "native"
        self.log = root / "pulseaudio.log"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def server_address(self) -> str:
        return f"unix:{self.socket}"

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            HOME=str(self.home), XDG_RUNTIME_DIR=str(self.runtime), PULSE_SERVER=self.server_address
        )
        return env

    def start(self, timeout: float = 20.0) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        self.runtime.mkdir(parents=True, exist_ok=True)
        self.runtime.chmod(0o700)
        # Foreground process (not -D) so the test session owns it and can always stop it.
        # Its messages go to a file: a pipe nobody reads fills up after some minutes of
        # warnings, and then the daemon blocks writing to it and stops answering.
        with self.log.open("wb") as log:
            self._process = subprocess.Popen(
                [
                    "pulseaudio",
                    "--daemonize=no",
                    "--exit-idle-time=-1",
                    "--disallow-exit",
                    "--load=module-null-sink",
                    "--log-target=stderr",
                    "-n",
                    "--load=module-native-protocol-unix",
                    "--load=module-always-sink",
                ],
                env=self.env(),
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                err = self.log.read_text(errors="replace")
                raise RuntimeError(f"PulseAudio exited at start: {err[-2000:]}")
            probe = subprocess.run(["pactl", "info"], env=self.env(), capture_output=True)
            if probe.returncode == 0:
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("PulseAudio did not start in time")

    def freeze(self, frozen: bool) -> None:
        """Stop the server in its tracks (SIGSTOP) or let it go on (SIGCONT): a sound
        device that takes no audio, or, in short bursts, a computer too busy to play."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGSTOP if frozen else signal.SIGCONT)

    def pactl(self, *args: str) -> str:
        return subprocess.run(
            ["pactl", *args], env=self.env(), capture_output=True, text=True, check=True, timeout=20
        ).stdout

    def set_up_room(self) -> None:
        """Make the null sink a speaker standing in a room: what it plays reaches a second
        null sink, ``room``, whose monitor becomes the default microphone. Other sounds in
        the room (a person saying "stop", chatter) are played into ``room`` directly.
        Echo cancellation is then voicepeer's own to set up over these defaults. The
        loopback keeps one fixed delay (``adjust_time=0``): its default adaptive resampling
        keeps changing the delay, which no sound card does and the canceller never settles
        on. (PulseAudio refuses to cancel between a sink and its own monitor.)"""
        self.pactl("load-module", "module-null-sink", f"sink_name={ROOM_SINK}")
        self.pactl(
            "load-module",
            "module-loopback",
            "source=null.monitor",
            f"sink={ROOM_SINK}",
            "latency_msec=40",
            "adjust_time=0",
            "source_dont_move=true",
            "sink_dont_move=true",
        )
        # The voice reaches the microphone 18 dB down (PulseAudio's 50%), as from a speaker
        # an arm's length away; the person speaks close to it (played at full level).
        index = next(
            line.split("\t")[0] for line in self.pactl("list", "short", "sink-inputs").splitlines()
        )
        self.pactl("set-sink-input-volume", index, f"{ECHO_VOLUME_PERCENT}%")
        self.pactl("set-default-sink", "null")
        self.pactl("set-default-source", f"{ROOM_SINK}.monitor")

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGTERM)
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None


def say_into_microphone(text: str, env: dict[str, str], folder: Path, wpm: int = 150) -> None:
    """Play espeak-ng speech into the null sink; its monitor is the default microphone.

    150 words a minute, as the other spoken tests: espeak-ng's en-us drawls "next" at 120
    into "new next" or "new it", which the bundled model then hears wrongly every time."""
    wav = folder / "said.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", str(wpm), "-w", str(wav), text], check=True)
    subprocess.run(["paplay", str(wav)], env=env, check=True, timeout=60)
