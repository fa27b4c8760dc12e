"""Read PocketSphinx's binary trie language model (``en-us.lm.bin``) into a BackoffModel.

PocketSphinx 5.1.1 cannot write this model out as ARPA text: its writer walks the trie and
finds a different number of n-grams than the header counts (sphinx_lm_convert stops on the
assertion ``raw_ngram_idx == base->n_counts[i - 1]``; the wheel, built without assertions,
then reads past what it filled and crashes or writes garbage). So the file is read here
directly, as its reader lays it out: a header, the n-gram counts, the quantization tables,
the unigrams, then bit-packed arrays of each higher order, then the words.

The trie is keyed by the predicted word first and then its history, most recent word
first (as in KenLM): unigram ``w`` points at the bigrams ``(h, w)``, each of which points at
the trigrams ``(g, h, w)``. Probabilities and backoff weights are stored as logarithms in
the model's log base (1.0001).
"""

from __future__ import annotations

import math
import struct
from pathlib import Path

import numpy as np

from voicepeer.recognition.lm_mix import BOS, BackoffModel

_HEADER = b"Trie Language Model"
_QUANT_BITS = 16
_LOG10_OF_BASE = math.log10(1.0001)


def _required_bits(value: int) -> int:
    return value.bit_length()


def _field(data: np.ndarray, offsets: np.ndarray, bits: int) -> np.ndarray:
    """The ``bits``-bit little-endian unsigned fields starting at bit ``offsets``."""
    starts = offsets // 8
    shifts = (offsets % 8).astype(np.uint64)
    window = np.zeros(len(offsets), dtype=np.uint64)
    for k in range(8):  # an unaligned 64-bit little-endian read, as bitarr_read_int25 does
        window |= data[starts + k].astype(np.uint64) << np.uint64(8 * k)
    return ((window >> shifts) & np.uint64((1 << bits) - 1)).astype(np.int64)


def _from_log(values: np.ndarray) -> np.ndarray:
    """Probabilities (or weights) from logarithms in the model's base."""
    return np.power(10.0, values.astype(np.float64) * _LOG10_OF_BASE)


def read_trie(path: Path) -> BackoffModel:
    """The n-grams of the trie model at ``path`` with their probabilities and backoff
    weights."""
    raw = path.read_bytes()
    if not raw.startswith(_HEADER):
        raise ValueError(f"{path} is not a PocketSphinx trie language model")
    at = len(_HEADER)
    order = raw[at]
    at += 1
    counts = list(struct.unpack_from(f"<{order}I", raw, at))
    at += 4 * order
    (_quant_type,) = struct.unpack_from("<i", raw, at)
    at += 4
    table = 1 << _QUANT_BITS
    tables = []  # per middle order: (probabilities, backoffs); then the longest order's
    for _ in range(order - 2):
        tables.append(
            (
                np.frombuffer(raw, dtype="<f4", count=table, offset=at),
                np.frombuffer(raw, dtype="<f4", count=table, offset=at + 4 * table),
            )
        )
        at += 8 * table
    longest_probs = np.frombuffer(raw, dtype="<f4", count=table, offset=at)
    at += 4 * table
    unigrams = np.frombuffer(
        raw,
        dtype=np.dtype([("p", "<f4"), ("b", "<f4"), ("next", "<u4")]),
        count=counts[0] + 1,
        offset=at,
    )
    at += 12 * (counts[0] + 1)
    word_bits = _required_bits(counts[0])
    layouts = []
    for n in range(2, order + 1):
        next_bits = _required_bits(counts[n]) if n < order else 0
        quant_bits = 2 * _QUANT_BITS if n < order else _QUANT_BITS
        total = word_bits + quant_bits + next_bits
        size = ((1 + counts[n - 1]) * total + 7) // 8 + 8
        layouts.append(
            (np.frombuffer(raw, dtype=np.uint8, count=size, offset=at), total, next_bits)
        )
        at += size
    (length,) = struct.unpack_from("<i", raw, at)
    at += 4
    words = raw[at : at + length].decode("utf-8").split("\0")[: counts[0]]

    model = BackoffModel([{} for _ in range(order + 1)])
    for i, name in enumerate(words):
        p = 0.0 if name == BOS else 10.0 ** (float(unigrams["p"][i]) * _LOG10_OF_BASE)
        model.probs[1][(name,)] = p
        model.backoffs[(name,)] = 10.0 ** (float(unigrams["b"][i]) * _LOG10_OF_BASE)
    # Level by level: the entries of order n, each with the reversed path that leads to it.
    paths = np.arange(counts[0], dtype=np.int64).reshape(-1, 1)
    begins = unigrams["next"][:-1].astype(np.int64)
    ends = unigrams["next"][1:].astype(np.int64)
    for n in range(2, order + 1):
        data, total, next_bits = layouts[n - 2]
        lengths = ends - begins
        parent = np.repeat(np.arange(len(begins)), lengths)
        index = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        index += np.repeat(begins, lengths)
        offsets = index * total
        last = _field(data, offsets, word_bits)
        backoffs: np.ndarray | None = None
        if n < order:
            probs_table, backoffs_table = tables[n - 2]
            backoffs = _from_log(backoffs_table[_field(data, offsets + word_bits, _QUANT_BITS)])
            probs = _from_log(
                probs_table[_field(data, offsets + word_bits + _QUANT_BITS, _QUANT_BITS)]
            )
            next_at = offsets + word_bits + 2 * _QUANT_BITS
            begins = _field(data, next_at, next_bits)
            ends = _field(data, next_at + total, next_bits)
        else:
            probs = _from_log(longest_probs[_field(data, offsets + word_bits, _QUANT_BITS)])
        paths = np.concatenate([paths[parent], last.reshape(-1, 1)], axis=1)
        level = model.probs[n]
        for k, ids in enumerate(paths.tolist()):
            gram = tuple(words[w] for w in reversed(ids))
            level[gram] = float(probs[k])
            if backoffs is not None and backoffs[k] != 1.0:
                model.backoffs[gram] = float(backoffs[k])
    return model
