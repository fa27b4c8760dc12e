"""PocketSphinx 5.x: the bundled engine. Its US English model ships inside the wheel, so
voicepeer understands commands right after installation with nothing to download.

Command mode decodes with a JSGF grammar generated from the intent catalogue (with an
out-of-grammar filler path for rejection); dictation mode uses a language model.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

from rapidfuzz import fuzz

from voicepeer.commands.intents import Intent
from voicepeer.errors import ModelMissingError, SpeechEngineError
from voicepeer.recognition.base import ListenMode
from voicepeer.recognition.endpointing import trim_silence
from voicepeer.recognition.engine import Recognition
from voicepeer.recognition.grammar import CommandShapes, jsgf_grammar

log = logging.getLogger(__name__)

# Words some phrasings use that the bundled dictionary lacks, with ARPAbet pronunciations.
EXTRA_PRONUNCIATIONS: Mapping[str, str] = {"shush": "SH AH SH", "voicepeer": "V OY S P IH R"}

# Command acceptance, tuned on synthetic speech (scripts/bench_asr --tune): the grammar
# path's normalized score maps to confidence between these two values, and agreement with
# the language model's free reading adds to it.
SCORE_FLOOR = 0.35
SCORE_CEILING = 0.65
AGREEMENT_BONUS = 0.3
MIN_COMMAND_CONFIDENCE = 0.3

INITIAL_CMN = "50.0,-6.56,-3.26,11.51,-4.19,-1.29,-5.45,-9.49,-3.26,-3.58,2.58,-3.39,-4.58"

_COMMAND = "command"
_DICTATION = "dictation"


def _missing_model(
    what: str, path: object, error: BaseException | None = None
) -> ModelMissingError:
    return ModelMissingError(
        f"PocketSphinx {what} could not be loaded from {path}: {error}",
        spoken=(
            "My English speech model is missing or damaged. Please ask your helper to "
            "reinstall voicepeer, or run voicepeer models verify."
        ),
    )


class SphinxRecognizer:
    """PocketSphinx decoder with a command (JSGF) search and a dictation (n-gram) search.

    ``model_dir`` overrides the bundled acoustic model directory (``hmm``), ``dictionary``
    the pronunciation dictionary, ``dictation_lm`` the dictation language model (ARPA or
    binary); each defaults to the bundled US English files.
    """

    def __init__(
        self,
        *,
        model_dir: Path | None = None,
        dictionary: Path | None = None,
        dictation_lm: Path | None = None,
        aliases: Mapping[str, Intent] | None = None,
        command_intents: Iterable[Intent] | None = None,
        sample_rate: int = 16_000,
    ) -> None:
        import pocketsphinx

        self._sample_rate = sample_rate
        hmm = model_dir or Path(pocketsphinx.get_model_path("en-us/en-us"))
        dic = dictionary or Path(pocketsphinx.get_model_path("en-us/cmudict-en-us.dict"))
        lm = dictation_lm or Path(pocketsphinx.get_model_path("en-us/en-us.lm.bin"))
        for what, path in (("acoustic model", hmm), ("dictionary", dic), ("language model", lm)):
            if not path.exists():
                raise _missing_model(what, path)
        try:
            self._decoder = pocketsphinx.Decoder(
                hmm=str(hmm), dict=str(dic), lm=None, samprate=float(sample_rate),
                loglevel="FATAL",
            )
        except (RuntimeError, ValueError, OSError) as error:
            raise _missing_model("acoustic model or dictionary", hmm, error) from error
        # Start from the cepstral mean of ordinary speech instead of the model's default,
        # which made the very first command of a session decode badly.
        self._decoder.set_cmn(INITIAL_CMN)
        for word, phones in EXTRA_PRONUNCIATIONS.items():
            if self._decoder.lookup_word(word) is None:
                self._decoder.add_word(word, phones, False)
        self._known_words = self._dictionary_words(dic) | set(EXTRA_PRONUNCIATIONS)
        self._grammar = jsgf_grammar(
            aliases, known_words=self._known_words, intents=command_intents
        )
        try:
            self._decoder.add_jsgf_string(_COMMAND, self._grammar)
        except (RuntimeError, ValueError) as error:
            raise SpeechEngineError(f"the command grammar did not load: {error}") from error
        try:
            self._decoder.add_lm_file(_DICTATION, str(lm))
        except (RuntimeError, ValueError, OSError) as error:
            raise _missing_model("language model", lm, error) from error
        self._mode: ListenMode | None = None
        self._in_utterance = False
        self._utterance_audio: list[bytes] = []
        self._shapes = CommandShapes(aliases, command_intents)
        self.last_features: dict[str, float | str] = {}
        """How the last command decision was reached (for diagnostics and tuning)."""

    @staticmethod
    def _dictionary_words(path: Path) -> set[str]:
        words = set()
        with path.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                head = line.split(" ", 1)[0]
                if head and not head.endswith(")"):
                    words.add(head)
        return words

    @property
    def sample_rate(self) -> int:
        return self._sample_rate

    @property
    def grammar(self) -> str:
        """The JSGF command grammar in use (for diagnostics)."""
        return self._grammar

    def start(self, mode: ListenMode) -> None:
        if self._in_utterance:
            self._decoder.end_utt()
        search = _COMMAND if mode is ListenMode.COMMAND else _DICTATION
        try:
            if self._mode is not mode:
                self._decoder.activate_search(search)
                self._mode = mode
            if mode is not ListenMode.COMMAND:
                self._decoder.start_utt()
        except RuntimeError as error:
            raise SpeechEngineError(f"PocketSphinx could not start listening: {error}") from error
        self._in_utterance = True
        self._utterance_audio = []
        self.last_features = {}

    def accept(self, pcm: bytes) -> None:
        if not self._in_utterance:
            raise SpeechEngineError("audio given to the recognizer before start()")
        if len(pcm) % 2:
            pcm = pcm[:-1]
        if self._mode is ListenMode.COMMAND:
            # Commands are decoded whole at the end, trimmed (see finish()).
            self._utterance_audio.append(pcm)
            return
        try:
            self._decoder.process_raw(pcm, False, False)
        except RuntimeError as error:
            raise SpeechEngineError(f"PocketSphinx failed while decoding: {error}") from error

    def partial(self) -> str:
        """The dictation so far; always empty for commands, which are decoded whole."""
        if not self._in_utterance or self._mode is not ListenMode.DICTATION:
            return ""
        hyp = self._decoder.hyp()
        return hyp.hypstr if hyp is not None else ""

    def finish(self) -> Recognition:
        if not self._in_utterance:
            return Recognition("", 0.0)
        if self._mode is ListenMode.COMMAND:
            self._in_utterance = False
            return self._finish_command()
        try:
            self._decoder.end_utt()
        except RuntimeError as error:
            raise SpeechEngineError(f"PocketSphinx failed to finish: {error}") from error
        finally:
            self._in_utterance = False
        hyp = self._decoder.hyp()
        if hyp is None or not hyp.hypstr.strip():
            return Recognition("", 0.0, out_of_grammar=self._mode is ListenMode.COMMAND)
        return Recognition(" ".join(hyp.hypstr.split()), _clamp(hyp.score), ())

    def _decode_whole(self, search: str, audio: bytes) -> tuple[str, float]:
        try:
            self._decoder.activate_search(search)
            self._decoder.start_utt()
            self._decoder.process_raw(audio, False, True)
            self._decoder.end_utt()
        except RuntimeError as error:
            raise SpeechEngineError(f"PocketSphinx failed while decoding: {error}") from error
        hyp = self._decoder.hyp()
        return (" ".join(hyp.hypstr.split()), float(hyp.score)) if hyp is not None else ("", 0.0)

    def _finish_command(self) -> Recognition:
        audio = trim_silence(b"".join(self._utterance_audio))
        self._utterance_audio = []
        text, score = self._decode_whole(_COMMAND, audio)
        # The free reading: what the dictation language model makes of the same audio.
        free, _ = self._decode_whole(_DICTATION, audio)
        self._mode = None  # the next start() activates the search it needs
        if not text:
            return Recognition(free, 0.0, out_of_grammar=True)
        return self._judge_command(text, score, free)

    def _judge_command(self, text: str, score: float, free: str) -> Recognition:
        shape = self._shapes.shape(text)
        agreement = fuzz.token_set_ratio(text, free) / 100 if free else 0.0
        self.last_features = {"grammar": text, "score": score, "free": free,
                              "agreement": agreement, "shape": shape}
        search = self._shapes.split_search(free)
        if search is not None and shape in ("search", "none"):
            # "search for fatigue": the grammar cannot hold the query, the free reading can.
            return Recognition(" ".join(search), max(0.5, agreement), (text,))
        confidence = _clamp((score - SCORE_FLOOR) / (SCORE_CEILING - SCORE_FLOOR)
                            + AGREEMENT_BONUS * agreement)
        rejected = shape == "none" or confidence < MIN_COMMAND_CONFIDENCE
        if rejected:
            # Report what was probably said, not the command it was forced onto.
            return Recognition(free, min(confidence, 0.1), (text,), out_of_grammar=True)
        return Recognition(text, confidence, ())

    def close(self) -> None:
        self._utterance_audio = []
        if self._in_utterance:
            self._decoder.end_utt()
            self._in_utterance = False


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, float(value)))
