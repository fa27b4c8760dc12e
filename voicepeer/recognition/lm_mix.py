"""Backoff n-gram models read from ARPA text, mixed by linear interpolation and pruned.

Mixing is static interpolation (as SRILM's ``ngram -mix-lm`` does it): the mixed model has
every n-gram any part has, each with the weighted sum of the parts' probabilities (each part
backing off in its own way), and backoff weights computed afresh so that every history's
probabilities sum to one. PocketSphinx then decodes with one ordinary backoff model.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field

BOS, EOS, UNK = "<s>", "</s>", "<unk>"
_FLOOR = 1e-99

Gram = tuple[str, ...]


@dataclass
class BackoffModel:
    """Probabilities (not logarithms) by n-gram, and backoff weights by history."""

    probs: list[dict[Gram, float]] = field(default_factory=list)
    """``probs[n]`` holds the n-grams; ``probs[0]`` is unused."""
    backoffs: dict[Gram, float] = field(default_factory=dict)

    @property
    def order(self) -> int:
        return len(self.probs) - 1

    def vocabulary(self) -> set[str]:
        return {w for (w,) in self.probs[1]}

    def prob(self, gram: Gram) -> float:
        """p(last word | the words before it), backing off to shorter histories."""
        weight = 1.0
        while gram:
            found = self.probs[len(gram)].get(gram) if len(gram) <= self.order else None
            if found is not None:
                return weight * found
            weight *= self.backoffs.get(gram[:-1], 1.0)
            gram = gram[1:]
        return weight * _FLOOR


def read_arpa(text: str | Iterable[str]) -> BackoffModel:
    """A model from ARPA text (a string or its lines)."""
    lines = text.splitlines() if isinstance(text, str) else text
    model = BackoffModel()
    order = 0
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("\\data\\"):
            continue
        if line.startswith("ngram "):
            model.probs = [{} for _ in range(int(line[6:].split("=")[0]) + 1)]
            continue
        if line.startswith("\\") and line.endswith("-grams:"):
            order = int(line[1:].split("-")[0])
            continue
        if line == "\\end\\":
            break
        if order == 0:
            continue
        fields = line.split()
        gram = tuple(fields[1 : 1 + order])
        if len(gram) < order:
            raise ValueError(f"a {order}-gram line has too few words: {line!r}")
        model.probs[order][gram] = 0.0 if gram == (BOS,) else 10.0 ** float(fields[0])
        if len(fields) > order + 1:
            model.backoffs[gram] = 10.0 ** float(fields[order + 1])
    if len(model.probs) < 2:
        raise ValueError("no n-grams in the ARPA text")
    return model


def renormalize(model: BackoffModel) -> BackoffModel:
    """``model`` with its unigrams summing to one and every backoff weight recomputed
    from the n-grams it has (after pruning, or for a mixture)."""
    unigrams = model.probs[1]
    total = sum(p for w, p in unigrams.items() if w != (BOS,))
    for gram in unigrams:
        unigrams[gram] = unigrams[gram] / total if gram != (BOS,) else 0.0
    model.backoffs = {}
    for n in range(2, model.order + 1):
        seen: dict[Gram, list[Gram]] = defaultdict(list)
        for gram in model.probs[n]:
            seen[gram[:-1]].append(gram)
        for history, grams in seen.items():
            kept = sum(model.probs[n][g] for g in grams)
            lower = sum(model.prob(g[1:]) for g in grams)
            if kept >= 1.0:
                # Rounding in the parts can leave no mass to share; scale the seen words down.
                for g in grams:
                    model.probs[n][g] *= 0.999 / kept
                kept = 0.999
            model.backoffs[history] = (1.0 - kept) / max(1e-12, 1.0 - lower)
    return model


def mix(
    parts: Sequence[tuple[float, BackoffModel]], vocabulary: set[str] | None = None
) -> BackoffModel:
    """The interpolation of ``parts`` (weight, model); weights are normalized. Every part
    is asked about every word of the mixed vocabulary (the union of the parts', or
    ``vocabulary``), so a word one part lacks keeps the others' probability."""
    total = sum(w for w, _ in parts)
    weighted = [(w / total, m) for w, m in parts if w > 0]
    words = (
        vocabulary
        if vocabulary is not None
        else set().union(*(m.vocabulary() for _, m in weighted))
    )
    order = max(m.order for _, m in weighted)
    mixed = BackoffModel([{} for _ in range(order + 1)])
    grams_by_order: list[set[Gram]] = [set() for _ in range(order + 1)]
    grams_by_order[1] = {(w,) for w in words} | {(BOS,), (EOS,)}
    for _, model in weighted:
        for n in range(2, model.order + 1):
            grams_by_order[n] |= {
                g for g in model.probs[n] if all(w in words or w in (BOS, EOS) for w in g)
            }
    for n in range(1, order + 1):
        for gram in grams_by_order[n]:
            mixed.probs[n][gram] = sum(w * m.prob(gram) for w, m in weighted)
    # Lower orders first: renormalize() asks prob() of shorter n-grams while it works.
    return renormalize(mixed)


