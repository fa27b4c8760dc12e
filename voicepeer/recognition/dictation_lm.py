"""The bundled engine's dictation language model: the peer-support model mixed with everyday
English, and a reply's context mixed in on top.

The everyday English part is a pruned trigram model of the generic US English model in the
pocketsphinx wheel (10,000 words, 100,000 bigrams, 100,000 trigrams; built by
scripts/build_generic_lm.py).
Mixing takes seconds (the Python binding of PocketSphinx cannot interpolate models as it
loads them), so the mixed model is written once to the data folder (``models/``) the first
time it is needed and loaded from there afterwards; one prepared ahead of time (``voicepeer
prepare``) in a shared folder (:func:`shared_model_folders`) is used as it is.
A reply's context (the post answered, the title, the names) is mixed in by adding its
probabilities to those of the mixed model for the n-grams the context has, and recomputing
the backoff weights of those histories only: the same as a full interpolation up to a
constant factor, for the n-grams the context has, and about a second instead of several.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import logging
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from voicepeer.atomic import atomic_write_text
from voicepeer.paths import cache_dir, site_data_dirs
from voicepeer.recognition.arpa import build_arpa
from voicepeer.recognition.lm_mix import BOS, BackoffModel, Gram, mix, read_arpa, to_arpa

log = logging.getLogger(__name__)

GENERIC_MODEL = "data/generic_en.arpa.gz"
GENERIC_WEIGHT = 0.5
"""Share of everyday English in the dictation model (tuned on the tuning split only: after
voice training, where the words weigh more, half heard general English and replies best)."""
COMMAND_WEIGHT = 0.2
"""Share of the commands that name a word of the reply ("correct fatigue"): heard by their
readings in dictation, they must stay likely at the start of an utterance. Mixed in with
the peer-support replies alone, everyday English made them too rare to be heard."""
CONTEXT_WEIGHT = 0.3
"""Share of a reply's context in the dictation model while replying."""
MODEL_PREFIX = "dictation-"
"""Mixed models are files named so, with a digest of what they were built from."""


def generic_model() -> BackoffModel:
    data = resources.files("voicepeer.recognition").joinpath(GENERIC_MODEL).read_bytes()
    return read_arpa(gzip.decompress(data).decode("utf-8"))


@functools.cache
def _generic_model_digest() -> bytes:
    """Digest of the bundled everyday English model (1.6 MB), part of every model's name."""
    source = resources.files("voicepeer.recognition").joinpath(GENERIC_MODEL).read_bytes()
    return hashlib.sha256(source).digest()


@dataclass(frozen=True)
class DictationSources:
    """What a mixed dictation model is made of. Its file name is a digest of these and of
    the everyday English model, so a file of that name, wherever it is, is this model."""

    peer_support: tuple[str, ...]
    """Forum-style replies and the sentences said while dictating."""
    commands: tuple[str, ...] = ()
    """Commands that name a word of the reply, given their own share
    (:data:`COMMAND_WEIGHT`)."""
    generic_weight: float = GENERIC_WEIGHT
    """Share of everyday English; 0 for the peer-support model alone."""

    @functools.cached_property
    def file_name(self) -> str:
        # Asked for in every folder searched, then to build: digested once.
        digest = hashlib.sha256("\n".join([*self.peer_support, "", *self.commands]).encode())
        digest.update(f"{self.generic_weight}".encode())
        digest.update(_generic_model_digest())
        return f"{MODEL_PREFIX}{digest.hexdigest()[:16]}.lm"

    def build(self, folder: Path) -> Path:
        """Mix the model into ``folder`` (seconds; half a minute on a Raspberry Pi) and
        return its file. Nothing else in ``folder`` is touched."""
        peer = read_arpa(build_arpa(self.peer_support))
        parts = [(1.0 - self.generic_weight, peer)]
        if self.generic_weight > 0:
            parts.append((self.generic_weight, generic_model()))
        if self.commands:
            parts = [(w * (1.0 - COMMAND_WEIGHT), m) for w, m in parts]
            parts.append((COMMAND_WEIGHT, read_arpa(build_arpa(self.commands))))
        mixed = mix(parts) if len(parts) > 1 else peer
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / self.file_name
        # Readable by all: a model built for a system image is shared by every user.
        atomic_write_text(path, to_arpa(mixed), mode=0o644)
        log.info("built the mixed dictation model %s", path.name)
        return path


def shared_model_folders() -> list[Path]:
    """Read-only folders where a system image or an administrator may keep prepared
    dictation models for every user: ``models`` in each site data folder (XDG_DATA_DIRS,
    e.g. /usr/local/share/voicepeer/models)."""
    return [folder / "models" for folder in site_data_dirs()]


