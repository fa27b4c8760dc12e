"""Tunables of set-up itself: which forum to use and what the health checks expect."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GeneralSettings:
    forum_url: str = field(default="", metadata={"check": "web_address_or_empty"})
    """Web address of the forum to use, e.g. "https://forum.example.org"; empty means the
    built-in demo forum."""
    min_free_disk_mb: int = field(default=200, metadata={"min": 10, "max": 100_000})
    """Free space in megabytes 'voicepeer doctor' expects in the data folder, for drafts,
    the reading cache and speech models."""
    transcript: bool = False
    """Write a live transcript of what voicepeer heard, said and did, for a helper sitting
    beside the person to follow with 'voicepeer transcript'. It holds what the person said,
    so it is off by default and the file is readable by the person only."""
