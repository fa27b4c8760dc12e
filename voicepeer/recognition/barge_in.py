"""Hearing the few commands that may interrupt voicepeer while it speaks.

While voicepeer speaks the microphone hears, besides the person, what is left of voicepeer's
own voice after echo cancellation and any talk in the room. Only five one-word commands are
listened for, and each utterance is decoded twice:
1. a small language model over the five commands *and* forum-style sentences (the garbage
   path): talk comes out as other words, and is taken only when the whole reading is one
   command word alone, scoring at least ``min_score``;
2. a JSGF grammar of just the five words, which says which of them it was (through an echo
   canceller "stop" and "pause" get read for each other); it finds no path at all for much
   speech heard that way, and then the first decode's word stands. Where the first decode
   heard one or two other short words (any, for a sound as short as one word) and the
   grammar "stop" or "pause", a short sound is taken as "stop": the canceller wears the
   word down so that the first decode hears "cold", "look" or "yoga" for many of them, and
   the grammar "pause" for a third of those (measured in scripts/benchlib/barge_in.py); a
   wrong stop only pauses reading. Where the grammar finds no path to its end, its best
   path so far counts when it is "stop" and the first decode heard at most one other word:
   every "stop" missed in two runs of the bench was one the grammar found no path for.
Anything longer than ``max_command_s`` is never a command. A JSGF grammar with a filler-word
loop was measured first: seconds per short utterance on this hardware, and it swallowed
"next" and "back".
"""

from __future__ import annotations

import logging
import math
import re
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from voicepeer.errors import SpeechEngineError
from voicepeer.recognition.arpa import write_arpa
from voicepeer.recognition.endpointing import level_db
from voicepeer.recognition.settings import BargeInSettings
from voicepeer.recognition.sphinx import decode_whole
from voicepeer.recognition.sphinx_files import (
    bundled_dictionary,
    bundled_model_dir,
    dictionary_words,
    write_dictionary_subset,
)

log = logging.getLogger(__name__)

BARGE_IN_COMMANDS: tuple[str, ...] = ("stop", "next", "repeat", "pause", "back")
"""The words that interrupt speech; the voice loop's interpreter says what each does."""

COMMAND_WEIGHT = 60
"""How many times each command counts in the garbage-path model against the ~160 forum
sentences: enough for a lone command word to win, not enough for talk to turn into one."""

NOISE_FLOOR_RMS = 20.0
"""Faint noise (RMS in int16 units, about -64 dBFS) added under an utterance before it is
decoded. An echo canceller outputs exact digital silence wherever it judges there is only
echo, and the bundled model decodes words framed by it badly (its cepstral mean is thrown
off): of 60 "stop"s said by the tuning voices over voicepeer's speech and recorded after
the canceller (scripts/benchlib/barge_in.py), 41 were taken without it, 55 with it (49 at
half this level, 57 at twice). A real microphone's own noise is about this loud."""

_MAX_OTHER_WORDS = 2
"""Most words the first decode may hear for the grammar's "stop" to stand: longer readings
were talk."""
_ONE_WORD_S = 0.55
"""A sound this short (its loudest stretch) counts as one word whatever the first decode
made of it: a "stop" of the tuning voices lasting 0.44 s was read "i go out" (32 of 40
recorded stops lasted this long or less); of the 776 pieces of talk, 2 more were taken."""
_MAX_OTHER_WORDS_UNFINISHED = 1
"""Most words the first decode may hear for the grammar's unfinished "stop" to stand. Of
the tuning voices' "stop"s recorded after the canceller, 2 of 40 had no grammar path (read
"look" and "cold") and both ended on "stop"; of 776 one- to three-word pieces of talk by the
same voices, this took 3 more than before (9 with two other words allowed)."""
_WORN_STOP = ("stop", "pause")
"""What the grammar makes of a "stop" the canceller wore down. Taking its "pause" too lifted
the tuning voices' recorded stops taken from 55 to 58 of 60; room talk (66 sentences) and
its own voice (ten minutes) stayed clear."""
_GARBAGE_CORPUS = "data/peer_support.txt"
_LM, _GRAMMAR = "barge_lm", "barge_grammar"


@dataclass(frozen=True)
class BargeInVerdict:
    """How one utterance heard over voicepeer's speech was judged."""

    command: str | None
    """The interrupting command word, or None for talk, echo and noise."""
    reading: str
    """What the garbage-path model heard."""
    grammar: str
    """What the five-word grammar picked ("" when it found no path to its end)."""
    score: float
    duration_s: float = 0.0
    """Length of the sound judged (its loudest stretch), in seconds."""
    unfinished: str = ""
    """The grammar's best path when it found none to its end."""


