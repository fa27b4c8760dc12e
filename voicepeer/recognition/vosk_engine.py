"""Vosk (Kaldi): the primary engine when a Vosk model is installed.

Streaming with partial results; command mode restricts the recognizer to the phrase list of
the interpreter's vocabulary (per context) plus ``[unk]``, which Vosk returns for speech
outside the list (rejection); n-best alternatives come from ``SetMaxAlternatives``. Answers
to a question before posting or liking use a phrase list of the answers, the near-yes
sounds and every other command, plus ``[unk]``; their confidence is the lowest word
posterior.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from voicepeer.errors import ModelMissingError, SpeechEngineError
from voicepeer.recognition.base import ListenMode, Phrasebook, Vocabulary
from voicepeer.recognition.engine import Recognition
from voicepeer.recognition.grammar import vosk_grammar
from voicepeer.recognition.word_choices import words_from_readings

log = logging.getLogger(__name__)

UNKNOWN = "[unk]"
_N_BEST = 5
_MISSING_SPOKEN = (
    "My speech model is missing or damaged. Please ask your helper to run "
    "voicepeer models download."
)


def locate_vosk_model(path: Path | None = None) -> Path:
    """``path`` if given, else the installed model ``voicepeer models`` knows about."""
    if path is not None:
        return path
    from voicepeer.speech_models.locations import find_vosk_model

    found = find_vosk_model()
    if found is None:
        raise ModelMissingError(
            "no Vosk model is installed: run 'voicepeer models download' to get one, or set "
            '[recognition] engine = "sphinx" to use the built-in engine',
            spoken=_MISSING_SPOKEN,
        )
    return found


def load_vosk_model(path: Path) -> Any:
    """Load a Vosk model directory, translating Vosk's bare exceptions."""
    import vosk

    vosk.SetLogLevel(-1)
    if not (path / "am").is_dir() and not (path / "final.mdl").exists():
        raise ModelMissingError(
            f"{path} is not a Vosk model directory: set [recognition] model_path to the "
            "folder of an unpacked Vosk model, or leave it out to use the one 'voicepeer "
            "models download' gets",
            spoken=_MISSING_SPOKEN,
        )
    try:
        return vosk.Model(str(path))
    except Exception as error:  # vosk raises Exception("Failed to create a model")
        raise ModelMissingError(
            f"the Vosk model in {path} could not be loaded ({error}); it may be damaged",
            spoken=_MISSING_SPOKEN,
        ) from error


