"""PocketSphinx 5.x: the bundled engine. Its US English model ships inside the wheel, so
voicepeer understands commands right after installation with nothing to download.

Command mode decodes each utterance whole, with the edges trimmed, twice over:
1. with a small n-gram language model trained on the command phrasings. Its readings are
   word strings over the command vocabulary; room chatter comes out as a jumble of those
   words that matches no command, so this pass both recognizes and rejects;
2. when that reading is not a command, with the JSGF grammar of the same phrasings, whose
   result is taken only when it is a whole phrasing, scores well and the first pass did
   not hear more words than it (chatter is longer than commands).
A search ("search for fatigue") has its query read with the dictation model.
An answer to a question before posting (ListenMode.ANSWER) is decoded with a model of the
answers, near-yes sounds and other commands, then checked against a free loop of speech
sounds and the hiss of its s (see _decode_answer).
Dictation mode streams through the dictation language model.

Measured on the tuning split of scripts/bench_asr (never the evaluation split), the first
pass alone rejected 97% of chatter; a JSGF grammar alone accepted 90% of it.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections import deque
from collections.abc import Iterable, Mapping, Sequence, Set
from importlib import resources
from pathlib import Path
from typing import Any

from voicepeer.errors import ModelMissingError, SpeechEngineError
from voicepeer.paths import data_dir
from voicepeer.recognition.answer_sounds import (
    MIN_SIBILANCE_DB,
    MIN_SIBILANCE_DB_FOLLOWED,
    TRUSTED_POSTERIOR,
    VOICED,
    phone_fit,
    sibilance_db,
    sound_classes,
)
from voicepeer.recognition.arpa import looks_like_language_model, write_arpa
from voicepeer.recognition.base import ListenMode, Phrasebook, Vocabulary
from voicepeer.recognition.dictation_lm import (
    GENERIC_WEIGHT,
    ContextMixer,
    DictationSources,
    model_words,
    prepared_model,
)
from voicepeer.recognition.endpointing import trim_silence
from voicepeer.recognition.engine import Recognition
from voicepeer.recognition.grammar import jsgf_grammar, split_text
from voicepeer.recognition.sphinx_dictation import (
    CORRECTION_SAMPLE_WORDS,
    RECENT_WORDS,
    add_dictation_search,
    correct_grammar,
    known_runs,
    naming_verbs,
    nbest_readings,
    plain_words,
)
from voicepeer.recognition.sphinx_feed import feed
from voicepeer.recognition.sphinx_files import (
    bundled_dictionary,
    bundled_model_dir,
    dictionary_words,
    write_dictionary_subset,
)
from voicepeer.recognition.vocabulary import (
    dictionary_pronunciations,
    ms_pronunciations,
    ms_words,
)
from voicepeer.recognition.word_choices import words_from_readings

log = logging.getLogger(__name__)

# Words some phrasings use that the bundled dictionary lacks, with ARPAbet pronunciations.
EXTRA_PRONUNCIATIONS: Mapping[str, str] = {"shush": "SH AH SH", "voicepeer": "V OY S P IH R"}
NEAR_YES_PRONUNCIATIONS: Mapping[str, str] = {
    "yeah(2)": "Y EH",
    "yeah(3)": "Y EH AH",
    "yeah(4)": "Y EH HH",
}
"""How "yeah" is said besides the dictionary's Y AE: without them a "yeah" said as
Y EH, or with a breath at the end (Y EH HH), fits "yes" better than "yeah", and answers
must tell the two apart."""

# The JSGF second opinion is taken when its normalized path score is at least this and the
# language-model reading has at most one word more (tuned on the tuning split only).
# Duration is deliberately not used: slow speakers must not be rejected for taking time.
MIN_GRAMMAR_SCORE = 0.45
MIN_GRAMMAR_SCORE_TRAINED = 0.75
"""With voice training every path through the person's speech scores higher, room talk
too (tuned on the tuning split after training with each of its voices)."""
MAX_EXTRA_LM_WORDS = 1
MIN_LM_SCORE = 0.35
"""Below this the first pass's reading is a jumble that only happens to start like a command
("look for softer don't find"); commands themselves scored 0.43 and up."""
MAX_EDITING_COMMAND_S = 3.0
"""Dictated utterances longer than this (seconds, silence trimmed) are never editing
commands, so long dictation costs no second decode."""
NAMED_WORD_KEEP_S = 0.3
"""Seconds kept around the speech when "correct <word>" is read with the grammar of the
reply's words: a named word's weak last sound ("numbness", "hands") falls below the level
silence is trimmed at, and with 0.15 s kept the grammar ended on "correct" alone. Chosen
on the tuning half (0.3 and 0.4 alike; 0.15 and 0.6 worse)."""

INITIAL_CMN = "50.0,-6.56,-3.26,11.51,-4.19,-1.29,-5.45,-9.49,-3.26,-3.58,2.58,-3.39,-4.58"

PEER_SUPPORT_CORPUS = "data/peer_support.txt"

_COMMAND = "command:"
CARD_OVER_EVERYDAY = 3
"""How many times the card's phrasings count in a command language model against the
everyday wordings: counted once, short card commands were heard as everyday words
("help" as "two", "back" as "the"). Chosen on the tuning split."""
_COMMAND_LM = "command_lm:"
_EDITING_LM = "editing_lm"
_CORRECTION_LM = "correction_lm"
_CORRECT_TARGET = "correct_target"
_AWAITED_LM = "awaited_lm:"
_DICTATION = "dictation"
_ANSWER_LM = "answer_lm:"
_PHONES = "phones"
_SLACK_FRAMES = 5
"""Frames (10 ms) by which the sounds pass may place speech beyond the words read."""
_WHOLE = frozenset({ListenMode.COMMAND, ListenMode.ANSWER})
"""Modes whose utterances are decoded whole at the end, trimmed."""


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


def decode_whole(decoder: Any, search: str, audio: bytes, passes: int = 1) -> tuple[str, float]:
    """Decode one whole utterance with the named search: the text heard, with white space
    folded, and the decoder's score ("" and 0.0 when nothing was heard, and for no audio).
    Each pass after the first decodes again with the cepstral mean the previous one fitted
    to this audio. The passes before the last only fit that mean, which follows the audio's
    features whatever the search: they run the one-word search of _CMN_FIT, at a fifth of
    the processor time of a command model's, and leave the same mean and the same reading
    (measured)."""
    if len(audio) < 2:
        return "", 0.0
    try:
        if passes > 1:
            _activate_cmn_fit(decoder)
            for _ in range(passes - 1):
                decoder.start_utt()
                feed(decoder, audio, whole=True)
                decoder.end_utt()
        decoder.activate_search(search)
        decoder.start_utt()
        feed(decoder, audio, whole=True)
        decoder.end_utt()
    except RuntimeError as error:
        raise SpeechEngineError(f"PocketSphinx failed while decoding: {error}") from error
    hyp = decoder.hyp()
    return (" ".join(hyp.hypstr.split()), float(hyp.score)) if hyp is not None else ("", 0.0)


_CMN_FIT = "cmn_fit"
_CMN_FIT_WORDS = ("yes", "no", "stop", "next", "the")
"""The one word of the _CMN_FIT grammar: the first of these the decoder's dictionary has."""