def prune(
    model: BackoffModel,
    *,
    vocabulary_size: int,
    keep: Set[str] = frozenset(),
    max_bigrams: int,
    max_trigrams: int = 0,
) -> BackoffModel:
    """A model of ``model`` with its ``vocabulary_size`` likeliest words plus ``keep``, and
    the ``max_bigrams`` bigrams and ``max_trigrams`` trigrams among them that differ most
    from their backoff estimate, weighted by how often their history occurs (Stolcke's
    criterion, approximated). A kept trigram keeps its history's bigram, which holds the
    history's backoff weight."""
    ranked = sorted((p, w) for (w,), p in model.probs[1].items() if w not in (BOS, EOS, UNK))
    words = {w for _, w in ranked[-vocabulary_size:]} | (keep & model.vocabulary())
    order = 3 if max_trigrams > 0 and model.order >= 3 else 2
    pruned = BackoffModel([{} for _ in range(order + 1)])
    pruned.probs[1] = {
        (w,): model.probs[1][(w,)] for w in words | {BOS, EOS} if (w,) in model.probs[1]
    }
    bigrams = _most_telling(model, 2, words, max_bigrams)
    if order == 3:
        trigrams = _most_telling(model, 3, words, max_trigrams)
        bigrams |= {g[:2] for g in trigrams if g[:2] in model.probs[2]}
        pruned.probs[3] = {g: model.probs[3][g] for g in trigrams if g[:2] in model.probs[2]}
    pruned.probs[2] = {g: model.probs[2][g] for g in bigrams}
    return renormalize(pruned)


def _most_telling(model: BackoffModel, n: int, words: Set[str], count: int) -> set[Gram]:
    """The ``count`` n-grams of ``model`` over ``words`` whose probability differs most from
    its backoff estimate, each weighted by its history's probability."""
    scored = []
    for gram, p in model.probs[n].items():
        if not all(w in words or w in (BOS, EOS) for w in gram):
            continue
        estimate = model.backoffs.get(gram[:-1], 1.0) * model.prob(gram[1:])
        history = _history_prob(model, gram[:-1])
        scored.append((history * p * math.log(p / max(estimate, _FLOOR)), gram))
    scored.sort(reverse=True)
    return {gram for _, gram in scored[:count]}


def _history_prob(model: BackoffModel, history: Gram) -> float:
    """About how often ``history`` occurs: a sentence start counts as a common word."""
    p = 0.05 if history[0] == BOS else model.probs[1].get(history[:1], _FLOOR)
    for i in range(1, len(history)):
        p *= model.prob(history[: i + 1])
    return p


def to_arpa(model: BackoffModel) -> str:
    lines = ["\\data\\"]
    lines += [f"ngram {n}={len(model.probs[n])}" for n in range(1, model.order + 1)]
    for n in range(1, model.order + 1):
        lines += ["", f"\\{n}-grams:"]
        for gram in sorted(model.probs[n]):
            p = model.probs[n][gram]
            fields = [f"{-99.0 if p <= 0 else math.log10(max(p, _FLOOR)):.4f}", " ".join(gram)]
            if n < model.order and gram in model.backoffs:
                fields.append(f"{math.log10(max(model.backoffs[gram], _FLOOR)):.4f}")
            lines.append("\t".join(fields))
    lines += ["", "\\end\\", ""]
    return "\n".join(lines)
