"""Build the speech output voicepeer was asked for: a speaker, printed text or WAV files."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from voicepeer import paths
from voicepeer.errors import ConfigError, SpeechEngineError
from voicepeer.speech.base import SpeechOutput
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.speech.settings import SpeechSettings
from voicepeer.speech.streaming import SpeechEventListener, StreamingSpeech
from voicepeer.speech.synth import (
    EspeakSynthesizer,
    FallbackSynthesizer,
    Pyttsx3Synthesizer,
    Synthesizer,
)
from voicepeer.speech.text import Lexicon, load_lexicon

log = logging.getLogger(__name__)

OutputKind = Literal["speaker", "text", "wav"]


def make_synthesizer(settings: SpeechSettings) -> Synthesizer:
    """The configured synthesizer; pyttsx3 falls back to espeak-ng by itself when it fails."""
    if settings.engine not in {"pyttsx3", "espeak-ng"}:
        raise ConfigError(
            f"speech engine must be pyttsx3 or espeak-ng, not {settings.engine!r}",
            spoken="My speech engine setting is wrong. Please ask your helper to fix it.",
        )
    espeak = EspeakSynthesizer(settings.voice)
    if settings.engine == "espeak-ng":
        if shutil.which("espeak-ng") is None:
            raise SpeechEngineError(
                "espeak-ng is not installed",
                spoken="My voice program is missing. Please ask your helper to run the set-up.",
            )
        return espeak
    return FallbackSynthesizer(Pyttsx3Synthesizer(settings.voice), espeak)


@dataclass(frozen=True)
class LexiconProblem:
    """Why the caregiver's pronunciation file is not used, for a helper."""

    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.what}. {self.fix}"


def lexicon_path(settings: SpeechSettings) -> Path:
    """The caregiver's pronunciation file: the one the settings name, or lexicon.toml in the
    config folder."""
    if settings.lexicon_path:
        return Path(settings.lexicon_path).expanduser()
    return paths.config_dir() / "lexicon.toml"


def lexicon_problem(settings: SpeechSettings) -> LexiconProblem | None:
    """The file ``[speech] lexicon_path`` names is not there (a file left where it is
    expected by default is not a problem: most people never need one)."""
    path = lexicon_path(settings)
    if not settings.lexicon_path or path.is_file():
        return None
    where = "is a folder, not a file" if path.is_dir() else "was not found"
    return LexiconProblem(
        f"the pronunciation file {path} ([speech] lexicon_path) {where}, so only the "
        "built-in pronunciations are used",
        "Put the file there, or set [speech] lexicon_path in the settings file to where it "
        f"is (or remove that line to use lexicon.toml in {paths.config_dir()}).",
    )


def lexicon_for(settings: SpeechSettings) -> Lexicon:
    """Built-in pronunciations plus the caregiver's file (settings path or config folder);
    a missing one is told at start (voicepeer.start_notes) and by doctor."""
    return load_lexicon(lexicon_path(settings))


def make_speech_output(
    kind: OutputKind,
    settings: SpeechSettings | None = None,
    wav_dir: Path | None = None,
    *,
    on_event: SpeechEventListener | None = None,
) -> SpeechOutput:
    """A SpeechOutput of the given kind.

    ``speaker`` raises AudioDeviceError when there is no usable speaker: the caller then
    falls back to ``text`` and shows ``error.spoken`` on screen.
    """
    settings = settings or SpeechSettings()
    if kind == "text":
        return PrintedSpeech()
    if kind not in {"speaker", "wav"}:
        raise ConfigError(f"unknown speech output {kind!r}; use speaker, text or wav:FOLDER")
    from voicepeer.audio.output import SounddeviceOutput, WavDirectoryOutput

    if kind == "wav":
        if wav_dir is None:
            raise ConfigError("wav output needs a folder, e.g. --output wav:/tmp/speech")
        output: SounddeviceOutput | WavDirectoryOutput = WavDirectoryOutput(wav_dir)
    else:
        output = SounddeviceOutput(settings.output_device, chunk_s=settings.chunk_s)
    return StreamingSpeech(
        make_synthesizer(settings),
        output,
        rate_wpm=settings.rate_wpm,
        volume=settings.volume,
        lexicon=lexicon_for(settings),
        max_sentence_words=settings.max_sentence_words,
        lookahead=settings.lookahead_sentences,
        on_event=on_event,
    )