def _activate_cmn_fit(decoder: Any) -> None:
    """Activate the search that only fits the cepstral mean, adding it on first use."""
    try:
        decoder.activate_search(_CMN_FIT)
        return
    except KeyError:
        pass
    word = next((w for w in _CMN_FIT_WORDS if decoder.lookup_word(w) is not None), None)
    if word is None:
        raise SpeechEngineError("the dictionary has none of the words of the cepstral fit")
    try:
        decoder.add_jsgf_string(_CMN_FIT, f"#JSGF V1.0;\ngrammar fit;\npublic <fit> = {word};\n")
    except ValueError as error:
        raise SpeechEngineError(f"the cepstral fit did not load: {error}") from error
    decoder.activate_search(_CMN_FIT)


def known_words(dictionary: Path | None = None) -> set[str]:
    """The words the engine can say: those of ``dictionary`` (the bundled one by default),
    its own extra pronunciations and the MS words."""
    words = dictionary_words(dictionary or bundled_dictionary())
    return words | set(EXTRA_PRONUNCIATIONS) | ms_words()


def sayable(sentences: Iterable[str], known: Set[str]) -> list[str]:
    """The sentences whose every word is ``known`` (the dictionary can pronounce it)."""
    return [s for s in sentences if all(w in known for w in s.split())]


def naming_sentences(phrasebook: Phrasebook) -> list[str]:
    """ "correct fatigue", "replace walking with tired": the commands that name words of
    the reply, shown with sample words."""
    sentences = phrasebook.correction_sentences(CORRECTION_SAMPLE_WORDS)
    return [s for s in sentences if s.split()[0] in ("correct", "fix", "replace")]


