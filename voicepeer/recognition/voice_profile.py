"""Where the result of voice training lives, and whether it can be used.

The result is a copy of the bundled acoustic model adapted to one person (about 7 MB),
in a folder of the data directory. It replaces the earlier one only whole: it is built
beside it and renamed into place.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from voicepeer import paths
from voicepeer.atomic import fsync_dir
from voicepeer.errors import VoiceTrainingError
from voicepeer.recognition.sphinx_files import bundled_model_dir

log = logging.getLogger(__name__)

PROFILE_NAME = "sphinx-en-us"
ABOUT_FILE = "voicepeer-training.json"
"""Written last into a trained model folder: when it was trained, from how many sentences."""
MODEL_FILES = (
    "mdef",
    "means",
    "variances",
    "sendump",
    "transition_matrices",
    "feat.params",
    "noisedict",
)
SAME_SIZE_FILES = ("means", "variances", "sendump", "transition_matrices")
"""Adaptation changes these files' numbers, never their size."""


def default_profile_path() -> Path:
    """Where voice training keeps its result."""
    return paths.data_dir() / "voice" / PROFILE_NAME


def check_profile(path: Path, base_model: Path | None = None) -> dict[str, object]:
    """What the trained model folder says about itself; :class:`VoiceTrainingError` unless it
    is whole and made for ``base_model`` (default: the bundled model)."""
    base = base_model or bundled_model_dir()
    try:
        about = json.loads((path / ABOUT_FILE).read_text("utf-8"))
        if not isinstance(about, dict):
            raise ValueError(f"{ABOUT_FILE} is not an object")
        missing = [name for name in MODEL_FILES if not (path / name).is_file()]
        if missing:
            raise ValueError(f"missing {', '.join(missing)}")
        resized = [
            name
            for name in SAME_SIZE_FILES
            if (path / name).stat().st_size != (base / name).stat().st_size
        ]
        if resized:
            raise ValueError(f"{', '.join(resized)} do not fit the speech model")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise VoiceTrainingError(
            f"the voice training in {path} is damaged ({error})",
            spoken="The record of your voice is damaged, so I am listening without it. "
            "Please ask your helper to do voice training again.",
        ) from error
    return about


def usable_profile(configured: Path | None) -> Path | None:
    """The trained model to load: the configured one or the default, when it is whole.

    A damaged one is logged and left out, so recognition still works without it."""
    path = configured or default_profile_path()
    restore_interrupted(path)
    if not path.exists():
        if configured is not None:
            log.warning("voice training %s does not exist; listening without it", path)
        return None
    try:
        check_profile(path)
    except VoiceTrainingError as error:
        log.warning("%s; listening without it", error)
        return None
    return path


def save_profile(model: Path, profile_path: Path, sentences: int, base_model: Path) -> None:
    """Put the adapted model folder ``model`` (adapted from ``base_model``) in place at
    ``profile_path``, whole."""
    parent = profile_path.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{profile_path.name}.new-", dir=parent))
    try:
        for name in MODEL_FILES:
            shutil.copyfile(model / name, staging / name)
        about = {"trained": datetime.now(UTC).isoformat(timespec="seconds"), "sentences": sentences}
        (staging / ABOUT_FILE).write_text(json.dumps(about), "utf-8")
        for item in staging.iterdir():
            with item.open("rb") as handle:
                os.fsync(handle.fileno())
        fsync_dir(staging)
        check_profile(staging, base_model)
        old = None
        if profile_path.exists():
            old = parent / f".{profile_path.name}.old-{os.getpid()}"
            profile_path.rename(old)
        staging.rename(profile_path)
        fsync_dir(parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def restore_interrupted(path: Path) -> None:
    """When ``path`` is missing, put back the training that a replacement interrupted
    between its two renames (see save_profile) had moved aside."""
    if path.exists():
        return
    for old in sorted(path.parent.glob(f".{path.name}.old-*")):
        try:
            old.rename(path)
        except OSError:
            continue
        log.info("restored the voice training from %s", old)
        return


def forget_voice(profile_path: Path | None = None) -> bool:
    """Delete the voice training result; False when there was none."""
    path = profile_path or default_profile_path()
    if not path.exists():
        return False
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    return True
