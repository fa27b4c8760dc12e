"""Tunables for finding and downloading speech models."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_VOSK_MODEL = "vosk-model-small-en-us-0.15"
OFFICIAL_BASE_URL = "https://alphacephei.com/vosk/models/"


@dataclass(frozen=True)
class ModelSettings:
    """Which Vosk model voicepeer uses and where it fetches models from."""

    vosk_model: str = DEFAULT_VOSK_MODEL
    """Name of the Vosk model to use, as listed by `voicepeer models list`."""
    model_base_url: str = field(default=OFFICIAL_BASE_URL, metadata={"check": "web_address"})
    """Web address the model archives are downloaded from (the Vosk project's own site)."""
    models_dir: str = field(default="", metadata={"check": "folder_or_empty"})
    """Folder holding the models; empty means automatic (the checkout's models/ folder or the
    user's data folder)."""
    download_timeout_s: float = field(default=30.0, metadata={"min": 1.0, "max": 600.0})
    """Seconds to wait for the download server to answer before giving up on an attempt."""
    download_attempts: int = field(default=5, metadata={"min": 1, "max": 50})
    """How many times a dropped download is resumed before voicepeer gives up."""
    retry_pause_s: float = field(default=2.0, metadata={"min": 0.0, "max": 60.0})
    """Seconds to wait before resuming a dropped download."""