def dictation_sources(
    phrasebook: Phrasebook,
    known: Set[str] | None = None,
    generic_weight: float = GENERIC_WEIGHT,
) -> DictationSources:
    """What the engine mixes its dictation model from, hearing ``phrasebook`` with the
    ``known`` words (the bundled dictionary's by default): forum-style replies written for
    voicepeer, the commands said while dictating ("scratch that", "read it back") and
    those naming a word of the reply. The engine and ``voicepeer prepare`` both ask here,
    so a model prepared ahead of time is the one the engine looks for."""
    known = known_words() if known is None else known
    text = resources.files("voicepeer.recognition").joinpath(PEER_SUPPORT_CORPUS)
    lines = [" ".join(line.lower().split()) for line in text.read_text("utf-8").splitlines()]
    sentences = [line for line in lines if line and not line.startswith("#")]
    sentences += sorted(set(sayable(phrasebook.commands[""].sentences, known)))
    sentences += phrasebook.correction_sentences(CORRECTION_SAMPLE_WORDS)
    return DictationSources(
        tuple(sayable(sentences, known)),
        tuple(sayable(naming_sentences(phrasebook), known)),
        generic_weight,
    )


class SphinxRecognizer:
    """PocketSphinx decoder with command, answer and dictation searches.

    ``phrasebook`` (the interpreter's) says what may be said: one command language model
    and grammar per context, one answer model per context, the editing and correction
    commands of dictation. ``model_dir`` overrides the bundled acoustic model directory
    (``hmm``), ``dictionary`` the pronunciation dictionary, ``dictation_lm`` the dictation
    language model (ARPA or binary); each defaults to the bundled US English files.
    ``voice_profile`` is a model adapted by voice training, used instead of ``model_dir``
    when it loads.
    """

    def __init__(
        self,
        *,
        phrasebook: Phrasebook,
        model_dir: Path | None = None,
        dictionary: Path | None = None,
        dictation_lm: Path | None = None,
        dictation_model: str = "peer_support",
        generic_weight: float = GENERIC_WEIGHT,
        voice_profile: Path | None = None,
        sample_rate: int = 16_000,
    ) -> None:
        import pocketsphinx

        self._sample_rate = sample_rate
        self._phrasebook = phrasebook
        self.voice_profile = voice_profile
        """The voice training in use, if any."""
        hmm = model_dir or bundled_model_dir()
        dic = dictionary or bundled_dictionary()
        general_lm = Path(pocketsphinx.get_model_path("en-us/en-us.lm.bin"))
        lm = dictation_lm or general_lm
        for what, path in (("acoustic model", hmm), ("dictionary", dic), ("language model", lm)):
            if not path.exists():
                raise _missing_model(what, path)
        if not looks_like_language_model(lm):
            raise _missing_model("language model", lm, ValueError("not a language model"))
        self._known_words = known_words(dic)
        self._grammars = {
            name: jsgf_grammar(vocabulary, known_words=self._known_words)
            for name, vocabulary in phrasebook.commands.items()
        }
        commands = {name: self._sayable(v.sentences) for name, v in phrasebook.commands.items()}
        # The command language models also hear everyday wordings; the editing and dictation
        # models keep the card's wording alone (``commands``).
        command_lms = {
            name: self._sayable([*v.sentences * CARD_OVER_EVERYDAY, *v.everyday])
            for name, v in phrasebook.commands.items()
        }
        # One grammar and one model per distinct phrase set, made once: states that hear
        # the same commands share them, and switching state only activates another search.
        shared: dict[tuple[str, tuple[str, ...]], str] = {}
        self._command_search = {
            name: shared.setdefault((grammar, tuple(command_lms[name])), str(len(shared)))
            for name, grammar in self._grammars.items()
        }
        self._command_models = {number: key for key, number in shared.items()}
        answers = {name: self._sayable(v.sentences) for name, v in phrasebook.answers.items()}
        # Short dictated utterances are also checked for editing commands ("send it") with
        # a model of the commands plus the editing phrases (see _editing_reading); the
        # command model itself stays as tuned.
        editing = self._sayable(phrasebook.editing.phrases)
        sources = (
            dictation_sources(phrasebook, self._known_words, generic_weight)
            if dictation_lm is None and dictation_model == "peer_support"
            else None
        )
        self._context_mixer: ContextMixer | None = None
        with tempfile.TemporaryDirectory(prefix="voicepeer-") as name:
            folder = Path(name)
            self._full_dictionary = dic
            self._decoder_words = set(self._known_words)
            if sources is not None:
                lm = prepared_model(sources, data_dir() / "models")
                self._context_mixer = ContextMixer(lm)
                # Every search then says only words of these texts. With the whole
                # 134,000-word dictionary each language model took seconds to set up.
                texts = [*self._grammars.values(), *editing, *phrasebook.correction.sentences]
                texts += [s for ss in (*command_lms.values(), *answers.values()) for s in ss]
                texts += [s for v in phrasebook.correction_answers.values() for s in v.sentences]
                vocabulary = {w for t in texts for w in re.findall(r"[\w']+", t)}
                vocabulary |= model_words(lm)
                self._decoder_words = (vocabulary & self._known_words) | ms_words()
                dic = write_dictionary_subset(
                    dic, vocabulary & self._known_words, folder / "voicepeer.dict"
                )
            self._decoder = self._load_decoder(hmm, dic, voice_profile)
            self._add_searches(folder, commands, editing, lm)
            self._add_answer_searches(folder, answers)
        self._mode: ListenMode | None = None
        self._context = ""
        self._awaited: Vocabulary | None = None
        """The answers a correction waits for (dictation decodes them first), if any."""
        self._awaited_search = ""
        self._in_utterance = False
        self._utterance_audio: list[bytes] = []
        self._recent_words: deque[str] = deque(maxlen=RECENT_WORDS)
        self._peeked: tuple[int, Recognition, dict[str, float | str]] | None = None
        self.last_features: dict[str, float | str] = {}
        """How the last command decision was reached (for diagnostics and tuning)."""

    def _sayable(self, sentences: Iterable[str]) -> list[str]:
        """The sentences whose every word the dictionary can pronounce."""
        return sayable(sentences, self._known_words)

    def _add_searches(
        self,
        folder: Path,
        commands: Mapping[str, list[str]],
        editing: list[str],
        dictation_lm: Path,
    ) -> None:
        # Start from the cepstral mean of ordinary speech instead of the model's default,
        # which made the very first command of a session decode badly.
        self._decoder.set_cmn(INITIAL_CMN)
        for word, phones in [*EXTRA_PRONUNCIATIONS.items(), *ms_pronunciations()]:
            if self._decoder.lookup_word(word) is None:
                self._decoder.add_word(word, phones, False)
        try:
            for number, (grammar, _) in self._command_models.items():
                self._decoder.add_jsgf_string(_COMMAND + number, grammar)
        except (RuntimeError, ValueError) as error:
            raise SpeechEngineError(f"the command grammar did not load: {error}") from error
        editing_lm = write_arpa([*commands[""], *editing], folder / "editing.lm")
        # Answers to a correction ("number two", "mike sierra", "done") with the editing
        # phrases only: among all the command phrasings they were heard as commands.
        # "correct fatigue" too: the dictation model, with everyday English, heard
        # "correct with" as "connect with"; this model tells that a word was named.
        correction = self._sayable(
            [*self._phrasebook.correction.sentences, *naming_sentences(self._phrasebook)]
        )
        correction_lm = write_arpa([*editing, *correction], folder / "correction.lm")
        try:
            for number, (_, sentences) in self._command_models.items():
                command_lm = write_arpa(list(sentences), folder / f"commands{number}.lm")
                self._decoder.add_lm_file(_COMMAND_LM + number, str(command_lm))
            self._decoder.add_lm_file(_EDITING_LM, str(editing_lm))
            self._decoder.add_lm_file(_CORRECTION_LM, str(correction_lm))
            awaited = self._phrasebook.correction_answers.items()
            for index, (name, vocabulary) in enumerate(awaited):
                lm = write_arpa(self._sayable(vocabulary.sentences), folder / f"awaited{index}.lm")
                self._decoder.add_lm_file(_AWAITED_LM + name, str(lm))
        except (RuntimeError, ValueError) as error:
            raise SpeechEngineError(f"the command model did not load: {error}") from error
        try:
            self._add_dictation_search(dictation_lm)
        except (RuntimeError, ValueError, OSError) as error:
            raise _missing_model("language model", dictation_lm, error) from error

    def _add_answer_searches(self, folder: Path, answers: Mapping[str, list[str]]) -> None:
        import pocketsphinx

        for word, phones in NEAR_YES_PRONUNCIATIONS.items():
            if self._decoder.lookup_word(word) is None:
                self._decoder.add_word(word, phones, False)
        try:
            for number, (name, sentences) in enumerate(answers.items()):
                self._decoder.add_lm_file(
                    _ANSWER_LM + name, str(write_arpa(sentences, folder / f"answer{number}.lm"))
                )
            self._decoder.add_allphone_file(
                _PHONES, pocketsphinx.get_model_path("en-us/en-us-phone.lm.bin")
            )
        except (RuntimeError, ValueError) as error:
            raise SpeechEngineError(f"the answer model did not load: {error}") from error

    def _load_decoder(self, hmm: Path, dic: Path, voice_profile: Path | None) -> Any:
        import pocketsphinx

        options: dict[str, Any] = {
            "dict": str(dic),
            "lm": None,
            "samprate": float(self._sample_rate),
            "loglevel": "FATAL",
        }
        if voice_profile is not None:
            try:
                return pocketsphinx.Decoder(hmm=str(voice_profile), **options)
            except (RuntimeError, ValueError, OSError) as error:
                # Recognition without the training beats no recognition at all.
                self.voice_profile = None
                log.warning(
                    "voice training %s does not load (%s); listening without it",
                    voice_profile,
                    error,
                )
        try:
            return pocketsphinx.Decoder(hmm=str(hmm), **options)
        except (RuntimeError, ValueError, OSError) as error:
            raise _missing_model("acoustic model or dictionary", hmm, error) from error

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        """Rebuild the dictation model with ``sentences`` (the post answered, the title,
        names) mixed in (see :class:`ContextMixer`), adding their words the dictation
        vocabulary lacks from the full dictionary. A ready-made model is left as it is.
        ``own_words`` join the words dictated lately, which "correct …" is heard among: a
        word of one's post named by free dictation alone was rarely heard right."""
        wanted = {w for s in (*sentences, *own_words) for w in s.split()} - self._decoder_words
        for entry, phones in dictionary_pronunciations(self._full_dictionary, wanted):
            self._decoder.add_word(entry, phones, False)
            self._decoder_words.add(entry.split("(")[0])
        named = plain_words(" ".join(own_words))
        self._recent_words.extend(w for w in named if w in self._decoder_words)
        if self._context_mixer is None:
            return
        usable = known_runs(sentences, self._decoder_words)
        with tempfile.TemporaryDirectory(prefix="voicepeer-") as name:
            lm = self._context_mixer.base
            try:
                if usable:
                    # Holds the post answered: a temporary file, gone once it is loaded.
                    lm = Path(name) / "dictation.lm"
                    lm.write_text(self._context_mixer.with_context(usable), encoding="utf-8")
                self._add_dictation_search(lm)
            except (OSError, RuntimeError, ValueError) as error:
                # The context only helps; dictation goes on with the model it had (its file
                # may have been replaced by a voicepeer started with other settings).
                log.warning("the reply's context did not load: %s", error)
        self._mode = None  # the next start() activates the rebuilt search

    @property
    def sample_rate(self) -> int:
        return self._sample_rate

    @property
    def phrasebook(self) -> Phrasebook:
        return self._phrasebook

    def _add_dictation_search(self, lm: Path) -> None:
        """The dictation search on ``lm``, weighted for a trained voice when the voice
        profile loaded (at start and when a reply's context is mixed in alike)."""
        add_dictation_search(self._decoder, _DICTATION, lm, trained=self.voice_profile is not None)

    @property
    def command_searches(self) -> Mapping[str, str]:
        """The command search each context decodes with (for diagnostics)."""
        return self._command_search

    def command_model_sentences(self, context: str = "") -> tuple[str, ...]:
        """The training text of the command language model ``context`` decodes with (for
        diagnostics): the card's phrasings, and the everyday wordings unless turned off."""
        return self._command_models[self._command_search.get(context, self._command_search[""])][1]

    @property
    def grammar(self) -> str:
        """The JSGF grammar of every command (for diagnostics)."""
        return self._grammars[""]

    def start(self, mode: ListenMode, context: str = "") -> None:
        if self._in_utterance and self._mode is ListenMode.DICTATION:
            self._decoder.end_utt()
        try:
            if mode in _WHOLE:
                self._mode = mode  # the search is chosen at the end, in finish()
            else:
                if self._mode is not mode:
                    self._decoder.activate_search(_DICTATION)
                    self._mode = mode
                self._decoder.start_utt()
        except RuntimeError as error:
            raise SpeechEngineError(f"PocketSphinx could not start listening: {error}") from error
        # A context the phrasebook does not know decodes as every command.
        table = self._phrasebook.answers if mode is ListenMode.ANSWER else self._grammars
        self._context = context if context in table else ""
        awaited = self._phrasebook.correction_answers
        self._awaited = awaited.get(context) if mode is ListenMode.DICTATION else None
        self._awaited_search = _AWAITED_LM + context
        self._in_utterance = True
        self._utterance_audio = []
        self._peeked = None
        self.last_features = {}

    def accept(self, pcm: bytes) -> None:
        if not self._in_utterance:
            raise SpeechEngineError("audio given to the recognizer before start()")
        if len(pcm) % 2:
            pcm = pcm[:-1]
        # Commands are decoded whole at the end, trimmed (see finish()); dictation is kept
        # too, for the editing-command check of short utterances.
        self._utterance_audio.append(pcm)
        if self._mode in _WHOLE:
            return
        try:
            feed(self._decoder, pcm)
        except RuntimeError as error:
            raise SpeechEngineError(f"PocketSphinx failed while decoding: {error}") from error

    def peek(self) -> Recognition | None:
        """The reading of the utterance so far (commands and answers, which are decoded
        whole): lets the listener end a complete command without waiting. finish() reuses
        it when no audio came after it."""
        if not self._in_utterance or self._mode not in _WHOLE:
            return None
        audio = b"".join(self._utterance_audio)
        if self._peeked is None or self._peeked[0] != len(audio):
            result = self._decode_utterance(audio, self._mode)
            self._peeked = (len(audio), result, dict(self.last_features))
        return self._peeked[1]

    def _decode_utterance(self, audio: bytes, mode: ListenMode) -> Recognition:
        audio = trim_silence(audio, keep_s=0.15)
        if mode is ListenMode.ANSWER:
            return self._decode_answer(audio)
        return self._decode_command(audio)

    def partial(self) -> str:
        """The dictation so far; always empty for commands, which are decoded whole."""
        if not self._in_utterance or self._mode is not ListenMode.DICTATION:
            return ""
        hyp = self._decoder.hyp()
        return hyp.hypstr if hyp is not None else ""

    def finish(self) -> Recognition:
        if not self._in_utterance:
            return Recognition("", 0.0)
        if self._mode in _WHOLE:
            audio, mode = b"".join(self._utterance_audio), self._mode
            self._in_utterance = False
            self._utterance_audio = []
            self._mode = None  # the next start() activates the search it needs
            if self._peeked is not None and self._peeked[0] == len(audio):
                self.last_features = self._peeked[2]
                return self._peeked[1]
            return self._decode_utterance(audio, mode)
        try:
            self._decoder.end_utt()
        except RuntimeError as error:
            raise SpeechEngineError(f"PocketSphinx failed to finish: {error}") from error
        finally:
            self._in_utterance = False
        # The streamed reading (for partial()) follows a running cepstral mean; the whole
        # utterance decoded again with its own mean is heard better.
        audio = b"".join(self._utterance_audio)
        self._mode = None  # the next start() activates the search it needs
        if self._awaited is not None and audio:
            answer, answer_score = self._awaited_answer(self._awaited, audio)
            if answer:
                # Alone: the free reading of an answer is no command of any kind.
                return Recognition(answer, _clamp(answer_score))
        text, score = self._decode_whole(_DICTATION, audio) if audio else ("", 0.0)
        score = _clamp(score)
        readings = nbest_readings(self._decoder) if text else []
        words = words_from_readings(text, readings) if text else ()
        if self._awaited is not None:
            self._recent_words.extend(plain_words(text))
            return Recognition(text, score, words=words) if text else Recognition("", 0.0)
        editing = [r for r in self._editing_readings(text, readings) if r != text]
        if editing and self._phrasebook.correction.accepts(text):
            # Everyday English in the dictation model makes a short correction into a
            # likelier other one ("correct where is" for "correct where's"); the models of
            # what is said to a reply, which hear short commands well, decide.
            return Recognition(editing[0], score, tuple(editing[1:]))
        if not editing and text:
            self._recent_words.extend(plain_words(text))
        if not text and not editing:
            return Recognition("", 0.0)
        return Recognition(text, score, tuple(editing), words=words)

    def _editing_readings(self, dictated: str, readings: list[str]) -> list[str]:
        """For a short utterance, the editing command ("send it", "scratch that") the command
        model hears in it, or "". Free dictation hears such short commands badly; the
        command model, which reads other speech as a jumble matching nothing, hears them
        well. The voice loop takes it only when the whole utterance is such a command.
        Otherwise the correction model's reading, when it is a correction command."""
        whole = b"".join(self._utterance_audio)
        audio = trim_silence(whole, keep_s=0.15)
        self._utterance_audio = []
        seconds = len(audio) / 2 / self._sample_rate
        if not audio or seconds > MAX_EDITING_COMMAND_S or len(dictated.split()) > 5:
            return []
        self._mode = None  # the next start() activates the search it needs
        heard, _ = self._decode_whole(_EDITING_LM, audio, passes=2)
        if self._phrasebook.editing.accepts(heard):
            return [heard]
        named = trim_silence(whole, keep_s=NAMED_WORD_KEEP_S)
        if self._recent_words and (verbs := naming_verbs(readings)):
            return self._correct_reading(named, verbs)
        answer, _ = self._decode_whole(_CORRECTION_LM, audio, passes=3)
        if self._recent_words and (verbs := naming_verbs([answer])):
            return self._correct_reading(named, verbs)
        return [answer] if self._phrasebook.correction.accepts(answer) else []

    def _awaited_answer(self, awaited: Vocabulary, audio: bytes) -> tuple[str, float]:
        """The answer a correction waits for, read with a model of those answers, the
        editing commands and (as the garbage path) the other commands, with its score;
        "" when that is not an answer, and the utterance is more of the reply. Free
        dictation, whose words are likelier, heard "spell it" as "delete". Any length is
        read so, as slow spelling is long."""
        heard, score = self._decode_whole(
            self._awaited_search, trim_silence(audio, keep_s=0.15), passes=3
        )
        self.last_features = {"awaited": heard}
        return (heard, score) if awaited.accepts(heard) else ("", 0.0)

    def _correct_reading(self, audio: bytes, verbs: Sequence[str]) -> list[str]:
        """ "correct <word>" (or "replace <word>", with ``verbs``) read with a grammar of the
        words dictated lately: the word a person names is one the reply already has, and
        free dictation hears a lone word badly ("correct there" came back as "correct to
        your")."""
        grammar = correct_grammar(self._recent_words, verbs)
        try:
            self._decoder.add_jsgf_string(_CORRECT_TARGET, grammar)
        except (RuntimeError, ValueError) as error:
            log.debug("no grammar of recent words: %s", error)
            return []
        heard, _ = self._decode_whole(_CORRECT_TARGET, audio)
        return [heard] if heard else []

    def _decode_whole(self, search: str, audio: bytes, passes: int = 1) -> tuple[str, float]:
        return decode_whole(self._decoder, search, audio, passes)

    def _decode_command(self, audio: bytes) -> Recognition:
        vocabulary = self._phrasebook.commands[self._context]
        # Two passes: the first leaves the decoder's cepstral mean fitted to this very
        # utterance (this voice, this microphone, this room), the second decodes with it.
        search = self._command_search[self._context]
        heard, heard_score = self._decode_whole(_COMMAND_LM + search, audio, passes=2)
        words = self._segments()
        grammar, grammar_score = self._decode_whole(_COMMAND + search, audio)
        words += self._segments()
        self.last_features = {
            "seconds": len(audio) / 2 / self._sample_rate,
            "lm": heard,
            "lm_score": heard_score,
            "grammar": grammar,
            "score": grammar_score,
        }
        text, confidence = heard, 0.5 + 0.5 * _clamp(heard_score)
        taken = heard_score >= MIN_LM_SCORE and vocabulary.accepts(heard)
        min_grammar_score = MIN_GRAMMAR_SCORE_TRAINED if self.voice_profile else MIN_GRAMMAR_SCORE
        if not taken and heard_score >= MIN_LM_SCORE and vocabulary.refuses(heard):
            return Recognition(heard, min(0.1, heard_score), (grammar,), out_of_grammar=True)
        if not taken:
            extra = len(heard.split()) - len(grammar.split())
            if (
                grammar
                and extra <= MAX_EXTRA_LM_WORDS
                and grammar_score >= min_grammar_score
                and vocabulary.accepts(grammar)
            ):
                taken = True
                text, confidence = grammar, 0.4 + 0.5 * _clamp(grammar_score)
        if not taken:
            return Recognition(heard, min(0.1, heard_score), (grammar,), out_of_grammar=True)
        if text in vocabulary.text_prefixes or split_text(text, vocabulary.text_prefixes):
            return self._search(text, vocabulary, audio, words)
        alternatives = tuple(t for t in (heard, grammar) if t and t != text)
        # The free reading, which could have heard other words, is evidence the interpreter
        # weighs against a reading the grammar was forced to pick.
        passes = (heard,) if heard and text != heard else ()
        return Recognition(text, confidence, alternatives, passes=passes)

    def _decode_answer(self, audio: bytes) -> Recognition:
        """An answer to a question, decoded twice: with the answer language model, which
        can also say near-yes sounds, the words that differ from yes only in how they begin
        and other commands (the garbage path for speech outside the answers), and with a
        loop of bare speech sounds, which is bound by no words at all. The confidence is
        the reading's lowest word posterior, or 0 when the audio disagrees: the first word
        must begin with the sound class its pronunciation does ("guess" is not "yes")
        unless the posterior is TRUSTED_POSTERIOR or more words follow it, a word ending in
        s must hiss like one ("yeah" with a breath at its end does not; a little less before
        more words), and the loop may hear no speech outside the words read
        ("yes … but")."""
        heard, heard_score = self._decode_whole(_ANSWER_LM + self._context, audio, passes=2)
        words = [seg for seg in self._decoder.seg() or () if not seg.word.startswith(("<", "["))]
        posterior = min((seg.prob for seg in words), default=0.0)
        self._decode_whole(_PHONES, audio)
        phones = [(seg.word, seg.start_frame, seg.end_frame) for seg in self._decoder.seg() or ()]
        self.last_features = {
            "seconds": len(audio) / 2 / self._sample_rate,
            "lm": heard,
            "lm_score": heard_score,
            "posterior": posterior,
            "phones": " ".join(p for p, _, _ in phones),
        }
        if not heard:
            return Recognition("", 0.0, out_of_grammar=True)
        fit = self._answer_fit(audio, words, phones, posterior) if words else 0.0
        return Recognition(heard, _clamp(min(posterior, fit)))

    def _answer_fit(
        self,
        audio: bytes,
        words: list[Any],
        phones: list[tuple[str, int, int]],
        posterior: float,
    ) -> float:
        """1.0 when the audio agrees with the answer read (``words``: decoder segments),
        else 0.0 (see _decode_answer). Followed by more words read as surely as it
        (``posterior``, the lowest), the first word needs less of its own evidence: in loud
        noise the loop of sounds hears the noise before it as a consonant, and the hiss of
        its s is buried (see MIN_SIBILANCE_DB_FOLLOWED)."""
        first, last = words[0], words[-1]
        followed = len(words) > 1
        # The first word carries the answer ("yes" of "yes please"); near-yes sounds
        # differ from it there ("yeah", "guess").
        pronounced = (self._decoder.lookup_word(first.word.split("(")[0]) or "").split()
        starts_like = phone_fit(
            pronounced,
            [
                p
                for p, start, end in phones
                if start <= first.end_frame and end >= first.start_frame
            ],
        )
        # Frames are 10 ms; 2 bytes a sample.
        step = self._sample_rate // 100 * 2
        # The s may run on a little past where the reading ends.
        sibilance = sibilance_db(
            audio[first.start_frame * step : (first.end_frame + 1 + _SLACK_FRAMES) * step],
            self._sample_rate,
        )
        outside = [
            p
            for p, start, end in phones
            if (start + end) / 2 > last.end_frame + _SLACK_FRAMES
            or (start + end) / 2 < first.start_frame - _SLACK_FRAMES
        ]
        self.last_features.update(
            starts_like=starts_like, sibilance=sibilance, outside=" ".join(outside)
        )
        if not starts_like and posterior < TRUSTED_POSTERIOR and not followed:
            return 0.0
        min_sibilance = MIN_SIBILANCE_DB_FOLLOWED if followed else MIN_SIBILANCE_DB
        if pronounced and pronounced[-1] in ("S", "Z") and sibilance < min_sibilance:
            return 0.0  # "yeah" said with a breath at its end ("yeh-h") read as "yes"
        if VOICED.intersection(sound_classes(outside)):
            return 0.0  # speech the reading leaves out ("yes … but")
        return 1.0

    def _segments(self) -> list[tuple[str, int]]:
        """(word, last frame) of the last decode; nothing when nothing was decoded."""
        return [(seg.word, seg.end_frame) for seg in self._decoder.seg() or ()]

    def _search(
        self, text: str, vocabulary: Vocabulary, audio: bytes, words: list[tuple[str, int]]
    ) -> Recognition:
        """ "search for fatigue": the audio after the search words is read with the
        dictation model (the command model only knows command words)."""
        split = split_text(text, vocabulary.text_prefixes)
        prefix = split[0] if split else " ".join(text.split())
        prefix_words = prefix.split()
        # ``words``: the command model's segmentation, then the grammar's.
        spoken = [w for w in words if not w[0].startswith(("<", "["))]
        names = [w.split("(")[0] for w, _ in spoken]
        for start in range(len(names) - len(prefix_words) + 1):
            if names[start : start + len(prefix_words)] == prefix_words:
                end_frame = spoken[start + len(prefix_words) - 1][1]
                # Frames are 10 ms; 2 bytes a sample.
                rest = audio[(end_frame + 1) * self._sample_rate // 100 * 2 :]
                if len(rest) >= self._sample_rate // 5 * 2:
                    query, _ = self._decode_whole(_DICTATION, trim_silence(rest))
                    self.last_features["query"] = query
                    if query:
                        return Recognition(f"{prefix} {query}", 0.6, (text,))
                break
        # Without a query the voice loop asks what to look for.
        return Recognition(prefix, 0.6, ())

    def close(self) -> None:
        self._utterance_audio = []
        if self._in_utterance and self._mode is ListenMode.DICTATION:
            self._decoder.end_utt()
            self._in_utterance = False


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, float(value)))
