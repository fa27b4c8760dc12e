"""Tunables of set-up itself: which forum to use, the log files and the health checks."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GeneralSettings:
    forum_url: str = ""
    """Web address of the forum to use, e.g. "https://forum.example.org"; empty means the
    built-in demo forum."""
    log_file_max_kb: int = field(default=1024, metadata={"min": 64, "max": 102_400})
    """Size in kilobytes at which the log file is set aside and a new one started."""
    log_file_backups: int = field(default=3, metadata={"min": 1, "max": 20})
    """How many old log files to keep (count)."""
    min_free_disk_mb: int = field(default=200, metadata={"min": 10, "max": 100_000})
    """Free space in megabytes 'voicepeer doctor' expects in the data folder, for drafts,
    the reading cache and speech models."""
