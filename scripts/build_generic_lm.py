"""Build voicepeer/recognition/data/generic_en.arpa.gz: a pruned bigram model of everyday
English from the generic US English model inside the pocketsphinx wheel (CMU, BSD licence).

The bundled dictation model mixes it with the peer-support model, so words outside the
peer-support corpus can still be heard. The wheel's model is a 72,000-word trigram model in
PocketSphinx's binary trie format; its writers stop with a crash in the trigram section
(PocketSphinx 5.1.1's ``NGramModel.write`` and sphinx_lm_convert alike), so the ARPA text is
written by a child process and read up to the end of its complete bigram section.

Usage: .venv/bin/python -m scripts.build_generic_lm [--words N] [--bigrams N]
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path

from voicepeer.recognition.lm_mix import prune, read_arpa, to_arpa
from voicepeer.recognition.sphinx import PEER_SUPPORT_CORPUS

OUT = Path(__file__).resolve().parent.parent / "voicepeer/recognition/data/generic_en.arpa.gz"
_WRITE = """
import sys, pocketsphinx
model = pocketsphinx.NGramModel.readfile(pocketsphinx.get_model_path("en-us/en-us.lm.bin"))
model.write(sys.argv[1], pocketsphinx.NGramModel.str_to_type("arpa"))
"""
NOTICE = """Pruned from the US English language model of PocketSphinx (en-us.lm.bin):
Copyright (c) 1999-2016 Carnegie Mellon University. All rights reserved.
Redistribution and use in source and binary forms, with or without modification, are
permitted under the BSD-style licence of PocketSphinx (see its LICENSE file): redistributions
must retain this copyright notice, this list of conditions and its disclaimer. THIS DATA IS
PROVIDED BY CARNEGIE MELLON UNIVERSITY AS IS AND ANY EXPRESSED OR IMPLIED WARRANTIES ARE
DISCLAIMED.
"""


def generic_bigram_lines(folder: Path) -> list[str]:
    """The unigram and bigram sections of the wheel's model, as ARPA lines."""
    path = folder / "generic.arpa"
    subprocess.run([sys.executable, "-c", _WRITE, str(path)], check=False, capture_output=True)
    lines = path.read_text("utf-8").splitlines(keepends=True)
    if not lines[-1].endswith("\n"):
        lines.pop()  # cut off mid-line by the crash
    header = [line for line in lines[:6] if line.startswith("ngram ")]
    bigrams_expected = int(header[1].split("=")[1])
    start = next(i for i, line in enumerate(lines) if line.startswith("\\2-grams:"))
    body = [line for line in lines[start + 1 :] if line.strip() and not line.startswith("\\")]
    if len(body) < bigrams_expected * 0.99:
        raise SystemExit(f"only {len(body)} of {bigrams_expected} bigrams were written")
    kept = [line for line in lines[: start + 1] if not line.startswith("ngram 3")]
    return [*kept, *body, "\n\\end\\\n"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--bigrams", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        model = read_arpa(generic_bigram_lines(Path(folder)))
    corpus = resources.files("voicepeer.recognition").joinpath(PEER_SUPPORT_CORPUS)
    peer_words = set(corpus.read_text("utf-8").lower().split())
    pruned = prune(model, vocabulary_size=args.words, keep=peer_words, max_bigrams=args.bigrams)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(NOTICE + "\n" + to_arpa(pruned))
    print(f"{OUT}: {len(pruned.probs[1])} words, {len(pruned.probs[2])} bigrams")
    return 0


if __name__ == "__main__":
    sys.exit(main())
