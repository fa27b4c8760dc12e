"""Checks of the sounds under an answer's reading, beside its word posterior: a yes must
begin like "yes" and hiss like one, and what follows it must not be speech."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

_PHONE_CLASSES = {
    phone: kind
    for kind, phones in (
        ("V", "AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW Y"),
        ("P", "B D G K P T"),
        ("S", "S Z SH ZH F V TH DH CH JH"),
        ("N", "M N NG"),
        ("L", "L R W"),
        ("X", "+SPN+"),
    )
    for phone in phones.split()
}
"""Broad classes of sounds: a free loop of speech sounds confuses vowels with each other
and with y ("yes" comes out as IY AW S), but keeps a vowel from a hiss or a stop. Speech
it cannot place (+SPN+) is a class of its own; silence and noise are none."""


VOICED = frozenset({"V", "N", "L", "X"})
"""Classes only speech has: a take-back ("but", "no", "hang on") always has a vowel, where
a breath, a click or hiss after a word is read as a lone hiss or stop."""


def sound_classes(phones: Iterable[str]) -> list[str]:
    out: list[str] = []
    for phone in phones:
        kind = _PHONE_CLASSES.get(phone)
        if kind is not None and (not out or out[-1] != kind):
            out.append(kind)
    return out


def phone_fit(pronounced: Iterable[str], heard: Iterable[str]) -> float:
    """1.0 when the speech sounds heard where a word was read begin as its pronunciation
    does (a vowel, not a stop: "yes", not "guess"), else 0.0. The loop's later sounds are
    too unsure to judge by (it hears the s of "yes" as nothing in some voices)."""
    want, got = sound_classes(pronounced), sound_classes(heard)
    return 1.0 if want and got and want[0] == got[0] else 0.0


TRUSTED_POSTERIOR = 0.9
"""A reading this sure, against the words that differ from it only in how they begin
("guess", "less", "mess" …), is not refused for the first sound the loop of sounds heard:
in noise the loop hears the noise before a "yes" as a consonant ("D EH S"). Chosen on the
widened tuning split of scripts/benchlib/consent.py, where near-yes speech read as "yes"
scored 0.69 and below but for one noisy "yet", which the sounds check did not stop either."""

MIN_SIBILANCE_DB = 6.0
"""A word read as ending in s must have this much more energy at 4-8 kHz than at
0.3-3 kHz in its most hissing 100 ms: an s hisses high and long, a breath after a vowel
("yeah") does not hiss, and the burst of a t ("yet") is short. On the widened tuning split
of scripts/benchlib/consent.py every near-yes reading that passed the other checks measured
3.9 dB or less ("yet" in loud noise; "yeah" -10.9 and less), 28 of 224 spoken yeses less
than 6."""

MIN_SIBILANCE_DB_FOLLOWED = 4.5
"""MIN_SIBILANCE_DB for a first word read with more words after it ("yes please"), which
are evidence of their own. On the widened tuning split of scripts/benchlib/consent.py
"yes please" in 5 dB noise measured 4.9 dB and up, and no other answer was read as
"yes please"; near-yes readings that passed the other checks measured 3.9 dB or less.
"yeah please" and "yep please", often read as "yes please", measured -5.6 dB or less in
the tuning split's voices (normal, noisy and slow)."""


def sibilance_db(pcm: bytes, sample_rate: int = 16_000) -> float:
    """How strongly ``pcm`` hisses at its most hissing moment (dB, see MIN_SIBILANCE_DB)."""
    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype=np.int16).astype(np.float64)
    size = sample_rate // 10
    if samples.size < size:
        return -99.0
    freqs = np.fft.rfftfreq(size, 1 / sample_rate)
    high, mid = (freqs >= 4000) & (freqs <= 7800), (freqs >= 300) & (freqs <= 3000)
    best = -99.0
    for start in range(0, samples.size - size + 1, size // 5):
        power = np.abs(np.fft.rfft(samples[start : start + size] * np.hanning(size))) ** 2
        best = max(best, 10 * math.log10((power[high].sum() + 1e-9) / (power[mid].sum() + 1e-9)))
    return best
