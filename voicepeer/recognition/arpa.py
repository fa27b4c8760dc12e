"""Small n-gram language models in ARPA format, built from sentences voicepeer ships.

Interpolated absolute discounting, written in backoff form so PocketSphinx can load it.
Used for the command language model (all command phrasings) and the peer-support
dictation model.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

BOS, EOS = "<s>", "</s>"
_DISCOUNT = 0.5


def _log10(p: float) -> float:
    return math.log10(max(p, 1e-99))


def build_arpa(sentences: Iterable[str], order: int = 3) -> str:
    """An ARPA model of ``order`` over ``sentences`` (lower-case words, spaces)."""
    counts: list[Counter[tuple[str, ...]]] = [Counter() for _ in range(order + 1)]
    for sentence in sentences:
        words = [BOS, *sentence.lower().split(), EOS]
        if len(words) == 2:
            continue
        for n in range(1, order + 1):
            for i in range(len(words) - n + 1):
                counts[n][tuple(words[i : i + n])] += 1
    vocab = sorted(w for (w,) in counts[1] if w != BOS)
    total = sum(c for (w,), c in counts[1].items() if w != BOS)
    probs: list[dict[tuple[str, ...], float]] = [{} for _ in range(order + 1)]
    backoffs: list[dict[tuple[str, ...], float]] = [{} for _ in range(order + 1)]
    # Unigrams: discounted counts, the mass left over shared evenly (no zero probabilities).
    leftover = _DISCOUNT * len(vocab) / total
    for word in vocab:
        probs[1][(word,)] = (counts[1][(word,)] - _DISCOUNT) / total + leftover / len(vocab)
    probs[1][(BOS,)] = 0.0
    for n in range(2, order + 1):
        followers: dict[tuple[str, ...], list[tuple[str, int]]] = defaultdict(list)
        for gram, count in counts[n].items():
            followers[gram[:-1]].append((gram[-1], count))
        for history, seen in followers.items():
            history_total = sum(c for _, c in seen)
            reserved = _DISCOUNT * len(seen) / history_total
            for word, count in seen:
                lower = _prob(probs, backoffs, (*history[1:], word))
                probs[n][(*history, word)] = (count - _DISCOUNT) / history_total + reserved * lower
            seen_prob = sum(probs[n][(*history, w)] for w, _ in seen)
            seen_lower = sum(_prob(probs, backoffs, (*history[1:], w)) for w, _ in seen)
            backoffs[n - 1][history] = (1.0 - seen_prob) / max(1e-12, 1.0 - seen_lower)
    lines = ["\\data\\"]
    lines += [f"ngram {n}={len(probs[n])}" for n in range(1, order + 1)]
    for n in range(1, order + 1):
        lines += ["", f"\\{n}-grams:"]
        for gram in sorted(probs[n]):
            logp = -99.0 if gram == (BOS,) else _log10(probs[n][gram])
            fields = [f"{logp:.4f}", " ".join(gram)]
            if n < order and gram in backoffs[n]:
                fields.append(f"{_log10(backoffs[n][gram]):.4f}")
            lines.append("\t".join(fields))
    lines += ["", "\\end\\", ""]
    return "\n".join(lines)


def _prob(
    probs: list[dict[tuple[str, ...], float]],
    backoffs: list[dict[tuple[str, ...], float]],
    gram: tuple[str, ...],
) -> float:
    """p(last word | the rest) from the lower orders already built, backing off."""
    if len(gram) == 1:
        return probs[1].get(gram, 1e-99)
    if gram in probs[len(gram)]:
        return probs[len(gram)][gram]
    return backoffs[len(gram) - 1].get(gram[:-1], 1.0) * _prob(probs, backoffs, gram[1:])


def write_arpa(sentences: Iterable[str], path: Path, order: int = 3) -> Path:
    path.write_text(build_arpa(sentences, order), encoding="utf-8")
    return path


_MODEL_MARKS = (b"\\data\\", b"Trie Language Model", b"Darpa Trigram LM")
"""What starts a language model PocketSphinx reads: ARPA text, its binary, the old DMP."""


def looks_like_language_model(path: Path, head_bytes: int = 65536) -> bool:
    """Whether ``path`` starts as a language model does (compressed files are not looked
    into), so a damaged one is refused at once instead of after loading everything else."""
    if path.suffix in (".gz", ".bz2"):
        return True
    try:
        with path.open("rb") as file:
            head = file.read(head_bytes)
    except OSError:
        return False
    return any(mark in head for mark in _MODEL_MARKS)
