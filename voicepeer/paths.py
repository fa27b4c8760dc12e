"""Where voicepeer keeps its files, per the platform's conventions (XDG on Linux)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "voicepeer"


def config_dir() -> Path:
    """Directory of ``config.toml`` and the secrets file."""
    return Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Directory of durable user data: drafts, outbox, demo forum database, models."""
    return Path(platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    """Directory of data that can be rebuilt: the offline reading cache."""
    return Path(platformdirs.user_cache_dir(APP_NAME))


def state_dir() -> Path:
    """Directory of logs and reading positions."""
    return Path(platformdirs.user_state_dir(APP_NAME))
