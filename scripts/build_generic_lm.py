"""Build voicepeer/recognition/data/generic_en.arpa.gz: a pruned trigram model of everyday
English from the generic US English model inside the pocketsphinx wheel (CMU, BSD licence).

The bundled dictation model mixes it with the peer-support model, so words outside the
peer-support corpus can still be heard. The wheel's model is a 72,000-word trigram model in
PocketSphinx's binary trie format, which PocketSphinx itself cannot write out as text (see
scripts/sphinx_trie.py): it is read directly.

Usage: .venv/bin/python -m scripts.build_generic_lm [--words N] [--bigrams N] [--trigrams N]
"""

from __future__ import annotations

import argparse
import gzip
import sys
from importlib import resources
from pathlib import Path

import pocketsphinx

from scripts.sphinx_trie import read_trie
from voicepeer.recognition.lm_mix import prune, to_arpa
from voicepeer.recognition.sphinx import PEER_SUPPORT_CORPUS

OUT = Path(__file__).resolve().parent.parent / "voicepeer/recognition/data/generic_en.arpa.gz"
NOTICE = """Pruned from the US English language model of PocketSphinx (en-us.lm.bin):
Copyright (c) 1999-2016 Carnegie Mellon University. All rights reserved.
Redistribution and use in source and binary forms, with or without modification, are
permitted under the BSD-style licence of PocketSphinx (see its LICENSE file): redistributions
must retain this copyright notice, this list of conditions and its disclaimer. THIS DATA IS
PROVIDED BY CARNEGIE MELLON UNIVERSITY AS IS AND ANY EXPRESSED OR IMPLIED WARRANTIES ARE
DISCLAIMED.
"""
WORDS, BIGRAMS, TRIGRAMS = 10_000, 100_000, 100_000
"""The sizes voicepeer ships (chosen on the tuning split, see README)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=WORDS)
    parser.add_argument("--bigrams", type=int, default=BIGRAMS)
    parser.add_argument("--trigrams", type=int, default=TRIGRAMS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    model = read_trie(Path(pocketsphinx.get_model_path("en-us/en-us.lm.bin")))
    corpus = resources.files("voicepeer.recognition").joinpath(PEER_SUPPORT_CORPUS)
    peer_words = set(corpus.read_text("utf-8").lower().split())
    pruned = prune(
        model,
        vocabulary_size=args.words,
        keep=peer_words,
        max_bigrams=args.bigrams,
        max_trigrams=args.trigrams,
    )
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(NOTICE + "\n" + to_arpa(pruned))
    sizes = ", ".join(f"{len(pruned.probs[n])} {n}-grams" for n in range(1, pruned.order + 1))
    print(f"{args.out}: {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