class BargeInRecognizer:
    """PocketSphinx with the bundled English model, decoding utterances whole."""

    def __init__(
        self, settings: BargeInSettings | None = None, model_dir: Path | None = None
    ) -> None:
        self.settings = settings or BargeInSettings()
        dictionary = bundled_dictionary()
        known = dictionary_words(dictionary)
        text = resources.files("voicepeer.recognition").joinpath(_GARBAGE_CORPUS)
        sentences = []
        for line in text.read_text("utf-8").splitlines():
            words = re.findall(r"[a-z']+", line.lower())
            if words and not line.startswith("#") and all(w in known for w in words):
                sentences.append(" ".join(words))
        sentences += list(BARGE_IN_COMMANDS) * COMMAND_WEIGHT
        grammar = (
            "#JSGF V1.0;\ngrammar barge_in;\npublic <command> = "
            + " | ".join(BARGE_IN_COMMANDS)
            + ";\n"
        )
        import pocketsphinx

        with tempfile.TemporaryDirectory(prefix="voicepeer-") as name:
            folder = Path(name)
            vocabulary = {w for s in sentences for w in s.split()}
            subset = write_dictionary_subset(dictionary, vocabulary, folder / "barge_in.dict")
            try:
                self._decoder: Any = pocketsphinx.Decoder(
                    hmm=str(model_dir or bundled_model_dir()),
                    dict=str(subset),
                    lm=None,
                    samprate=16_000.0,
                    loglevel="FATAL",
                )
                self._decoder.add_lm_file(_LM, str(write_arpa(sentences, folder / "b.lm")))
                self._decoder.add_jsgf_string(_GRAMMAR, grammar)
            except (RuntimeError, ValueError, OSError) as error:
                raise SpeechEngineError(
                    f"the interrupting-command decoder did not load: {error}",
                    spoken="I cannot listen for stop while I speak. Please ask your helper "
                    "to run voicepeer doctor.",
                ) from error

    def judge(self, pcm: bytes) -> BargeInVerdict:
        """Decide whether 16 kHz mono int16 ``pcm`` (one utterance) is an interrupting
        command."""
        audio = loudest_stretch(pcm, self.settings.below_peak_db)
        duration_s = len(audio) / 2 / 16_000
        if duration_s > self.settings.max_command_s:
            return BargeInVerdict(None, "", "", 0.0, duration_s)
        audio = with_noise_floor(audio, NOISE_FLOOR_RMS)
        # Twice: the first pass fits the cepstral mean to this voice and room.
        reading, score = self._decode(_LM, audio, passes=2)
        grammar, unfinished = self._decode_grammar(audio)
        other_words = 1 if duration_s <= _ONE_WORD_S else len(reading.split())
        command = None
        if reading in BARGE_IN_COMMANDS and score >= self.settings.min_score:
            # Through the canceller "stop" and "pause" get read for each other. When the
            # two decodes differ and one heard "stop", stopping is the safe reading;
            # otherwise the grammar's pick, when it has one, names the command.
            picks = {reading, grammar}
            command = (
                "stop" if "stop" in picks else grammar if grammar in BARGE_IN_COMMANDS else reading
            )
        elif duration_s <= self.settings.grammar_stop_max_s and (
            (grammar in _WORN_STOP and other_words <= _MAX_OTHER_WORDS)
            or (unfinished == "stop" and other_words <= _MAX_OTHER_WORDS_UNFINISHED)
        ):
            command = "stop"
        return BargeInVerdict(command, reading, grammar, score, duration_s, unfinished)

    def _decode_grammar(self, audio: bytes) -> tuple[str, str]:
        """The five-word grammar's pick, and when it found no path to its end, its best
        path up to the last frame (read before the utterance is closed, as closing it asks
        for a path that ends in the grammar's final state)."""
        decoder = self._decoder
        try:
            decoder.activate_search(_GRAMMAR)
            decoder.start_utt()
            decoder.process_raw(audio, False, True)
            so_far = decoder.hyp()
            decoder.end_utt()
        except RuntimeError as error:
            raise SpeechEngineError(f"PocketSphinx failed while decoding: {error}") from error
        final = decoder.hyp()
        if final is not None and final.hypstr.strip():
            return " ".join(final.hypstr.split()), ""
        return "", " ".join(so_far.hypstr.split()) if so_far is not None else ""

    def _decode(self, search: str, audio: bytes, passes: int = 1) -> tuple[str, float]:
        heard, score = decode_whole(self._decoder, search, audio, passes)
        return heard, max(0.0, min(1.0, score))


def with_noise_floor(pcm: bytes, rms: float) -> bytes:
    """``pcm`` with faint noise of the same seed added, so a decode is repeatable."""
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32)
    samples += np.random.default_rng(0).normal(0.0, rms, samples.size).astype(np.float32)
    return np.clip(samples, -32768, 32767).astype("<i2").tobytes()


def loudest_stretch(
    pcm: bytes, below_peak_db: float, keep_s: float = 0.15, sample_rate: int = 16_000
) -> bytes:
    """The part of ``pcm`` from the first to the last 10 ms within ``below_peak_db`` of its
    loudest, with ``keep_s`` around it. What is left of voicepeer's own voice after echo
    cancellation runs on around a command, far quieter than the person near the microphone;
    trimming by the silence floor kept it and made "stop" too long to be a command."""
    step = sample_rate // 100 * 2
    levels = [level_db(pcm[i : i + step], sample_rate) for i in range(0, len(pcm) - step + 1, step)]
    if not levels:
        return pcm
    peak = max(levels)
    loud = [i for i, level in enumerate(levels) if level >= peak - below_peak_db]
    keep = math.ceil(keep_s / 0.01)
    first, last = max(0, loud[0] - keep), min(len(levels), loud[-1] + 1 + keep)
    return pcm[first * step : last * step]