def find_model(sources: DictationSources, folders: Sequence[Path]) -> Path | None:
    """The first readable file of the model of ``sources`` in ``folders``, if any."""
    for folder in folders:
        path = folder / sources.file_name
        if path.is_file() and os.access(path, os.R_OK):
            return path
    return None


def prepared_model(
    sources: DictationSources, folder: Path, shared: Sequence[Path] | None = None
) -> Path:
    """The model of ``sources``: from the person's ``folder``, else from a ``shared``
    folder (by default :func:`shared_model_folders`), else built into ``folder`` the first
    time. Earlier models are removed from ``folder`` only, never from a shared one."""
    shared = shared_model_folders() if shared is None else shared
    found = find_model(sources, [folder, *shared])
    if found is not None:
        return found
    path = sources.build(folder)
    # Earlier versions of voicepeer kept them in the cache folder.
    remove_earlier_models(path, [folder, cache_dir() / "models"], keep=shared)
    return path


def remove_earlier_models(
    current: Path, folders: Sequence[Path], keep: Sequence[Path] | None = None
) -> None:
    """Delete the mixed models built before ``current`` (for other sentences, shares or
    everyday English) from ``folders``: nothing uses them any more. They hold only
    voicepeer's own sentences, never anything read or dictated (a reply's context is
    mixed into a temporary file, deleted as soon as the recognizer has loaded it).
    Folders among ``keep`` (by default the shared folders) are left alone even when
    named: others' models live there."""
    kept = {_resolved(f) for f in (shared_model_folders() if keep is None else keep)}
    for folder in folders:
        if _resolved(folder) in kept:
            continue
        for old in folder.glob(f"{MODEL_PREFIX}*.lm"):
            if old != current:
                with contextlib.suppress(OSError):
                    old.unlink()
                    log.info("removed the earlier dictation model %s", old.name)


def _resolved(folder: Path) -> Path:
    try:
        return folder.resolve()
    except OSError:
        return folder


def model_words(path: Path) -> set[str]:
    """The words of an ARPA model (its unigrams), read without reading the rest."""
    words: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("\\1-grams:"):
                break
        for line in lines:
            if line.startswith("\\"):
                break
            fields = line.split()
            if len(fields) >= 2:
                words.add(fields[1])
    return words


class ContextMixer:
    """A dictation model with a reply's context mixed in, built from ``base`` (the mixed
    model's ARPA file, read the first time a context is given)."""

    def __init__(self, base: Path, weight: float = CONTEXT_WEIGHT) -> None:
        self.base = base
        """The mixed model's ARPA file, the dictation model when there is no context."""
        self._weight = weight
        self._base: BackoffModel | None = None
        self._followers: dict[Gram, list[Gram]] = {}

    def _load(self) -> BackoffModel:
        if self._base is None:
            self._base = read_arpa(self.base.read_text("utf-8"))
            followers: dict[Gram, list[Gram]] = defaultdict(list)
            for n in range(2, self._base.order + 1):
                for gram in self._base.probs[n]:
                    followers[gram[:-1]].append(gram)
            self._followers = dict(followers)
        return self._base

    def with_context(self, sentences: Sequence[str]) -> str:
        """ARPA text of the base model with ``sentences`` mixed in (the base when none)."""
        base = self._load()
        if not any(s.split() for s in sentences):
            return to_arpa(base)
        context = read_arpa(build_arpa(sentences))
        kappa = self._weight / (1.0 - self._weight)
        out = BackoffModel([dict(p) for p in base.probs], dict(base.backoffs))
        added: dict[Gram, list[Gram]] = defaultdict(list)
        for n in range(1, min(base.order, context.order) + 1):
            for gram, p in context.probs[n].items():
                if gram == (BOS,):
                    continue
                if gram not in base.probs[n]:
                    added[gram[:-1]].append(gram)
                out.probs[n][gram] = base.prob(gram) + kappa * p
        # Every history's probabilities now sum to 1 + kappa; those the context touched get
        # backoff weights for that sum (lower orders first: higher ones back off to them).
        for n in range(2, min(base.order, context.order) + 1):
            histories = {g[:-1] for g in context.probs[n]}
            for history in histories:
                seen = [*self._followers.get(history, ()), *added.get(history, ())]
                kept = sum(out.probs[n][g] for g in seen)
                lower = sum(out.prob(g[1:]) for g in seen)
                out.backoffs[history] = max(1e-6, 1.0 + kappa - kept) / max(
                    1e-6, 1.0 + kappa - lower
                )
        return to_arpa(out)
