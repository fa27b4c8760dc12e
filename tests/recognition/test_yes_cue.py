"""The soft chime as soon as a yes is heard: played once, at the start of the answer window
in which a "… but" can still take the yes back; never for other answers; never heard as
speech itself. Real espeak-ng speech through the real listener and engine, the chime saved
by voicepeer's WAV output, and once through a real sound card whose speaker the
microphone hears."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from tests.support.speech_audio import espeak, utterances, write_wav
from voicepeer.audio.earcons import Earcon, EarconPlayer, render, tones_hz
from voicepeer.audio.input import WavFileInput, to_mono_16k
from voicepeer.audio.output import WavDirectoryOutput
from voicepeer.audio.settings import EarconSettings
from voicepeer.audio.tone_filter import ToneNotch
from voicepeer.commands import Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.listening import acknowledge_yes, voice_loop_phrasebook
from voicepeer.recognition.base import Heard, ListenMode
from voicepeer.recognition.endpointing import level_db
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.voice.assistant import ALLOWED
from voicepeer.voice.states import State

QUIETEST_SPEECH_DB = RecognitionSettings().min_speech_level_db
WINDOW_S = RecognitionSettings().answer_silence_s


def loudest_db(pcm: bytes) -> float:
    return max(level_db(pcm[i : i + 960]) for i in range(0, len(pcm) - 959, 960))


@pytest.mark.parametrize("rate", [16_000, 22_050, 48_000])
def test_the_filter_takes_the_chime_below_speech_but_leaves_speech(rate: int) -> None:
    played = np.frombuffer(render(Earcon.HEARD_YES, sample_rate=rate, volume=1.0), "<i2")
    chime = to_mono_16k(played, rate).tobytes()
    assert loudest_db(chime) > -10  # full volume, right at the microphone
    assert loudest_db(ToneNotch(tones_hz(Earcon.HEARD_YES)).process(chime)) < QUIETEST_SPEECH_DB
    but = espeak("but").tobytes()
    kept = ToneNotch(tones_hz(Earcon.HEARD_YES)).process(but)
    assert loudest_db(kept) > loudest_db(but) - 3


class CountingInput(WavFileInput):
    """voicepeer's WAV input, noting how much of the file has been read."""

    read_s = 0.0

    def read(self, seconds: float) -> bytes:
        chunk = super().read(seconds)
        self.read_s += len(chunk) / 2 / self.sample_rate
        return chunk


@pytest.fixture(scope="module")
def recognizer() -> Iterator[SphinxRecognizer]:
    engine = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    yield engine
    engine.close()


def answers(
    recognizer: SphinxRecognizer, path: Path, sounds: Path
) -> tuple[list[Intent | None], list[float]]:
    """What each answer in ``path`` does to "Shall I post it?", and when (seconds into the
    file) each chime was played."""
    audio = CountingInput(path)
    player = EarconPlayer(WavDirectoryOutput(sounds))
    chimes: list[float] = []
    acknowledge = acknowledge_yes(player)

    def on_answer_pause(heard: Heard) -> tuple[float, ...]:
        tones = acknowledge(heard)
        if tones:
            chimes.append(audio.read_s)
        return tones

    listener = AudioListener(audio, recognizer, on_answer_pause=on_answer_pause)
    done = []
    while (heard := listener.listen(ListenMode.ANSWER)) is not None:
        command = Interpreter().answer(heard, ALLOWED[State.CONFIRMING]).command
        done.append(command.intent if command is not None else None)
    return done, chimes


@pytest.mark.parametrize("voice", ["en-us", "en-gb-scotland"])
def test_a_yes_is_acknowledged_at_once_and_still_taken(
    recognizer: SphinxRecognizer, tmp_path: Path, voice: str
) -> None:
    said = utterances(["yes", WINDOW_S + 1.0], voice=voice)
    done, chimes = answers(recognizer, write_wav(tmp_path / "yes.wav", said), tmp_path / "out")
    assert done == [Intent.YES]
    assert len(chimes) == 1
    end_of_yes = 0.5 + espeak("yes", voice).size / 16_000
    # At the start of the window, not at its end: a tired person hears at once.
    assert chimes[0] < end_of_yes + 0.6 < end_of_yes + WINDOW_S
    assert len(list((tmp_path / "out").glob("*.wav"))) == 1


@pytest.mark.parametrize(("voice", "then"), [("en-us", "but"), ("en-gb-scotland", "hang on")])
def test_a_take_back_after_the_chime_still_cancels(
    recognizer: SphinxRecognizer, tmp_path: Path, voice: str, then: str
) -> None:
    said = utterances(["yes", 1.5, then, WINDOW_S + 1.0], voice=voice)
    done, chimes = answers(recognizer, write_wav(tmp_path / "back.wav", said), tmp_path / "out")
    assert len(chimes) == 1  # the yes was acknowledged ...
    assert done != [] and Intent.YES not in done  # ... and taken back all the same
    assert len(done) == 1, done  # heard whole, as one answer


def test_no_chime_for_answers_that_are_no_yes(recognizer: SphinxRecognizer, tmp_path: Path) -> None:
    said = utterances(["yeah", WINDOW_S + 1.0, "no", 2.0, "hang on", WINDOW_S + 1.0])
    done, chimes = answers(recognizer, write_wav(tmp_path / "not.wav", said), tmp_path / "out")
    assert Intent.YES not in done and Intent.NO in done
    assert chimes == []


