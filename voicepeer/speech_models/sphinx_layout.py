"""What a PocketSphinx model looks like on disk: the kind voicepeer has built in, which a
carer may copy into the models folder as they would a Vosk model.

voicepeer takes only its acoustic model from such a folder (``[recognition] model_path``,
with ``engine = "sphinx"``): the words and grammars come from voicepeer itself. The
acoustic model is the folder holding ``mdef``, either the model folder itself or a folder
inside it, as the pocketsphinx package lays out ``en-us/en-us``.
"""

from __future__ import annotations

from pathlib import Path

ACOUSTIC_FILES = ("mdef", "means", "variances", "transition_matrices", "feat.params")
"""Files PocketSphinx does not start without (a noise dictionary it does without)."""
MIXTURE_WEIGHTS = ("sendump", "mixture_weights")
"""One of these holds the mixture weights."""


def sphinx_acoustic_dir(folder: Path) -> Path | None:
    """The acoustic model of a PocketSphinx model in ``folder``, or ``None`` when ``folder``
    is no PocketSphinx model."""
    if (folder / "mdef").is_file():
        return folder
    try:
        inside = sorted(entry for entry in folder.iterdir() if entry.is_dir())
    except OSError:
        return None
    return next((entry for entry in inside if (entry / "mdef").is_file()), None)


def sphinx_problems(folder: Path, acoustic: Path) -> list[str]:
    """What PocketSphinx would miss in ``acoustic``, the acoustic model of the model in
    ``folder`` (files named from ``folder``)."""
    inside = acoustic.relative_to(folder)
    problems = []
    for name in ACOUSTIC_FILES:
        path = acoustic / name
        if not path.is_file():
            problems.append(f"missing {(inside / name).as_posix()}")
        elif path.stat().st_size == 0:
            problems.append(f"{(inside / name).as_posix()} is empty")
    if not any((acoustic / name).is_file() for name in MIXTURE_WEIGHTS):
        problems.append(" or ".join(f"missing {(inside / n).as_posix()}" for n in MIXTURE_WEIGHTS))
    return problems
