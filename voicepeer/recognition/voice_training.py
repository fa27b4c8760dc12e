"""Voice training: the person reads a few sentences aloud once, and the bundled PocketSphinx
model is adapted to their voice.

Slow, effortful or slurred speech and accents other than American English are what the
bundled model hears worst. Maximum a posteriori (MAP) adaptation of the model's Gaussians,
mixture weights and transitions to a minute or two of the person's own speech corrects much
of that. It is computed with CMU's own training tools (``sphinx_fe``, ``bw``, ``map_adapt``,
``mk_s2sendump``; Debian packages sphinxbase-utils, sphinxtrain and pocketsphinx), the
documented way to adapt a PocketSphinx model. Each recording is also learned from a second
time with steady noise mixed in, so the adapted model still knows the voice over a fan, a
kettle or the television. The result is an adapted copy of the model in the data folder (see
voice_profile.py); the recordings are used in a temporary folder and deleted.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import tempfile
import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voicepeer.errors import VoiceTrainingError
from voicepeer.recognition.endpointing import trim_silence
from voicepeer.recognition.sphinx_feed import feed
from voicepeer.recognition.sphinx_files import (
    bundled_dictionary,
    bundled_model_dir,
    mixture_weights,
    read_feature_params,
    read_sendump,
    write_mixture_weights,
)
from voicepeer.recognition.voice_profile import (
    default_profile_path,
    save_profile,
)

log = logging.getLogger(__name__)

TRAINING_SENTENCES: tuple[str, ...] = (
    "please read the next post for me",
    "go back to the previous topic and read it again",
    "I would like to write a reply to this message",
    "send it now because I am finished",
    "stop reading and wait for me please",
    "speak a little slower and a bit louder",
    "cancel that and start listening again",
    "who wrote this post about the latest news",
    "bookmark this topic and check my notifications",
    "search for help with tiredness and fatigue",
    "open topic number twelve and say that again",
    "yes that is correct thank you very much",
    "no thanks not yet maybe later",
    "go to sleep now and wake up when I call you",
    "where am I and what can I say",
    "scratch that and read it back to me",
    "pause for a moment then carry on",
    "my family visited us on a sunny weekend in June",
    "we enjoyed the usual choice of songs",
)
"""What the person reads: the command words in everyday sentences, and every English sound
(the last one brings the two the others lack: the "oy" of "choice" and "voice", and the
"zh" of "usual"; put in place of the sentence before it instead, it cost dictation words)."""

MIN_RECORDINGS = 6
"""Fewer sentences than this give too little speech to learn from reliably."""
NOISY_COPY_SNR_DB = 15.0
"""Signal-to-noise ratio of the white noise in each recording's noisy copy. Chosen on the
tuning speech, where it raised commands understood in (pink) noise from 0.82 to 0.94
without losing any in quiet; 10 and 20 dB did as well."""
TOOL_TIMEOUT_S = 300.0
"""Longest any one training tool may run, in seconds (seconds on a PC, a minute on a Pi)."""

_TOOLS_MISSING_SPOKEN = (
    "Voice training needs some extra speech software. Please ask your helper to run the "
    "voicepeer set-up script, then try again."
)
_SPHINXTRAIN_DIRS = (
    "/usr/lib/sphinxtrain",
    "/usr/libexec/sphinxtrain",
    "/usr/local/lib/sphinxtrain",
    "/usr/local/libexec/sphinxtrain",
)


@dataclass(frozen=True)
class TrainingRecording:
    sentence: str
    """The sentence the person was asked to say."""
    pcm: bytes
    """What they said: 16 kHz mono 16-bit PCM."""


@dataclass(frozen=True)
class TrainingResult:
    path: Path
    """Where the voice training was saved."""
    used: int
    """Recordings that matched their sentence and were learned from."""
    offered: int


@dataclass(frozen=True)
class TrainingTools:
    feature_extractor: Path
    mdef_converter: Path
    baum_welch: Path
    map_adapter: Path
    sendump_writer: Path

    @classmethod
    def find(cls) -> TrainingTools:
        """The installed tools, or :class:`VoiceTrainingError` naming the missing ones."""
        found = {
            "sphinx_fe": shutil.which("sphinx_fe"),
            "pocketsphinx_mdef_convert": shutil.which("pocketsphinx_mdef_convert"),
            "bw": _sphinxtrain_tool("bw"),
            "map_adapt": _sphinxtrain_tool("map_adapt"),
            "mk_s2sendump": _sphinxtrain_tool("mk_s2sendump"),
        }
        missing = [name for name, path in found.items() if path is None]
        if missing:
            raise VoiceTrainingError(
                f"voice training needs {', '.join(missing)} (Debian packages sphinxbase-utils, "
                "pocketsphinx and sphinxtrain; scripts/setup installs them)",
                spoken=_TOOLS_MISSING_SPOKEN,
            )
        return cls(*(Path(str(found[name])) for name in found))


def _sphinxtrain_tool(name: str) -> str | None:
    on_path = shutil.which(name)
    if on_path:
        return on_path
    for folder in _SPHINXTRAIN_DIRS:
        candidate = Path(folder) / name
        if candidate.is_file():
            return str(candidate)
    return None


class SentenceChecker:
    """Tells whether a recording is the sentence it should be, by aligning the sentence's
    sounds to it: the alignment fails for other words, a cough or an empty recording."""

    def __init__(self, model_dir: Path | None = None, dictionary: Path | None = None) -> None:
        import pocketsphinx

        self._decoder = pocketsphinx.Decoder(
            hmm=str(model_dir or bundled_model_dir()),
            dict=str(dictionary or bundled_dictionary()),
            lm=None,
            loglevel="FATAL",
        )
        self._verdicts: dict[TrainingRecording, bool] = {}

    def matches(self, recording: TrainingRecording) -> bool:
        # Recordings checked while the person spoke are checked again by train_voice;
        # the remembered verdict spares them a second alignment at the end.
        if recording not in self._verdicts:
            self._verdicts[recording] = self._aligns(recording)
        return self._verdicts[recording]

    def _aligns(self, recording: TrainingRecording) -> bool:
        words = sentence_words(recording.sentence)
        try:
            self._decoder.set_align_text(words)
            self._decoder.start_utt()
            feed(self._decoder, trim_silence(recording.pcm), whole=True)
            self._decoder.end_utt()
        except RuntimeError as error:
            log.debug("alignment failed: %s", error)
            return False
        return self._decoder.hyp() is not None


def sentence_words(sentence: str) -> str:
    """A training sentence as the dictionary spells it: lower case words, no punctuation."""
    return " ".join(re.findall(r"[a-z']+", sentence.lower()))


def train_voice(
    recordings: Sequence[TrainingRecording],
    profile_path: Path | None = None,
    *,
    model_dir: Path | None = None,
    dictionary: Path | None = None,
    checker: SentenceChecker | None = None,
) -> TrainingResult:
    """Learn the speaker's voice from ``recordings`` and save the adapted model at
    ``profile_path`` (a folder).

    Recordings that do not match their sentence are left out. The earlier profile, if
    any, is replaced only when training succeeded."""
    tools = TrainingTools.find()
    model = model_dir or bundled_model_dir()
    dic = dictionary or bundled_dictionary()
    checker = checker or SentenceChecker(model, dic)
    usable = [r for r in recordings if checker.matches(r)]
    if len(usable) < MIN_RECORDINGS:
        raise VoiceTrainingError(
            f"voice training needs at least {MIN_RECORDINGS} recordings that match their "
            f"sentences; {len(usable)} of {len(recordings)} did",
            spoken=f"I need at least {MIN_RECORDINGS} sentences I can follow to learn your "
            "voice. Please try again somewhere quiet, reading each sentence as it "
            "is written.",
        )
    profile_path = profile_path or default_profile_path()
    with tempfile.TemporaryDirectory(prefix="voicepeer-training-") as folder:
        work = Path(folder)
        hmm = _trainable_model(model, work / "model")
        _write_recordings([*usable, *(with_noise(r, seed) for seed, r in enumerate(usable))], work)
        params = read_feature_params(model)
        _run(
            tools.feature_extractor,
            "-argfile",
            model / "feat.params",
            "-samprate",
            "16000",
            "-dither",
            "yes",
            "-seed",
            "1",
            "-c",
            work / "ids",
            "-di",
            work,
            "-do",
            work,
            "-ei",
            "wav",
            "-eo",
            "mfc",
            "-mswav",
            "yes",
        )
        _run(tools.mdef_converter, "-text", model / "mdef", hmm / "mdef.txt")
        ts2cb = f".{params.get('model', 'ptm')}."
        _run(
            tools.baum_welch,
            "-hmmdir",
            hmm,
            "-moddeffn",
            hmm / "mdef.txt",
            "-ts2cbfn",
            ts2cb,
            "-feat",
            params.get("feat", "1s_c_d_dd"),
            *(("-svspec", params["svspec"]) if "svspec" in params else ()),
            "-cmn",
            params.get("cmn", "batch"),
            "-agc",
            params.get("agc", "none"),
            "-dictfn",
            dic,
            "-ctlfn",
            work / "ids",
            "-lsnfn",
            work / "transcription",
            "-cepdir",
            work,
            "-accumdir",
            work,
        )
        adapted = work / "adapted"
        shutil.copytree(model, adapted)
        _run(
            tools.map_adapter,
            "-moddeffn",
            hmm / "mdef.txt",
            "-ts2cbfn",
            ts2cb,
            "-meanfn",
            hmm / "means",
            "-varfn",
            hmm / "variances",
            "-mixwfn",
            hmm / "mixture_weights",
            "-tmatfn",
            hmm / "transition_matrices",
            "-accumdir",
            work,
            "-mapmeanfn",
            adapted / "means",
            "-mapvarfn",
            adapted / "variances",
            "-mapmixwfn",
            work / "adapted_weights",
            "-maptmatfn",
            adapted / "transition_matrices",
        )
        # PocketSphinx reads mixture weights as a sendump.
        _run(
            tools.sendump_writer,
            "-pocketsphinx",
            "yes",
            "-moddeffn",
            hmm / "mdef.txt",
            "-mixwfn",
            work / "adapted_weights",
            "-sendumpfn",
            adapted / "sendump",
        )
        save_profile(adapted, profile_path, len(usable), model)
    log.info("voice training used %d of %d recordings", len(usable), len(recordings))
    return TrainingResult(profile_path, len(usable), len(recordings))


def describe_result(result: TrainingResult) -> str:
    skipped = result.offered - result.used
    left_out = f" ({skipped} did not match their sentence and were left out)" if skipped else ""
    # A voicepeer already running keeps the model it loaded at start.
    return (
        f"Voice training done with {result.used} sentences{left_out}; saved in "
        f"{result.path}. voicepeer uses it from its next start."
    )


def with_noise(recording: TrainingRecording, seed: int) -> TrainingRecording:
    """``recording`` with white noise at :data:`NOISY_COPY_SNR_DB` below its speech."""
    samples = np.frombuffer(recording.pcm[: len(recording.pcm) // 2 * 2], dtype=np.int16)
    signal = samples.astype(np.float64)
    voiced = signal[np.abs(signal) > 100]  # the speech, not the pauses around it
    speech_rms = float(np.sqrt(np.mean(voiced**2))) if voiced.size else 1000.0
    noise = np.random.default_rng(seed).normal(
        0.0, speech_rms / 10 ** (NOISY_COPY_SNR_DB / 20), signal.size
    )
    noisy = np.clip(np.round(signal + noise), -32768, 32767).astype(np.int16)
    return TrainingRecording(recording.sentence, noisy.tobytes())


def _trainable_model(model: Path, copy: Path) -> Path:
    """A copy of the acoustic model with the ``mixture_weights`` the training tools read."""
    shutil.copytree(model, copy)
    if not (copy / "mixture_weights").exists():
        sendump = copy / "sendump"
        if not sendump.exists():
            raise VoiceTrainingError(f"{model} has neither mixture_weights nor sendump")
        write_mixture_weights(mixture_weights(read_sendump(sendump)), copy / "mixture_weights")
    return copy


def _write_recordings(recordings: Sequence[TrainingRecording], work: Path) -> None:
    ids = []
    lines = []
    for number, recording in enumerate(recordings, start=1):
        name = f"s{number:03d}"
        with wave.open(str(work / f"{name}.wav"), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(16000)
            wav.writeframes(recording.pcm)
        ids.append(name)
        lines.append(f"<s> {sentence_words(recording.sentence)} </s> ({name})")
    (work / "ids").write_text("\n".join(ids) + "\n", "utf-8")
    (work / "transcription").write_text("\n".join(lines) + "\n", "utf-8")


def _run(tool: Path, *arguments: object) -> str:
    """Run one training tool; its log (stdout and stderr) is returned for inspection."""
    command = [str(tool), *(str(a) for a in arguments)]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TOOL_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise VoiceTrainingError(f"{tool.name} could not run: {error}") from error
    output = done.stdout + done.stderr
    if done.returncode != 0:
        tail = " | ".join(output.strip().splitlines()[-3:])
        raise VoiceTrainingError(f"{tool.name} failed (exit {done.returncode}): {tail}")
    return output
