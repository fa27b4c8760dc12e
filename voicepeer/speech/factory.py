"""Build the speech output voicepeer was asked for: a speaker, printed text or WAV files."""

from __future__ import annotations

import logging
import shutil
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


def lexicon_for(settings: SpeechSettings) -> Lexicon:
    """Built-in pronunciations plus the caregiver's file (settings path or config folder)."""
    extra = (
        Path(settings.lexicon_path).expanduser()
        if settings.lexicon_path
        else (paths.config_dir() / "lexicon.toml")
    )
    if settings.lexicon_path and not extra.is_file():
        log.warning("pronunciation file %s not found; using the built-in one", extra)
    return load_lexicon(extra)


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
