"""Where voicepeer keeps its files, per the platform's conventions (XDG on Linux)."""

from __future__ import annotations

import logging
import os
import re
import stat
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

APP_NAME = "voicepeer"


def config_dir() -> Path:
    """Directory of ``config.toml`` and the secrets file."""
    return Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Directory of durable user data: drafts, outbox, demo forum database, models."""
    return Path(platformdirs.user_data_dir(APP_NAME))


def forum_data_dir(forum_key: str) -> Path:
    """Drafts, outbox and reading places of one forum, kept apart from other forums' so a
    reply can never be posted to, or resumed on, the wrong forum."""
    safe = re.sub(r"[^a-z0-9.-]+", "_", forum_key.lower()).strip("_") or "forum"
    return data_dir() / "forums" / safe


def site_data_dirs() -> list[Path]:
    """Read-only data folders shared by every user, most important first (XDG_DATA_DIRS,
    by default /usr/local/share/voicepeer and /usr/share/voicepeer)."""
    folders = platformdirs.site_data_dir(APP_NAME, multipath=True).split(os.pathsep)
    return [Path(folder) for folder in folders if folder]


def cache_dir() -> Path:
    """Directory of data that can be rebuilt: the offline reading cache."""
    return Path(platformdirs.user_cache_dir(APP_NAME))


def state_dir() -> Path:
    """Directory of logs and reading positions."""
    return Path(platformdirs.user_state_dir(APP_NAME))


PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_places() -> tuple[Path, ...]:
    """Folders holding what the person read, dictated or keeps secret: forum data (drafts,
    outbox, reading places), the offline reading cache, logs and state, the learned voice."""
    return (data_dir() / "forums", data_dir() / "voice", cache_dir(), state_dir())


def private_files() -> tuple[Path, ...]:
    """Single private files in otherwise shared folders: the forum account keys."""
    return (config_dir() / "credentials.json",)


def make_private(path: Path) -> bool:
    """Tighten ``path`` (folder 0700, file 0600) if others may use it; says so in the log,
    naming the path only. Symbolic links are left alone. True when something changed."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode):
        return False
    wanted = PRIVATE_DIR_MODE if stat.S_ISDIR(info.st_mode) else PRIVATE_FILE_MODE
    current = stat.S_IMODE(info.st_mode)
    if not current & 0o077:
        return False
    os.chmod(path, current & wanted)
    log.warning(
        "made %s private (others could read it: mode %o, now %o)", path, current, current & wanted
    )
    return True


def secure_private_data() -> int:
    """Create the private folders owner-only and tighten whatever is in them, and the
    private files; run at start. Returns how many paths were tightened."""
    changed = 0
    data_dir().mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    changed += make_private(data_dir())
    for root in private_places():
        root.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        for folder, subfolders, files in os.walk(root):
            here = Path(folder)
            changed += make_private(here)
            changed += sum(make_private(here / name) for name in files)
            subfolders[:] = [name for name in subfolders if not (here / name).is_symlink()]
    changed += sum(make_private(path) for path in private_files())
    return changed
