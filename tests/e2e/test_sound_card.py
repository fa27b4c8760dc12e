"""voicepeer on a real (virtual) sound card: the microphone and speaker are sounddevice
streams on PulseAudio null sinks, the person is espeak-ng played into the microphone's sink,
and they wait for voicepeer to finish speaking before they talk, as a person would."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest

from tests.support.members import keyed_forum, signed_in
from tests.support.pulse import PulseAudioServer
from tests.support.speech_audio import conversation
from voicepeer.forum.credentials import CredentialStore

SPEAKER_SINK = "voicepeer_speaker"
MIC_SINK = "voicepeer_mic"


class SinkListener:
    """Records a sink's monitor and tracks when something was last audible there."""

    def __init__(self, env: dict[str, str], sink: str) -> None:
        self._process = subprocess.Popen(
            [
                "parec",
                f"--device={sink}.monitor",
                "--format=s16le",
                "--rate=16000",
                "--channels=1",
                "--latency-msec=20",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.loud_blocks = 0
        self.last_loud = 0.0
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        while chunk := self._process.stdout.read(1600):  # 50 ms
            samples = np.frombuffer(chunk, dtype=np.int16).astype(np.float64)
            if samples.size and np.sqrt(np.mean(samples**2)) > 300:
                self.loud_blocks += 1
                self.last_loud = time.monotonic()

    def wait_for_answer(
        self, since_blocks: int, quiet_s: float = 2.5, timeout_s: float = 90
    ) -> None:
        """Wait until something new was heard and then silence lasted ``quiet_s``: long
        enough that a speech engine stalling mid-sentence on a busy machine is not taken for
        the end of the answer, and the next words are not said over it."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.loud_blocks > since_blocks and time.monotonic() - self.last_loud > quiet_s:
                return
            time.sleep(0.1)
        pytest.fail("voicepeer did not answer through the speaker")

    def close(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)


@pytest.fixture
def two_sinks(pulseaudio: PulseAudioServer) -> Iterator[dict[str, str]]:
    """A speaker sink and a microphone sink; the environment makes voicepeer use them."""
    env = pulseaudio.env()
    modules = [
        subprocess.run(
            ["pactl", "load-module", "module-null-sink", f"sink_name={name}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for name in (SPEAKER_SINK, MIC_SINK)
    ]
    try:
        yield {**env, "PULSE_SINK": SPEAKER_SINK, "PULSE_SOURCE": f"{MIC_SINK}.monitor"}
    finally:
        for module in modules:
            subprocess.run(["pactl", "unload-module", module], env=env, check=False)


def heard_and_said(env: dict[str, str]) -> str:
    """The session's transcript: what voicepeer heard, said and did."""
    shown = subprocess.run(
        [sys.executable, "-m", "voicepeer", "transcript", "--no-follow"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return shown.stdout + shown.stderr


@pytest.mark.audio
@pytest.mark.slow
def test_voice_loop_on_a_sound_card_likes_a_post(two_sinks: dict[str, str], tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[speech]\nengine = "espeak-ng"\nrate_wpm = 260\n\n[voice]\nmax_listed_topics = 1\n'
    )
    said = {}
    spoken = ("open topic one", "like this post", "yes")  # "yes" again if asked again
    for text in spoken:
        wav = tmp_path / f"{text.replace(' ', '_')}.wav"
        conversation([text], wav, gap_s=0.5)
        said[text] = wav
    env = {**two_sinks, "HOME": str(tmp_path / "home")}
    with keyed_forum(tmp_path / "forum.sqlite3") as forum:
        # Signed in as the person's account is saved (a like needs one): as "demo".
        CredentialStore().save(signed_in(forum, "demo"))
        speaker = SinkListener(env, SPEAKER_SINK)
        voicepeer = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "voicepeer",
                "--config",
                str(config),
                "run",
                "--forum",
                forum.base_url,
                "--input",
                "mic",
                "--output",
                "speaker",
                "--transcript",  # what it heard, to show if the like never comes
            ],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            speaker.wait_for_answer(0)  # the greeting
            topic = httpx.get(f"{forum.base_url}/latest.json").json()["topic_list"]["topics"][0]

            def likes() -> list[dict[str, object]]:
                first = httpx.get(f"{forum.base_url}/t/{topic['id']}.json").json()
                summary = first["post_stream"]["posts"][0]["actions_summary"]
                return [{"id": a["id"], "count": a.get("count")} for a in summary]

            def say(text: str) -> None:
                heard_before = speaker.loud_blocks
                subprocess.run(
                    ["paplay", f"--device={MIC_SINK}", str(said[text])], env=env, check=True
                )
                speaker.wait_for_answer(heard_before)

            def liked_within(seconds: float) -> bool:
                deadline = time.monotonic() + seconds
                while {"id": 2, "count": 1} not in likes() and time.monotonic() < deadline:
                    time.sleep(0.2)
                return {"id": 2, "count": 1} in likes()

            say("open topic one")
            say("like this post")
            assert {"id": 2, "count": 1} not in likes()  # asked, not yet liked
            # A chime answers the yes at once; the like follows the answer window, in which
            # a take-back could still come. A yes the sound path left unsure is asked about
            # again, never guessed: the person then says it again, as anyone would.
            for _attempt in range(3):
                say("yes")
                if liked_within(15):
                    break
            assert {"id": 2, "count": 1} in likes(), heard_and_said(env)
            assert "not a clear yes" in heard_and_said(env) or _attempt == 0
        finally:
            voicepeer.terminate()
            out, err = voicepeer.communicate(timeout=30)
            speaker.close()
    assert voicepeer.returncode in (0, 1, -15, 130), err
    # Speech went to the speaker, never to the terminal.
    assert "SAY:" not in out
