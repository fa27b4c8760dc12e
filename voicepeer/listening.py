"""Hearing as the voice loop does: the interpreter (voicepeer.commands) with the caregiver's
aliases and thresholds, and recognizers (voicepeer.recognition) built with its phrasebook of
every state of the voice loop (voicepeer.voice.state_commands). The two packages never
import each other; they meet here and in voicepeer.recognition.base."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from voicepeer.audio.earcons import Earcon, EarconPlayer, tones_hz
from voicepeer.commands.intents import Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.matcher import MatcherThresholds
from voicepeer.config.aliases import usable_aliases
from voicepeer.recognition import listener as listeners
from voicepeer.recognition.base import Heard, Phrasebook
from voicepeer.recognition.engine import Recognizer
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.voice.state_commands import command_contexts, commands_in_play

if TYPE_CHECKING:
    from voicepeer.recognition.dictation_lm import DictationSources


def make_interpreter(settings: RecognitionSettings | None = None) -> Interpreter:
    """The interpreter with the caregiver's aliases and thresholds from ``settings``."""
    settings = settings or RecognitionSettings()
    return Interpreter(
        # Those naming no command are left out; voicepeer run says which (start_notes).
        usable_aliases(settings.aliases),
        MatcherThresholds(
            min_score=settings.min_command_score,
            ambiguity_margin=settings.ambiguity_margin,
            min_engine_confidence=settings.min_engine_confidence,
            wake_min_score=settings.wake_min_score,
        ),
    )


def voice_loop_phrasebook(
    interpreter: Interpreter | None = None, per_state: bool = False, everyday: bool = True
) -> Phrasebook:
    """What recognizers may hear in every listening state of the voice loop (with the
    default interpreter when none is given): one context per state, named as the state,
    with the commands it understands (``per_state``: decoded with their own grammar;
    ``everyday``: command models also hear everyday wordings)."""
    return (interpreter or Interpreter()).phrasebook(
        command_contexts(), in_play=commands_in_play(), narrow=per_state, everyday=everyday
    )


def dictation_sources(
    settings: RecognitionSettings, interpreter: Interpreter | None = None
) -> DictationSources | None:
    """What the bundled engine mixes its dictation model from when it hears as the voice
    loop does with ``settings``; None when it mixes none (a dictation model of one's own)."""
    if settings.dictation_lm_path is not None or settings.dictation_model != "peer_support":
        return None
    from voicepeer.recognition.sphinx import dictation_sources as sources

    phrasebook = voice_loop_phrasebook(
        interpreter or make_interpreter(settings), settings.per_state_grammar
    )
    return sources(phrasebook)


def make_recognizer(
    settings: RecognitionSettings,
    engine: str | None = None,
    model: Path | None = None,
    interpreter: Interpreter | None = None,
) -> Recognizer:
    """The configured speech engine, decoding as the voice loop does."""
    phrasebook = voice_loop_phrasebook(
        interpreter or make_interpreter(settings),
        settings.per_state_grammar,
        everyday=settings.everyday_wording,
    )
    return listeners.make_recognizer(settings, phrasebook, engine, model)


def make_listener(
    kind: str,
    settings: RecognitionSettings,
    path: Path | str | None = None,
    engine: str | None = None,
    model: Path | None = None,
    interpreter: Interpreter | None = None,
) -> listeners.AudioListener:
    """A listener on the microphone (``"mic"``) or a WAV file (``"wav"``) hearing as the
    voice loop does."""
    phrasebook = voice_loop_phrasebook(
        interpreter or make_interpreter(settings),
        settings.per_state_grammar,
        everyday=settings.everyday_wording,
    )
    return listeners.make_listener(
        kind, settings, phrasebook, path=path, engine=engine, model=model
    )


def acknowledge_yes(
    player: EarconPlayer, interpreter: Interpreter | None = None
) -> Callable[[Heard], tuple[float, ...]]:
    """A listener's ``on_answer_pause``: the heard-yes earcon as soon as an answer is a yes
    the question would take, while a "… but" can still take it back (the listener waits
    answer_silence_s for one). Returns the earcon's pitches, which the listener then
    filters out of the microphone, so the tone is never heard as more of the answer."""
    judge = interpreter or Interpreter()

    def acknowledge(heard: Heard) -> tuple[float, ...]:
        if judge.answer(heard, (Intent.YES,)).command is None or not player.heard_yes():
            return ()
        return tones_hz(Earcon.HEARD_YES)

    return acknowledge