def test_no_chime_when_it_is_switched_off(recognizer: SphinxRecognizer, tmp_path: Path) -> None:
    player = EarconPlayer(
        WavDirectoryOutput(tmp_path / "out"), EarconSettings(heard_yes_enabled=False)
    )
    heard = Heard("yes", 0.9)
    assert acknowledge_yes(player)(heard) == ()
    assert list((tmp_path / "out").glob("*.wav")) == []


HANG_S = 480
"""After this long a child process is taken to hang and prints where. Its first start in a
new home mixes the dictation model, which takes seconds on a quiet machine and a minute or
more on a busy one: this is a guard against a hang, not a measure of speed."""

# Runs in a fresh process: PortAudio reads PULSE_SERVER when sounddevice is imported.
_ROOM_SCRIPT = """
import faulthandler, json, subprocess, sys
faulthandler.dump_traceback_later(float(sys.argv[2]), exit=True)  # where it hung, if it did
from voicepeer.audio.earcons import EarconPlayer
from voicepeer.audio.input import SounddeviceInput
from voicepeer.audio.output import SounddeviceOutput
from voicepeer.commands.interpreter import Interpreter
from voicepeer.listening import acknowledge_yes, voice_loop_phrasebook
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.endpointing import level_db
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.voice.assistant import ALLOWED
from voicepeer.voice.states import State

recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
mic = SounddeviceInput(device="pulse")
player = EarconPlayer(SounddeviceOutput())
acknowledge = acknowledge_yes(player)
raw, speech, chimed_at = [], [], []

def on_answer_pause(heard):
    tones = acknowledge(heard)
    if tones:
        chimed_at.append(len(raw))
    return tones

listener = AudioListener(mic, recognizer, on_answer_pause=on_answer_pause)
# Watched only: what the microphone gave, and which frames the endpointer took for speech.
read, feed = mic.read, listener._endpointer.feed
mic.read = lambda seconds: raw.append(read(seconds)) or raw[-1]
def watched(frame):
    result = feed(frame)
    speech.append(listener._endpointer.last_frame_speech)
    return result
listener._endpointer.feed = watched
mic.read(0.3)  # the device is live before anything plays
person = subprocess.Popen(["paplay", "--device=null", sys.argv[1]])
results = []
for _ in range(2):
    raw.clear(); speech.clear()
    heard = listener.listen(ListenMode.ANSWER)
    command = Interpreter().answer(heard, ALLOWED[State.CONFIRMING]).command
    after = chimed_at[-1] if chimed_at else len(raw)
    results.append({
        "text": heard.text,
        "yes": bool(command and command.intent.value == "yes"),
        "chimes": len(chimed_at),
        "chime_db": max((level_db(f) for f in raw[after:]), default=-120.0),
        "speech_after_chime": sum(speech[after - 1:]),
        # Level at the microphone and the endpointer's verdict, frame by frame after it.
        "frames": [(round(level_db(f), 1), s) for f, s in zip(raw[after:], speech[after:])],
    })
person.wait(timeout=60)
listener.close()
print(json.dumps(results))
"""


@pytest.mark.audio
@pytest.mark.slow
def test_the_chime_through_a_real_speaker_is_not_heard_as_speech(
    pulse_env: dict[str, str], tmp_path: Path
) -> None:
    # Speaker and person both reach the microphone at full level (the null sink's monitor):
    # no echo canceller, the worst case.
    env = dict(pulse_env, PULSE_SOURCE="null.monitor", PULSE_SINK="null")
    said = utterances(["yes", WINDOW_S + 1.5, "yes", 1.5, "but", WINDOW_S + 1.5], wpm=130)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _ROOM_SCRIPT,
            str(write_wav(tmp_path / "said.wav", said)),
            str(HANG_S),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_S + 60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    first, second = json.loads(done.stdout.strip().splitlines()[-1])
    assert first["yes"] and first["chimes"] == 1, first
    # The chime reached the microphone loud, and not one frame of it was taken for speech.
    assert first["chime_db"] > QUIETEST_SPEECH_DB + 20, first
    assert first["speech_after_chime"] == 0, first["frames"]
    assert not second["yes"] and second["chimes"] == 2, second
    assert second["speech_after_chime"] > 0, second  # the "but" after it was heard


_OPEN_IO_SCRIPT = """
import faulthandler, json, sys
faulthandler.dump_traceback_later(float(sys.argv[3]), exit=True)  # where it hung, if it did
from voicepeer.app import open_io, parse_input, parse_output
from voicepeer.audio import portaudio_exit
from voicepeer.settings import Settings

portaudio_exit.exit_status = 0  # as voicepeer's main keeps it: a stuck shutdown is cut short
found = {}
for output in ("speaker", "wav:" + sys.argv[2]):
    with open_io(parse_input("wav:" + sys.argv[1]), parse_output(output), Settings()) as io:
        found[output.split(":")[0]] = getattr(io.listener, "on_answer_pause", None) is not None
print(json.dumps(found))
"""


@pytest.mark.audio
def test_voicepeer_chimes_for_a_yes_when_it_has_a_speaker(
    pulse_env: dict[str, str], tmp_path: Path
) -> None:
    wav = write_wav(tmp_path / "in.wav", utterances(["yes", 1.0]))
    done = subprocess.run(
        [sys.executable, "-c", _OPEN_IO_SCRIPT, str(wav), str(tmp_path / "said"), str(HANG_S)],
        env=dict(pulse_env, PULSE_SINK="null"),
        capture_output=True,
        text=True,
        timeout=HANG_S + 60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # Earcons play only through a speaker; written speech (wav:) has none.
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"speaker": True, "wav": False}
