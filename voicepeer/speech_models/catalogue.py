"""The speech models voicepeer knows about, described for a caregiver choosing one."""

from __future__ import annotations

from dataclasses import dataclass

from voicepeer.speech_models.settings import OFFICIAL_BASE_URL


@dataclass(frozen=True)
class ModelInfo:
    """One downloadable Vosk model."""

    name: str
    """The model's name, also its folder name and the archive's base name."""
    language: str
    """Language tag, e.g. "en-us"."""
    approx_size_mb: int
    """Approximate download size in megabytes."""
    description: str
    """Plain words for the person choosing a model."""
    sha256: str | None = None
    """Checksum of the archive when published; ``None`` means check the archive's contents."""

    @property
    def archive_name(self) -> str:
        return f"{self.name}.zip"

    def url(self, base_url: str = OFFICIAL_BASE_URL) -> str:
        """Where the archive is downloaded from (the Vosk project's site by default)."""
        return f"{base_url.rstrip('/')}/{self.archive_name}"


# The Vosk project does not publish checksums for its archives, so sha256 stays None and the
# installed files are checked instead (zip test plus required model files).
CATALOGUE: tuple[ModelInfo, ...] = (
    ModelInfo(
        name="vosk-model-small-en-us-0.15",
        language="en-us",
        approx_size_mb=40,
        description=(
            "Recommended. Small American English model: quick to download, runs faster than "
            "real time on a Raspberry Pi 4. Word error rate about 10 in 100 on clear speech."
        ),
    ),
    ModelInfo(
        name="vosk-model-en-us-0.22-lgraph",
        language="en-us",
        approx_size_mb=128,
        description=(
            "More accurate American English model (about 8 errors in 100 words). Needs more "
            "memory and is slower: best on a desktop or laptop computer."
        ),
    ),
    ModelInfo(
        name="vosk-model-en-us-0.22",
        language="en-us",
        approx_size_mb=1800,
        description=(
            "Most accurate American English model (about 6 errors in 100 words), but a 1.8 GB "
            "download that needs a strong desktop computer. Not for a Raspberry Pi."
        ),
    ),
)


def catalogue_entry(name: str) -> ModelInfo | None:
    """The catalogue entry called ``name`` (case-insensitive), or ``None``."""
    wanted = name.strip().lower()
    for info in CATALOGUE:
        if info.name.lower() == wanted:
            return info
    return None