class VoskRecognizer:
    """Vosk with one recognizer per phrase list (each context's commands and answers) and
    one for dictation, over one model. ``phrasebook`` (the interpreter's) gives the phrase
    lists and the test of a reading."""

    def __init__(
        self,
        model_path: Path,
        *,
        phrasebook: Phrasebook,
        sample_rate: int = 16_000,
        model: Any = None,
    ) -> None:
        import vosk

        self._sample_rate = sample_rate
        self._phrasebook = phrasebook
        self._model = model if model is not None else load_vosk_model(model_path)
        try:
            # Contexts with the same phrase list share one recognizer.
            self._commands: dict[str, Any] = {}
            by_grammar: dict[str, Any] = {}
            for name, vocabulary in phrasebook.commands.items():
                grammar = vosk_grammar(vocabulary)
                if grammar not in by_grammar:
                    by_grammar[grammar] = self._grammar_recognizer(vocabulary)
                self._commands[name] = by_grammar[grammar]
            self._answers = {
                name: self._grammar_recognizer(v) for name, v in phrasebook.answers.items()
            }
            self._awaited = {
                name: self._grammar_recognizer(v)
                for name, v in phrasebook.correction_answers.items()
            }
            self._dictation = vosk.KaldiRecognizer(self._model, float(sample_rate))
        except Exception as error:
            raise SpeechEngineError(f"Vosk could not set up recognition: {error}") from error
        # Dictation: n-best readings (SetMaxAlternatives), which replace word confidences.
        self._dictation.SetMaxAlternatives(_N_BEST)
        self._dictation.SetWords(True)
        self._active: Any = None
        self._vocabulary: Vocabulary | None = None
        self._answer: tuple[Any, Vocabulary] | None = None
        """While a correction waits for an answer: the grammar of those answers, fed the
        same audio as dictation and read first (see finish)."""
        self._mode = ListenMode.COMMAND
        self._alternatives: tuple[str, ...] = ()
        self._texts: list[str] = []
        self._confidences: list[float] = []

    def _grammar_recognizer(self, vocabulary: Vocabulary) -> Any:
        import vosk

        recognizer = vosk.KaldiRecognizer(
            self._model, float(self._sample_rate), vosk_grammar(vocabulary)
        )
        # Per-word posteriors (SetWords) are the confidence that rejection needs.
        recognizer.SetWords(True)
        return recognizer

    @property
    def phrasebook(self) -> Phrasebook:
        return self._phrasebook

    @property
    def sample_rate(self) -> int:
        return self._sample_rate

    def start(self, mode: ListenMode, context: str = "") -> None:
        self._mode = mode
        self._answer = None
        if mode is ListenMode.DICTATION:
            self._active, self._vocabulary = self._dictation, None
            if context in self._awaited:
                self._answer = (
                    self._awaited[context],
                    self._phrasebook.correction_answers[context],
                )
                self._answer[0].Reset()
        else:
            # A context the phrasebook does not know decodes as every command.
            table = self._answers if mode is ListenMode.ANSWER else self._commands
            name = context if context in table else ""
            self._active = table[name]
            self._vocabulary = self._phrasebook.command_vocabulary(mode, name)
        self._active.Reset()
        self._texts = []
        self._confidences = []
        self._alternatives = ()

    def accept(self, pcm: bytes) -> None:
        if self._active is None:
            raise SpeechEngineError("audio given to the recognizer before start()")
        try:
            if self._active.AcceptWaveform(pcm[: len(pcm) // 2 * 2]):
                # Vosk found its own end of segment (a pause): keep the segment's result.
                self._collect(self._active.Result())
            if self._answer is not None:
                self._answer[0].AcceptWaveform(pcm[: len(pcm) // 2 * 2])
        except Exception as error:
            raise SpeechEngineError(f"Vosk failed while decoding: {error}") from error

    def partial(self) -> str:
        if self._active is None:
            return ""
        current = json.loads(self._active.PartialResult()).get("partial", "")
        return " ".join(t for t in [*self._texts, current] if t and t != UNKNOWN)

    def peek(self) -> Recognition | None:
        if self._active is None or self._mode is ListenMode.DICTATION:
            return None
        return Recognition(self.partial(), 0.0)

    def finish(self) -> Recognition:
        if self._active is None:
            return Recognition("", 0.0)
        try:
            self._collect(self._active.FinalResult())
            answer = self._awaited_answer()
        except Exception as error:
            raise SpeechEngineError(f"Vosk failed to finish: {error}") from error
        self._active = None
        if answer:
            # Alone: the free reading of an answer is no command of any kind.
            return Recognition(answer, min(self._confidences, default=0.0))
        words = " ".join(self._texts).split()
        heard = [w for w in words if w != UNKNOWN]
        confidence = min(self._confidences) if self._confidences else 0.0
        if not heard:
            return Recognition("", 0.0, self._alternatives, out_of_grammar=bool(words))
        text = " ".join(heard)
        taken = self._vocabulary is None or self._vocabulary.accepts(text)
        if self._mode is not ListenMode.DICTATION and (len(heard) < len(words) or not taken):
            # Part of it was outside the phrase list, or phrases were strung together
            # (chatter forced onto the list): not what the interpreter takes here.
            return Recognition(text, min(confidence, 0.1), self._alternatives, out_of_grammar=True)
        words_heard = (
            words_from_readings(text, [text, *self._alternatives])
            if self._mode is ListenMode.DICTATION
            else ()
        )
        return Recognition(text, confidence, self._alternatives, words=words_heard)

    def _awaited_answer(self) -> str:
        """The answer a correction waits for, as the grammar of those answers heard it; ""
        when it heard something else ([unk]), which is then dictation. Free dictation
        hears short answers as likelier words ("spell it" as "delete")."""
        if self._answer is None:
            return ""
        recognizer, vocabulary = self._answer
        self._answer = None
        words = json.loads(recognizer.FinalResult()).get("text", "").split()
        text = " ".join(words)
        return text if words and UNKNOWN not in words and vocabulary.accepts(text) else ""

    def _collect(self, result_json: str) -> None:
        result = json.loads(result_json)
        alternatives = result.get("alternatives")
        if alternatives:
            best = alternatives[0]
            text = best.get("text", "").strip()
            # Vosk's n-best "confidence" is a total log-likelihood-like score; turn the gap
            # between the best and the runner-up into a 0..1 margin.
            scores = [float(a.get("confidence", 0.0)) for a in alternatives]
            margin = scores[0] - scores[1] if len(scores) > 1 else 10.0
            self._alternatives = tuple(
                a["text"].strip() for a in alternatives[1:] if a.get("text", "").strip()
            )
            confidence = 1.0 - math.exp(-max(0.0, margin))
        else:
            text = result.get("text", "").strip()
            words = result.get("result", [])
            confidence = min((float(w.get("conf", 0.0)) for w in words), default=0.0)
        if text:
            self._texts.append(text)
            self._confidences.append(confidence)

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        """Not used yet: Vosk dictates with its own language model as it is, and hears
        "correct …" with it too."""

    def close(self) -> None:
        self._active = None
