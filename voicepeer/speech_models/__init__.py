"""Speech models: the catalogue, finding installed ones, downloading and checking them."""

from voicepeer.speech_models.catalogue import CATALOGUE, ModelInfo, catalogue_entry
from voicepeer.speech_models.download import download_model, install_archive
from voicepeer.speech_models.inventory import (
    ModelListing,
    ModelReport,
    list_models,
    load_vosk_model,
    pocketsphinx_model_dir,
    verify_models,
)
from voicepeer.speech_models.locations import find_vosk_model, korean_model_dir, models_dir
from voicepeer.speech_models.progress import ProgressBar
from voicepeer.speech_models.settings import ModelSettings

__all__ = [
    "CATALOGUE",
    "ModelInfo",
    "ModelListing",
    "ModelReport",
    "ModelSettings",
    "ProgressBar",
    "catalogue_entry",
    "download_model",
    "find_vosk_model",
    "install_archive",
    "korean_model_dir",
    "list_models",
    "load_vosk_model",
    "models_dir",
    "pocketsphinx_model_dir",
    "verify_models",
]
