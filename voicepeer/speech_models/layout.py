"""What a usable Vosk model looks like on disk and inside its zip archive.

The Vosk project's models share one layout: the acoustic model ``am/final.mdl``, feature
settings in ``conf/``, and a decoding graph in ``graph/`` — either ``HCLG.fst`` (large
models) or the lookahead pair ``HCLr.fst`` + ``Gr.fst`` (the small and "lgraph" models).
The ``ivector/`` folder and ``graph/phones/word_boundary.int`` are optional to Vosk.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

REQUIRED_FILES: tuple[str, ...] = ("am/final.mdl", "conf/mfcc.conf", "conf/model.conf")
GRAPH_CHOICES: tuple[tuple[str, ...], ...] = (
    ("graph/HCLr.fst", "graph/Gr.fst"),
    ("graph/HCLG.fst",),
)


def missing_files(present: Iterable[str]) -> list[str]:
    """Required files absent from ``present`` (paths relative to the model folder, "/")."""
    have = set(present)
    missing = [name for name in REQUIRED_FILES if name not in have]
    if not any(all(name in have for name in choice) for choice in GRAPH_CHOICES):
        missing.append("graph/HCLr.fst and graph/Gr.fst (or graph/HCLG.fst)")
    return missing


def folder_problems(model_dir: Path) -> list[str]:
    """Everything wrong with an installed model folder; empty when it looks usable."""
    if not model_dir.is_dir():
        return [f"{model_dir} is not a folder"]
    present = []
    empty = []
    for path in model_dir.rglob("*"):
        if path.is_file():
            relative = path.relative_to(model_dir).as_posix()
            present.append(relative)
            if path.stat().st_size == 0:
                empty.append(relative)
    problems = [f"missing {name}" for name in missing_files(present)]
    needed = set(REQUIRED_FILES).union(*GRAPH_CHOICES)
    problems += [f"{name} is empty" for name in sorted(empty) if name in needed]
    return problems


def archive_root(names: Iterable[str]) -> str:
    """The folder inside the archive that holds the model ("" when files sit at the top).

    Official archives hold one top folder named after the model.
    """
    tops = {PurePosixPath(name).parts[0] for name in names if name.strip("/")}
    if len(tops) == 1:
        top = next(iter(tops))
        if any(name.startswith(top + "/") for name in names):
            return top
    return ""


def archive_problems(archive: Path) -> list[str]:
    """Everything wrong with a downloaded model archive; empty when it can be installed."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            bad_member = zipped.testzip()
            if bad_member is not None:
                return [f"damaged file in the archive: {bad_member}"]
            names = [info.filename for info in zipped.infolist()]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as error:
        return [f"not a readable zip archive ({error})"]
    unsafe = [name for name in names if _escapes(name)]
    if unsafe:
        return [f"archive contains unsafe paths such as {unsafe[0]!r}"]
    root = archive_root(names)
    prefix = root + "/" if root else ""
    inside = [name[len(prefix) :] for name in names if name.startswith(prefix)]
    return [f"missing {name}" for name in missing_files(inside)]


def _escapes(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    if not path.parts:
        return False
    # Absolute paths, "..", and drive letters could write outside the install folder.
    return path.is_absolute() or ".." in path.parts or ":" in path.parts[0]
